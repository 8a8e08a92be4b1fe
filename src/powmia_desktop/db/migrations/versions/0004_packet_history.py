"""Packet history: what a run needs to be listed, verified and rebuilt byte for byte.

Each packet run (and now each case summary) records its kind, title, preparer, the day it
says it was prepared, the cases asked for, the audience's rules and whether private records
were included, and a digest of each part's content so a rebuild can say what changed.
Existing runs get empty values: they can be listed and verified, and rebuilt as far as
what they recorded allows.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _columns() -> list[sa.Column[object]]:
    return [
        sa.Column("kind", sa.String(length=20), nullable=False, server_default="packet"),
        sa.Column("title", sa.String(length=500), nullable=False, server_default=""),
        sa.Column("preparer", sa.String(length=200), nullable=False, server_default=""),
        sa.Column("prepared_on", sa.Date(), nullable=True),
        sa.Column("case_ids", sa.JSON(), nullable=False, server_default="[]"),
        sa.Column("audience_rules", sa.JSON(), nullable=False, server_default="[]"),
        sa.Column("include_private", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("contents", sa.JSON(), nullable=False, server_default="{}"),
    ]


def upgrade() -> None:
    with op.batch_alter_table("packet_run") as batch:
        for column in _columns():
            batch.add_column(column)


def downgrade() -> None:
    with op.batch_alter_table("packet_run") as batch:
        for column in reversed(_columns()):
            batch.drop_column(column.name)
