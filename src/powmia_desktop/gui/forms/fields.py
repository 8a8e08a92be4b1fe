"""What a form field is as a widget: its name, label, kind and how it is shown.

Editors do not declare these by hand: gui/forms/layout.py makes them from the record's
schema (services/schema.py) and the editor's look.
"""

from dataclasses import dataclass
from typing import Literal

from powmia_desktop.core.vocab import Vocabulary
from powmia_desktop.services.schema import Value

FieldKind = Literal[
    "text", "long", "date", "bool", "choice", "sensitivity", "ref", "children", "section"
]


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: FieldKind = "text"
    #: the vocabulary of a "choice" field
    choices: type[Vocabulary] | None = None
    required: bool = False
    placeholder: str = ""
    #: for "ref": which lookup list ("contacts", "sources", …) the form was given
    lookup: str = ""
    #: for "children": the fields of one child row, and those shown as columns
    children: tuple["FieldSpec", ...] = ()
    columns: tuple[str, ...] = ()
    #: for "children": what one row is called ("status change")
    noun: str = ""
    help: str = ""
    #: the value a new child row starts with (e.g. a phone number's "Family only")
    default: Value = None
    #: a required choice that starts blank: the person picks one
    pick: bool = False
    #: for "children": fields of which a row names exactly one, and what to do if not
    one_of: tuple[str, ...] = ()
    one_of_help: str = ""

    @property
    def missing(self) -> str:
        """What to do about this field left empty, said in place."""
        if self.kind in ("choice", "ref", "sensitivity"):
            return f"{self.label}: choose one from the list."
        return f"{self.label}: type it in."


def section(title: str) -> FieldSpec:
    """A heading between groups of fields."""
    return FieldSpec(name=f"_section_{title}", label=title, kind="section")
