"""Server search that ignores accents: "Muller" finds "Müller", as SQLite's index does.

SQLite's FTS5 index folds diacritics since 0002 (``unicode61 remove_diacritics 2``). On
PostgreSQL the ``doc`` tsvector of 0008 and every query now use the text search
configuration ``powmia_search``: the ``simple`` configuration with the ``unaccent``
dictionary (a trusted extension shipped with the server) in front of it for words. The
query and the snippet go through the same configuration, so a typed "Muller" matches
"Müller" and the snippet still marks the word as it is written. A server without the
extension gets the configuration without it: search works, accents count.

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy.exc import DBAPIError

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The token kinds that can hold letters with accents (not e-mail, URL, number...).
WORD_TOKENS = "word, hword, hword_part, numword, numhword, hword_numpart"


def _doc(config: str) -> str:
    return (
        f"ALTER TABLE search_index ADD COLUMN doc tsvector GENERATED ALWAYS AS "
        f"(setweight(to_tsvector('{config}'::regconfig, title), 'A') || "
        f"setweight(to_tsvector('{config}'::regconfig, body), 'B')) STORED"
    )


def _index_on(config: str) -> None:
    op.execute("ALTER TABLE search_index DROP COLUMN doc")  # its GIN index goes with it
    op.execute(_doc(config))
    op.execute("CREATE INDEX ix_search_index_doc ON search_index USING gin (doc)")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    try:
        with bind.begin_nested():
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
        mapping = "unaccent, simple"
    except DBAPIError:  # not installed, or this user may not add it
        mapping = "simple"
    op.execute("CREATE TEXT SEARCH CONFIGURATION powmia_search (COPY = simple)")
    op.execute(
        f"ALTER TEXT SEARCH CONFIGURATION powmia_search ALTER MAPPING FOR {WORD_TOKENS} "
        f"WITH {mapping}"
    )
    _index_on("powmia_search")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _index_on("simple")
    op.execute("DROP TEXT SEARCH CONFIGURATION powmia_search")
    op.execute("DROP EXTENSION IF EXISTS unaccent")
