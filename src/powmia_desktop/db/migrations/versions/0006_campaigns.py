"""Advocacy campaigns: campaigns with their dated counts, the officials and cases they are
for, correspondence with officials (and its reply or follow-up task), and the congressional
district of a postal address (so a family's senators and representative can be found).

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = (
    "correspondence_case",
    "correspondence",
    "campaign_case",
    "campaign_target",
    "campaign_count",
    "campaign",
)


def upgrade() -> None:
    op.create_table(
        "campaign",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("goal", sa.Integer(), nullable=True),
        sa.Column("unit", sa.String(length=60), nullable=False),
        sa.Column("addressed_to", sa.String(length=300), nullable=False),
        sa.Column("started_on", sa.Text(), nullable=True),
        sa.Column("started_on_sort", sa.BigInteger(), nullable=True),
        sa.Column("ended_on", sa.Text(), nullable=True),
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign")),
        sa.UniqueConstraint("uid", name=op.f("uq_campaign_uid")),
    )
    with op.batch_alter_table("campaign", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_campaign_sensitivity"), ["sensitivity"], unique=False)
        batch_op.create_index(batch_op.f("ix_campaign_title"), ["title"], unique=False)

    op.create_table(
        "campaign_count",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("counted_on", sa.Date(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("source_text", sa.String(length=300), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaign.id"],
            name=op.f("fk_campaign_count_campaign_id_campaign"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_campaign_count_source_id_source"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_count")),
        sa.UniqueConstraint("uid", name=op.f("uq_campaign_count_uid")),
    )
    with op.batch_alter_table("campaign_count", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_campaign_count_campaign_id"), ["campaign_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_campaign_count_sensitivity"), ["sensitivity"], unique=False
        )

    op.create_table(
        "campaign_target",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaign.id"],
            name=op.f("fk_campaign_target_campaign_id_campaign"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_campaign_target_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("campaign_id", "contact_id", name=op.f("pk_campaign_target")),
    )
    with op.batch_alter_table("campaign_target", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_campaign_target_contact_id"), ["contact_id"], unique=False
        )

    op.create_table(
        "campaign_case",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("serviceman_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaign.id"],
            name=op.f("fk_campaign_case_campaign_id_campaign"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["serviceman_id"],
            ["serviceman.id"],
            name=op.f("fk_campaign_case_serviceman_id_serviceman"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("campaign_id", "serviceman_id", name=op.f("pk_campaign_case")),
    )
    with op.batch_alter_table("campaign_case", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_campaign_case_serviceman_id"), ["serviceman_id"], unique=False
        )

    op.create_table(
        "correspondence",
        sa.Column("direction", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("date", sa.Text(), nullable=True),
        sa.Column("date_sort", sa.BigInteger(), nullable=True),
        sa.Column("official_id", sa.Integer(), nullable=True),
        sa.Column("office", sa.String(length=300), nullable=False),
        sa.Column("writer_id", sa.Integer(), nullable=True),
        sa.Column("subject", sa.String(length=500), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=True),
        sa.Column("attachment_id", sa.Integer(), nullable=True),
        sa.Column("reply_due_on", sa.Date(), nullable=True),
        sa.Column("replied_on", sa.Date(), nullable=True),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.Column("follow_up_task_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("sensitivity", sa.SmallInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["attachment_id"],
            ["attachment.id"],
            name=op.f("fk_correspondence_attachment_id_attachment"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaign.id"],
            name=op.f("fk_correspondence_campaign_id_campaign"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["follow_up_task_id"],
            ["task.id"],
            name=op.f("fk_correspondence_follow_up_task_id_task"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["official_id"],
            ["contact.id"],
            name=op.f("fk_correspondence_official_id_contact"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["writer_id"],
            ["contact.id"],
            name=op.f("fk_correspondence_writer_id_contact"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_correspondence")),
        sa.UniqueConstraint("uid", name=op.f("uq_correspondence_uid")),
    )
    with op.batch_alter_table("correspondence", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_correspondence_campaign_id"), ["campaign_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_correspondence_date_sort"), ["date_sort"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_correspondence_official_id"), ["official_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_correspondence_sensitivity"), ["sensitivity"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_correspondence_writer_id"), ["writer_id"], unique=False
        )

    op.create_table(
        "correspondence_case",
        sa.Column("correspondence_id", sa.Integer(), nullable=False),
        sa.Column("serviceman_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["correspondence_id"],
            ["correspondence.id"],
            name=op.f("fk_correspondence_case_correspondence_id_correspondence"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["serviceman_id"],
            ["serviceman.id"],
            name=op.f("fk_correspondence_case_serviceman_id_serviceman"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "correspondence_id", "serviceman_id", name=op.f("pk_correspondence_case")
        ),
    )
    with op.batch_alter_table("correspondence_case", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_correspondence_case_serviceman_id"), ["serviceman_id"], unique=False
        )
    with op.batch_alter_table("contact_address", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("district", sa.String(length=20), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("contact_address", schema=None) as batch_op:
        batch_op.drop_column("district")
    for name in _TABLES:
        op.drop_table(name)
