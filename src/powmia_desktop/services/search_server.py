"""Full-text search on a PostgreSQL archive: the query, the check and the rebuild.

The index is migration 0008's ``search_index`` table (tsvector ``doc`` with a GIN index,
kept by triggers; since 0010 made with the configuration ``powmia_search``, which folds
accents as FTS5 does on SQLite); this module is its copy, as services/search_index.py is
0002's, so that Check & repair can compare and rebuild it. search.py calls ``server_hits``
when the archive is on a server; what a person typed reaches PostgreSQL only as quoted
prefix lexemes (folded by the configuration after they are parsed, never before).
"""

from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from powmia_desktop.services.search_index import SEARCH_INDEXED, index_values

SERVER_TABLE_SQL = (
    "CREATE TABLE search_index ("
    "rowid bigint PRIMARY KEY, kind text NOT NULL, record_id bigint, "
    "title text NOT NULL, body text NOT NULL, "
    "doc tsvector GENERATED ALWAYS AS "
    "(setweight(to_tsvector('powmia_search'::regconfig, title), 'A') || "
    "setweight(to_tsvector('powmia_search'::regconfig, body), 'B')) STORED)"
)
SERVER_INDEX_SQL = "CREATE INDEX ix_search_index_doc ON search_index USING gin (doc)"
_INSERT = "INSERT INTO search_index (rowid, kind, record_id, title, body)"
_SUFFIXES = (("ai", "INSERT"), ("au", "UPDATE"), ("ad", "DELETE"))
#: Ranked hits first, then a snippet of only those (ts_headline is the costly part).
_SEARCH_SQL = """
    SELECT kind, record_id, title,
        ts_headline('powmia_search'::regconfig, body, q,
            'StartSel=«, StopSel=», MaxWords=12, MinWords=4, MaxFragments=1, '
            'FragmentDelimiter=…'),
        score
    FROM (
        SELECT kind, record_id, title, body, q, -ts_rank('{0.1, 0.2, 0.125, 1.0}', doc, q) AS score
        FROM search_index, to_tsquery('powmia_search'::regconfig, :match) AS q
        WHERE doc @@ q ORDER BY score, rowid LIMIT :limit
    ) AS best ORDER BY score, record_id"""


def server_query(words: list[str]) -> str:
    """A tsquery of every word as a prefix (``'yalu':* & 'camp':*``); words are ``\\w+``."""
    return " & ".join("'" + w.replace("'", "") + "':*" for w in words)


def server_hits(session: Session, words: list[str], limit: int) -> list[Any]:
    """(kind, record id, title, snippet, score) rows, best (lowest score) first."""
    rows = session.execute(text(_SEARCH_SQL), {"match": server_query(words), "limit": limit})
    return list(rows.all())


def _values(row: tuple[str, int, str, str, str, str], p: str) -> str:
    return index_values(row, p, "::bigint")  # the server's ids are bigint beside code arithmetic


def server_functions() -> dict[str, str]:
    """The trigger function of each indexed table, by name."""
    functions = {}
    for row in SEARCH_INDEXED:
        table, code = row[0], row[1]
        functions[f"fts_{table}"] = (
            f"CREATE FUNCTION fts_{table}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP <> 'INSERT' THEN "
            f"DELETE FROM search_index WHERE rowid = OLD.id::bigint * 16 + {code}; END IF; "
            f"IF TG_OP <> 'DELETE' THEN {_INSERT} VALUES ({_values(row, 'NEW')}); END IF; "
            f"RETURN NULL; END $$"
        )
    return functions


def server_triggers() -> dict[str, str]:
    """The three triggers of each indexed table, by name (as SQLite's are named)."""
    return {
        f"fts_{row[0]}_{suffix}": (
            f"CREATE TRIGGER fts_{row[0]}_{suffix} AFTER {when} ON {row[0]} "
            f"FOR EACH ROW EXECUTE FUNCTION fts_{row[0]}()"
        )
        for row in SEARCH_INDEXED
        for suffix, when in _SUFFIXES
    }


def server_index_problems(connection: Connection) -> list[str]:
    """How the server's search index differs from the records it indexes."""
    tables = {r[0] for r in _rows(connection, "SELECT tablename FROM pg_tables")}
    if "search_index" not in tables:
        return ["the search index is missing"]
    present = {
        r[0] for r in _rows(connection, "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
    }
    problems = [
        f"the search trigger {name} is missing" for name in server_triggers() if name not in present
    ]
    expected = " UNION ALL ".join(
        f"SELECT {_values(row, row[0])} FROM {row[0]}" for row in SEARCH_INDEXED
    )
    with_expected = f"WITH expected(r, kind, i, t, b) AS ({expected})"
    queries = (
        (
            "{} {} missing from the search index",
            "SELECT kind FROM expected e WHERE NOT EXISTS "
            "(SELECT 1 FROM search_index s WHERE s.rowid = e.r)",
        ),
        (
            "{} {} out of date in the search index",
            "SELECT e.kind FROM expected e JOIN search_index s ON s.rowid = e.r "
            "WHERE (e.kind, e.i, e.t, e.b) IS DISTINCT FROM (s.kind, s.record_id, s.title, s.body)",
        ),
        (
            "{} {} gone but still in the search index",
            "SELECT kind FROM search_index s WHERE NOT EXISTS "
            "(SELECT 1 FROM expected e WHERE e.r = s.rowid)",
        ),
    )
    for words, query in queries:
        sql = (
            f"{with_expected} SELECT kind, count(*) FROM ({query}) AS q GROUP BY kind ORDER BY kind"
        )
        for kind, n in _rows(connection, sql):
            problems.append(words.format(n, f"{kind} record" if n == 1 else f"{kind} records"))
    return problems


def rebuild_server_index(connection: Connection) -> None:
    """Make the table, its index, functions, triggers and contents again from the records."""
    for name in server_functions():
        connection.execute(text(f"DROP FUNCTION IF EXISTS {name}() CASCADE"))
    connection.execute(text("DROP TABLE IF EXISTS search_index"))
    connection.execute(text(SERVER_TABLE_SQL))
    connection.execute(text(SERVER_INDEX_SQL))
    for sql in [*server_functions().values(), *server_triggers().values()]:
        connection.execute(text(sql))
    for row in SEARCH_INDEXED:
        connection.execute(text(f"{_INSERT} SELECT {_values(row, row[0])} FROM {row[0]}"))


def _rows(connection: Connection, sql: str) -> list[Any]:
    return list(connection.execute(text(sql)))
