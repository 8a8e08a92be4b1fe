"""What a form field is: its name, label and kind, declared once per record kind."""

from dataclasses import dataclass
from typing import Any, Literal

from powmia_desktop.core.vocab import Vocabulary

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
    default: Any = None


def section(title: str) -> FieldSpec:
    """A heading between groups of fields."""
    return FieldSpec(name=f"_section_{title}", label=title, kind="section")


SENSITIVITY = FieldSpec(
    "sensitivity",
    "Who may see this",
    "sensitivity",
    help="Packets and exports leave out anything above their audience's level.",
)
