"""Every schema revision goes down and up again, on an archive file and on a server.

A downgrade is how a person goes back to an older release of the program (after a backup);
each revision's ``downgrade`` must leave exactly what the revision before it made, so that
upgrading again gives the schema a new archive has and keeps what the records were.
"""

from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, text
from tests.conftest import NewLocation

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.engine import make_engine
from powmia_desktop.db.migrate import alembic_config, known_revisions
from powmia_desktop.services.demo import load_demo
from powmia_desktop.services.search import search

BOTH = pytest.mark.parametrize("engine", ["sqlite", "postgresql"])

_SQLITE_SHAPE = "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1, 2"
_SERVER_SHAPE = (
    "SELECT 'relation ' || relkind::text, relname::text FROM pg_class "
    " WHERE relnamespace = 'public'::regnamespace "
    "UNION ALL SELECT 'trigger', tgname::text FROM pg_trigger WHERE NOT tgisinternal "
    "UNION ALL SELECT 'function', proname::text FROM pg_proc "
    " WHERE pronamespace = 'public'::regnamespace "
    "UNION ALL SELECT 'search configuration', cfgname::text FROM pg_ts_config "
    " WHERE cfgnamespace = 'public'::regnamespace "
    "UNION ALL SELECT 'extension', extname::text FROM pg_extension WHERE extname <> 'plpgsql' "
    "ORDER BY 1, 2"
)


def _migrate(engine: Engine, step: str, revision: str) -> None:
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        getattr(command, step)(config, revision)


def _shape(engine: Engine) -> list[Any]:
    with engine.connect() as connection:
        sql = _SERVER_SHAPE if connection.dialect.name == "postgresql" else _SQLITE_SHAPE
        return [tuple(r) for r in connection.execute(text(sql))]


def _revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


@BOTH
def test_each_revision_goes_down_and_up_to_the_schema_of_a_new_archive(
    new_location: NewLocation,
) -> None:
    location = new_location()
    Archive.open(location, create=True).close()
    engine = make_engine(location.url)
    try:
        new = _shape(engine)
        for revision in sorted(known_revisions(), reverse=True)[1:]:
            _migrate(engine, "downgrade", revision)
            assert _revision(engine) == revision
        _migrate(engine, "downgrade", "base")
        assert {name for _, name in _shape(engine)} <= {"alembic_version", "alembic_version_pkc"}
        _migrate(engine, "upgrade", "head")
        assert _shape(engine) == new
    finally:
        engine.dispose()


@BOTH
def test_one_step_back_and_forth_keeps_the_records_and_their_search(
    new_location: NewLocation,
) -> None:
    location = new_location()
    with Archive.open(location, create=True) as archive, archive.session() as session:
        load_demo(session)
        session.execute(text("UPDATE serviceman SET surname = 'Dümas'"))
    engine = make_engine(location.url)
    try:
        _migrate(engine, "downgrade", "-1")
        _migrate(engine, "upgrade", "head")
    finally:
        engine.dispose()
    with Archive.open(location) as archive, archive.reader() as session:
        assert [h.title for h in search(session, "dumas roger").of_kind("case")] == [
            "Dümas, Roger A."
        ]
