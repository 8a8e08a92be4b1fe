"""Which archive a file is: the ``archive_uid`` kept in its ``archive_setting`` table.

Read straight from the file, read-only, so a backup copy or an archive that is not open
can be asked without upgrading or locking it. Revision 0003 makes the uid.
"""

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from powmia_desktop.core.errors import ArchiveError
from powmia_desktop.db.models import Base

ARCHIVE_UID = "archive_uid"


def read_archive_uid(path: Path) -> str | None:
    """The uid of the archive file at ``path``; None when it has none or cannot say."""
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute(
                "SELECT value FROM archive_setting WHERE key = ?", (ARCHIVE_UID,)
            ).fetchone()
        finally:
            connection.close()
    except (sqlite3.Error, OSError, ValueError):
        return None
    return str(row[0]) if row and row[0] else None


def write_archive_uid(path: Path, uid: str) -> None:
    """Give the archive file at ``path`` this uid (restoring a backup older than revision 0003)."""
    engine = create_engine(f"sqlite:///{path}")
    try:
        Base.metadata.tables["archive_setting"].create(engine, checkfirst=True)
        with engine.begin() as connection:
            connection.execute(
                text("DELETE FROM archive_setting WHERE key = :k"), {"k": ARCHIVE_UID}
            )
            connection.execute(
                text("INSERT INTO archive_setting (key, value) VALUES (:k, :v)"),
                {"k": ARCHIVE_UID, "v": uid},
            )
    except SQLAlchemyError as error:
        raise ArchiveError(f"Could not mark {path} as this archive: {error}") from None
    finally:
        engine.dispose()
