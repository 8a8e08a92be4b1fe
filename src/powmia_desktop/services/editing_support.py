"""The save path every record editor's service shares (cases, contacts, meetings, timeline
events, sources, tasks and questions).

``services/editing.py`` turns form values into columns by the record's schema; this module
adds the steps every ``save_*`` repeats around it: fetching the record with its conflict
check, applying the form's values and child lists, and checking what the columns cannot
say (a row that points at a case or a contact, not both; links to records that exist).
"""

from collections.abc import Callable, Sequence
from typing import TypeVar

from sqlalchemy.orm import Session

from powmia_desktop.core.errors import NotFoundError, ValidationError
from powmia_desktop.db.changelog import conflict_error
from powmia_desktop.db.models import Record
from powmia_desktop.services.editing import (
    RecordForm,
    apply_values,
    attach_to,
    check_required,
    record_rows,
    record_values,
    sync_rows,
)
from powmia_desktop.services.schema import Children, Row, Rows, Schema, Values

M = TypeVar("M", bound=Record)
#: Saves one child list of a record itself (a meeting's agenda, kept in order).
ChildSaver = Callable[[Session, M, Rows], None]


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
    ConflictError naming it (on a server also who saved it and when), so two windows or
    desks never silently overwrite each other.
    """
    if record_id is None:
        record = make()
        session.add(record)
        return record
    found = session.get(model, record_id)
    if found is None:
        raise NotFoundError(f"There is no {what} with id {record_id}; it may have been deleted")
    if form.row_version is not None and found.row_version != form.row_version:
        raise conflict_error(session, found, name(found))
    return found


def read_form(record: Record, schema: Schema) -> RecordForm:
    """A record as its editor shows it: its values and the rows of the child lists it owns."""
    children = {
        part.name: record_rows(record, part)
        for part in schema.children
        if part.schema.model is not None and part.parent_key
    }
    return RecordForm(record_values(record, schema), children, record.row_version)


def save_form(
    session: Session,
    model: type[M],
    schema: Schema,
    record_id: int | None,
    form: RecordForm,
    *,
    name: Callable[[M], str],
    make: Callable[[], M],
    check: Callable[[M], None] | None = None,
    savers: dict[str, ChildSaver[M]] | None = None,
) -> M:
    """Create (``record_id`` None) or change a record from its form, in the caller's
    transaction: its values, then ``check`` (what the columns cannot say), then its child
    lists. A record saved elsewhere since the form read it is refused (ConflictError)."""
    record = record_for_save(
        session, model, record_id, form, what=schema.noun, name=name, make=make
    )
    with session.no_autoflush:
        apply_form(record, form.values, schema)
        if check is not None:
            check(record)
        save_children(session, record, schema, form.children, savers)
    session.flush()
    return record


def apply_form(record: Record, values: Values, schema: Schema) -> None:
    """``apply_values``, then every required field must have a value (a new record's too)."""
    apply_values(record, values, schema)
    check_required(record, schema)


def save_children(
    session: Session,
    record: M,
    schema: Schema,
    children: dict[str, Rows],
    savers: dict[str, ChildSaver[M]] | None = None,
) -> None:
    """Make each child list the form gave equal to its rows; ``savers`` handle some lists
    themselves (those the record shares or links rather than owns)."""
    for name, rows in children.items():
        if savers and name in savers:
            savers[name](session, record, rows)
            continue
        try:
            part = schema.child(name)
        except KeyError:
            raise ValidationError(f"'{name}' is not a part of a {schema.noun}", name) from None
        model = part.schema.model
        assert model is not None and part.parent_key, f"{name} is saved by its service"
        sync_rows(
            session, getattr(record, name), rows, attach_to(model, part.parent_key, record), part
        )


def _no_ref(value: object) -> bool:
    """A reference left empty (a picker gives None; 0 and blank text are no record either)."""
    return value is None or value == 0 or (isinstance(value, str) and not value.strip())


def one_of(rows: Sequence[Row], keys: tuple[str, str], *, what: str, labels: str) -> None:
    """Each row points at exactly one of two kinds of record (a case or a contact)."""
    for number, row in enumerate(rows, start=1):
        given = [k for k in keys if not _no_ref(row.get(k))]
        if len(given) != 1:
            raise ValidationError(f"{what} {number}: choose {labels}", keys[0])


def linked(session: Session, model: type[M], rows: Sequence[Row], part: Children) -> list[M]:
    """The records link rows point at (the cases a meeting discussed), each once."""
    (key,) = part.schema.fields
    found: list[M] = []
    for number, row in enumerate(rows, start=1):
        value = row.get(key.name)
        if _no_ref(value):
            raise ValidationError(f"{part.what} {number}: {key.required_message()}", key.name)
        record = session.get(model, value)
        if record is None:
            raise ValidationError(f"{part.what} {number} no longer exists; reload the record")
        if record not in found:
            found.append(record)
    return found
