"""Every case a held list row may be: a list import can find several possible duplicates.

A row held for review keeps its best candidate in ``list_membership.serviceman_id`` as
before; ``list_candidate`` holds the others, best first (``rank`` 1, 2, …), each with the
import's reason. Rows held before this revision simply have no other candidates.

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "list_candidate",
        sa.Column("list_membership_id", sa.Integer(), nullable=False),
        sa.Column("serviceman_id", sa.Integer(), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["list_membership_id"],
            ["list_membership.id"],
            name=op.f("fk_list_candidate_list_membership_id_list_membership"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["serviceman_id"],
            ["serviceman.id"],
            name=op.f("fk_list_candidate_serviceman_id_serviceman"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "list_membership_id", "serviceman_id", name=op.f("pk_list_candidate")
        ),
    )
    with op.batch_alter_table("list_candidate", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_list_candidate_serviceman_id"), ["serviceman_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("list_candidate")
