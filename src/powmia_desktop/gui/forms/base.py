"""What a form offers the widgets that hold one, so a child table's row dialog can hold a
form without importing the module that builds forms (which imports the child table)."""

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.gui.forms.fields import FieldSpec
from powmia_desktop.services.schema import Row

Lookups = dict[str, list[tuple[int, str]]]
#: Makes a new record of a picker's list ("contacts") with a dialog over the widget given:
#: its id and every picker list read again, or None when the person cancelled.
Adder = Callable[[str, QWidget], tuple[int, Lookups] | None]


class FormBase(QWidget):
    """A form of fields: it shows values, hands them back and shows errors by field."""

    changed = Signal()

    def set_lookups(self, lookups: Lookups) -> None:
        """The choices of reference fields (contacts, sources…), refreshed on each load."""
        raise NotImplementedError

    def set_adder(self, adder: Adder | None) -> None:
        """How a picker's "New…" button makes its record (None hides the buttons)."""
        raise NotImplementedError

    def set_inherited_level(self, find: Callable[[], Sensitivity | None]) -> None:
        """Who may see the record this form's record belongs to (a child row's parent)."""
        raise NotImplementedError

    def set_values(self, values: Row) -> None:
        raise NotImplementedError

    def values(self) -> Row:
        raise NotImplementedError

    def missing_required(self) -> list[FieldSpec]:
        raise NotImplementedError

    def show_error(self, field: str, message: str) -> bool:
        raise NotImplementedError

    def clear_errors(self) -> None:
        raise NotImplementedError
