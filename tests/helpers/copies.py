"""An archive made once for a test module, copied for each test that changes or opens it."""

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path


@contextmanager
def opened_copy(source: Path, folder: Path) -> Iterator[Archive]:
    """The archive file ``source`` copied into ``folder`` and opened; closed after."""
    path = folder / source.name
    shutil.copyfile(source, path)
    archive = Archive.open(location_for_path(path))
    try:
        yield archive
    finally:
        archive.close()
