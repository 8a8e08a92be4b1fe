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

Handler = Callable[[argparse.Namespace, ArchiveLocation, TextIO], None]


def register_all(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        importlib.import_module(f"{__name__}.{module.name}").register(commands)
