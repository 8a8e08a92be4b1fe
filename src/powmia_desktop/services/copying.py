"""A whole archive copied into another database — SQLite to PostgreSQL and back — and proved.

``copy_records`` moves every table, row for row with its ids and uids, into a target that
holds no records yet, in one transaction on the target and one consistent read of the
source (a snapshot on a server). The search index is not copied: its triggers are dropped
for the copy and the index is made again from the records once, which is also what makes
a 100,000-case copy quick. On PostgreSQL each id sequence is then moved past the highest
copied id, so the next record saved gets a new one.

Into a server the rows go with PostgreSQL's COPY (psycopg's copy API), into a file with
sqlite3's ``executemany`` in chunks, each value made what an INSERT would send.

``table_digests`` gives, per table, the number of rows and a SHA-256 over them in uid order
(primary-key order where a table has no uid), of the stored values as both engines give
them back; ``copy_records`` compares source and target with it before it commits, so a
copy that is not record for record the same is rolled back, never kept.
"""

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, func, inspect, select, text

from powmia_desktop.core.errors import ArchiveError
from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.backup_file import copy_verified
from powmia_desktop.db.engine import WRITE_OPTION
from powmia_desktop.db.models import Attachment, Base
from powmia_desktop.db.server import SHARED_FOLDER
from powmia_desktop.db.tables import raw_table
from powmia_desktop.services.attachments import file_sha256, stored_path
from powmia_desktop.services.search_index import rebuild_search_index, search_triggers
from powmia_desktop.services.search_server import rebuild_server_index, server_functions

#: Rows fetched and inserted at a time.
CHUNK = 5000
#: Tables the schema migrations own and fill; never copied.
_SCHEMA_TABLES = frozenset({"alembic_version", "search_index"})


@dataclass(frozen=True)
class TableDigest:
    table: str
    rows: int
    sha256: str


@dataclass(frozen=True)
class CopyReport:
    tables: list[TableDigest]

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


def copied_tables() -> list[Table]:
    """Every table of an archive, parents before children."""
    return [t for t in Base.metadata.sorted_tables if t.name not in _SCHEMA_TABLES]


def table_rows(connection: Connection) -> dict[str, int]:
    """Rows of every table an archive copy carries, of those the database has (an older
    schema revision has fewer)."""
    present = set(inspect(connection).get_table_names())
    return {
        t.name: int(connection.execute(select(func.count()).select_from(t)).scalar_one())
        for t in copied_tables()
        if t.name in present
    }


def record_count(connection: Connection) -> int:
    """Rows in the record tables (what makes a database "not empty")."""
    return sum(
        connection.execute(select(func.count()).select_from(t)).scalar_one()
        for t in copied_tables()
        if t.name != "archive_setting"
    )


def copy_records(
    source: Archive, target: Archive, progress: Progress = no_progress, *, replace: bool = False
) -> CopyReport:
    """Copy every record of ``source`` into the empty ``target``; verified before commit.

    With ``replace`` (a restore) the target's records are deleted first, in the same
    transaction: it ends holding exactly the source's records, or unchanged.
    """
    snapshot = {"isolation_level": "REPEATABLE READ"}  # one consistent state of a server
    engine = source.engine
    reader = engine.execution_options(**snapshot) if engine.dialect.name == "postgresql" else engine
    writer = target.engine.execution_options(**{WRITE_OPTION: True})
    with (
        reader.connect() as reading,
        writer.connect() as writing,
        reading.begin(),
        writing.begin(),
    ):
        if replace:
            for table in reversed(copied_tables()):
                if table.name != "archive_setting":
                    writing.execute(table.delete())
        elif record_count(writing):
            raise ArchiveError(
                f"{target.location.display} already holds records; copy into a new, empty archive"
            )
        _drop_search_triggers(writing)
        tables = copied_tables()
        for done, table in enumerate(tables, 1):
            progress(done - 1, len(tables), f"Copying {table.name}")
            _copy_table(reading, writing, table)
        progress(len(tables), len(tables), "Making the search index")
        _rebuild_search(writing)
        _move_sequences(writing)
        progress(len(tables), len(tables), "Comparing every table")
        theirs, ours = table_digests(reading), table_digests(writing)
        if theirs != ours:
            wrong = ", ".join(a.table for a, b in zip(theirs, ours, strict=True) if a != b)
            raise ArchiveError(f"The copy differs from the archive in: {wrong}; not kept")
    return CopyReport(ours)


