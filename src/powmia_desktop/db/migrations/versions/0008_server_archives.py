"""Archives on a PostgreSQL server: who made each change, and full-text search there.

``change_log.changed_by`` names the person (their database user on a server, their login
on this computer otherwise) behind each change, as several desks now share one archive.

Full-text search on PostgreSQL is the twin of 0002's SQLite FTS5 index:
One ``search_index`` table with the same columns and row numbers as the FTS5 table
(rowid = record id * 16 + kind code), plus a ``doc`` tsvector computed from title (weight
A) and body (weight B) and a GIN index on it. The same triggers by name (fts_<table>_ai,
_au, _ad) keep it current, each running one PL/pgSQL function per table; existing rows are
indexed on upgrade. SQLite has its index since 0002.

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (table, kind code, kind, record id column, title columns, body columns), as in 0002.
INDEXED: list[tuple[str, int, str, str, str, str]] = [
    (
        "serviceman",
        1,
        "case",
        "id",
        "surname given_names suffix",
        "rank unit service_number home_city home_county home_state loss_place_text "
        "circumstances summary notes",
    ),
    ("name_variant", 2, "case", "serviceman_id", "name", "where_seen notes"),
    ("claim", 3, "case", "serviceman_id", "value", "fact_text notes"),
    ("timeline_event", 4, "event", "id", "title", "description place_text notes"),
    ("source", 5, "source", "id", "title", "author repository locator notes"),
    ("contact", 6, "contact", "id", "display_name", "organization title notes"),
    ("meeting", 7, "meeting", "id", "title", "place description minutes notes"),
    ("place", 8, "place", "id", "name", "country notes"),
    ("place_name", 9, "place", "place_id", "name", "notes"),
]
TABLE_SQL = (
    "CREATE TABLE search_index ("
    "rowid bigint PRIMARY KEY, kind text NOT NULL, record_id bigint, "
    "title text NOT NULL, body text NOT NULL, "
    "doc tsvector GENERATED ALWAYS AS "
    "(setweight(to_tsvector('simple'::regconfig, title), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, body), 'B')) STORED)"
)
INDEX_SQL = "CREATE INDEX ix_search_index_doc ON search_index USING gin (doc)"
INSERT = "INSERT INTO search_index (rowid, kind, record_id, title, body)"


def _cat(columns: str, p: str) -> str:
    return " || ' ' || ".join(f"coalesce({p}.{c}, '')" for c in columns.split())


def values(row: tuple[str, int, str, str, str, str], p: str) -> str:
    """The values of one index row, reading columns from ``p`` (NEW or the table)."""
    _, code, kind, record_id, title, body = row
    return (
        f"{p}.id::bigint * 16 + {code}, '{kind}', {p}.{record_id}, "
        f"{_cat(title, p)}, {_cat(body, p)}"
    )


def statements() -> list[str]:
    """The table, its index, one function and three triggers per table, the existing rows."""
    made = [TABLE_SQL, INDEX_SQL]
    for row in INDEXED:
        table, code = row[0], row[1]
        made.append(
            f"CREATE FUNCTION fts_{table}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP <> 'INSERT' THEN "
            f"DELETE FROM search_index WHERE rowid = OLD.id::bigint * 16 + {code}; END IF; "
            f"IF TG_OP <> 'DELETE' THEN {INSERT} VALUES ({values(row, 'NEW')}); END IF; "
            f"RETURN NULL; END $$"
        )
        for suffix, when in (("ai", "INSERT"), ("au", "UPDATE"), ("ad", "DELETE")):
            made.append(
                f"CREATE TRIGGER fts_{table}_{suffix} AFTER {when} ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION fts_{table}()"
            )
        made.append(f"{INSERT} SELECT {values(row, table)} FROM {table}")
    return made


def upgrade() -> None:
    with op.batch_alter_table("change_log") as batch:
        batch.add_column(
            sa.Column("changed_by", sa.String(length=120), nullable=False, server_default="")
        )
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in statements():
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, *_ in INDEXED:
            op.execute(f"DROP FUNCTION IF EXISTS fts_{table}() CASCADE")
        op.execute("DROP TABLE IF EXISTS search_index")
    with op.batch_alter_table("change_log") as batch:
        batch.drop_column("changed_by")
