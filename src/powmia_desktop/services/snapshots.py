"""Whole-record snapshots, so an edit, a creation or a delete can be undone exactly.

A snapshot holds a record's row and every row that hangs from it through ON DELETE CASCADE
foreign keys (a case: its status history, claims and their citations, name variants, tag
links, event participations…), plus the rows elsewhere that merely point at it through
SET NULL keys. Putting a snapshot back replaces whatever the record is now with exactly
that state, ids included, so links from the rest of the archive still hold. Generic over
the metadata: a new table with a foreign key is covered without touching this module.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ArchiveError
from powmia_desktop.db.models import Base

Row = dict[str, Any]


@dataclass(frozen=True)
class Snapshot:
    table: str
    record_id: int
    #: table name -> rows, the record itself and everything that cascades from it
    rows: dict[str, list[Row]] = field(default_factory=dict)
    #: rows outside the record that point at it through SET NULL keys: (table, row id,
    #: the values to set back: the key and the row's own updated_at)
    links: list[tuple[str, int, Row]] = field(default_factory=list)

    @property
    def root(self) -> Row:
        return next(r for r in self.rows[self.table] if r["id"] == self.record_id)


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _referrers() -> dict[str, list[tuple[Table, str, str]]]:
    """For each table, the (child table, child column, ondelete) pointing at its id."""
    found: dict[str, list[tuple[Table, str, str]]] = defaultdict(list)
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            found[fk.column.table.name].append((table, fk.parent.name, fk.ondelete or ""))
    return found


_REFERRERS = _referrers()


def take(session: Session, table: str, record_id: int) -> Snapshot | None:
    """The record's state now, or None when it does not exist."""
    root_table = _table(table)
    root = session.execute(select(root_table).where(root_table.c.id == record_id)).first()
    if root is None:
        return None
    rows: dict[str, list[Row]] = defaultdict(list)
    rows[table].append(dict(root._mapping))
    seen: set[tuple[str, Any]] = {(table, record_id)}
    links: list[tuple[str, int, Row]] = []
    queue: list[tuple[str, list[int]]] = [(table, [record_id])]
    while queue:
        parent, ids = queue.pop()
        for child, column, ondelete in _REFERRERS.get(parent, []):
            found = session.execute(select(child).where(child.c[column].in_(ids))).all()
            if ondelete == "SET NULL":
                kept = [column, *(["updated_at"] if "updated_at" in child.c else [])]
                links += [(child.name, r.id, {k: r._mapping[k] for k in kept}) for r in found]
                continue
            new_ids = []
            for r in found:
                data = dict(r._mapping)
                key = (child.name, tuple(data[c.name] for c in child.primary_key))
                if key in seen:
                    continue
                seen.add(key)
                rows[child.name].append(data)
                if "id" in child.c:
                    new_ids.append(data["id"])
            if new_ids:
                queue.append((child.name, new_ids))
    return Snapshot(table, record_id, dict(rows), links)


def remove(session: Session, table: str, record_id: int) -> None:
    """Delete a record; the database cascades to what hangs from it."""
    root = _table(table)
    session.execute(delete(root).where(root.c.id == record_id))


def put_back(session: Session, table: str, record_id: int, snapshot: Snapshot | None) -> None:
    """Make the record exactly as in ``snapshot`` (None: make it not exist)."""
    root = _table(table)
    if session.get_bind().dialect.name == "sqlite":
        # Several records put back in one transaction may link to each other (a meeting
        # and its new questions): check the links when the transaction commits.
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
    current = session.execute(
        select(root.c.row_version).where(root.c.id == record_id)
    ).scalar_one_or_none()
    remove(session, table, record_id)
    if snapshot is None:
        return
    try:
        for t in Base.metadata.sorted_tables:
            rows = snapshot.rows.get(t.name)
            if not rows:
                continue
            if t.name == table and current is not None:
                # Bump the version past the current one so an editor holding the newer
                # state sees a conflict instead of overwriting the undone state.
                rows = [
                    {**r, "row_version": max(current, r["row_version"]) + 1}
                    if r["id"] == record_id
                    else r
                    for r in rows
                ]
            if "id" not in t.c:
                # A link row may already be back through the other record it links.
                for row in rows:
                    keys = [t.c[c.name] == row[c.name] for c in t.primary_key]
                    session.execute(delete(t).where(*keys))
            session.execute(insert(t), rows)
        for link_table, row_id, values in snapshot.links:
            target = _table(link_table)
            session.execute(update(target).where(target.c.id == row_id).values(values))
    except IntegrityError:
        raise ArchiveError(
            "This cannot be undone: a record it was linked to has been deleted since"
        ) from None
