"""Plain SQL on a test archive named as ``--db`` names it (a file path or a server URL).

Tests use it to set up what no command does (a record made public, a row damaged), the
same way on both engines. SQLite connections keep the driver's defaults (foreign keys off),
as ``sqlite3.connect`` would.
"""

from typing import Any

from sqlalchemy import create_engine, text

from powmia_desktop.db.location import ArchiveLocation, resolve_location


def sql(db: str, *statements: str, **params: Any) -> list[tuple[Any, ...]]:
    """Run ``statements`` in one transaction; the rows of the last one (none if it has none)."""
    engine = create_engine(resolve_location(db).url)
    try:
        with engine.begin() as connection:
            rows: list[tuple[Any, ...]] = []
            for statement in statements:
                result = connection.execute(text(statement), params)
                rows = [tuple(r) for r in result] if result.returns_rows else []
            return rows
    finally:
        engine.dispose()


def count(db: str, table: str) -> int:
    """How many rows ``table`` holds."""
    return int(sql(db, f"SELECT count(*) FROM {table}")[0][0])


def db_argument(location: ArchiveLocation) -> str:
    """What ``--db`` is given for the archive at ``location``: its file, or its server URL."""
    if location.path is not None:
        return str(location.path)
    return location.url.render_as_string(hide_password=False)
