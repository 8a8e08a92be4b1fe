"""Where an archive lives: ``--db`` / ``POWMIA_DB`` (a path or an SQLAlchemy URL) or the default.

One archive is one SQLite file with an ``<name>-attachments/`` and an ``<name>-backups/``
folder beside it. The URL form points every desk of an organization at one PostgreSQL
server (``postgresql+psycopg://user@host/db``); a server archive keeps its attachments in a
shared folder every desk can read (``shared_folder``: ``attachments/`` and ``backups/`` in
it), named in the archive itself and opened by Archive.open. Everything else in the program
only sees an ``ArchiveLocation``.

``powmia``'s parser reads ``ENV_VAR`` from here, so SQLAlchemy and platformdirs are imported
by the functions that use them, not when this module loads.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from powmia_desktop import APP_NAME
from powmia_desktop.core.errors import ArchiveError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

ENV_VAR = "POWMIA_DB"
#: Where this desk reaches a server archive's shared folder, when not where the archive says.
FILES_ENV_VAR = "POWMIA_FILES"
DEFAULT_FILE_NAME = "archive.sqlite"


@dataclass(frozen=True)
class ArchiveLocation:
    url: URL
    #: The SQLite file, or None for an in-memory or server database.
    path: Path | None
    #: True for the per-user default location, whose folder may be created on demand.
    is_default: bool = False
    #: A server archive's shared folder for attachments and backups (None: not set).
    shared_folder: Path | None = None

    @property
    def display(self) -> str:
        return str(self.path) if self.path else self.url.render_as_string(hide_password=True)

    @property
    def is_server(self) -> bool:
        return self.path is None and self.url.get_backend_name() != "sqlite"

    def _sibling(self, suffix: str) -> Path | None:
        if self.path is None:
            return self.shared_folder / suffix if self.shared_folder else None
        return self.path.with_name(f"{self.path.stem}-{suffix}")

    @property
    def attachments_dir(self) -> Path | None:
        return self._sibling("attachments")

    @property
    def backups_dir(self) -> Path | None:
        return self._sibling("backups")


def default_archive_path() -> Path:
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False) / DEFAULT_FILE_NAME


def resolve_location(
    db: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None
) -> ArchiveLocation:
    """The archive named by ``db``, else by ``$POWMIA_DB``, else the per-user default."""
    env = os.environ if environ is None else environ
    given = os.fspath(db) if db is not None else env.get(ENV_VAR) or None
    if not given or not str(given).strip():
        return location_for_path(default_archive_path(), is_default=True)
    text = str(given).strip()
    if "://" in text:
        return _location_for_url(text)
    return location_for_path(Path(text))


def location_for_path(path: Path, *, is_default: bool = False) -> ArchiveLocation:
    from sqlalchemy.engine import URL

    path = path.expanduser().absolute()
    return ArchiveLocation(URL.create("sqlite", database=str(path)), path, is_default)


def _location_for_url(text: str) -> ArchiveLocation:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text)
    except ArgumentError:
        raise ArchiveError(f"'{text}' is neither a file path nor a database URL") from None
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database in ("", ":memory:") or database.startswith("file:"):
            return ArchiveLocation(url, None)
        path = Path(database).expanduser().absolute()
        return ArchiveLocation(url.set(database=str(path)), path)
    return ArchiveLocation(url, None)
