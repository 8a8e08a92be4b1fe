"""A form built from FieldSpecs: it shows values, hands them back and shows errors by field."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.gui.forms.base import Adder, FormBase, Lookups
from powmia_desktop.gui.forms.child_table import ChildTable
from powmia_desktop.gui.forms.fields import FieldSpec
from powmia_desktop.gui.forms.fuzzy_date_edit import FuzzyDateEdit
from powmia_desktop.gui.forms.levels import LEVEL_CHOICES, LevelNote
from powmia_desktop.services.schema import Row, Value

__all__ = ["Adder", "FormWidget", "Lookups"]

#: The pickers that can make the record they choose from, and their button's words.
NEW_BUTTONS = {"contacts": "New contact…", "sources": "Add source…"}
#: The fewest letters a choice field keeps room for when the form is narrow.
MIN_CHOICE_LETTERS = 12


class FormWidget(FormBase):
    """Editors for a list of fields; ``changed`` fires on any edit a person makes."""

    def __init__(self, fields: tuple[FieldSpec, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = fields
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._lookups: Lookups = {}
        self._loading = False
        self._adder: Adder | None = None
        #: field name -> the button beside its picker that makes a new record
        self.new_buttons: dict[str, QPushButton] = {}
        #: the level of the record this form's record belongs to (a child row's parent)
        self.inherited_level: Callable[[], Sensitivity | None] = lambda: None
        self.level_notes: dict[str, LevelNote] = {}
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for spec in fields:
            if spec.kind == "section":
                heading = QLabel(spec.label, self)
                heading.setTextFormat(Qt.TextFormat.PlainText)
                heading.setStyleSheet("font-weight: bold; margin-top: 10px;")
                layout.addRow(heading)
                continue
            editor = self._make_editor(spec)
            self.editors[spec.name] = editor
            error = QLabel(self)
            error.setTextFormat(Qt.TextFormat.PlainText)
            error.setStyleSheet("color: #b00020;")
            error.setWordWrap(True)
            error.hide()
            self.errors[spec.name] = error
            box = QWidget(self)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addLayout(self._with_new_button(spec, editor, box))
            if spec.kind == "sensitivity":
                self.level_notes[spec.name] = LevelNote(box)
                column.addWidget(self.level_notes[spec.name])
                assert isinstance(editor, QComboBox)
                editor.currentIndexChanged.connect(self._explain_levels)
            column.addWidget(error)
            label = spec.label + (" *" if spec.required else "")
            if spec.kind == "children":
                layout.addRow(box)
            else:
                layout.addRow(label, box)
            if spec.help:
                editor.setToolTip(spec.help)

    # -- building ---------------------------------------------------------------------
    def _make_editor(self, spec: FieldSpec) -> QWidget:
        if spec.kind == "text":
            line = QLineEdit(self)
            line.setPlaceholderText(spec.placeholder)
            line.setAccessibleName(spec.label)
            line.textEdited.connect(self._edited)
            return line
        if spec.kind == "long":
            text = QPlainTextEdit(self)
            text.setTabChangesFocus(True)
            text.setPlaceholderText(spec.placeholder)
            text.setMinimumHeight(text.fontMetrics().lineSpacing() * 4 + 12)
            text.setAccessibleName(spec.label)
            text.textChanged.connect(self._edited)
            return text
        if spec.kind == "date":
            date = FuzzyDateEdit(self)
            date.line.setAccessibleName(spec.label)
            date.line.textEdited.connect(self._edited)
            return date
        if spec.kind == "bool":
            box = QCheckBox(self)
            box.setAccessibleName(spec.label)
            box.toggled.connect(self._edited)
            return box
        if spec.kind in ("choice", "sensitivity", "ref"):
            combo = QComboBox(self)
            combo.setAccessibleName(spec.label)
            # as wide as the form gives it, not its longest choice (its list shows them whole):
            # a long choice at a large text size would make the form wider than its tab
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(MIN_CHOICE_LETTERS)
            if spec.kind == "choice":
                assert spec.choices is not None
                if not spec.required or spec.pick:
                    combo.addItem("", None)
                for member in spec.choices:
                    combo.addItem(member.label, member)
            elif spec.kind == "sensitivity":
                for level in Sensitivity:
                    combo.addItem(LEVEL_CHOICES[level], level)
            combo.currentIndexChanged.connect(self._edited)
            return combo
        if spec.kind == "children":
            table = ChildTable(spec, self._lookup_for, FormWidget, self)
            table.parent_level = self.level
            table.changed.connect(self._edited)
            return table
        raise AssertionError(spec.kind)

    def _with_new_button(self, spec: FieldSpec, editor: QWidget, box: QWidget) -> QHBoxLayout:
        """The field's editor; a picker of contacts or sources has its "New…" button beside."""
        line = QHBoxLayout()
        line.addWidget(editor, 1)
        words = NEW_BUTTONS.get(spec.lookup) if spec.kind == "ref" else None
        if words is not None:
            button = QPushButton(words, box)
            button.setAccessibleName(f"{words.rstrip('…')} for {spec.label}")
            button.setToolTip(f"Make a new {spec.lookup.rstrip('s')} and choose it here")
            button.clicked.connect(lambda: self.add_record_for(spec.name))
            button.hide()  # until the form's holder can save one (set_adder)
            line.addWidget(button)
            self.new_buttons[spec.name] = button
        return line

    def level(self) -> Sensitivity | None:
        """Who may see this form's record: its own level, or the one it belongs to."""
        combo = self.editors.get("sensitivity")
        if isinstance(combo, QComboBox) and combo.currentData() is not None:
            return Sensitivity(combo.currentData())
        return self.inherited_level()

    def set_inherited_level(self, find: Callable[[], Sensitivity | None]) -> None:
        """The level of the record this one belongs to, said under this form's level."""
        self.inherited_level = find
        self._explain_levels()

    def _explain_levels(self) -> None:
        parent = self.inherited_level()
        for name, note in self.level_notes.items():
            data = self.editors[name].currentData()  # type: ignore[attr-defined]
            note.show_level(None if data is None else Sensitivity(data), parent)

    def set_adder(self, adder: Adder | None) -> None:
        """How this form makes a new contact or source from a picker (None: it cannot)."""
        self._adder = adder
        for button in self.new_buttons.values():
            button.setVisible(adder is not None)
        for editor in self.editors.values():
            if isinstance(editor, ChildTable):
                editor.adder = self.add_record if adder is not None else None

    def add_record(self, lookup: str, parent: QWidget) -> tuple[int, Lookups] | None:
        """Make a new record of a picker's list; its id and the refreshed lists."""
        made = self._adder(lookup, parent) if self._adder is not None else None
        if made is not None:
            self.set_lookups(made[1])
        return made

    def add_record_for(self, name: str) -> None:
        """The "New…" button of one picker: make the record, then choose it there."""
        spec = next(s for s in self.fields if s.name == name)
        made = self.add_record(spec.lookup, self)
        combo = self.editors[name]
        if made is not None and isinstance(combo, QComboBox):
            combo.setCurrentIndex(max(combo.findData(made[0]), 0))

    def _lookup_for(self, name: str) -> list[tuple[int, str]]:
        return self._lookups.get(name, [])

    def set_lookups(self, lookups: Lookups) -> None:
        """The choices of reference fields (contacts, sources…), refreshed on each load."""
        self._lookups = lookups
        for spec in self.fields:
            if spec.kind == "ref":
                combo = self.editors[spec.name]
                assert isinstance(combo, QComboBox)
                current = combo.currentData()
                self._loading = True
                combo.clear()
                combo.addItem("", None)
                for record_id, label in lookups.get(spec.lookup, []):
                    combo.addItem(label, record_id)
                combo.setCurrentIndex(max(combo.findData(current), 0))
                self._loading = False

    # -- values -----------------------------------------------------------------------
    def set_values(self, values: Row) -> None:
        self._loading = True
        try:
            for spec in self.fields:
                if spec.name in self.editors:
                    _put(self.editors[spec.name], spec, values.get(spec.name))
            self.clear_errors()
            self._explain_levels()
        finally:
            self._loading = False

    def values(self) -> Row:
        return {
            spec.name: _get(self.editors[spec.name], spec)
            for spec in self.fields
            if spec.name in self.editors
        }

    def missing_required(self) -> list[FieldSpec]:
        values = self.values()
        return [
            s
            for s in self.fields
            if s.required and s.name in self.editors and values[s.name] in (None, "")
        ]

    def show_error(self, field: str, message: str) -> bool:
        label = self.errors.get(field)
        if label is None:
            return False
        label.setText(message)
        label.show()
        return True

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()

    def _edited(self, *args: Any) -> None:
        if not self._loading:
            self.changed.emit()


