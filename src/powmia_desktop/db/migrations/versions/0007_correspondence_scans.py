"""A letter's scan is an attachment of the letter (attachment.correspondence_id), like a
case's or a meeting's files, instead of a link from the letter to one attachment.

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("correspondence_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_attachment_correspondence_id"), ["correspondence_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_attachment_correspondence_id_correspondence"),
            "correspondence",
            ["correspondence_id"],
            ["id"],
            ondelete="CASCADE",
        )
    bind = op.get_bind()
    scans = bind.execute(
        sa.text("SELECT id, attachment_id FROM correspondence WHERE attachment_id IS NOT NULL")
    ).all()
    for letter_id, attachment_id in scans:
        bind.execute(
            sa.text("UPDATE attachment SET correspondence_id = :letter WHERE id = :file"),
            {"letter": letter_id, "file": attachment_id},
        )
    with op.batch_alter_table("correspondence", schema=None) as batch_op:
        batch_op.drop_constraint("fk_correspondence_attachment_id_attachment", type_="foreignkey")
        batch_op.drop_column("attachment_id")


def downgrade() -> None:
    with op.batch_alter_table("correspondence", schema=None) as batch_op:
        batch_op.add_column(sa.Column("attachment_id", sa.Integer(), nullable=True))
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_constraint(
            "fk_attachment_correspondence_id_correspondence", type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_attachment_correspondence_id"))
        batch_op.drop_column("correspondence_id")
