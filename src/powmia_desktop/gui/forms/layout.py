"""An editor's form fields, built from the record's schema plus how they are shown.

The fields themselves (name, label, kind, required, help, child lists) come from the
record kind's schema in services/record_schemas.py; a ``Look`` adds only presentation:
the tabs, headings between groups, placeholders, the columns of child tables and the
value a new child row starts with. A field the schema gains and the look does not name
still shows: on the first tab, in the schema's order.

Keys of ``placeholders`` and ``defaults`` are field names, or paths through child lists
("phones.label", "citations.locator"); the longest path that matches wins, so
"citations.locator" serves the citations of status changes, claims and events alike.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from powmia_desktop.gui.forms.fields import FieldKind, FieldSpec, section
from powmia_desktop.services.schema import Children, Field, Schema, Value

T = TypeVar("T")
Tab = tuple[str, tuple[FieldSpec, ...]]
#: Where "every field not on another tab" goes in ``Look.tabs``.
REST = "*"


@dataclass(frozen=True)
class Look:
    """How a record kind's form is shown; the fields come from its schema."""

    #: (title, names of fields and child lists); REST stands for all the others
    tabs: tuple[tuple[str, tuple[str, ...]], ...]
    #: a heading shown before a field: field name -> heading
    headings: Mapping[str, str] = field(default_factory=dict)
    placeholders: Mapping[str, str] = field(default_factory=dict)
    #: child list (path) -> its fields shown as table columns (default: the first three)
    columns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: field path -> the value a new row starts with (a phone number's "Family only")
    defaults: Mapping[str, Value] = field(default_factory=dict)


def form_tabs(schema: Schema, look: Look) -> tuple[Tab, ...]:
    """The editor's tabs: each a title and its form fields."""
    placed = {name for _, names in look.tabs for name in names if name != REST}
    every = [f.name for f in schema.fields] + [c.name for c in schema.children]
    unknown = placed - set(every)
    if unknown:
        raise ValueError(f"the {schema.noun} form names fields its schema lacks: {unknown}")
    tabs = []
    for title, names in look.tabs:
        shown: list[str] = []
        for name in names:
            shown += [n for n in every if n not in placed] if name == REST else [name]
        tabs.append((title, tuple(_specs(schema, shown, look, ""))))
    return tuple(tabs)


def form_fields(schema: Schema, look: Look, path: str = "") -> tuple[FieldSpec, ...]:
    """Every field and child list of ``schema``, in its order (a child row's form)."""
    names = [f.name for f in schema.fields] + [c.name for c in schema.children]
    return tuple(_specs(schema, names, look, path))


def _specs(schema: Schema, names: list[str], look: Look, path: str) -> list[FieldSpec]:
    specs = []
    for name in names:
        heading = look.headings.get(name) if not path else None
        if heading:
            specs.append(section(heading))
        found = schema.get(name)
        specs.append(
            _field_spec(found, look, path) if found else _child_spec(schema.child(name), look, path)
        )
    return specs


def _field_spec(spec: Field, look: Look, path: str) -> FieldSpec:
    where = f"{path}{spec.name}"
    kind: FieldKind
    if spec.vocabulary is not None:
        kind = "choice"
    elif spec.kind in ("long", "date", "bool", "sensitivity", "ref"):
        kind = spec.kind
    else:
        kind = "text"
    return FieldSpec(
        spec.name,
        spec.label,
        kind,
        choices=spec.vocabulary,
        required=spec.required,
        placeholder=_find(look.placeholders, where) or "",
        lookup=spec.lookup,
        help=spec.help,
        default=_find(look.defaults, where),
        pick=spec.pick,
    )


def _child_spec(part: Children, look: Look, path: str) -> FieldSpec:
    where = f"{path}{part.name}"
    fields = form_fields(part.schema, look, where + ".")
    columns = _find(look.columns, where) or tuple(f.name for f in fields[:3])
    return FieldSpec(
        part.name,
        part.label,
        "children",
        noun=part.noun,
        columns=columns,
        children=fields,
        help=part.help,
        one_of=part.schema.one_of,
        one_of_help=next(
            (f.help for f in reversed(part.schema.fields) if f.name in part.schema.one_of), ""
        ),
    )


def _find(table: Mapping[str, T], path: str) -> T | None:
    """The entry for the longest tail of ``path`` ("a.b.c", then "b.c", then "c")."""
    parts = path.split(".")
    for start in range(len(parts)):
        key = ".".join(parts[start:])
        if key in table:
            return table[key]
    return None
