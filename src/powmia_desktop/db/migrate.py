"""Schema upgrades with Alembic, run whenever an archive is opened.

Before an existing archive is upgraded, a copy is written with SQLite's online backup API.
An archive whose schema is newer than this program knows is refused, never touched.
"""

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from powmia_desktop.core.errors import ArchiveError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_HEADER = b"SQLite format 3\x00"
#: ``revision: str = "0002"`` and ``down_revision: str | None = "0001"`` in a migration script.
_REVISION_LINE = re.compile(r'^(down_revision|revision)\b[^=]*=\s*"([^"]+)"', re.MULTILINE)


@dataclass(frozen=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def upgraded(self) -> bool:
        return self.from_revision != self.to_revision


def alembic_config() -> "Config":
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@cache
def _revision_links() -> dict[str, str | None]:
    """Each migration script's revision and the one it follows, read from the scripts' text.

    Opening an archive that is already current is the common case; reading two lines of each
    script answers "is it current?" without importing Alembic, which costs a tenth of a second
    of every start. tests/db/test_migrations.py checks this against Alembic's own answer.
    """
    links: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = dict(
            (m.group(1), m.group(2))
            for m in _REVISION_LINE.finditer(script.read_text(encoding="utf-8"))
        )
        if "revision" in found:
            links[found["revision"]] = found.get("down_revision")
    return links


def head_revision() -> str:
    """The newest schema revision this program knows (the one no other script follows)."""
    links = _revision_links()
    heads = set(links) - {down for down in links.values() if down}
    if len(heads) != 1:
        raise ArchiveError(f"The program's schema scripts have {len(heads)} heads, not one")
    return heads.pop()


def known_revisions() -> set[str]:
    return set(_revision_links())


def probe_sqlite_file(path: Path) -> str | None:
    """The archive's schema revision (None for a new, empty file), read without writing.

    Raises ArchiveError for anything that is not a powmia-desktop archive, before any
    pragma or migration could change the file.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except IsADirectoryError:
        raise ArchiveError(f"{path} is a folder, not an archive file") from None
    except PermissionError:
        raise ArchiveError(f"No permission to read {path}") from None
    except OSError as error:
        raise ArchiveError(f"Cannot read {path}: {error.strerror}") from None
    if not header:
        return None
    if header != SQLITE_HEADER:
        raise ArchiveError(f"{path} is not a powmia-desktop archive (not an SQLite database)")
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if not tables:
                return None
            if "alembic_version" not in tables:
                raise ArchiveError(
                    f"{path} is an SQLite database of another program, not a powmia-desktop archive"
                )
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise ArchiveError(f"{path} cannot be read as an archive: {error}") from None
    return None if row is None else str(row[0])


def backup_sqlite_file(path: Path, backup_dir: Path, reason: str) -> Path:
    """Copy a (possibly live, WAL) SQLite file with the online backup API; return the copy."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = backup_dir / f"{path.stem}-{reason}-{stamp}.sqlite"
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            destination = sqlite3.connect(target)
            try:
                source.backup(destination)
            finally:
                destination.close()
        finally:
            source.close()
    except (OSError, sqlite3.Error) as error:
        target.unlink(missing_ok=True)
        raise ArchiveError(f"Could not write a backup to {backup_dir}: {error}") from None
    return target


def check_revision(current: str | None, where: str) -> None:
    if current is not None and current not in known_revisions():
        raise ArchiveError(
            f"{where} was written by a newer version of powmia-desktop (schema {current}); "
            "install the newer version to open it"
        )


def _current_revision(connection: Connection) -> str | None:
    """The revision stamped in ``alembic_version`` (None for an empty database)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def upgrade(engine: Engine, *, path: Path | None, backup_dir: Path | None) -> UpgradeResult:
    """Bring the archive behind ``engine`` to the newest schema, backing it up first."""
    head = head_revision()
    with engine.connect() as connection:
        current = _current_revision(connection)
        if current is None and path is None and inspect(connection).get_table_names():
            raise ArchiveError("That database holds tables of another program, not an archive")
    check_revision(current, str(path) if path else "The archive")
    if current == head:
        return UpgradeResult(current, head, None)
    from alembic import command

    backup = None
    if current is not None and path is not None and backup_dir is not None:
        backup = backup_sqlite_file(path, backup_dir, f"before-upgrade-from-{current}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return UpgradeResult(current, head, backup)
