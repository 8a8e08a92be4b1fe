"""The full-text search index as the records say it should be: checked and rebuilt.

A copy of migration 0002's definition (tests/services/test_check.py keeps them equal), so
Check & repair can tell an index that drifted from its records and make it again.
"""

from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import SQLAlchemyError

#: (table, kind code, kind, record id, title columns, body columns); {p} is NEW or the table.
SEARCH_INDEXED: tuple[tuple[str, int, str, str, str, str], ...] = (
    (
        "serviceman",
        1,
        "case",
        "{p}.id",
        "surname given_names suffix",
        "rank unit service_number home_city home_county home_state loss_place_text "
        "circumstances summary notes",
    ),
    ("name_variant", 2, "case", "{p}.serviceman_id", "name", "where_seen notes"),
    ("claim", 3, "case", "{p}.serviceman_id", "value", "fact_text notes"),
    ("timeline_event", 4, "event", "{p}.id", "title", "description place_text notes"),
    ("source", 5, "source", "{p}.id", "title", "author repository locator notes"),
    ("contact", 6, "contact", "{p}.id", "display_name", "organization title notes"),
    ("meeting", 7, "meeting", "{p}.id", "title", "place description minutes notes"),
    ("place", 8, "place", "{p}.id", "name", "country notes"),
    ("place_name", 9, "place", "{p}.place_id", "name", "notes"),
)
SEARCH_TABLE_SQL = (
    "CREATE VIRTUAL TABLE search_index USING fts5("
    "kind UNINDEXED, record_id UNINDEXED, title, body, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)
_INSERT = "INSERT INTO search_index(rowid, kind, record_id, title, body)"


def search_columns(columns: str) -> str:
    """The indexed text of space-separated columns, as migration 0002 joins them."""
    return " || ' ' || ".join(f"coalesce({{p}}.{c}, '')" for c in columns.split())


def index_values(row: tuple[str, int, str, str, str, str], p: str, id_cast: str = "") -> str:
    """The values of a search row for ``row`` of ``SEARCH_INDEXED`` read from ``p`` (NEW or
    the table); ``id_cast`` widens the id where the engine needs it (PostgreSQL: ::bigint)."""
    _, code, kind, record_id, title, body = row
    return (
        f"{p}.id{id_cast} * 16 + {code}, '{kind}', {record_id.format(p=p)}, "
        f"{search_columns(title).format(p=p)}, {search_columns(body).format(p=p)}"
    )


def search_triggers() -> dict[str, str]:
    """The triggers that keep the index current, by name, as migration 0002 creates them."""
    triggers = {}
    for row in SEARCH_INDEXED:
        table, code = row[0], row[1]
        insert = f"{_INSERT} VALUES ({index_values(row, 'NEW')});"
        delete = f"DELETE FROM search_index WHERE rowid = OLD.id * 16 + {code};"
        triggers[f"fts_{table}_ai"] = (
            f"CREATE TRIGGER fts_{table}_ai AFTER INSERT ON {table} BEGIN {insert} END"
        )
        triggers[f"fts_{table}_au"] = (
            f"CREATE TRIGGER fts_{table}_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END"
        )
        triggers[f"fts_{table}_ad"] = (
            f"CREATE TRIGGER fts_{table}_ad AFTER DELETE ON {table} BEGIN {delete} END"
        )
    return triggers


def search_index_problems(connection: Connection) -> list[str]:
    """How the search index differs from the records it indexes, kind by kind."""
    names = {r[0] for r in _rows(connection, "SELECT name FROM sqlite_master")}
    if "search_index" not in names:
        return ["the search index is missing"]
    problems = [f"the search trigger {t} is missing" for t in search_triggers() if t not in names]
    try:
        connection.execute(text("INSERT INTO search_index(search_index) VALUES('integrity-check')"))
    except SQLAlchemyError as error:
        return [*problems, f"the search index is damaged: {getattr(error, 'orig', error)}"]
    expected = " UNION ALL ".join(
        f"SELECT {index_values(row, row[0])} FROM {row[0]}" for row in SEARCH_INDEXED
    )
    # Each side is looked up by rowid in the other, so this stays fast for 100,000 records.
    tables = f"WITH expected(r, kind, i, t, b) AS ({expected})"
    queries = (
        (
            "{} {} missing from the search index",
            "SELECT kind FROM expected e WHERE NOT EXISTS "
            "(SELECT 1 FROM search_index s WHERE s.rowid = e.r)",
        ),
        (
            "{} {} out of date in the search index",
            "SELECT kind FROM expected e WHERE EXISTS (SELECT 1 FROM search_index s "
            "WHERE s.rowid = e.r AND (e.kind, e.i, e.t, e.b) IS NOT "
            "(s.kind, s.record_id, s.title, s.body))",
        ),
        (
            "{} {} gone but still in the search index",
            "SELECT kind FROM search_index WHERE rowid NOT IN (SELECT r FROM expected)",
        ),
    )
    for words, query in queries:
        sql = f"{tables} SELECT kind, count(*) FROM ({query}) GROUP BY kind ORDER BY kind"
        problems += [words.format(n, _records(kind, n)) for kind, n in _rows(connection, sql)]
    return problems


def _records(kind: str, n: int) -> str:
    return f"{kind} record" if n == 1 else f"{kind} records"


def rebuild_search_index(connection: Connection) -> None:
    """Make the index, its triggers and its contents again from the records themselves."""
    connection.execute(text("DROP TABLE IF EXISTS search_index"))
    connection.execute(text(SEARCH_TABLE_SQL))
    for name, sql in search_triggers().items():
        connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
        connection.execute(text(sql))
    for row in SEARCH_INDEXED:
        connection.execute(text(f"{_INSERT} SELECT {index_values(row, row[0])} FROM {row[0]}"))


def _rows(connection: Connection, sql: str, **params: Any) -> list[Any]:
    return list(connection.execute(text(sql), params))
