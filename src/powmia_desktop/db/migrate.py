"""Schema upgrades with Alembic, run whenever an archive is opened.

Before an existing archive is upgraded, a copy is written with SQLite's online backup API.
An archive whose schema is newer than this program knows is refused, never touched.
"""

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from powmia_desktop.core.errors import ArchiveError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class UpgradeResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def upgraded(self) -> bool:
        return self.from_revision != self.to_revision


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


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


def upgrade(engine: Engine, *, path: Path | None, backup_dir: Path | None) -> UpgradeResult:
    """Bring the archive behind ``engine`` to the newest schema, backing it up first."""
    head = head_revision()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        if current is None and path is None and inspect(connection).get_table_names():
            raise ArchiveError("That database holds tables of another program, not an archive")
    check_revision(current, str(path) if path else "The archive")
    if current == head:
        return UpgradeResult(current, head, None)
    backup = None
    if current is not None and path is not None and backup_dir is not None:
        backup = backup_sqlite_file(path, backup_dir, f"before-upgrade-from-{current}")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return UpgradeResult(current, head, backup)
