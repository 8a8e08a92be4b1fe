"""What a record kind's editable fields are, declared once: the record schema.

A ``Schema`` lists a record kind's fields (name, kind or vocabulary, required, label,
help) and its child collections (status history, phones, citations…), each with a schema
of its own. The services convert and validate what a form hands over with it
(services/editing.py), the editors build their widgets from it, exporters take their
columns from it, and a test checks every field against the database model. The schemas
themselves are in services/record_schemas.py.

Between an editor and the services travel typed values: a record's ``Values`` (field name
to ``Value``) and, for each child collection, a list of ``Row``\\ s (a row's own child
collections, such as a claim's citations, are lists of rows under their name).
"""

import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal, TypeAlias

from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import Vocabulary
from powmia_desktop.db.models import Record

#: How a field's text is read: "text" one line, "long" several, "date" a historical date
#: ("c. Nov 1950"), "day" one calendar day, "ref" the id of another record, "moment" and
#: "zone" a meeting's time and its time zone, "number" a whole number; a Vocabulary class
#: is one of its members.
Simple = Literal[
    "text",
    "long",
    "date",
    "day",
    "bool",
    "sensitivity",
    "ref",
    "service_number",
    "state",
    "moment",
    "zone",
    "number",
]
Kind: TypeAlias = Simple | type[Vocabulary]

#: One field's value as a form shows it and hands it back.
Value: TypeAlias = str | int | bool | FuzzyDate | dt.date | Vocabulary | Sensitivity | None
Values: TypeAlias = dict[str, Value]
#: One child row: its fields, and its own child collections as lists of rows.
Row: TypeAlias = dict[str, "Value | list[Row]"]
Rows: TypeAlias = list[Row]


@dataclass(frozen=True)
class Field:
    """One editable field of a record kind."""

    name: str
    label: str
    kind: Kind = "text"
    required: bool = False
    help: str = ""
    #: for "ref": the picker list it chooses from ("contacts", "cases", "sources", "meetings")
    lookup: str = ""
    #: False for a form-only field the service handles itself (no column of that name)
    column: bool = True
    #: for a required choice: no value is assumed, the form starts blank and the person
    #: picks one (a citation's confidence)
    pick: bool = False

    @property
    def vocabulary(self) -> type[Vocabulary] | None:
        return self.kind if isinstance(self.kind, type) else None

    def required_message(self, noun: str = "") -> str:
        """What a person is told when this required field is left empty: what to do, with
        the field's label as the form shows it ("Fill in “Surname” for the case")."""
        chosen = self.vocabulary is not None or self.kind in ("ref", "sensitivity", "bool")
        where = f" for the {noun}" if noun else ""
        return f"{'Choose' if chosen else 'Fill in'} “{self.label}”{where}"


@dataclass(frozen=True)
class Children:
    """A child collection of a record: its rows are records of their own schema."""

    name: str
    label: str
    #: what one row is called, in buttons and messages ("status change")
    noun: str
    schema: "Schema"
    #: the child's relationship back to its parent ("serviceman"); "" when the service
    #: links the rows itself (a meeting's questions, the cases it discussed)
    parent_key: str = ""
    help: str = ""

    @property
    def what(self) -> str:
        """The noun starting a message: "Status change 2: …"."""
        return self.noun[:1].upper() + self.noun[1:]


@dataclass(frozen=True)
class Schema:
    """A record kind's editable fields and child collections, in the order a form shows them.

    ``model`` is the SQLAlchemy class a row is stored as; None for rows that only link the
    parent to existing records (the cases a meeting discussed).
    """

    noun: str
    model: type[Record] | None
    fields: tuple[Field, ...]
    children: tuple[Children, ...] = ()
    #: fields of which a row names exactly one (a case or a contact); the last one's help
    #: says so, and a row's form refuses OK until it holds
    one_of: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        names = [f.name for f in self.fields] + [c.name for c in self.children]
        repeated = {n for n in names if names.count(n) > 1}
        if repeated:
            raise ValueError(f"{self.noun}: fields declared twice: {sorted(repeated)}")

    def get(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    def field(self, name: str) -> Field:
        found = self.get(name)
        if found is None:
            raise KeyError(f"{name!r} is not a field of a {self.noun}")
        return found

    def child(self, name: str) -> Children:
        found = next((c for c in self.children if c.name == name), None)
        if found is None:
            raise KeyError(f"{name!r} is not a part of a {self.noun}")
        return found

    @property
    def columns(self) -> tuple[Field, ...]:
        """The fields stored in a column of the same name."""
        return tuple(f for f in self.fields if f.column)

    def with_field(self, field: Field, *, after: str = "") -> "Schema":
        """A copy with one more field (after ``after``, or last)."""
        fields = list(self.fields)
        at = len(fields) if not after else fields.index(self.field(after)) + 1
        fields.insert(at, field)
        return replace(self, fields=tuple(fields))

    def only(self, *names: str) -> "Schema":
        """A copy with just these fields and no child lists (a task as a row of a meeting)."""
        return replace(self, fields=tuple(f for f in self.fields if f.name in names), children=())


def sensitivity(default_help: str = "") -> Field:
    """Who may see a record: every record kind has it."""
    return Field(
        "sensitivity",
        "Who may see this",
        "sensitivity",
        help=default_help or "Packets and exports leave out anything above their audience's level.",
    )
