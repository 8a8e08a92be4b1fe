"""Small helpers every bulk importer shares: stored defaults, ids, the list's Source, tags."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import SourceType
from powmia_desktop.db.models import Source, Tag, serviceman_tag
from powmia_desktop.db.models.base import new_uid
from powmia_desktop.db.tables import raw_table, table_of


def record_defaults(
    now: dt.datetime, sensitivity: Sensitivity, *, uid: bool = True
) -> dict[str, Any]:
    """The columns every record has, as stored, for a Core insert through ``raw_table``.

    With ``uid=False`` the uid is left blank for the caller to fill (see ``new_uids``).
    """
    return {
        "uid": new_uid() if uid else "",
        "created_at": now,
        "updated_at": now,
        "notes": "",
        "row_version": 1,
        "sensitivity": int(sensitivity),
    }


def next_ids(session: Session, table: Table) -> Iterator[int]:
    """Ids after the largest in ``table``.

    Safe because every import writes its ImportBatch row first: from then on the
    transaction holds SQLite's write lock and nobody else can insert. On a server the
    table is locked against other desks' inserts until the import commits, and the ids
    are taken from the table's id sequence in blocks, so later records get new ones.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text(f'LOCK TABLE "{table.name}" IN SHARE ROW EXCLUSIVE MODE'))
        return _sequence_ids(session, table.name)
    largest = session.scalar(select(func.max(table.c.id))) or 0
    return itertools.count(largest + 1)


def _sequence_ids(session: Session, table: str, block: int = 1000) -> Iterator[int]:
    sequence = f"pg_get_serial_sequence('{table}', 'id')"
    while True:
        last = session.scalar(
            text(f"SELECT setval({sequence}, nextval({sequence}) + :n - 1)"), {"n": block}
        )
        assert last is not None
        yield from range(last - block + 1, last + 1)


def find_or_create_source(
    session: Session, title: str, source_type: SourceType = SourceType.LIST
) -> int:
    """The id of the Source called ``title`` (of that type), created when there is none."""
    found = session.scalar(
        select(Source.id)
        .where(Source.title == title, Source.source_type == source_type)
        .order_by(Source.id)
        .limit(1)
    )
    if found is not None:
        return int(found)
    now = dt.datetime.now(dt.UTC)
    record = record_defaults(now, Source.default_sensitivity)
    record.update(
        title=title[:500],
        author="",
        date=None,
        source_type=source_type.value,
        repository="",
        locator="",
        url="",
    )
    raw = raw_table(table_of(Source))
    return int(session.execute(insert(raw).values(record).returning(raw.c.id)).scalar_one())


class TagLinker:
    """Puts tags (by name, created when new) on cases, skipping links that exist."""

    def __init__(self, session: Session, now: dt.datetime) -> None:
        self.session = session
        self.now = now
        self.ids = {name.casefold(): tid for tid, name in session.execute(select(Tag.id, Tag.name))}

    def tag_id(self, name: str) -> int:
        key = name.casefold()
        if key not in self.ids:
            record = record_defaults(self.now, Tag.default_sensitivity)
            record.update(name=name[:80], color="")
            raw = raw_table(table_of(Tag))
            result = self.session.execute(insert(raw).values(record).returning(raw.c.id))
            self.ids[key] = int(result.scalar_one())
        return self.ids[key]

    def link(self, pairs: list[tuple[int, list[str]]]) -> None:
        if not pairs:
            return
        cases = {case_id for case_id, _ in pairs}
        existing = {
            (row[0], row[1])
            for row in self.session.execute(
                select(serviceman_tag.c.serviceman_id, serviceman_tag.c.tag_id).where(
                    serviceman_tag.c.serviceman_id.in_(cases)
                )
            )
        }
        rows = []
        for case_id, names in pairs:
            for name in names:
                key = (case_id, self.tag_id(name))
                if key not in existing:
                    existing.add(key)
                    rows.append({"serviceman_id": key[0], "tag_id": key[1]})
        if rows:
            self.session.connection().execute(insert(serviceman_tag), rows)


def new_uids(count: int) -> list[str]:
    """``count`` random (version 4) UUIDs as text, made in one go: uuid.uuid4() per row is
    a noticeable share of a 100,000-row import."""
    digits = os.urandom(16 * count).hex()
    out = []
    for start in range(0, 32 * count, 32):
        h = digits[start : start + 32]
        variant = "89ab"[int(h[16], 16) & 3]
        out.append(f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant}{h[17:20]}-{h[20:]}")
    return out


_TRIGGER_BODY = re.compile(
    r"^CREATE TRIGGER (?P<name>\w+) AFTER INSERT ON (?P<table>\w+) BEGIN "
    r"INSERT INTO (?P<target>\w+)\((?P<columns>[^)]*)\) VALUES \((?P<values>.*)\);\s*END$",
    re.S,
)


