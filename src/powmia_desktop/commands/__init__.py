"""The subcommands of ``powmia``, one module per group of jobs.

Each module here has ``register(commands)``, which adds its subparsers and sets
``handler=`` on each; a handler takes the parsed arguments, the archive location and the
output stream, and raises PowmiaError for anything a person must be told. ``cli.py``
finds the modules, so adding a job means adding a module, not editing a shared list.
"""

import argparse
import importlib
import pkgutil
from collections.abc import Callable
from typing import TextIO

from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.services.audience import RedactionLog

Handler = Callable[[argparse.Namespace, ArchiveLocation, TextIO], None]


def register_all(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        importlib.import_module(f"{__name__}.{module.name}").register(commands)


def print_withheld(out: TextIO, log: RedactionLog, list_all: bool) -> None:
    """How much an audience's packet or export left out and why; with ``list_all`` each
    item, named by what and whose it is (the log never holds the private words)."""
    if not len(log):
        print("Nothing was withheld.", file=out)
        return
    print(f"Withheld {len(log)} item{'s' if len(log) != 1 else ''}:", file=out)
    for kind, reason, count in log.counts():
        print(f"  {count} × {kind}: {reason}", file=out)
    if list_all:
        for entry in log.entries:
            print(f"    - {entry.kind}: {entry.label}", file=out)
    else:
        print("  (add --list-withheld to see each item)", file=out)
