"""Backups of a server archive made with PostgreSQL's own tools, when this desk has them.

``pg_dump -Fc`` writes the whole database — schema, search index, sequences — as one
custom-format dump, ``archive.dump``, in a backup set folder like any other (the same
``backup.json``, attachments and rotation). The dump is taken in a snapshot this program
exported from its own transaction, so the set's record of what the dump holds — the
archive's uid, its schema revision and the rows of every table — is read in that very
snapshot, and a restore checks it against the database afterwards.

``pg_restore`` puts a dump back: into the same archive (every object of the dump dropped
and made again, all in one transaction, so a failed restore leaves the archive as it was)
or into an empty database. It is refused, before anything is touched, when the dump is not
the file its set recorded, is of another archive (one that holds anything a person entered:
a freshly made one takes any archive's dump), of another schema revision than the
archive's, or of a newer one than this program knows, or when ``pg_restore`` is missing.

The connection goes to the tools through libpq's environment (``PGHOST``, ``PGPASSWORD``
…) taken from the archive's URL: never on their command line, where any user of the
machine could read a password, and never in a message. Without ``pg_dump`` (or with one
older than the server) a backup is the SQLite snapshot of services/server_backup.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, text

from powmia_desktop.core.errors import ArchiveError
from powmia_desktop.db.backup_file import RECORD_TABLES
from powmia_desktop.db.migrate import check_revision
from powmia_desktop.services.attachments import file_sha256
from powmia_desktop.services.backup_check import nothing_entered
from powmia_desktop.services.copying import table_rows

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

DUMP = "archive.dump"
ENGINE = "postgresql"
#: libpq's environment variables for the URL's query options a desk may use.
_QUERY_ENV = {
    "host": "PGHOST",
    "port": "PGPORT",
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "application_name": "PGAPPNAME",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
}
_SECONDS = 6 * 3600


class ToolTooOld(ArchiveError):
    """This desk's pg_dump is older than the server: the snapshot is used instead."""


def find_tool(name: str) -> Path | None:
    """``pg_dump`` or ``pg_restore`` on PATH, else the newest in /usr/lib/postgresql."""
    found = shutil.which(name)
    if found:
        return Path(found)
    versions = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    return versions[-1] if versions else None


def tool_environment(url: URL) -> dict[str, str]:
    """This process's environment with the URL's connection settings in libpq's variables."""
    env = dict(os.environ)
    given = {
        "PGHOST": url.host,
        "PGPORT": str(url.port) if url.port else None,
        "PGUSER": url.username,
        "PGPASSWORD": url.password,
        "PGDATABASE": url.database,
    }
    for key, value in url.query.items():
        if key in _QUERY_ENV:
            given[_QUERY_ENV[key]] = value if isinstance(value, str) else value[-1]
    env.update({k: str(v) for k, v in given.items() if v})
    return env


def run_tool(tool: Path, args: list[str], url: URL, what: str) -> str:
    """Run a PostgreSQL tool on the archive's database; its output, or an ArchiveError
    carrying the tool's own first line of complaint (it never holds the password)."""
    try:
        done = subprocess.run(
            [str(tool), *args],
            env=tool_environment(url),
            capture_output=True,
            text=True,
            timeout=_SECONDS,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise ArchiveError(f"{what} failed: {error}") from None
    if done.returncode != 0:
        lines = [line.strip() for line in done.stderr.splitlines() if line.strip()]
        said = next((line for line in lines if "error" in line.lower()), lines[0] if lines else "")
        said = said.removeprefix(f"{tool.name}: ").removeprefix("error: ")
        if "version mismatch" in said or "aborting because of server version" in said:
            raise ToolTooOld(said)
        raise ArchiveError(f"{what} failed: {said or f'{tool.name} ended with {done.returncode}'}")
    return done.stdout


def contents(connection: Connection) -> dict[str, Any]:
    """What the set records of the archive: uid, schema revision, rows of every table
    (of those its schema revision has: an older one has fewer)."""
    tables = table_rows(connection)
    uid = connection.execute(
        text("SELECT value FROM archive_setting WHERE key = 'archive_uid'")
    ).scalar()
    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return {
        "schema": str(revision) if revision else None,
        "archive_uid": str(uid or ""),
        "records": sum(n for name, n in tables.items() if name in RECORD_TABLES),
        "tables": tables,
    }


def dump_database(connection: Connection, url: URL, target: Path, tool: Path) -> dict[str, Any]:
    """Write ``target`` with ``pg_dump -Fc`` in the snapshot of ``connection``'s open
    REPEATABLE READ transaction; the manifest entries describing it."""
    snapshot = connection.execute(text("SELECT pg_export_snapshot()")).scalar_one()
    held = contents(connection)
    version = run_tool(tool, ["--version"], url, "pg_dump").strip()
    run_tool(
        tool,
        ["-Fc", "--no-owner", "--no-privileges", f"--snapshot={snapshot}", "-f", str(target)],
        url,
        "pg_dump",
    )
    return {
        "engine": ENGINE,
        "database": target.name,
        "database_sha256": file_sha256(target),
        "database_size": target.stat().st_size,
        "tool": version,
        "sound": True,
        **held,
    }


def dump_problem(manifest: dict[str, Any], dump: Path, live: dict[str, Any] | None) -> str | None:
    """What keeps the dump from being restored (``live``: the archive's contents(), None
    for an empty database); None if nothing does. The dump is read, not restored."""
    if not dump.is_file():
        return "has lost its dump file"
    if dump.stat().st_size != manifest.get("database_size"):
        return "has a dump file whose size is not the one recorded when it was made"
    if file_sha256(dump) != manifest.get("database_sha256"):
        return (
            "has a dump file that no longer matches the SHA-256 recorded when it was made "
            "(changed or damaged since)"
        )
    revision = manifest.get("schema")
    try:
        check_revision(revision, "it")
    except ArchiveError as error:
        return f"cannot be restored: {error}"
    if live is None:
        return None
    if manifest.get("archive_uid") != live["archive_uid"] and not nothing_entered(live["tables"]):
        return "is a backup of another archive, not of this one (its uid differs)"
    if revision != live["schema"]:
        return (
            f"was made at schema revision {revision} and the archive is at {live['schema']}; "
            "restore it into a new, empty database instead"
        )
    return None


def restore_dump(dump: Path, url: URL, tool: Path, *, into_empty: bool) -> None:
    """``pg_restore`` the dump in one transaction (over the dump's own objects unless the
    database is empty). The caller holds the archive to itself."""
    run_tool(tool, ["-l", str(dump)], url, "Reading the dump")  # a damaged dump stops here
    args = ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges"]
    if not into_empty:
        args += ["--clean", "--if-exists"]
    run_tool(tool, [*args, "-d", url.database or "", str(dump)], url, "pg_restore")
