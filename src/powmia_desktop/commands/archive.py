"""Creating an archive and filling it with the demo case."""

import argparse
from typing import TextIO

from powmia_desktop.db.archive import Archive, use_shared_folder
from powmia_desktop.db.emptied import backups_hint, emptied_reason
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.services.demo import load_demo


def init_archive(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    """Create the archive; the one command that may make a new one in an emptied file."""
    path = location.path
    emptied = emptied_reason(path) if path is not None and path.exists() else None
    existed = path is not None and path.exists() and emptied is None
    with Archive.open(location, create=True, over_empty=True) as archive:
        if args.files is not None:
            use_shared_folder(archive, args.files)
    verb = "already holds an archive" if existed else "now holds a new, empty archive"
    print(f"{location.display} {verb}", file=out)
    if args.files is not None:
        print(f"Attachments and backups are kept in {archive.location.shared_folder}", file=out)
    if emptied is not None:
        print(f"(the file {emptied} before; {backups_hint(location)})", file=out)


def demo(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    with Archive.open(location, create=True) as archive, archive.session() as session:
        summary = load_demo(session)
    print(f"Loaded the demo case into {location.display}: {summary.describe()}", file=out)
