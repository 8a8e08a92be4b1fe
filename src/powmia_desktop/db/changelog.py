"""The change log: every created, changed and deleted record, field by field.

A session hook, so no service can forget it; bulk imports write Core statements and are
recorded as an ImportBatch instead.
"""

from typing import Any
from weakref import WeakSet

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from powmia_desktop.core.errors import ConflictError
from powmia_desktop.db.models import ChangeLogEntry, Record
from powmia_desktop.db.types import utcnow

#: Bookkeeping columns that change on every save and say nothing on their own.
_SKIP = frozenset({"updated_at", "created_at", "row_version", "id", "uid"})
_MAX_VALUE = 2000
#: The session factories already logging. Not ``event.contains``: SQLAlchemy keys that by
#: id(), and a new factory built where a collected one lived was taken for it, so some
#: archives opened with no change log at all.
_LOGGING: "WeakSet[sessionmaker[Session]]" = WeakSet()


def install(sessions: sessionmaker[Session], user: str = "") -> None:
    """Log every flush of ``sessions``' sessions, naming ``user`` as who made the change."""
    sessions.kw.setdefault("info", {})["changed_by"] = user[:120]
    if sessions not in _LOGGING:
        event.listen(sessions, "before_flush", _before_flush)
        event.listen(sessions, "after_flush", _after_flush)
        _LOGGING.add(sessions)


def _before_flush(session: Session, flush_context: Any, instances: Any) -> None:
    rows: list[dict[str, Any]] = []
    now = utcnow()
    user = session.info.get("changed_by", "")
    for obj in session.deleted:
        if isinstance(obj, Record):
            rows.append(_row(obj, "delete", now, user))
    for obj in session.dirty:
        if isinstance(obj, Record) and session.is_modified(obj, include_collections=False):
            state = inspect(obj)
            for attr in state.mapper.column_attrs:
                if attr.key in _SKIP:
                    continue
                history = state.attrs[attr.key].history
                if history.has_changes():
                    old = history.deleted[0] if history.deleted else None
                    new = history.added[0] if history.added else None
                    rows.append(_row(obj, "update", now, user, attr.key, old, new))
    if rows:
        session.connection().execute(insert(ChangeLogEntry), rows)
    session.info.setdefault("pending_creations", []).extend(
        obj for obj in session.new if isinstance(obj, Record)
    )


def _after_flush(session: Session, flush_context: Any) -> None:
    """Creations are logged after the flush, once their ids exist."""
    created = session.info.pop("pending_creations", [])
    user = session.info.get("changed_by", "")
    rows = [_row(obj, "create", utcnow(), user) for obj in created if obj.id is not None]
    if rows:
        session.connection().execute(insert(ChangeLogEntry), rows)


def _row(
    obj: Record,
    action: str,
    when: Any,
    user: str,
    field: str = "",
    old: Any = None,
    new: Any = None,
) -> dict[str, Any]:
    return {
        "changed_by": user,
        "changed_at": when,
        "table_name": type(obj).__table__.name,  # type: ignore[attr-defined]
        "record_id": obj.id if obj.id is not None else 0,
        "record_uid": obj.uid or "",
        "action": action,
        "field": field,
        "old_value": _text(old),
        "new_value": _text(new),
    }


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if hasattr(value, "to_json"):
        text = str(value)
    elif hasattr(value, "value") and isinstance(value.value, (str, int)):
        text = str(value.value)
    else:
        text = str(value)
    return text[:_MAX_VALUE]


def conflict_error(session: Session, record: Record, what: str) -> ConflictError:
    """The error for a save of ``record`` based on an older version than the stored one.

    On a server the other save came from another desk; the change log's newest line about
    the record says who made it and when."""
    desk = session.get_bind().dialect.name != "sqlite"
    if not desk:
        return ConflictError(what)
    last = session.execute(
        select(ChangeLogEntry.changed_by, ChangeLogEntry.changed_at)
        .where(
            ChangeLogEntry.table_name == type(record).__table__.name,  # type: ignore[attr-defined]
            ChangeLogEntry.record_id == record.id,
        )
        .order_by(ChangeLogEntry.id.desc())
        .limit(1)
    ).first()
    if last is None:
        return ConflictError(what, desk=True)
    return ConflictError(what, desk=True, by=last.changed_by, at=last.changed_at)
