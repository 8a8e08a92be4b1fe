"""A second, empty archive for the export tests to import into."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.helpers.templates import copy_archive

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path


@pytest.fixture
def other_archive(tmp_path: Path) -> Iterator[Archive]:
    (tmp_path / "other").mkdir()
    opened = Archive.open(location_for_path(copy_archive("empty", tmp_path / "other" / "b.sqlite")))
    yield opened
    opened.close()
