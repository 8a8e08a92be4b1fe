"""The whole data model of docs/data-model.md (frozen: plain column types, no app imports).

Revision ID: 0001
Revises:
Create Date: 2026-11-24 04:17:42.437007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audience_profile",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("ceiling", sa.SmallInteger(), nullable=False),
        sa.Column("field_rules", sa.JSON(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audience_profile")),
        sa.UniqueConstraint("name", name=op.f("uq_audience_profile_name")),
        sa.UniqueConstraint("uid", name=op.f("uq_audience_profile_uid")),
    )
    with op.batch_alter_table("audience_profile", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_audience_profile_sensitivity"), ["sensitivity"], unique=False
        )

    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("record_uid", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_log_changed_at"), ["changed_at"], unique=False)

    op.create_table(
        "contact",
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("display_name", sa.String(length=300), nullable=False),
        sa.Column("surname", sa.String(length=120), nullable=False),
        sa.Column("given_names", sa.String(length=200), nullable=False),
        sa.Column("honorific", sa.String(length=60), nullable=False),
        sa.Column("organization", sa.String(length=300), nullable=False),
        sa.Column("organization_type", sa.String(length=40), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("living", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
        sa.UniqueConstraint("uid", name=op.f("uq_contact_uid")),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_display_name"), ["display_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_sensitivity"), ["sensitivity"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_surname"), ["surname"], unique=False)

    op.create_table(
        "import_batch",
        sa.Column("file_name", sa.String(length=1000), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("column_mapping", sa.JSON(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batch")),
        sa.UniqueConstraint("uid", name=op.f("uq_import_batch_uid")),
    )
    with op.batch_alter_table("import_batch", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_import_batch_sensitivity"), ["sensitivity"], unique=False
        )

    op.create_table(
        "meeting",
        sa.Column("meeting_type", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=True),
        sa.Column("ends_at", sa.DateTime(), nullable=True),
        sa.Column("all_day", sa.Boolean(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("minutes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
        sa.UniqueConstraint("uid", name=op.f("uq_meeting_uid")),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_sensitivity"), ["sensitivity"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_starts_at"), ["starts_at"], unique=False)

    op.create_table(
        "packet_template",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("sections", sa.JSON(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_packet_template")),
        sa.UniqueConstraint("name", name=op.f("uq_packet_template_name")),
        sa.UniqueConstraint("uid", name=op.f("uq_packet_template_uid")),
    )
    with op.batch_alter_table("packet_template", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_packet_template_sensitivity"), ["sensitivity"], unique=False
        )

    op.create_table(
        "place",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("place_type", sa.String(length=40), nullable=False),
        sa.Column("country", sa.String(length=100), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("ambiguity_warning", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_place")),
        sa.UniqueConstraint("uid", name=op.f("uq_place_uid")),
    )
    with op.batch_alter_table("place", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_place_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_place_sensitivity"), ["sensitivity"], unique=False)

    op.create_table(
        "source",
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("author", sa.String(length=300), nullable=False),
        sa.Column("date", sa.Text(), nullable=True),
        sa.Column("source_type", sa.String(length=40), nullable=False),
        sa.Column("repository", sa.String(length=300), nullable=False),
        sa.Column("locator", sa.String(length=300), nullable=False),
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source")),
        sa.UniqueConstraint("uid", name=op.f("uq_source_uid")),
    )
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_source_sensitivity"), ["sensitivity"], unique=False)
        batch_op.create_index(batch_op.f("ix_source_title"), ["title"], unique=False)

    op.create_table(
        "tag",
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("color", sa.String(length=9), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag")),
        sa.UniqueConstraint("name", name=op.f("uq_tag_name")),
        sa.UniqueConstraint("uid", name=op.f("uq_tag_uid")),
    )
    with op.batch_alter_table("tag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tag_sensitivity"), ["sensitivity"], unique=False)

    op.create_table(
        "agenda_item",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("presenter_id", sa.Integer(), nullable=True),
        sa.Column("minutes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_agenda_item_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["presenter_id"],
            ["contact.id"],
            name=op.f("fk_agenda_item_presenter_id_contact"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_item")),
        sa.UniqueConstraint("uid", name=op.f("uq_agenda_item_uid")),
    )
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agenda_item_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_agenda_item_sensitivity"), ["sensitivity"], unique=False
        )

    op.create_table(
        "attendance",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("invited", sa.Boolean(), nullable=False),
        sa.Column("attended", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_attendance_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_attendance_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
        sa.UniqueConstraint("uid", name=op.f("uq_attendance_uid")),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendance_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attendance_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_attendance_sensitivity"), ["sensitivity"], unique=False
        )

    op.create_table(
        "contact_address",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=60), nullable=False),
        sa.Column("street", sa.String(length=300), nullable=False),
        sa.Column("city", sa.String(length=120), nullable=False),
        sa.Column("region", sa.String(length=120), nullable=False),
        sa.Column("postal_code", sa.String(length=20), nullable=False),
        sa.Column("country", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_address_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_address")),
        sa.UniqueConstraint("uid", name=op.f("uq_contact_address_uid")),
    )
    with op.batch_alter_table("contact_address", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_address_contact_id"), ["contact_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_contact_address_sensitivity"), ["sensitivity"], unique=False
        )

    op.create_table(
        "contact_email",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=60), nullable=False),
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_email_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_email")),
        sa.UniqueConstraint("uid", name=op.f("uq_contact_email_uid")),
    )
    with op.batch_alter_table("contact_email", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_email_contact_id"), ["contact_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_contact_email_sensitivity"), ["sensitivity"], unique=False
        )

    op.create_table(
        "contact_phone",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=60), nullable=False),
        sa.Column("number", sa.String(length=80), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_phone_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_phone")),
        sa.UniqueConstraint("uid", name=op.f("uq_contact_phone_uid")),
    )
    with op.batch_alter_table("contact_phone", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_phone_contact_id"), ["contact_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_contact_phone_sensitivity"), ["sensitivity"], unique=False
        )

    op.create_table(
        "contact_tag",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_contact_tag_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tag.id"], name=op.f("fk_contact_tag_tag_id_tag"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("contact_id", "tag_id", name=op.f("pk_contact_tag")),
    )
    with op.batch_alter_table("contact_tag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_tag_tag_id"), ["tag_id"], unique=False)

    op.create_table(
        "incident",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("date", sa.Text(), nullable=True),
        sa.Column("date_sort", sa.BigInteger(), nullable=True),
        sa.Column("place_id", sa.Integer(), nullable=True),
        sa.Column("place_text", sa.String(length=300), nullable=False),
        sa.Column("incident_type", sa.String(length=40), nullable=False),
        sa.Column("narrative", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["place_id"], ["place.id"], name=op.f("fk_incident_place_id_place"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident")),
        sa.UniqueConstraint("uid", name=op.f("uq_incident_uid")),
    )
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incident_date_sort"), ["date_sort"], unique=False)
        batch_op.create_index(batch_op.f("ix_incident_sensitivity"), ["sensitivity"], unique=False)

    op.create_table(
        "meeting_tag",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_tag_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tag.id"], name=op.f("fk_meeting_tag_tag_id_tag"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("meeting_id", "tag_id", name=op.f("pk_meeting_tag")),
    )
    with op.batch_alter_table("meeting_tag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_tag_tag_id"), ["tag_id"], unique=False)

    op.create_table(
        "packet_run",
        sa.Column("template_name", sa.String(length=120), nullable=False),
        sa.Column("template_sections", sa.JSON(), nullable=False),
        sa.Column("audience_id", sa.Integer(), nullable=True),
        sa.Column("audience_name", sa.String(length=120), nullable=False),
        sa.Column("ceiling", sa.SmallInteger(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("built_at", sa.DateTime(), nullable=False),
        sa.Column("output_path", sa.String(length=2000), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=False),
        sa.Column("redaction_log", sa.JSON(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["audience_id"],
            ["audience_profile.id"],
            name=op.f("fk_packet_run_audience_id_audience_profile"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_packet_run_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_packet_run")),
        sa.UniqueConstraint("uid", name=op.f("uq_packet_run_uid")),
    )
    with op.batch_alter_table("packet_run", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_packet_run_sensitivity"), ["sensitivity"], unique=False
        )

    op.create_table(
        "place_name",
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("language", sa.String(length=40), nullable=False),
        sa.Column("period", sa.String(length=100), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["place.id"],
            name=op.f("fk_place_name_place_id_place"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_place_name")),
        sa.UniqueConstraint("uid", name=op.f("uq_place_name_uid")),
    )
    with op.batch_alter_table("place_name", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_place_name_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_place_name_place_id"), ["place_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_place_name_sensitivity"), ["sensitivity"], unique=False
        )

    op.create_table(
        "source_tag",
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_source_tag_source_id_source"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tag.id"], name=op.f("fk_source_tag_tag_id_tag"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("source_id", "tag_id", name=op.f("pk_source_tag")),
    )
    with op.batch_alter_table("source_tag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_source_tag_tag_id"), ["tag_id"], unique=False)

    op.create_table(
        "timeline_event",
        sa.Column("date", sa.Text(), nullable=True),
        sa.Column("date_sort", sa.BigInteger(), nullable=True),
        sa.Column("date_earliest", sa.Integer(), nullable=True),
        sa.Column("date_latest", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=True),
        sa.Column("place_text", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["place_id"],
            ["place.id"],
            name=op.f("fk_timeline_event_place_id_place"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timeline_event")),
        sa.UniqueConstraint("uid", name=op.f("uq_timeline_event_uid")),
    )
    with op.batch_alter_table("timeline_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_timeline_event_category"), ["category"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_timeline_event_date_earliest"), ["date_earliest"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_timeline_event_date_sort"), ["date_sort"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_timeline_event_sensitivity"), ["sensitivity"], unique=False
        )

    op.create_table(
        "serviceman",
        sa.Column("surname", sa.String(length=120), nullable=False),
        sa.Column("given_names", sa.String(length=200), nullable=False),
        sa.Column("suffix", sa.String(length=20), nullable=False),
        sa.Column("service_number", sa.String(length=20), nullable=False),
        sa.Column("branch", sa.String(length=40), nullable=True),
        sa.Column("rank", sa.String(length=80), nullable=False),
        sa.Column("unit", sa.String(length=300), nullable=False),
        sa.Column("home_city", sa.String(length=120), nullable=False),
        sa.Column("home_county", sa.String(length=120), nullable=False),
        sa.Column("home_state", sa.String(length=60), nullable=False),
        sa.Column("birth_date", sa.Text(), nullable=True),
        sa.Column("loss_date", sa.Text(), nullable=True),
        sa.Column("loss_date_sort", sa.BigInteger(), nullable=True),
        sa.Column("loss_date_earliest", sa.Integer(), nullable=True),
        sa.Column("loss_date_latest", sa.Integer(), nullable=True),
        sa.Column("loss_place_id", sa.Integer(), nullable=True),
        sa.Column("loss_place_text", sa.String(length=300), nullable=False),
        sa.Column("circumstances", sa.Text(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("accounting_status", sa.String(length=40), nullable=False),
        sa.Column("current_status", sa.String(length=40), nullable=True),
        sa.Column("accounted_for_date", sa.Text(), nullable=True),
        sa.Column("rosette_placed", sa.Boolean(), nullable=False),
        sa.Column("last_seen_alive", sa.Boolean(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incident.id"],
            name=op.f("fk_serviceman_incident_id_incident"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["loss_place_id"],
            ["place.id"],
            name=op.f("fk_serviceman_loss_place_id_place"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_serviceman")),
        sa.UniqueConstraint("uid", name=op.f("uq_serviceman_uid")),
    )
    with op.batch_alter_table("serviceman", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_serviceman_accounting_status"), ["accounting_status"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_serviceman_current_status"), ["current_status"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_serviceman_home_state"), ["home_state"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_serviceman_incident_id"), ["incident_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_serviceman_last_seen_alive"), ["last_seen_alive"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_serviceman_loss_date_sort"), ["loss_date_sort"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_serviceman_sensitivity"), ["sensitivity"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_serviceman_service_number"), ["service_number"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_serviceman_surname"), ["surname"], unique=False)

    op.create_table(
        "timeline_event_tag",
        sa.Column("timeline_event_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tag_id"],
            ["tag.id"],
            name=op.f("fk_timeline_event_tag_tag_id_tag"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["timeline_event_id"],
            ["timeline_event.id"],
            name=op.f("fk_timeline_event_tag_timeline_event_id_timeline_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("timeline_event_id", "tag_id", name=op.f("pk_timeline_event_tag")),
    )
    with op.batch_alter_table("timeline_event_tag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_timeline_event_tag_tag_id"), ["tag_id"], unique=False)

    op.create_table(
        "attachment",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("original_name", sa.String(length=500), nullable=False),
        sa.Column("mime_type", sa.String(length=120), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("caption", sa.String(length=500), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("serviceman_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("timeline_event_id", sa.Integer(), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_attachment_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_attachment_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["serviceman_id"],
            ["serviceman.id"],
            name=op.f("fk_attachment_serviceman_id_serviceman"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_attachment_source_id_source"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["timeline_event_id"],
            ["timeline_event.id"],
            name=op.f("fk_attachment_timeline_event_id_timeline_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
        sa.UniqueConstraint("uid", name=op.f("uq_attachment_uid")),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachment_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachment_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_attachment_sensitivity"), ["sensitivity"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_attachment_serviceman_id"), ["serviceman_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_attachment_sha256"), ["sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachment_source_id"), ["source_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_attachment_timeline_event_id"), ["timeline_event_id"], unique=False
        )

    op.create_table(
        "captivity",
        sa.Column("serviceman_id", sa.Integer(), nullable=False),
        sa.Column("camp_id", sa.Integer(), nullable=True),
        sa.Column("camp_text", sa.String(length=300), nullable=False),
        sa.Column("held_from", sa.Text(), nullable=True),
        sa.Column("held_to", sa.Text(), nullable=True),
        sa.Column("remarks", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["camp_id"], ["place.id"], name=op.f("fk_captivity_camp_id_place"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["serviceman_id"],
            ["serviceman.id"],
            name=op.f("fk_captivity_serviceman_id_serviceman"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_captivity")),
        sa.UniqueConstraint("uid", name=op.f("uq_captivity_uid")),
    )
    with op.batch_alter_table("captivity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_captivity_sensitivity"), ["sensitivity"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_captivity_serviceman_id"), ["serviceman_id"], unique=False
        )

    op.create_table(
        "claim",
        sa.Column("serviceman_id", sa.Integer(), nullable=False),
        sa.Column("fact", sa.String(length=40), nullable=False),
        sa.Column("fact_text", sa.String(length=120), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["serviceman_id"],
            ["serviceman.id"],
            name=op.f("fk_claim_serviceman_id_serviceman"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim")),
        sa.UniqueConstraint("uid", name=op.f("uq_claim_uid")),
    )
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_sensitivity"), ["sensitivity"], unique=False)
        batch_op.create_index(batch_op.f("ix_claim_serviceman_id"), ["serviceman_id"], unique=False)

    op.create_table(
        "event_participant",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("serviceman_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.CheckConstraint(
            "(serviceman_id IS NULL) <> (contact_id IS NULL)",
            name=op.f("ck_event_participant_one_participant"),
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_event_participant_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["timeline_event.id"],
            name=op.f("fk_event_participant_event_id_timeline_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["serviceman_id"],
            ["serviceman.id"],
            name=op.f("fk_event_participant_serviceman_id_serviceman"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_participant")),
        sa.UniqueConstraint("uid", name=op.f("uq_event_participant_uid")),
    )
    with op.batch_alter_table("event_participant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_participant_contact_id"), ["contact_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_event_participant_event_id"), ["event_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_event_participant_sensitivity"), ["sensitivity"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_event_participant_serviceman_id"), ["serviceman_id"], unique=False
        )

    op.create_table(
        "external_id",
        sa.Column("serviceman_id", sa.Integer(), nullable=True),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("issuer", sa.String(length=120), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incident.id"],
            name=op.f("fk_external_id_incident_id_incident"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["serviceman_id"],
            ["serviceman.id"],
            name=op.f("fk_external_id_serviceman_id_serviceman"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_external_id")),
        sa.UniqueConstraint("uid", name=op.f("uq_external_id_uid")),
    )
    with op.batch_alter_table("external_id", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_external_id_incident_id"), ["incident_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_external_id_sensitivity"), ["sensitivity"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_external_id_serviceman_id"), ["serviceman_id"], unique=False
        )

    op.create_table(
        "family_reference_sample",
        sa.Column("serviceman_id", sa.Integer(), nullable=False),
        sa.Column("donor_id", sa.Integer(), nullable=True),
        sa.Column("line", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("requested_on", sa.Text(), nullable=True),
        sa.Column("submitted_on", sa.Text(), nullable=True),
        sa.Column("on_file_since", sa.Text(), nullable=True),
        sa.Column("casualty_office", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["donor_id"],
            ["contact.id"],
            name=op.f("fk_family_reference_sample_donor_id_contact"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["serviceman_id"],
            ["serviceman.id"],
            name=op.f("fk_family_reference_sample_serviceman_id_serviceman"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_family_reference_sample")),
        sa.UniqueConstraint("uid", name=op.f("uq_family_reference_sample_uid")),
    )
    with op.batch_alter_table("family_reference_sample", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_family_reference_sample_sensitivity"), ["sensitivity"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_family_reference_sample_serviceman_id"), ["serviceman_id"], unique=False
        )

    op.create_table(
        "list_membership",
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("serviceman_id", sa.Integer(), nullable=True),
        sa.Column("import_batch_id", sa.Integer(), nullable=True),
        sa.Column("row_number", sa.Integer(), nullable=True),
        sa.Column("row_as_printed", sa.JSON(), nullable=False),
        sa.Column("name_as_printed", sa.String(length=300), nullable=False),
        sa.Column("match_status", sa.String(length=40), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["import_batch_id"],
            ["import_batch.id"],
            name=op.f("fk_list_membership_import_batch_id_import_batch"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["serviceman_id"],
            ["serviceman.id"],
            name=op.f("fk_list_membership_serviceman_id_serviceman"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_list_membership_source_id_source"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_list_membership")),
        sa.UniqueConstraint("uid", name=op.f("uq_list_membership_uid")),
    )
    with op.batch_alter_table("list_membership", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_list_membership_import_batch_id"), ["import_batch_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_list_membership_sensitivity"), ["sensitivity"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_list_membership_serviceman_id"), ["serviceman_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_list_membership_source_id"), ["source_id"], unique=False
        )

    op.create_table(
        "live_sighting_report",
        sa.Column("serviceman_id", sa.Integer(), nullable=True),
        sa.Column("reported_on", sa.Text(), nullable=True),
        sa.Column("sighting_date", sa.Text(), nullable=True),
        sa.Column("sighting_place_id", sa.Integer(), nullable=True),
        sa.Column("sighting_place_text", sa.String(length=300), nullable=False),
        sa.Column("reporter_id", sa.Integer(), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("government_evaluation", sa.Text(), nullable=False),
        sa.Column("follow_up", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["reporter_id"],
            ["contact.id"],
            name=op.f("fk_live_sighting_report_reporter_id_contact"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["serviceman_id"],
            ["serviceman.id"],
            name=op.f("fk_live_sighting_report_serviceman_id_serviceman"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sighting_place_id"],
            ["place.id"],
            name=op.f("fk_live_sighting_report_sighting_place_id_place"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_live_sighting_report")),
        sa.UniqueConstraint("uid", name=op.f("uq_live_sighting_report_uid")),
    )
    with op.batch_alter_table("live_sighting_report", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_live_sighting_report_sensitivity"), ["sensitivity"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_live_sighting_report_serviceman_id"), ["serviceman_id"], unique=False
        )

    op.create_table(
        "meeting_case",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("serviceman_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_case_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["serviceman_id"],
            ["serviceman.id"],
            name=op.f("fk_meeting_case_serviceman_id_serviceman"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meeting_id", "serviceman_id", name=op.f("pk_meeting_case")),
    )
    with op.batch_alter_table("meeting_case", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meeting_case_serviceman_id"), ["serviceman_id"], unique=False
        )

    op.create_table(
        "name_variant",
        sa.Column("serviceman_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("where_seen", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["serviceman_id"],
            ["serviceman.id"],
            name=op.f("fk_name_variant_serviceman_id_serviceman"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_name_variant")),
        sa.UniqueConstraint("uid", name=op.f("uq_name_variant_uid")),
    )
    with op.batch_alter_table("name_variant", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_name_variant_name"), ["name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_name_variant_sensitivity"), ["sensitivity"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_name_variant_serviceman_id"), ["serviceman_id"], unique=False
        )

    op.create_table(
        "question",
        sa.Column("serviceman_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("addressed_to_id", sa.Integer(), nullable=True),
        sa.Column("asked_at_id", sa.Integer(), nullable=True),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["addressed_to_id"],
            ["contact.id"],
            name=op.f("fk_question_addressed_to_id_contact"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["asked_at_id"],
            ["meeting.id"],
            name=op.f("fk_question_asked_at_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["serviceman_id"],
            ["serviceman.id"],
            name=op.f("fk_question_serviceman_id_serviceman"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_question")),
        sa.UniqueConstraint("uid", name=op.f("uq_question_uid")),
    )
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_question_sensitivity"), ["sensitivity"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_question_serviceman_id"), ["serviceman_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_question_status"), ["status"], unique=False)

    op.create_table(
        "relationship",
        sa.Column("from_contact_id", sa.Integer(), nullable=False),
        sa.Column("to_contact_id", sa.Integer(), nullable=True),
        sa.Column("to_serviceman_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("reverse_label", sa.String(length=120), nullable=False),
        sa.Column("valid_from", sa.Text(), nullable=True),
        sa.Column("valid_to", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["from_contact_id"],
            ["contact.id"],
            name=op.f("fk_relationship_from_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["to_contact_id"],
            ["contact.id"],
            name=op.f("fk_relationship_to_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["to_serviceman_id"],
            ["serviceman.id"],
            name=op.f("fk_relationship_to_serviceman_id_serviceman"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relationship")),
        sa.UniqueConstraint("uid", name=op.f("uq_relationship_uid")),
    )
    with op.batch_alter_table("relationship", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_relationship_from_contact_id"), ["from_contact_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_relationship_sensitivity"), ["sensitivity"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_relationship_to_contact_id"), ["to_contact_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_relationship_to_serviceman_id"), ["to_serviceman_id"], unique=False
        )

    op.create_table(
        "serviceman_tag",
        sa.Column("serviceman_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["serviceman_id"],
            ["serviceman.id"],
            name=op.f("fk_serviceman_tag_serviceman_id_serviceman"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tag.id"], name=op.f("fk_serviceman_tag_tag_id_tag"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("serviceman_id", "tag_id", name=op.f("pk_serviceman_tag")),
    )
    with op.batch_alter_table("serviceman_tag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_serviceman_tag_tag_id"), ["tag_id"], unique=False)

    op.create_table(
        "status_change",
        sa.Column("serviceman_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Text(), nullable=True),
        sa.Column("date_sort", sa.BigInteger(), nullable=True),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("status_text", sa.String(length=200), nullable=False),
        sa.Column("authority", sa.String(length=40), nullable=True),
        sa.Column("method", sa.String(length=40), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["serviceman_id"],
            ["serviceman.id"],
            name=op.f("fk_status_change_serviceman_id_serviceman"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_change")),
        sa.UniqueConstraint("uid", name=op.f("uq_status_change_uid")),
    )
    with op.batch_alter_table("status_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_status_change_sensitivity"), ["sensitivity"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_status_change_serviceman_id"), ["serviceman_id"], unique=False
        )

    op.create_table(
        "task",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("assignee_id", sa.Integer(), nullable=True),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("serviceman_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assignee_id"],
            ["contact.id"],
            name=op.f("fk_task_assignee_id_contact"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_task_meeting_id_meeting"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["serviceman_id"],
            ["serviceman.id"],
            name=op.f("fk_task_serviceman_id_serviceman"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task")),
        sa.UniqueConstraint("uid", name=op.f("uq_task_uid")),
    )
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_done"), ["done"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_due_on"), ["due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_sensitivity"), ["sensitivity"], unique=False)
        batch_op.create_index(batch_op.f("ix_task_serviceman_id"), ["serviceman_id"], unique=False)

    op.create_table(
        "citation",
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("locator", sa.String(length=300), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("confidence", sa.String(length=40), nullable=False),
        sa.Column("serviceman_id", sa.Integer(), nullable=True),
        sa.Column("status_change_id", sa.Integer(), nullable=True),
        sa.Column("claim_id", sa.Integer(), nullable=True),
        sa.Column("timeline_event_id", sa.Integer(), nullable=True),
        sa.Column("captivity_id", sa.Integer(), nullable=True),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("live_sighting_report_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["captivity_id"],
            ["captivity.id"],
            name=op.f("fk_citation_captivity_id_captivity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claim.id"], name=op.f("fk_citation_claim_id_claim"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incident.id"],
            name=op.f("fk_citation_incident_id_incident"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["live_sighting_report_id"],
            ["live_sighting_report.id"],
            name=op.f("fk_citation_live_sighting_report_id_live_sighting_report"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["serviceman_id"],
            ["serviceman.id"],
            name=op.f("fk_citation_serviceman_id_serviceman"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_citation_source_id_source"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["status_change_id"],
            ["status_change.id"],
            name=op.f("fk_citation_status_change_id_status_change"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["timeline_event_id"],
            ["timeline_event.id"],
            name=op.f("fk_citation_timeline_event_id_timeline_event"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_citation")),
        sa.UniqueConstraint("uid", name=op.f("uq_citation_uid")),
    )
    with op.batch_alter_table("citation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_citation_captivity_id"), ["captivity_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_citation_claim_id"), ["claim_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_citation_incident_id"), ["incident_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_citation_live_sighting_report_id"),
            ["live_sighting_report_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_citation_sensitivity"), ["sensitivity"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_citation_serviceman_id"), ["serviceman_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_citation_source_id"), ["source_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_citation_status_change_id"), ["status_change_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_citation_timeline_event_id"), ["timeline_event_id"], unique=False
        )

    op.create_table(
        "question_meeting",
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_question_meeting_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["question.id"],
            name=op.f("fk_question_meeting_question_id_question"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("question_id", "meeting_id", name=op.f("pk_question_meeting")),
    )
    with op.batch_alter_table("question_meeting", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_question_meeting_meeting_id"), ["meeting_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("question_meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_meeting_meeting_id"))

    op.drop_table("question_meeting")
    with op.batch_alter_table("citation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_citation_timeline_event_id"))
        batch_op.drop_index(batch_op.f("ix_citation_status_change_id"))
        batch_op.drop_index(batch_op.f("ix_citation_source_id"))
        batch_op.drop_index(batch_op.f("ix_citation_serviceman_id"))
        batch_op.drop_index(batch_op.f("ix_citation_sensitivity"))
        batch_op.drop_index(batch_op.f("ix_citation_live_sighting_report_id"))
        batch_op.drop_index(batch_op.f("ix_citation_incident_id"))
        batch_op.drop_index(batch_op.f("ix_citation_claim_id"))
        batch_op.drop_index(batch_op.f("ix_citation_captivity_id"))

    op.drop_table("citation")
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_serviceman_id"))
        batch_op.drop_index(batch_op.f("ix_task_sensitivity"))
        batch_op.drop_index(batch_op.f("ix_task_due_on"))
        batch_op.drop_index(batch_op.f("ix_task_done"))

    op.drop_table("task")
    with op.batch_alter_table("status_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_status_change_serviceman_id"))
        batch_op.drop_index(batch_op.f("ix_status_change_sensitivity"))

    op.drop_table("status_change")
    with op.batch_alter_table("serviceman_tag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_serviceman_tag_tag_id"))

    op.drop_table("serviceman_tag")
    with op.batch_alter_table("relationship", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_relationship_to_serviceman_id"))
        batch_op.drop_index(batch_op.f("ix_relationship_to_contact_id"))
        batch_op.drop_index(batch_op.f("ix_relationship_sensitivity"))
        batch_op.drop_index(batch_op.f("ix_relationship_from_contact_id"))

    op.drop_table("relationship")
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_status"))
        batch_op.drop_index(batch_op.f("ix_question_serviceman_id"))
        batch_op.drop_index(batch_op.f("ix_question_sensitivity"))

    op.drop_table("question")
    with op.batch_alter_table("name_variant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_name_variant_serviceman_id"))
        batch_op.drop_index(batch_op.f("ix_name_variant_sensitivity"))
        batch_op.drop_index(batch_op.f("ix_name_variant_name"))

    op.drop_table("name_variant")
    with op.batch_alter_table("meeting_case", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_case_serviceman_id"))

    op.drop_table("meeting_case")
    with op.batch_alter_table("live_sighting_report", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_live_sighting_report_serviceman_id"))
        batch_op.drop_index(batch_op.f("ix_live_sighting_report_sensitivity"))

    op.drop_table("live_sighting_report")
    with op.batch_alter_table("list_membership", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_list_membership_source_id"))
        batch_op.drop_index(batch_op.f("ix_list_membership_serviceman_id"))
        batch_op.drop_index(batch_op.f("ix_list_membership_sensitivity"))
        batch_op.drop_index(batch_op.f("ix_list_membership_import_batch_id"))

    op.drop_table("list_membership")
    with op.batch_alter_table("family_reference_sample", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_family_reference_sample_serviceman_id"))
        batch_op.drop_index(batch_op.f("ix_family_reference_sample_sensitivity"))

    op.drop_table("family_reference_sample")
    with op.batch_alter_table("external_id", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_external_id_serviceman_id"))
        batch_op.drop_index(batch_op.f("ix_external_id_sensitivity"))
        batch_op.drop_index(batch_op.f("ix_external_id_incident_id"))

    op.drop_table("external_id")
    with op.batch_alter_table("event_participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_participant_serviceman_id"))
        batch_op.drop_index(batch_op.f("ix_event_participant_sensitivity"))
        batch_op.drop_index(batch_op.f("ix_event_participant_event_id"))
        batch_op.drop_index(batch_op.f("ix_event_participant_contact_id"))

    op.drop_table("event_participant")
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_serviceman_id"))
        batch_op.drop_index(batch_op.f("ix_claim_sensitivity"))

    op.drop_table("claim")
    with op.batch_alter_table("captivity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_captivity_serviceman_id"))
        batch_op.drop_index(batch_op.f("ix_captivity_sensitivity"))

    op.drop_table("captivity")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_timeline_event_id"))
        batch_op.drop_index(batch_op.f("ix_attachment_source_id"))
        batch_op.drop_index(batch_op.f("ix_attachment_sha256"))
        batch_op.drop_index(batch_op.f("ix_attachment_serviceman_id"))
        batch_op.drop_index(batch_op.f("ix_attachment_sensitivity"))
        batch_op.drop_index(batch_op.f("ix_attachment_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_attachment_contact_id"))

    op.drop_table("attachment")
    with op.batch_alter_table("timeline_event_tag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_timeline_event_tag_tag_id"))

    op.drop_table("timeline_event_tag")
    with op.batch_alter_table("serviceman", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_serviceman_surname"))
        batch_op.drop_index(batch_op.f("ix_serviceman_service_number"))
        batch_op.drop_index(batch_op.f("ix_serviceman_sensitivity"))
        batch_op.drop_index(batch_op.f("ix_serviceman_loss_date_sort"))
        batch_op.drop_index(batch_op.f("ix_serviceman_last_seen_alive"))
        batch_op.drop_index(batch_op.f("ix_serviceman_incident_id"))
        batch_op.drop_index(batch_op.f("ix_serviceman_home_state"))
        batch_op.drop_index(batch_op.f("ix_serviceman_current_status"))
        batch_op.drop_index(batch_op.f("ix_serviceman_accounting_status"))

    op.drop_table("serviceman")
    with op.batch_alter_table("timeline_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_timeline_event_sensitivity"))
        batch_op.drop_index(batch_op.f("ix_timeline_event_date_sort"))
        batch_op.drop_index(batch_op.f("ix_timeline_event_date_earliest"))
        batch_op.drop_index(batch_op.f("ix_timeline_event_category"))

    op.drop_table("timeline_event")
    with op.batch_alter_table("source_tag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_tag_tag_id"))

    op.drop_table("source_tag")
    with op.batch_alter_table("place_name", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_place_name_sensitivity"))
        batch_op.drop_index(batch_op.f("ix_place_name_place_id"))
        batch_op.drop_index(batch_op.f("ix_place_name_name"))

    op.drop_table("place_name")
    with op.batch_alter_table("packet_run", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_packet_run_sensitivity"))

    op.drop_table("packet_run")
    with op.batch_alter_table("meeting_tag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_tag_tag_id"))

    op.drop_table("meeting_tag")
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incident_sensitivity"))
        batch_op.drop_index(batch_op.f("ix_incident_date_sort"))

    op.drop_table("incident")
    with op.batch_alter_table("contact_tag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_tag_tag_id"))

    op.drop_table("contact_tag")
    with op.batch_alter_table("contact_phone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_phone_sensitivity"))
        batch_op.drop_index(batch_op.f("ix_contact_phone_contact_id"))

    op.drop_table("contact_phone")
    with op.batch_alter_table("contact_email", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_email_sensitivity"))
        batch_op.drop_index(batch_op.f("ix_contact_email_contact_id"))

    op.drop_table("contact_email")
    with op.batch_alter_table("contact_address", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_address_sensitivity"))
        batch_op.drop_index(batch_op.f("ix_contact_address_contact_id"))

    op.drop_table("contact_address")
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendance_sensitivity"))
        batch_op.drop_index(batch_op.f("ix_attendance_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_attendance_contact_id"))

    op.drop_table("attendance")
    with op.batch_alter_table("agenda_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_item_sensitivity"))
        batch_op.drop_index(batch_op.f("ix_agenda_item_meeting_id"))

    op.drop_table("agenda_item")
    with op.batch_alter_table("tag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tag_sensitivity"))

    op.drop_table("tag")
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_title"))
        batch_op.drop_index(batch_op.f("ix_source_sensitivity"))

    op.drop_table("source")
    with op.batch_alter_table("place", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_place_sensitivity"))
        batch_op.drop_index(batch_op.f("ix_place_name"))

    op.drop_table("place")
    with op.batch_alter_table("packet_template", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_packet_template_sensitivity"))

    op.drop_table("packet_template")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_starts_at"))
        batch_op.drop_index(batch_op.f("ix_meeting_sensitivity"))

    op.drop_table("meeting")
    with op.batch_alter_table("import_batch", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_batch_sensitivity"))

    op.drop_table("import_batch")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_surname"))
        batch_op.drop_index(batch_op.f("ix_contact_sensitivity"))
        batch_op.drop_index(batch_op.f("ix_contact_display_name"))

    op.drop_table("contact")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_log_changed_at"))

    op.drop_table("change_log")
    with op.batch_alter_table("audience_profile", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audience_profile_sensitivity"))

    op.drop_table("audience_profile")
