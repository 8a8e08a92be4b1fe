"""What the contact, meeting, timeline, source and work editors' services share.

``services/editing.py`` turns form values into columns; this module adds the few steps
every ``save_*`` repeats around it: fetching the record with its conflict check, checking
the references of child rows (a row without its contact would otherwise fail deep in the
database with no field named), plain calendar days ("2027-05-01") for due dates, and the
lists the pickers show.
"""

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ConflictError, NotFoundError, ValidationError
from powmia_desktop.core.fuzzydate import DateModifier, FuzzyDate, FuzzyDateError
from powmia_desktop.db.models import Meeting, Record, Serviceman
from powmia_desktop.services.case_editing import contact_choices, source_choices
from powmia_desktop.services.editing import Kinds, RecordForm, apply_values, sync_children

M = TypeVar("M", bound=Record)
Row = dict[str, Any]


def record_for_save(
    session: Session,
    model: type[M],
    record_id: int | None,
    form: RecordForm,
    *,
    what: str,
    name: Callable[[M], str],
    make: Callable[[], M],
) -> M:
    """The record a form is saved into: a new one (``make``), or the stored one if unchanged.

    A record saved elsewhere since the form read it (``form.row_version``) is refused with
    ConflictError naming it, so two windows never silently overwrite each other.
    """
    if record_id is None:
        record = make()
        session.add(record)
        return record
    found = session.get(model, record_id)
    if found is None:
        raise NotFoundError(f"There is no {what} with id {record_id}; it may have been deleted")
    if form.row_version is not None and found.row_version != form.row_version:
        raise ConflictError(name(found))
    return found


def attach_to(model: type[M], key: str, parent: Any) -> Callable[[], M]:
    """A factory for a new child row already attached to its parent."""
    return lambda: model(**{key: parent})


def apply_form(record: Record, values: Row, kinds: Kinds) -> None:
    """``apply_values``, but a new record must also have its required fields given."""
    apply_values(record, _with_required(values, kinds) if record.id is None else values, kinds)


def sync_rows(
    session: Session,
    existing: Sequence[M],
    rows: Sequence[Row],
    make: Callable[[], M],
    kinds: Kinds,
    *,
    what: str,
    after_apply: Callable[[M, Row], None] | None = None,
    nested: tuple[str, ...] = (),
    shared: bool = False,
) -> list[M]:
    """``sync_children``, but a new row must also have its required fields given.

    With ``shared``, for rows a record shares rather than owns (a meeting's questions):
    rows left off the form are not deleted; the caller assigns the returned list to the
    relationship, which only unlinks them.
    """
    if shared:
        wanted = {row.get("id") for row in rows}
        existing = [record for record in existing if record.id in wanted]
    return sync_children(
        session,
        existing,
        [_with_required(r, kinds) if r.get("id") is None else r for r in rows],
        make,
        kinds,
        what=what,
        after_apply=after_apply,
        nested=nested,
    )


def _with_required(values: Row, kinds: Kinds) -> Row:
    """A missing required field is checked like a blank one (not left to the database)."""
    return {**{k: "" for k, kind in kinds.items() if kind == "required"}, **values}


def _blank(value: Any) -> bool:
    return value is None or value == 0 or (isinstance(value, str) and not value.strip())


def require_refs(rows: Sequence[Row], key: str, *, what: str, label: str) -> None:
    """Each row has ``key`` filled in ("Attendee 2: Contact is required")."""
    for number, row in enumerate(rows, start=1):
        if _blank(row.get(key)):
            raise ValidationError(f"{what} {number}: {label} is required", key)


def linked(
    session: Session, model: type[M], rows: Sequence[Row], key: str, *, what: str, parent: str
) -> list[M]:
    """The records link rows point at (the cases a meeting discussed), each once."""
    require_refs(rows, key, what=what, label=what)
    found: list[M] = []
    for number, row in enumerate(rows, start=1):
        record = session.get(model, int(row[key]))
        if record is None:
            raise ValidationError(f"{what} {number} no longer exists; reload the {parent}")
        if record not in found:
            found.append(record)
    return found


def require_set(record: Record, *names: str) -> None:
    """Choices that may not be left empty (a meeting's type, an event's category)."""
    for name in names:
        if getattr(record, name) is None:
            raise ValidationError(f"{name.replace('_', ' ').capitalize()} is required", name)


def one_of(rows: Sequence[Row], keys: tuple[str, str], *, what: str, labels: str) -> None:
    """Each row points at exactly one of two kinds of record (a case or a contact)."""
    for number, row in enumerate(rows, start=1):
        given = [k for k in keys if not _blank(row.get(k))]
        if len(given) != 1:
            raise ValidationError(f"{what} {number}: choose {labels}", keys[0])


def parse_day(value: Any, field: str, *, what: str = "") -> dt.date | None:
    """A calendar day typed as 2027-05-01 (or 1 May 2027); blank is no day.

    Unlike a historical date, a due date must be one exact day: "May 2027" is refused.
    """
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    prefix = f"{what}: " if what else ""
    try:
        parsed = FuzzyDate.parse_strict(text)
    except FuzzyDateError:
        parsed = None
    start = parsed.start if parsed is not None else None
    if parsed is None or parsed.modifier is not DateModifier.NONE or start is None or not start.day:
        raise ValidationError(f"{prefix}'{text}' is not a day; type it as 2027-05-01", field)
    return start.first_day()


def day_text(value: dt.date | None) -> str:
    """A due date as a form shows it (and ``parse_day`` reads it back)."""
    return value.isoformat() if value else ""


def case_choices(session: Session) -> list[tuple[int, str]]:
    """(id, "Dumas, Roger A.") of every case, for pickers."""
    s = Serviceman.__table__.c
    rows = session.execute(
        select(s.id, s.surname, s.given_names, s.suffix).order_by(s.surname, s.given_names, s.id)
    )
    return [(i, case_name(surname, given, suffix)) for i, surname, given, suffix in rows]


def case_name(surname: str, given_names: str, suffix: str = "") -> str:
    """Surname first, as on a list: "Dumas, Roger A."."""
    name = f"{surname}, {given_names}" if given_names else surname
    return f"{name} {suffix}" if suffix else name


def meeting_choices(session: Session) -> list[tuple[int, str]]:
    """(id, "15 Oct 2006 — title") of every meeting, newest first, for pickers."""
    m = Meeting.__table__.c
    rows = session.execute(
        select(m.id, m.title, Meeting.starts_at).order_by(
            Meeting.starts_at.desc().nulls_last(), m.id
        )
    )
    return [(i, meeting_label(title, starts)) for i, title, starts in rows]


def meeting_label(title: str, starts: dt.datetime | None) -> str:
    if starts is None:
        return title
    return f"{starts.day} {starts:%b %Y} — {title}"


def picker_lists(session: Session) -> dict[str, list[tuple[int, str]]]:
    """Every list a record editor's pickers choose from, read in one go on each load."""
    return {
        "contacts": contact_choices(session),
        "cases": case_choices(session),
        "sources": source_choices(session),
        "meetings": meeting_choices(session),
    }
