"""Creating an archive and filling it with the demo case."""

import argparse
from typing import TextIO

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.services.demo import load_demo


def register(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    init = commands.add_parser("init", help="create an empty archive")
    init.set_defaults(handler=_init)
    demo = commands.add_parser(
        "demo", help="fill the archive with the demo case (Cpl. Roger A. Dumas)"
    )
    demo.set_defaults(handler=_demo)


def _init(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    existed = location.path is not None and location.path.exists()
    with Archive.open(location, create=True):
        pass
    verb = "already holds an archive" if existed else "now holds a new, empty archive"
    print(f"{location.display} {verb}", file=out)


def _demo(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    with Archive.open(location, create=True) as archive, archive.session() as session:
        summary = load_demo(session)
    print(f"Loaded the demo case into {location.display}: {summary.describe()}", file=out)
