"""Reading a whole-archive zip without trusting it: names, sizes, JSON, every value.

Nothing is written here. Every member name is checked (no absolute paths, no ``..``, no
links, only the names the format has), every size capped and checked against what is really
read (zip bombs), the manifest and each record validated column by column against the stored
types, every reference must lead to a record in the zip, and every attachment's bytes must
match its SHA-256. The result is what archive_zip.py merges.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import lzma
import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from typing import Any, Final

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, Numeric, String, Table, Text

from powmia_desktop.core.errors import ArchiveError
from powmia_desktop.db.tables import exchanged_tables, raw_table
from powmia_desktop.services.attachments import MAX_ATTACHMENT_BYTES
from powmia_desktop.services.exchange import (
    ATTACHMENTS_DIR,
    FORMAT,
    MANIFEST,
    MERGE_BASES,
    RECORDS_DIR,
    VERSION,
)
from powmia_desktop.services.importing.outcome import printable

MAX_MEMBERS: Final = 1_000_000
MAX_RECORDS_BYTES: Final = 1024 * 1024 * 1024
MAX_TOTAL_BYTES: Final = 16 * 1024 * 1024 * 1024
#: Deflate squeezes text tenfold and more; a thousandfold is a bomb.
MAX_RATIO: Final = 1000
_HEX: Final = frozenset("0123456789abcdef")


def _check_name(info: zipfile.ZipInfo, tables: dict[str, Table]) -> str:
    """The kind of member ("manifest", "records", "attachment", "folder"); ArchiveError if bad."""
    name = info.filename
    shown = printable(name, 200)
    parts = PurePosixPath(name).parts
    if (
        not name
        or name.startswith(("/", "\\"))
        or "\\" in name
        or ":" in name
        or ".." in parts
        or "\x00" in name
    ):
        raise ArchiveError(
            f"The archive holds a file with an unsafe path: '{shown}'; nothing was imported"
        )
    if stat.S_ISLNK(info.external_attr >> 16):
        raise ArchiveError(f"The archive holds a link, '{shown}'; nothing was imported")
    if name.endswith("/"):
        return "folder"
    if name == MANIFEST:
        return "manifest"
    if name == MERGE_BASES:
        return "merge bases"
    if name.startswith(RECORDS_DIR) and name.endswith(".json"):
        if name[len(RECORDS_DIR) : -5] not in tables:
            raise ArchiveError(f"The archive holds records of an unknown kind: '{shown}'")
        return "records"
    if name.startswith(ATTACHMENTS_DIR) and len(parts) == 3 and parts[2].endswith(".bin"):
        sha = parts[2][:-4]
        if len(sha) == 64 and set(sha) <= _HEX and parts[1] == sha[:2]:
            return "attachment"
    raise ArchiveError(f"The archive holds a file that does not belong in one: '{shown}'")


#: What zipfile raises on damage: besides BadZipFile, a name marked UTF-8 that is not
#: (ValueError), a version or method field turned to nonsense (NotImplementedError), a
#: stream cut short (EOFError) or an "encrypted" flag set by the damage (RuntimeError).
DAMAGED_ZIP = (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, ValueError)


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    shown = printable(info.filename, 200)
    if info.file_size > limit:
        raise ArchiveError(
            f"'{shown}' in the archive is {info.file_size / 2**20:,.0f} MB; "
            f"at most {limit / 2**20:,.0f} MB is accepted"
        )
    if info.file_size > 10 * 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise ArchiveError(f"'{shown}' in the archive is a zip bomb; nothing was imported")
    try:
        with archive.open(info) as handle:
            data = handle.read(info.file_size + 1)
    except (*DAMAGED_ZIP, zlib.error, lzma.LZMAError) as error:
        # zlib.error: damaged deflate data ("invalid distance too far back")
        raise ArchiveError(
            f"'{shown}' in the archive cannot be read: {printable(str(error), 120)}"
        ) from None
    if len(data) != info.file_size:
        raise ArchiveError(f"'{shown}' in the archive is not the size it claims")
    return data


def _json(data: bytes, name: str) -> Any:
    """The decoded JSON of an archive member (``name`` as shown in messages)."""
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise ArchiveError(
            f"'{printable(name, 200)}' in the archive is not valid JSON "
            f"({printable(str(error), 120)}); nothing was imported"
        ) from None


def _default(column: Any) -> Any:
    """The value a missing column gets: its scalar default, or its default function's."""
    default = column.default
    if default is None or column.primary_key:
        return None
    argument = getattr(default, "arg", None)
    if getattr(default, "is_scalar", False):
        return argument
    if getattr(default, "is_callable", False) and callable(argument):
        return argument(None)
    return None


