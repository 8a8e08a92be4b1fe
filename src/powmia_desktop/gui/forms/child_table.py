"""A record's child rows (status history, name variants, citations) as a table with
Add / Edit / Remove; a row is edited in a small dialog holding a form of its own fields.
"""

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import Vocabulary
from powmia_desktop.gui.empty_note import EmptyNote
from powmia_desktop.gui.forms.base import Adder, FormBase
from powmia_desktop.gui.forms.fields import FieldSpec
from powmia_desktop.gui.tables import Column, RowTableModel
from powmia_desktop.services.schema import Row

MAX_COLUMN_WIDTH = 260
Lookup = Callable[[str], list[tuple[int, str]]]
#: Makes the form a row is edited in (gui/forms/form.py's FormWidget, handed in by it).
MakeForm = Callable[[tuple[FieldSpec, ...], QWidget], FormBase]


class ChildTable(QWidget):
    changed = Signal()

    def __init__(
        self,
        spec: FieldSpec,
        lookup: Lookup,
        make_form: MakeForm,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.lookup = lookup
        self.make_form = make_form
        #: how pickers in a row's dialog make a new contact or source (set by the form)
        self.adder: Adder | None = None
        #: who may see the record these rows belong to (set by the form): a new row's level
        self.parent_level: Callable[[], Sensitivity | None] = lambda: None
        self._rows: list[Row] = []
        fields = {f.name: f for f in spec.children}
        columns = [
            Column(fields[name].label, _formatter(fields[name], lookup)) for name in spec.columns
        ]
        self.model: RowTableModel[Row] = RowTableModel(columns, self)
        title = QLabel(spec.label, self)
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setStyleSheet("font-weight: bold;")
        title.setWordWrap(True)  # a long title wraps rather than widen the form
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName(spec.label)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(150)
        self.table.doubleClicked.connect(lambda index: self.edit_row(index.row()))
        EmptyNote(self.table, lambda: f"None yet: “Add {spec.noun}…” adds one.")
        self.add_button = QPushButton(f"Add {spec.noun}…", self)
        self.edit_button = QPushButton("Edit…", self)
        self.remove_button = QPushButton("Remove", self)
        self.add_button.clicked.connect(self.add_row)
        self.edit_button.clicked.connect(lambda: self.edit_row(self._current()))
        self.remove_button.clicked.connect(lambda: self.remove_row(self._current()))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def rows(self) -> list[Row]:
        return [dict(r) for r in self._rows]

    def set_rows(self, rows: list[Row]) -> None:
        self._rows = [dict(r) for r in rows]
        self._refresh()

    def _refresh(self) -> None:
        self.model.set_rows(self._rows, haystack=lambda r: "")
        self.table.resizeColumnsToContents()
        # Long values (a claim's wording) must not push the other columns out of sight.
        for column in range(self.model.columnCount()):
            if self.table.columnWidth(column) > MAX_COLUMN_WIDTH:
                self.table.setColumnWidth(column, MAX_COLUMN_WIDTH)

    def _current(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def new_row(self) -> Row:
        """A new row: it takes the level of the record it belongs to, or its kind's usual
        level when that is stricter (a phone number is "Family only" at least)."""
        row: Row = {"id": None}
        level = self.parent_level()
        own = next((f for f in self.spec.children if f.kind == "sensitivity"), None)
        if own is not None and level is not None:
            usual = own.default
            row[own.name] = max(level, usual) if isinstance(usual, Sensitivity) else level
        return row

    def add_row(self) -> None:
        row = RowDialog.ask(self, f"Add {self.spec.noun}", self.new_row())
        if row is not None:
            self._rows.append(row)
            self._refresh()
            self.changed.emit()

    def edit_row(self, position: int) -> None:
        if not 0 <= position < len(self._rows):
            return
        row = RowDialog.ask(self, f"Edit {self.spec.noun}", self._rows[position])
        if row is not None:
            self._rows[position] = row
            self._refresh()
            self.changed.emit()

    def remove_row(self, position: int) -> None:
        if not 0 <= position < len(self._rows):
            return
        answer = QMessageBox.question(
            self,
            f"Remove {self.spec.noun}",
            f"Remove this {self.spec.noun}? It is taken out when you save the record.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            del self._rows[position]
            self._refresh()
            self.changed.emit()


class RowDialog(QDialog):
    """One child row in a form of its own; OK only when required fields are filled."""

    def __init__(self, table: ChildTable, title: str, row: Row) -> None:
        super().__init__(table)
        self.table = table
        self.setWindowTitle(title)
        self._row = row
        # The row form may itself hold child tables (a claim's citations).
        fields = table.spec.children
        self.form = table.make_form(fields, self)
        lookup = table.lookup
        lookups = {f.lookup: lookup(f.lookup) for f in _all_fields(fields) if f.lookup}
        self.form.set_lookups(lookups)
        self.form.set_adder(table.adder)
        self.form.set_inherited_level(table.parent_level)
        self.form.set_values(row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def _accept(self) -> None:
        self.form.clear_errors()
        missing = self.form.missing_required()
        for spec in missing:
            self.form.show_error(spec.name, spec.missing)
        pair = self.table.spec.one_of
        values = self.form.values()
        if pair and sum(values.get(name) not in (None, "") for name in pair) != 1:
            self.form.show_error(pair[0], self.table.spec.one_of_help or "Choose one, not both.")
            missing.append(self.table.spec)
        if not missing:
            self.accept()

    def row(self) -> Row:
        return {**self._row, **self.form.values()}

    @classmethod
    def ask(cls, table: ChildTable, title: str, row: Row) -> Row | None:
        dialog = cls(table, title, row)
        return dialog.row() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _all_fields(fields: tuple[FieldSpec, ...]) -> list[FieldSpec]:
    found = []
    for f in fields:
        found.append(f)
        found += _all_fields(f.children)
    return found


def _formatter(spec: FieldSpec, lookup: Lookup) -> Callable[[Row], str]:
    """How one child field reads in a table cell."""

    def text(row: Row) -> str:
        value = row.get(spec.name)
        if value is None or value == "":
            return ""
        if isinstance(value, list):
            # Rows that point at something (citations at sources) read as its names.
            ref = next((f for f in spec.children if f.kind == "ref"), None)
            if ref is None:
                return f"{len(value)}" if value else ""
            names = dict(lookup(ref.lookup))
            return "; ".join(names.get(_ref(r.get(ref.name)), "?") for r in value)
        if spec.kind == "bool":
            return "Yes" if value else ""
        if spec.kind == "ref":
            return dict(lookup(spec.lookup)).get(_ref(value), "")
        if isinstance(value, Sensitivity):
            return value.label
        if isinstance(value, Vocabulary):
            # "Other" says little; the row's own words for it say more.
            own_words = row.get(f"{spec.name}_text")
            return str(own_words) if value.value == "other" and own_words else value.label
        return " ".join(str(value).split())

    return text


def _ref(value: object) -> int:
    return value if isinstance(value, int) else 0
