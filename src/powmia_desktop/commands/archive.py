"""Creating an archive and filling it with the demo case."""

import argparse
from typing import TextIO

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.services.demo import load_demo


def init_archive(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    existed = location.path is not None and location.path.exists()
    with Archive.open(location, create=True):
        pass
    verb = "already holds an archive" if existed else "now holds a new, empty archive"
    print(f"{location.display} {verb}", file=out)


def demo(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    with Archive.open(location, create=True) as archive, archive.session() as session:
        summary = load_demo(session)
    print(f"Loaded the demo case into {location.display}: {summary.describe()}", file=out)
