"""Engines and sessions with the SQLite settings every archive needs.

The driver's own transaction handling is switched off and ``BEGIN`` emitted by us (the
SQLAlchemy-documented recipe), so that each session transaction, including DDL during a
migration, is really atomic; foreign keys are enforced; WAL lets a reader work while a
writer commits.
"""

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 5000
SERVER_TIMEOUT_S = 10
#: Execution option marking connections of sessions that will write.
WRITE_OPTION = "powmia_write"


def make_engine(url: URL, *, wal: bool = True) -> Engine:
    if url.get_backend_name() == "postgresql":
        # A connection the server dropped (a restart, a network hiccup) is replaced before
        # use, and an unreachable server is reported in seconds, not after minutes.
        return create_engine(
            url, pool_pre_ping=True, connect_args={"connect_timeout": SERVER_TIMEOUT_S}
        )
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas(wal))
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def make_sessionmaker(engine: Engine, *, write: bool = False) -> sessionmaker[Session]:
    bind = engine.execution_options(**{WRITE_OPTION: True}) if write else engine
    return sessionmaker(bind, expire_on_commit=False)


def _sqlite_pragmas(wal: bool) -> Any:
    def on_connect(dbapi_connection: Any, connection_record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if wal:
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    return on_connect


def _sqlite_begin(connection: Any) -> None:
    # A writing transaction takes the write lock at once (waiting up to the busy timeout
    # for another window's save) instead of reading first and failing "database is locked"
    # when it tries to write after someone else committed.
    immediate = connection.get_execution_options().get(WRITE_OPTION)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
