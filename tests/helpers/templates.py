"""Archive files copied from ones made once per test run, instead of made anew per test.

Migrating a new file to the newest schema takes most of a second on a busy machine and
loading the demo as long again; copying a finished file takes milliseconds. Each copy gets
an archive uid of its own, as a new archive would (merging and sync tests tell archives
apart by it). The templates are made by the program's own code (``Archive.open`` with
``create``, ``load_demo``) the first time a test asks for them, closed, so no WAL is left.
"""

import atexit
import shutil
import sqlite3
import tempfile
import uuid
from contextlib import closing
from pathlib import Path
from typing import Literal

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path

Kind = Literal["empty", "demo"]

_made: dict[Kind, Path] = {}


def _folder() -> Path:
    if not _made:
        folder = Path(tempfile.mkdtemp(prefix="powmia-test-templates-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        return folder
    return next(iter(_made.values())).parent


def template(kind: Kind) -> Path:
    """The template file of ``kind``: a new migrated archive, or one holding the demo case."""
    if kind not in _made:
        path = _folder() / f"{kind}.sqlite"
        with Archive.open(location_for_path(path), create=True) as archive:
            if kind == "demo":
                from powmia_desktop.services.demo import load_demo

                with archive.session() as session:
                    load_demo(session)
        _made[kind] = path
    return _made[kind]


def copy_archive(kind: Kind, target: Path) -> Path:
    """A closed archive file at ``target`` (which must not exist) like the template of
    ``kind``, with a new archive uid; returns ``target``."""
    if target.exists():
        raise FileExistsError(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template(kind), target)
    with closing(sqlite3.connect(target)) as connection, connection:
        connection.execute(
            "UPDATE archive_setting SET value = ? WHERE key = 'archive_uid'", (str(uuid.uuid4()),)
        )
    return target
