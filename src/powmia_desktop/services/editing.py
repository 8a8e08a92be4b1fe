"""Applying what a person typed in a form to a record and its child rows, validated.

A form hands over typed values (text, a vocabulary member, a bool, an id) keyed by field
name; the record kind's schema (services/record_schemas.py) says what each field is, and
``apply_values`` turns the values into columns, raising ValidationError that names the
field by its label. ``sync_rows`` makes a record's child list (status history, name
variants…) equal to the rows the form shows: updates kept rows, adds new ones, removes the
rest, and does the same for each row's own child lists (a claim's citations).
"""

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.fuzzydate import DateModifier, FuzzyDate, FuzzyDateError
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.validation import clean_service_number, clean_state, clean_text
from powmia_desktop.db.models import Record
from powmia_desktop.services.schema import Children, Field, Row, Rows, Schema, Value, Values

M = TypeVar("M", bound=Record)
#: Field kinds a service converts itself (a meeting's times are read in its time zone).
OWN_KINDS = ("moment", "zone")


@dataclass
class RecordForm:
    """What an editor shows and hands back: field values, child rows, the version read."""

    values: Values
    children: dict[str, Rows] = field(default_factory=dict)
    row_version: int | None = None


def apply_values(obj: Record, values: Values, schema: Schema, *, whose: bool = True) -> None:
    """Set each given field on ``obj`` after checking it; unknown fields are an error.
    ``whose``: a message names the record ("… for the case"; a row's names its row)."""
    for name, value in values.items():
        if name == "id":
            continue
        found = schema.get(name)
        if found is None or not found.column or found.kind in OWN_KINDS:
            raise ValidationError(f"'{name}' is not a field of a {schema.noun}", name)
        setattr(obj, name, convert(found, value, schema.noun if whose else ""))


def check_required(obj: Record, schema: Schema, *, whose: bool = True) -> None:
    """Every required field of ``obj`` has a value ("Fill in “Surname” for the case").

    A new record's choice left out of the form takes its column's default first.
    """
    columns = inspect(type(obj)).columns
    for spec in schema.columns:
        if not spec.required or not _blank(getattr(obj, spec.name)):
            continue
        default = columns[spec.name].default if spec.name in columns else None
        if default is not None and default.is_scalar and not _blank(default.arg):
            setattr(obj, spec.name, default.arg)
            continue
        raise ValidationError(spec.required_message(schema.noun if whose else ""), spec.name)


def convert(spec: Field, value: Value, noun: str = "") -> Value:
    """One field's typed value from what the form gave (``noun``: the record's, for the
    message when a required field is empty)."""
    name, kind = spec.name, spec.kind
    result: Value
    if isinstance(kind, type):
        if value is None or isinstance(value, kind):
            result = value
        else:
            text = str(value).strip()
            result = kind.parse(text) if text else None
    elif kind in ("text", "long"):
        result = clean_text(text_of(value), multiline=kind == "long", field=name, label=spec.label)
    elif kind == "date":
        if value is None or isinstance(value, FuzzyDate):
            result = value
        else:
            result = FuzzyDate.parse_optional(str(value))
    elif kind == "day":
        result = parse_day(value, name)
    elif kind == "bool":
        result = bool(value)
    elif kind == "sensitivity":
        result = value if isinstance(value, Sensitivity) else Sensitivity.parse(str(value))
    elif kind in ("ref", "number"):
        result = _whole_number(spec, value)
    elif kind == "service_number":
        result = clean_service_number(text_of(value))
    elif kind == "state":
        result = clean_state(text_of(value))
    else:
        raise AssertionError(f"{name}: a {kind!r} field is converted by its service")
    if spec.required and _blank(result):
        raise ValidationError(spec.required_message(noun), name)
    return result


def text_of(value: Value) -> str | None:
    """A value as the text typed (None stays None)."""
    return None if value is None else str(value)


