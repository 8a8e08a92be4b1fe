"""Shared fixtures of the import tests: the real files in ../shared/data/real (skipped when
that folder is absent) and a second, empty archive to import into."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.helpers.templates import copy_archive

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path

REAL = Path(__file__).resolve().parents[4] / "shared" / "data" / "real"


@pytest.fixture
def real() -> Path:
    if not REAL.is_dir():
        pytest.skip(f"the real data folder {REAL} is not here")
    return REAL


@pytest.fixture
def other_archive(tmp_path: Path) -> Iterator[Archive]:
    """A second new archive (to import into what another one exported)."""
    folder = tmp_path / "other"
    folder.mkdir()
    opened = Archive.open(location_for_path(copy_archive("empty", folder / "b.sqlite")))
    yield opened
    opened.close()
