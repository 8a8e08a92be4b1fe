"""What two archives last agreed on, and the records both changed since, kept for review.

``merge_base`` holds, per other archive and record, the digest of the version both held
after the last import; ``merge_conflict`` holds an incoming version that could not be
merged because this archive changed the same record too (services/importing/merging.py).

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "merge_base",
        sa.Column("peer_uid", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("record_uid", sa.String(length=36), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("peer_uid", "table_name", "record_uid", name=op.f("pk_merge_base")),
    )
    op.create_table(
        "merge_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("peer_uid", sa.String(length=36), nullable=False),
        sa.Column("source_file", sa.String(length=1000), nullable=False),
        sa.Column("table_name", sa.String(length=60), nullable=False),
        sa.Column("record_uid", sa.String(length=36), nullable=False),
        sa.Column("incoming", sa.JSON(), nullable=False),
        sa.Column("incoming_digest", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_conflict")),
    )
    with op.batch_alter_table("merge_conflict", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_merge_conflict_record_uid"), ["record_uid"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_merge_conflict_status"), ["status"], unique=False)


def downgrade() -> None:
    op.drop_table("merge_conflict")
    op.drop_table("merge_base")