def _copy_table(reading: Connection, writing: Connection, table: Table) -> None:
    """Every row of ``table``, each value first made what an INSERT would send (JSON
    serialized, and so on): into a server with COPY through psycopg, into a file with
    sqlite3's ``executemany``; either way in the copy's own transaction."""
    raw = raw_table(table)
    query = select(raw).order_by(*raw.primary_key.columns)
    if table.name == "archive_setting":  # the archive's uid; where its files are stays
        writing.execute(raw.delete().where(raw.c.key != SHARED_FOLDER))
        query = query.where(raw.c.key != SHARED_FOLDER)
    dialect = writing.dialect
    make = [c.type.dialect_impl(dialect).bind_processor(dialect) for c in raw.columns]
    names = ", ".join(f'"{c.name}"' for c in raw.columns)
    rows = reading.execute(query)
    chunks = (
        [[v if f is None else f(v) for f, v in zip(make, row, strict=True)] for row in chunk]
        for chunk in iter(lambda: rows.fetchmany(CHUNK), [])
    )
    cursor = writing.connection.driver_connection.cursor()  # type: ignore[union-attr]
    if dialect.name == "postgresql":
        with cursor.copy(f'COPY "{raw.name}" ({names}) FROM STDIN') as copy:
            for chunk in chunks:
                for values in chunk:
                    copy.write_row(values)
        return
    marks = ", ".join("?" for _ in raw.columns)
    for chunk in chunks:
        cursor.executemany(f'INSERT INTO "{raw.name}" ({names}) VALUES ({marks})', chunk)


def _drop_search_triggers(connection: Connection) -> None:
    """No index row per copied row: the whole index is made once at the end."""
    if connection.dialect.name == "postgresql":
        for name in server_functions():
            connection.execute(text(f"DROP FUNCTION IF EXISTS {name}() CASCADE"))
    else:
        for name in search_triggers():
            connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))


def _rebuild_search(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        rebuild_server_index(connection)
    else:
        rebuild_search_index(connection)


def _move_sequences(connection: Connection) -> None:
    """Each id sequence past the highest id copied (ids were given, not drawn from it)."""
    if connection.dialect.name != "postgresql":
        return  # SQLite takes the next id from the highest one in the table
    for table in copied_tables():
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
            )
        )


def table_digests(connection: Connection) -> list[TableDigest]:
    """Per table: its rows and a SHA-256 of their stored values, in uid (or key) order."""
    return [_digest(connection, table) for table in copied_tables()]


def _digest(connection: Connection, table: Table) -> TableDigest:
    raw = raw_table(table)
    order = [raw.c.uid] if "uid" in raw.c else list(raw.primary_key.columns)
    digest = hashlib.sha256()
    count = 0
    query = select(raw).order_by(*order)
    if table.name == "archive_setting":
        query = query.where(raw.c.key != SHARED_FOLDER)
    for row in _chunks(connection.execute(query)):
        # Both engines give the same Python values back (JSON read, timestamps naive UTC).
        digest.update(json.dumps(tuple(row), sort_keys=True, default=str).encode())
        digest.update(b"\n")
        count += 1
    return TableDigest(table.name, count, digest.hexdigest())


def _chunks(rows: Any) -> Iterator[Any]:
    while chunk := rows.fetchmany(CHUNK):
        yield from chunk


def copy_attachment_files(source: Archive, target: Archive) -> int:
    """Copy every attachment file the source's records use, each checked against its hash."""
    with source.reader() as session:
        used = sorted(session.execute(select(Attachment.sha256).distinct()).scalars())
    if not used:
        return 0
    have, want = source.location.attachments_dir, target.location.attachments_dir
    if want is None:
        raise ArchiveError(
            f"{target.location.display} has no shared folder for attachments; name one first "
            "('powmia --db URL init --files FOLDER')"
        )
    assert have is not None or not used
    for sha in used:
        origin = stored_path(have, sha) if have is not None else None
        if origin is None or not origin.is_file():
            raise ArchiveError(
                f"The attachment file {sha[:12]}… is missing; run 'powmia check' first"
            )
        destination = stored_path(want, sha)
        if destination.is_file() and file_sha256(destination) == sha:
            continue
        if not copy_verified(origin, destination, sha):
            raise ArchiveError(f"The attachment file {origin} is damaged; run 'powmia check' first")
    return len(used)