def _whole_number(spec: Field, value: Value) -> int | None:
    if value is None or value == "" or (spec.kind == "ref" and value == 0):
        return None
    text = str(value).strip()
    if not text.lstrip("-").isdigit():
        raise ValidationError(
            f"{spec.label}: '{text}' is not a whole number; type digits only, as 3", spec.name
        )
    return int(text)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def sync_rows(
    session: Session,
    existing: Sequence[M],
    rows: Sequence[Row],
    make: Callable[[], M],
    children: Children,
    *,
    after_apply: Callable[[M, Row], None] | None = None,
    skip: tuple[str, ...] = (),
    shared: bool = False,
) -> list[M]:
    """Make the children equal to ``rows`` (each with "id" None for a new one).

    A row's own child lists (a claim's citations) are synced the same way; keys in ``skip``
    are left to ``after_apply``. With ``shared``, for rows a record shares rather than owns
    (a meeting's questions): rows left off the form are not deleted; the caller assigns the
    returned list to the relationship, which only unlinks them.
    """
    schema = children.schema
    nested = tuple(c.name for c in schema.children)
    if shared:
        wanted = {row.get("id") for row in rows}
        existing = [record for record in existing if record.id in wanted]
    by_id = {child.id: child for child in existing}
    kept: list[M] = []
    for number, row in enumerate(rows, start=1):
        child_id = row.get("id")
        if child_id is not None and child_id not in by_id:
            raise ValidationError(f"{children.what} {number} no longer exists; reload the record")
        child = by_id.pop(child_id) if isinstance(child_id, int) else make()
        try:
            apply_values(child, scalars(row, skip + nested), schema, whose=False)
            check_required(child, schema, whose=False)
        except ValidationError as error:
            raise ValidationError(f"{children.what} {number}: {error}", error.field) from None
        if child_id is None:
            session.add(child)
        for inner in schema.children:
            if inner.name in row:
                sync_rows(
                    session,
                    list(getattr(child, inner.name)),
                    rows_of(row, inner.name),
                    attach_to(_model(inner), inner.parent_key, child),
                    inner,
                )
        if after_apply is not None:
            after_apply(child, row)
        kept.append(child)
    for gone in by_id.values():
        session.delete(gone)
    return kept


def _model(children: Children) -> type[Record]:
    model = children.schema.model
    if model is None:
        raise AssertionError(f"{children.name}: rows that link records are saved by the service")
    return model


def attach_to(model: type[M], key: str, parent: Record) -> Callable[[], M]:
    """A factory for a new child row already attached to its parent."""
    return lambda: model(**{key: parent})


def scalars(row: Row, skip: tuple[str, ...] = ()) -> Values:
    """A row's own field values, without its child lists and the keys in ``skip``."""
    values: Values = {}
    for name, value in row.items():
        if name in skip:
            continue
        if isinstance(value, list):
            raise ValidationError(f"'{name}' is not a field of this row", name)
        values[name] = value
    return values


def rows_of(row: Row, name: str) -> Rows:
    """A row's child list ``name`` (a claim's citations); none given is an empty list."""
    value = row.get(name)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValidationError(f"'{name}' must be a list of rows", name)
    return value


def record_values(obj: Record, schema: Schema) -> Values:
    """The editable values of a record, as a form shows them (dates as display text)."""
    values: Values = {"id": obj.id}
    for spec in schema.columns:
        if spec.kind in OWN_KINDS:
            continue
        value = getattr(obj, spec.name)
        if spec.kind == "date" and isinstance(value, FuzzyDate):
            value = value.text or value.format()  # what was typed, so saving changes nothing
        elif spec.kind == "day":
            value = day_text(value)
        values[spec.name] = value
    return values


def record_rows(obj: Record, children: Children) -> Rows:
    """A record's child list as form rows, each with its own child lists."""
    rows: Rows = []
    for child in getattr(obj, children.name):
        row: Row = dict(record_values(child, children.schema))
        for inner in children.schema.children:
            row[inner.name] = record_rows(child, inner)
        rows.append(row)
    return rows


def parse_day(value: Value, field: str, *, what: str = "") -> dt.date | None:
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


def day_text(value: object) -> str:
    """A due date as a form shows it (and ``parse_day`` reads it back)."""
    return value.isoformat() if isinstance(value, dt.date) else ""
