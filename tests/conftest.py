"""Test settings that must hold before anything imports Qt, and the shared fixtures.

Every test runs against real SQLite files in ``tmp_path`` created through the Alembic
migrations, never against the person's own archive: the per-user folders are redirected
to a temporary directory for the whole run.
"""

import os
import tempfile
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = Path(tempfile.mkdtemp(prefix="powmia-test-home-"))
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = str(_HOME / _var.lower())
os.environ.pop("POWMIA_DB", None)

import pytest  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from tests.helpers.pg_server import DatabasePool, start_server, stop_server, why_no_server  # noqa: E402
from tests.helpers.sql import db_argument  # noqa: E402

from powmia_desktop.db.archive import Archive  # noqa: E402
from powmia_desktop.db.location import ArchiveLocation, location_for_path  # noqa: E402

GUI_FIXTURES = {"qtbot", "qapp", "qtmodeltester"}
TESTS = Path(__file__).resolve().parent
BOTH_ENGINES = {"services", "cli", "safety"}
NewLocation = Callable[..., ArchiveLocation]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """The services, CLI and safety tests run on both engines, except ``sqlite_only`` ones
    (what only a file has: its bytes, its folders, its backups as files); ``server_only``
    ones run on the server alone."""
    if "engine" not in metafunc.fixturenames:
        return
    folder = Path(str(metafunc.definition.path)).relative_to(TESTS).parts[0]
    if metafunc.definition.get_closest_marker("server_only"):
        metafunc.parametrize("engine", ["postgresql"])
    elif folder in BOTH_ENGINES and not metafunc.definition.get_closest_marker("sqlite_only"):
        metafunc.parametrize("engine", ["sqlite", "postgresql"])


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that need a QApplication are marked ``gui`` so ``-m 'not gui'`` runs anywhere."""
    for item in items:
        if GUI_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def qapp(qapp: Any) -> Any:
    """pytest-qt's application, collecting cycles on its own thread as the program does."""
    from powmia_desktop.gui.collector import collect_on_gui_thread

    collect_on_gui_thread(qapp)
    return qapp


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    return tmp_path / "archive.sqlite"


#: The database every test database on the server is copied from: migrated once per run.
PG_TEMPLATE = "powmia_template"


@pytest.fixture(scope="session")
def pg_pool() -> Iterator[DatabasePool]:
    """A PostgreSQL server of this run on a free local port, handing out migrated databases."""
    reason = why_no_server()
    if reason:
        pytest.skip(reason)
    server = start_server()
    try:
        url = server.create_database(PG_TEMPLATE)
        Archive.open(ArchiveLocation(make_url(url), None), create=True).close()
        yield DatabasePool(server, PG_TEMPLATE)
    finally:
        stop_server(server)


@pytest.fixture
def engine() -> str:
    """The database engine of the archive fixtures; services and CLI run on both."""
    return "sqlite"


@pytest.fixture
def new_location(
    engine: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Generator[NewLocation]:
    """Makes locations of new, empty archives on this test's engine (migrated on the server)."""
    taken: list[str] = []
    pool = request.getfixturevalue("pg_pool") if engine == "postgresql" else None

    def make(name: str = "archive") -> ArchiveLocation:
        if pool is None:
            return location_for_path(tmp_path / f"{name}.sqlite")
        taken.append(pool.take(tmp_path / f"{name}-shared"))
        return ArchiveLocation(make_url(taken[-1]), None)

    yield make
    for url in taken:
        assert pool is not None
        pool.give_back(url)


@pytest.fixture
def new_db(new_location: NewLocation) -> Callable[..., str]:
    """Makes ``--db`` arguments of new archives on this test's engine (a path or a URL)."""

    def make(name: str = "archive") -> str:
        return db_argument(new_location(name))

    return make


@pytest.fixture
def archive(engine: str, archive_path: Path, new_location: NewLocation) -> Iterator[Archive]:
    """A new, empty, fully migrated archive (a file, or a database on the test server)."""
    location = location_for_path(archive_path) if engine == "sqlite" else new_location()
    opened = Archive.open(location, create=True)
    yield opened
    opened.close()


@pytest.fixture
def demo_archive(archive: Archive) -> Archive:
    """An archive holding the demo case (Cpl. Roger A. Dumas)."""
    from powmia_desktop.services.demo import load_demo

    with archive.session() as session:
        load_demo(session)
    return archive
