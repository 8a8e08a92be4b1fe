"""The archive's own settings table, holding the uid that tells its backups from others'.

Every archive gets one uid (a UUID) when it is created or upgraded. A restore compares the
backup's uid with the archive's, so a backup of another archive is never restored over it.
A backup made before this revision is restored with the archive's uid written into it
(db/identity.py), which is why the table is created only when it is not there yet.

Revision ID: 0003
Revises: 0002
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if not sa.inspect(bind).has_table("archive_setting"):
        op.create_table(
            "archive_setting",
            sa.Column("key", sa.String(length=60), nullable=False),
            sa.Column("value", sa.Text(), nullable=False),
            sa.PrimaryKeyConstraint("key", name=op.f("pk_archive_setting")),
        )
    found = bind.execute(sa.text("SELECT 1 FROM archive_setting WHERE key = 'archive_uid'"))
    if found.first() is None:
        bind.execute(
            sa.text("INSERT INTO archive_setting (key, value) VALUES ('archive_uid', :uid)"),
            {"uid": str(uuid.uuid4())},
        )


def downgrade() -> None:
    op.drop_table("archive_setting")