class _Checker:
    """Turns one JSON row into stored values, or says which column is wrong."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.columns = {c.name: c for c in table.columns}
        #: The stored types (a timestamp as DateTime, a FuzzyDate as its text...).
        self.raw = raw_table(table)
        self.required = [
            c.name
            for c in table.columns
            if not c.nullable and c.default is None and c.server_default is None
        ]

    def row(self, data: Any, where: str) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise ArchiveError(f"{where} is not a record (a JSON object)")
        unknown = set(data) - set(self.columns)
        if unknown:
            raise ArchiveError(f"{where} has columns this table does not have: {sorted(unknown)}")
        out: dict[str, Any] = {}
        for name, column in self.columns.items():
            value = data.get(name)
            if value is None:
                if name in self.required:
                    raise ArchiveError(f"{where} lacks '{name}'")
                out[name] = _default(column)
                continue
            out[name] = self._value(self.raw.c[name], value, f"{where}, '{name}'")
        return out

    @staticmethod
    def _value(column: Any, value: Any, where: str) -> Any:
        kind = column.type
        if isinstance(kind, Boolean):
            if isinstance(value, bool):
                return value
        elif isinstance(kind, DateTime | Date):
            if isinstance(value, str):
                try:
                    if isinstance(kind, DateTime):
                        return dt.datetime.fromisoformat(value).replace(tzinfo=None)
                    return dt.date.fromisoformat(value)
                except ValueError:
                    pass
        elif isinstance(kind, JSON):
            return value
        elif isinstance(kind, Integer):
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**63:
                return value
        elif isinstance(kind, Float | Numeric):
            if isinstance(value, int | float) and not isinstance(value, bool):
                return value
        elif isinstance(kind, String | Text):
            if isinstance(value, str):
                if kind.length and len(value) > kind.length:
                    raise ArchiveError(f"{where} is longer than {kind.length} characters")
                return value
        else:
            return value
        raise ArchiveError(f"{where}: {value!r:.60} is not a valid {type(kind).__name__.lower()}")


def read_archive_zip(
    path: Path,
) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]], dict[str, bytes]]:
    """(manifest, rows per table, attachment bytes by SHA-256), all checked; nothing written."""
    tables = {t.name: t for t in exchanged_tables()}
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise ArchiveError(f"There is no file {path}") from None
    except DAMAGED_ZIP as error:
        raise ArchiveError(
            f"{path.name} is not a zip archive: {printable(str(error), 120)}"
        ) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ArchiveError(f"{path.name} holds {len(infos):,} files; at most {MAX_MEMBERS:,}")
        kinds = {info.filename: _check_name(info, tables) for info in infos}
        if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
            raise ArchiveError(f"{path.name} unpacks to more than {MAX_TOTAL_BYTES / 2**30:.0f} GB")
        if MANIFEST not in kinds:
            raise ArchiveError(f"{path.name} is not a powmia archive (it has no {MANIFEST})")
        manifest = _json(_read(archive, archive.getinfo(MANIFEST), 1024 * 1024), MANIFEST)
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ArchiveError(f"{path.name} is not a powmia archive")
        version = manifest.get("version")
        if not isinstance(version, int) or version < 1:
            raise ArchiveError(f"{path.name} has no valid format version")
        if version > VERSION:
            raise ArchiveError(
                f"{path.name} was made by a newer version of the program (format {version}); "
                "update this program to import it"
            )
        rows: dict[str, list[dict[str, Any]]] = {}
        files: dict[str, bytes] = {}
        manifest.pop("merge_bases", None)  # only ever the checked member below
        for info in infos:
            kind = kinds[info.filename]
            shown = printable(info.filename, 200)
            if kind == "merge bases":
                data = _json(_read(archive, info, MAX_RECORDS_BYTES), info.filename)
                manifest["merge_bases"] = _merge_bases(data, tables)
            elif kind == "records":
                name = info.filename[len(RECORDS_DIR) : -5]
                data = _json(_read(archive, info, MAX_RECORDS_BYTES), info.filename)
                if not isinstance(data, list):
                    raise ArchiveError(f"'{shown}' in the archive is not a list of records")
                checker = _Checker(tables[name])
                rows[name] = [checker.row(r, f"{shown}, record {i}") for i, r in enumerate(data, 1)]
            elif kind == "attachment":
                content = _read(archive, info, MAX_ATTACHMENT_BYTES)
                sha = PurePosixPath(info.filename).name[:-4]
                if hashlib.sha256(content).hexdigest() != sha:
                    raise ArchiveError(
                        f"'{shown}' in the archive is damaged (its content does not match its name)"
                    )
                files[sha] = content
    _check_references(rows, tables)
    return manifest, rows, files


def _merge_bases(data: Any, tables: dict[str, Table]) -> dict[str, dict[str, dict[str, str]]]:
    """{other archive's uid: {table: {record uid: digest}}}, every part checked."""
    bad = ArchiveError(f"'{MERGE_BASES}' in the archive is damaged; nothing was imported")

    def short(text: Any) -> bool:
        return isinstance(text, str) and 0 < len(text) <= 36 and text.isprintable()

    if not isinstance(data, dict):
        raise bad
    for peer, by_table in data.items():
        if not short(peer) or not isinstance(by_table, dict):
            raise bad
        for name, by_uid in by_table.items():
            if name not in tables or not isinstance(by_uid, dict):
                raise bad
            for uid, digest in by_uid.items():
                if not short(uid) or not isinstance(digest, str) or len(digest) != 64:
                    raise bad
                if not set(digest) <= _HEX:
                    raise bad
    return data


def _check_references(rows: dict[str, list[dict[str, Any]]], tables: dict[str, Table]) -> None:
    ids = {name: {r["id"] for r in rows.get(name, [])} for name, t in tables.items() if "id" in t.c}
    for name, table_rows in rows.items():
        table = tables[name]
        if "id" in table.c:
            seen: set[Any] = set()
            for row in table_rows:
                if row["id"] is None or row["id"] in seen:
                    raise ArchiveError(
                        f"records/{name}.json has a missing or repeated id ({row['id']})"
                    )
                seen.add(row["id"])
        for column in table.columns:
            for key in column.foreign_keys:
                referred = key.column.table.name
                known = ids.get(referred, set())
                for number, row in enumerate(table_rows, 1):
                    value = row[column.name]
                    if value is not None and value not in known:
                        raise ArchiveError(
                            f"records/{name}.json, record {number}: '{column.name}' refers to "
                            f"{referred} {value}, which is not in the archive"
                        )