@contextmanager
def index_after_insert(session: Session, table: Table) -> Iterator[Callable[[int, int], None]]:
    """Bulk inserts into ``table`` with its full-text index filled once, not row by row.

    SQLite's per-row trigger into the FTS5 index is most of the cost of inserting cases
    (6 s of 7 s for 100,000). Inside the import's transaction the ``fts_<table>_ai`` trigger
    is dropped, and the caller, after its inserts, calls ``reindex(first_id, last_id)``,
    which runs the trigger's own INSERT once for the range as INSERT ... SELECT. The
    trigger is created again before the block ends; a rollback restores it too (SQLite DDL
    is transactional). Where there is no such trigger (another database, another schema),
    nothing is dropped and ``reindex`` does nothing.
    """
    connection = session.connection()
    name = f"fts_{table.name}_ai"
    found = None
    if connection.dialect.name == "sqlite":
        found = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
        ).scalar()
    shape = _TRIGGER_BODY.match(found or "")
    if shape is None:
        yield lambda first, last: None
        return
    values = shape["values"].replace("NEW.", f"{table.name}.")
    replay = (
        f"INSERT INTO {shape['target']}({shape['columns']}) SELECT {values} "
        f"FROM {table.name} WHERE {table.name}.id BETWEEN ? AND ?"
    )

    def reindex(first: int, last: int) -> None:
        connection.exec_driver_sql(replay, (first, last))

    connection.exec_driver_sql(f"DROP TRIGGER {name}")
    try:
        yield reindex
    except BaseException:
        with suppress(Exception):  # the rollback that follows restores it anyway
            connection.exec_driver_sql(str(found))
        raise
    connection.exec_driver_sql(str(found))


def _remembered(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A bind processor that converts each distinct value once: an import stamps every row
    with the same timestamp, and formatting it 200,000 times is a measurable share."""
    seen: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        try:
            return seen[value]
        except KeyError:
            seen[value] = converted = process(value)
            return converted
        except TypeError:  # unhashable (a JSON document): convert every time
            return process(value)

    return convert


def stored(session: Session, table: Table, column: str, value: Any) -> Any:
    """``value`` as ``column`` of ``table`` stores it (a timestamp as its text...), for rows
    written as tuples with ``insert_tuples``."""
    dialect = session.connection().dialect
    process = raw_table(table).c[column].type.dialect_impl(dialect).bind_processor(dialect)
    return value if process is None else process(value)


def insert_tuples(
    session: Session, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """DBAPI ``executemany`` of ``rows`` (stored values, in the order of ``columns``) into
    ``table``, through the session's connection (its transaction).

    The fastest way in: no dict, no bind processing per row; the caller gives stored values
    (see ``stored``), which is what an import of 100,000 rows needs.
    """
    if not rows:
        return
    connection = session.connection()
    quote = connection.dialect.identifier_preparer.quote
    names = ", ".join(quote(c) for c in columns)
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    marks = ", ".join(mark for _ in columns)
    statement = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})"
    connection.exec_driver_sql(statement, list(rows))


def new_uids_in_order(count: int) -> list[str]:
    """``new_uids`` sorted: given to records in id order, the uid index is filled from left
    to right (as the id) instead of at random places, which is faster to write."""
    return sorted(new_uids(count))


def bulk_insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """``executemany`` of ``rows`` (dicts with the same keys) into ``table``, lean.

    The statement is compiled once for the session's database and each row becomes a
    plain tuple, run through a column's bind processor only where its type has one (a
    timestamp, JSON): SQLAlchemy's per-row parameter handling is otherwise half the time
    of a 100,000-row import.
    """
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    keys = list(rows[0])
    compiled = insert(table).compile(dialect=dialect, column_keys=keys)
    order = list(compiled.positiontup or keys) if compiled.positional else keys
    processors = []
    for key in order:
        process = table.c[key].type.dialect_impl(dialect).bind_processor(dialect)
        processors.append(None if process is None else _remembered(process))
    converted = [(i, p) for i, p in enumerate(processors) if p is not None]
    if compiled.positional:
        pick = itemgetter(*order)
        params: list[Any] = []
        for row in rows:
            values = pick(row)
            if not isinstance(values, tuple):  # itemgetter of one key gives the value
                values = (values,)
            if converted:
                changed = list(values)
                for i, convert in converted:
                    changed[i] = convert(changed[i])
                values = tuple(changed)
            params.append(values)
    else:
        pairs = list(zip(order, processors, strict=True))
        params = [{k: row[k] if p is None else p(row[k]) for k, p in pairs} for row in rows]
    connection.exec_driver_sql(str(compiled), params)
