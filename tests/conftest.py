"""Test settings that must hold before anything imports Qt, and the shared fixtures.

Every test runs against real SQLite files in ``tmp_path`` created through the Alembic
migrations, never against the person's own archive: the per-user folders are redirected
to a temporary directory for the whole run.
"""

import functools
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
from hypothesis import settings  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from tests.helpers.pg_server import DatabasePool, start_server, stop_server, why_no_server  # noqa: E402
from tests.helpers.sql import db_argument  # noqa: E402
from tests.helpers.templates import Kind, copy_archive  # noqa: E402

from powmia_desktop.db.archive import Archive  # noqa: E402
from powmia_desktop.db.location import ArchiveLocation, location_for_path  # noqa: E402

# Hypothesis draws the same examples on every run (derived from each test's source) and
# replays no failures saved by an earlier run, so a test fails on every run or on none.
# HYPOTHESIS_PROFILE=explore draws new random examples each time, to hunt for new failures.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

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


#: How long a qtbot wait without a ``timeout`` of its own waits, in milliseconds. Waits end
#: as soon as what they wait for happens, so a long one costs a passing test nothing; pytest-qt's
#: own 5 s failed tests whose reading thread was slow on a busy machine.
QT_WAIT_MS = 30_000
QT_WAITS = ("waitUntil", "waitSignal", "waitSignals", "waitCallback", "waitExposed", "waitActive")


@pytest.fixture
def qtbot(qtbot: Any) -> Any:
    """pytest-qt's qtbot, its waits given :data:`QT_WAIT_MS` unless a test says otherwise."""
    for name in QT_WAITS:
        setattr(qtbot, name, functools.partial(getattr(qtbot, name), timeout=QT_WAIT_MS))
    return qtbot


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
def archive(
    engine: str, archive_path: Path, new_location: NewLocation, request: pytest.FixtureRequest
) -> Iterator[Archive]:
    """A new, empty, fully migrated archive (a file, or a database on the test server).

    A file is a copy of one migrated once per run; when the test asks for ``demo_archive``
    too, of one that holds the demo already (see tests/helpers/templates.py).
    """
    if engine == "sqlite":
        kind: Kind = "demo" if "demo_archive" in request.fixturenames else "empty"
        location = location_for_path(copy_archive(kind, archive_path))
    else:
        location = new_location()
    opened = Archive.open(location, create=True)
    yield opened
    opened.close()


@pytest.fixture
def demo_archive(engine: str, archive: Archive) -> Archive:
    """An archive holding the demo case (Cpl. Roger A. Dumas)."""
    from powmia_desktop.services.demo import load_demo

    if engine != "sqlite":  # a file was copied with the demo in it already
        with archive.session() as session:
            load_demo(session)
    return archive
