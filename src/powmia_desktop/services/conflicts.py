"""The review list of merge conflicts: records two archives both changed, both versions kept.

An archive-zip import keeps this archive's version of such a record and stores the incoming
one as a ``MergeConflict`` (services/importing/merging.py). Here a person sees what differs
and resolves each: keep this archive's version, or take the incoming one. Taking it writes
the incoming values into the record and logs every changed field in the change log (with
the old value, so nothing is lost); either way the merge base becomes the incoming version,
so the same zip imported again raises no new conflict.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import Date, DateTime, delete, func, insert, select, update
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import NotFoundError, ValidationError
from powmia_desktop.db.models import ChangeLogEntry, MergeBase, MergeConflict
from powmia_desktop.db.tables import exchanged_tables, raw_table, to_json_value
from powmia_desktop.db.types import utcnow
from powmia_desktop.services.importing.merging import content_columns

Keep = Literal["local", "incoming"]
#: Columns that name a record for a person, first found wins.
_LABELS = ("display_name", "surname", "title", "name", "value", "file_name")
_MAX_TEXT = 2000


@dataclass(frozen=True)
class Difference:
    column: str
    local: Any
    incoming: Any


@dataclass(frozen=True)
class ConflictView:
    id: int
    table_name: str
    record_uid: str
    label: str
    source_file: str
    created_at: datetime
    status: str
    #: The fields whose values differ; empty when the local record is gone.
    differences: list[Difference]
    local_exists: bool

    @property
    def kind(self) -> str:
        return self.table_name.replace("_", " ")


def open_count(session: Session) -> int:
    return (
        session.scalar(
            select(func.count()).select_from(MergeConflict).where(MergeConflict.status == "open")
        )
        or 0
    )


def list_conflicts(session: Session, *, include_resolved: bool = False) -> list[ConflictView]:
    """The conflicts to review (oldest first); with ``include_resolved``, every one."""
    query = select(MergeConflict).order_by(MergeConflict.id)
    if not include_resolved:
        query = query.where(MergeConflict.status == "open")
    return [_view(session, c) for c in session.scalars(query)]


def get_conflict(session: Session, conflict_id: int) -> ConflictView:
    return _view(session, _conflict(session, conflict_id))


def resolve_conflict(session: Session, conflict_id: int, keep: Keep) -> ConflictView:
    """Keep this archive's version or take the incoming one (see the module text)."""
    if keep not in ("local", "incoming"):
        raise ValidationError("Keep 'local' (this archive's version) or 'incoming'", "keep")
    conflict = _conflict(session, conflict_id)
    if conflict.status != "open":
        raise ValidationError(f"Conflict {conflict_id} was already resolved ({conflict.status})")
    table = _table(conflict.table_name)
    local = _local_row(session, table, conflict.record_uid)
    if keep == "incoming":
        if local is None:
            raise ValidationError(
                f"The {table.name.replace('_', ' ')} of conflict {conflict_id} was deleted "
                "here since; keep this archive's version"
            )
        _take_incoming(session, table, local, conflict.incoming)
    session.execute(
        delete(MergeBase).where(
            MergeBase.peer_uid == conflict.peer_uid,
            MergeBase.table_name == conflict.table_name,
            MergeBase.record_uid == conflict.record_uid,
        )
    )
    session.add(
        MergeBase(
            peer_uid=conflict.peer_uid,
            table_name=conflict.table_name,
            record_uid=conflict.record_uid,
            digest=conflict.incoming_digest,
        )
    )
    conflict.status = "took-incoming" if keep == "incoming" else "kept-local"
    conflict.resolved_at = utcnow()
    session.flush()
    return _view(session, conflict)


def _take_incoming(
    session: Session, table: Any, local: dict[str, Any], incoming: dict[str, Any]
) -> None:
    raw = raw_table(table)
    now = utcnow()
    changed = {
        name: incoming.get(name)
        for name in content_columns(table)
        if to_json_value(local.get(name)) != incoming.get(name)
    }
    if not changed:
        return
    values = {name: _stored(raw.c[name], value) for name, value in changed.items()}
    values["row_version"] = (local.get("row_version") or 0) + 1
    if "updated_at" in raw.c:
        values["updated_at"] = now
    session.execute(update(raw).where(raw.c.id == local["id"]).values(values))
    session.execute(
        insert(ChangeLogEntry),
        [
            {
                "changed_at": now,
                "table_name": table.name,
                "record_id": local["id"],
                "record_uid": local.get("uid", ""),
                "action": "update",
                "field": name,
                "old_value": _text(local.get(name)),
                "new_value": _text(value),
            }
            for name, value in changed.items()
        ],
    )


def _stored(column: Any, value: Any) -> Any:
    """A JSON value from the zip back into what the raw column stores (days and times)."""
    try:
        if isinstance(value, str) and isinstance(column.type, DateTime):
            return datetime.fromisoformat(value)
        if isinstance(value, str) and isinstance(column.type, Date):
            return date.fromisoformat(value)
    except ValueError:
        return value
    return value


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(to_json_value(value))
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1] + "…"


def _conflict(session: Session, conflict_id: int) -> MergeConflict:
    conflict = session.get(MergeConflict, conflict_id)
    if conflict is None:
        raise NotFoundError(f"There is no conflict {conflict_id}")
    return conflict


def _table(name: str) -> Any:
    found = next((t for t in exchanged_tables() if t.name == name and "uid" in t.c), None)
    if found is None:
        raise NotFoundError(f"The conflict names a table this program does not know: {name}")
    return found


def _local_row(session: Session, table: Any, uid: str) -> dict[str, Any] | None:
    raw = raw_table(table)
    row = session.execute(select(raw).where(raw.c.uid == uid)).mappings().first()
    return dict(row) if row is not None else None


def _view(session: Session, conflict: MergeConflict) -> ConflictView:
    table = _table(conflict.table_name)
    local = _local_row(session, table, conflict.record_uid)
    incoming = conflict.incoming
    differences = [
        Difference(name, to_json_value(local.get(name)), incoming.get(name))
        for name in content_columns(table)
        if local is not None and to_json_value(local.get(name)) != incoming.get(name)
    ]
    source = local or incoming
    label = next((str(source[c]) for c in _LABELS if source.get(c)), conflict.record_uid)
    return ConflictView(
        id=conflict.id,
        table_name=conflict.table_name,
        record_uid=conflict.record_uid,
        label=label,
        source_file=conflict.source_file,
        created_at=conflict.created_at,
        status=conflict.status,
        differences=differences,
        local_exists=local is not None,
    )
