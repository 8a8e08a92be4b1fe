"""Applying what a person typed in a form to a record and its child rows, validated.

A form hands over plain values (text, a vocabulary member, a bool, an id) keyed by field
name; each record kind declares the kind of each editable field once (a ``Kinds`` dict),
and ``apply_values`` turns the values into typed columns, raising ValidationError naming
the field. ``sync_children`` makes a record's child list (status history, name variants…)
equal to the rows the form shows: updates kept rows, adds new ones, removes the rest.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.validation import clean_service_number, clean_state, clean_text
from powmia_desktop.core.vocab import Vocabulary
from powmia_desktop.db.models import Record

Simple = Literal[
    "text", "required", "long", "date", "bool", "sensitivity", "ref", "service_number", "state"
]
Kind = Simple | type[Vocabulary]
Kinds = dict[str, Kind]
M = TypeVar("M", bound=Record)


@dataclass
class RecordForm:
    """What an editor shows and hands back: field values, child rows, the version read."""

    values: dict[str, Any]
    children: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    row_version: int | None = None


def apply_values(obj: Record, values: dict[str, Any], kinds: Kinds) -> None:
    """Set each given field on ``obj`` after checking it; unknown fields are an error."""
    for name, value in values.items():
        if name == "id":
            continue
        kind = kinds.get(name)
        if kind is None:
            raise ValidationError(f"'{name}' is not a field of this record", name)
        setattr(obj, name, convert(name, value, kind))


def convert(name: str, value: Any, kind: Kind) -> Any:
    """One field's typed value from what the form gave."""
    if isinstance(kind, type):
        if value is None or isinstance(value, kind):
            return value
        text = str(value).strip()
        return kind.parse(text) if text else None
    if kind == "text":
        return clean_text(value, field=name)
    if kind == "required":
        text = clean_text(value, field=name)
        if not text:
            raise ValidationError(f"{_label(name)} is required", name)
        return text
    if kind == "long":
        return clean_text(value, multiline=True, field=name)
    if kind == "date":
        if value is None or isinstance(value, FuzzyDate):
            return value
        return FuzzyDate.parse_optional(str(value))
    if kind == "bool":
        return bool(value)
    if kind == "sensitivity":
        return value if isinstance(value, Sensitivity) else Sensitivity.parse(str(value))
    if kind == "ref":
        return None if value in (None, "", 0) else int(value)
    if kind == "service_number":
        return clean_service_number(value)
    if kind == "state":
        return clean_state(value)
    raise AssertionError(f"unknown field kind {kind!r}")


def sync_children(
    session: Session,
    existing: Sequence[M],
    rows: Sequence[dict[str, Any]],
    make: Callable[[], M],
    kinds: Kinds,
    *,
    what: str,
    after_apply: Callable[[M, dict[str, Any]], None] | None = None,
    nested: tuple[str, ...] = (),
) -> list[M]:
    """Make the children equal to ``rows`` (each with "id" None for a new one).

    Keys in ``nested`` (a row's own child list, such as its citations) are left to
    ``after_apply``.
    """
    by_id = {child.id: child for child in existing}
    kept: list[M] = []
    for number, row in enumerate(rows, start=1):
        child_id = row.get("id")
        if child_id is not None and child_id not in by_id:
            raise ValidationError(f"{what} {number} no longer exists; reload the record")
        child = by_id.pop(child_id) if child_id is not None else make()
        try:
            apply_values(child, {k: v for k, v in row.items() if k not in nested}, kinds)
        except ValidationError as error:
            raise ValidationError(f"{what} {number}: {error}", error.field) from None
        if child_id is None:
            session.add(child)
        if after_apply is not None:
            after_apply(child, row)
        kept.append(child)
    for gone in by_id.values():
        session.delete(gone)
    return kept


def record_values(obj: Record, kinds: Kinds) -> dict[str, Any]:
    """The editable values of a record, as a form shows them (dates as display text)."""
    values: dict[str, Any] = {"id": obj.id}
    for name, kind in kinds.items():
        value = getattr(obj, name)
        if kind == "date" and value is not None:
            value = value.text or value.format()  # what was typed, so saving changes nothing
        values[name] = value
    return values


def _label(field: str) -> str:
    return field.replace("_id", "").replace("_", " ").capitalize()
