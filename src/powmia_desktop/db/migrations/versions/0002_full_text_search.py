"""Full-text search index (SQLite FTS5) over names, units, places, notes, events and sources.

One FTS5 table, kept current by triggers so that edits and bulk Core imports alike are
indexed. Each indexed row gets rowid = record id * 16 + kind code, so an update or delete
finds its index row by rowid instead of scanning. Existing rows are indexed on upgrade.
SQLite only; a PostgreSQL archive will get its own twin of this revision.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _cat(*columns: str) -> str:
    return " || ' ' || ".join(f"coalesce({{p}}.{c}, '')" for c in columns)


# (table, kind code, kind, record id, title, body) with {p} standing for NEW/OLD/the table.
INDEXED: list[tuple[str, int, str, str, str, str]] = [
    (
        "serviceman",
        1,
        "case",
        "{p}.id",
        _cat("surname", "given_names", "suffix"),
        _cat(
            "rank",
            "unit",
            "service_number",
            "home_city",
            "home_county",
            "home_state",
            "loss_place_text",
            "circumstances",
            "summary",
            "notes",
        ),
    ),
    ("name_variant", 2, "case", "{p}.serviceman_id", _cat("name"), _cat("where_seen", "notes")),
    ("claim", 3, "case", "{p}.serviceman_id", _cat("value"), _cat("fact_text", "notes")),
    (
        "timeline_event",
        4,
        "event",
        "{p}.id",
        _cat("title"),
        _cat("description", "place_text", "notes"),
    ),
    (
        "source",
        5,
        "source",
        "{p}.id",
        _cat("title"),
        _cat("author", "repository", "locator", "notes"),
    ),
    (
        "contact",
        6,
        "contact",
        "{p}.id",
        _cat("display_name"),
        _cat("organization", "title", "notes"),
    ),
    (
        "meeting",
        7,
        "meeting",
        "{p}.id",
        _cat("title"),
        _cat("place", "description", "minutes", "notes"),
    ),
    ("place", 8, "place", "{p}.id", _cat("name"), _cat("country", "notes")),
    ("place_name", 9, "place", "{p}.place_id", _cat("name"), _cat("notes")),
]


def _values(row: tuple[str, int, str, str, str, str], p: str) -> str:
    """The VALUES list of one index row, reading columns from ``p`` (NEW or a table)."""
    _, code, kind, record_id, title, body = row
    return (
        f"{p}.id * 16 + {code}, '{kind}', {record_id.format(p=p)}, "
        f"{title.format(p=p)}, {body.format(p=p)}"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "kind UNINDEXED, record_id UNINDEXED, title, body, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    for row in INDEXED:
        table, code = row[0], row[1]
        insert = "INSERT INTO search_index(rowid, kind, record_id, title, body) VALUES ({});"
        delete = f"DELETE FROM search_index WHERE rowid = OLD.id * 16 + {code};"
        op.execute(
            f"CREATE TRIGGER fts_{table}_ai AFTER INSERT ON {table} BEGIN "
            f"{insert.format(_values(row, 'NEW'))} END"
        )
        op.execute(
            f"CREATE TRIGGER fts_{table}_au AFTER UPDATE ON {table} BEGIN "
            f"{delete} {insert.format(_values(row, 'NEW'))} END"
        )
        op.execute(f"CREATE TRIGGER fts_{table}_ad AFTER DELETE ON {table} BEGIN {delete} END")
        op.execute(
            f"INSERT INTO search_index(rowid, kind, record_id, title, body) "
            f"SELECT {_values(row, table)} FROM {table}"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, *_ in INDEXED:
        for suffix in ("ai", "au", "ad"):
            op.execute(f"DROP TRIGGER IF EXISTS fts_{table}_{suffix}")
    op.execute("DROP TABLE IF EXISTS search_index")
