"""Fixtures of the safety tests (helpers live in support.py)."""

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.safety.support import make_demo, make_demo_file

from powmia_desktop.db.location import resolve_location

#: The engines a module-wide archive is made on (a file, a database on the test server).
ENGINES = ["sqlite", "postgresql"]


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    """A closed demo archive file, for tests that run ``powmia`` on it."""
    return make_demo_file(tmp_path / "family.sqlite")


@pytest.fixture(scope="module", params=ENGINES)
def module_demo(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[str], str]:
    """Makes demo archives a whole module shares, on each engine in turn: ``--db`` values
    (a file, or a database of the test server given back when the module is done)."""

    def make(name: str) -> str:
        folder = tmp_path_factory.mktemp(name)
        if request.param == "sqlite":
            return str(make_demo_file(folder / "family.sqlite"))
        pool = request.getfixturevalue("pg_pool")
        url = pool.take(folder / "shared")
        request.addfinalizer(lambda: pool.give_back(url))
        make_demo(resolve_location(url))
        return str(url)

    return make