def _put(editor: QWidget, spec: FieldSpec, value: Value | list[Row]) -> None:
    if value is None:
        value = spec.default
    if isinstance(editor, QLineEdit):
        editor.setText("" if value is None else str(value))
        editor.setCursorPosition(0)  # a long title shows its beginning
    elif isinstance(editor, QPlainTextEdit):
        editor.setPlainText("" if value is None else str(value))
    elif isinstance(editor, FuzzyDateEdit):
        editor.setText("" if value is None else str(value))
    elif isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, QComboBox):
        if value is None and spec.kind == "sensitivity":
            value = Sensitivity.OFFICIALS
        editor.setCurrentIndex(max(editor.findData(value), 0))
    elif isinstance(editor, ChildTable):
        editor.set_rows(value if isinstance(value, list) else [])


def _get(editor: QWidget, spec: FieldSpec) -> Value | list[Row]:
    if isinstance(editor, QLineEdit):
        return editor.text()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, FuzzyDateEdit):
        return editor.text()
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QComboBox):
        # Qt hands enum members back as their plain str/int value; make them members again.
        data = editor.currentData()
        if data is None:
            return None
        if spec.kind == "choice" and spec.choices is not None:
            return spec.choices(data)
        if spec.kind == "sensitivity":
            return Sensitivity(data)
        return int(data)
    if isinstance(editor, ChildTable):
        return editor.rows()
    raise AssertionError(spec.kind)
