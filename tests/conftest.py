"""Test settings that must hold before anything imports Qt, and the shared fixtures.

Every test runs against real SQLite files in ``tmp_path`` created through the Alembic
migrations, never against the person's own archive: the per-user folders are redirected
to a temporary directory for the whole run.
"""

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = Path(tempfile.mkdtemp(prefix="powmia-test-home-"))
for _var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_var] = str(_HOME / _var.lower())
os.environ.pop("POWMIA_DB", None)

import pytest  # noqa: E402

from powmia_desktop.db.archive import Archive  # noqa: E402
from powmia_desktop.db.location import location_for_path  # noqa: E402

GUI_FIXTURES = {"qtbot", "qapp", "qtmodeltester"}


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


@pytest.fixture
def archive(archive_path: Path) -> Iterator[Archive]:
    """A new, empty, fully migrated archive file."""
    opened = Archive.open(location_for_path(archive_path), create=True)
    yield opened
    opened.close()


@pytest.fixture
def demo_archive(archive: Archive) -> Archive:
    """An archive holding the demo case (Cpl. Roger A. Dumas)."""
    from powmia_desktop.services.demo import load_demo

    with archive.session() as session:
        load_demo(session)
    return archive
