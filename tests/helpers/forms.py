"""Driving record editors as a person would: choose a section, type, tick, pick the entry
whose words are shown, add a child row through its dialog, save."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot
from tests.helpers.dialogs import when_dialog_opens

from powmia_desktop.gui.editor import RecordEditor
from powmia_desktop.gui.forms.child_table import ChildTable, RowDialog
from powmia_desktop.gui.forms.form import FormWidget
from powmia_desktop.gui.forms.fuzzy_date_edit import FuzzyDateEdit
from powmia_desktop.gui.forms.quick_add import QuickAddDialog
from powmia_desktop.gui.main_window import MainWindow


def section(window: MainWindow, key: str) -> RecordEditor:
    window.show_section(key)
    return window.editors[key]


def field(editor: RecordEditor, name: str) -> QWidget:
    for form in editor.forms:
        if name in form.editors:
            return form.editors[name]
    raise KeyError(name)


def enter(qtbot: QtBot, widget: QWidget, value: Any) -> None:
    """Type text, tick a box or pick the entry whose words are shown."""
    if isinstance(widget, QComboBox):
        index = widget.findText(str(value))
        shown = [widget.itemText(i) for i in range(widget.count())]
        assert index >= 0, f"{value!r} is not among {shown}"
        widget.setCurrentIndex(index)
    elif isinstance(widget, QCheckBox):
        if widget.isChecked() != bool(value):
            widget.click()
    elif isinstance(widget, FuzzyDateEdit):
        qtbot.keyClicks(widget.line, value)
    else:
        assert isinstance(widget, QLineEdit | QPlainTextEdit)
        widget.clear()
        qtbot.keyClicks(widget, value)


def fill(qtbot: QtBot, form: FormWidget | RecordEditor, values: dict[str, Any]) -> None:
    for name, value in values.items():
        widget = form.editors[name] if isinstance(form, FormWidget) else field(form, name)
        enter(qtbot, widget, value)


def add_row(
    qtbot: QtBot,
    editor: RecordEditor,
    child: str,
    values: dict[str, Any],
    first: Callable[[RowDialog], None] | None = None,
) -> None:
    """Press "Add …" under a child table and fill in the dialog that opens (``first`` acts
    in it before the values are entered)."""

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, RowDialog)
        if first is not None:
            first(dialog)
        fill(qtbot, dialog.form, values)
        dialog._accept()

    table = field(editor, child)
    assert isinstance(table, ChildTable)
    rows = table.model.rowCount()
    when_dialog_opens(act)
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    assert table.model.rowCount() == rows + 1


def new(window: MainWindow, key: str) -> RecordEditor:
    editor = section(window, key)
    window.new_action.trigger()
    assert editor.heading.text().startswith("New ")
    return editor


def save(window: MainWindow, editor: RecordEditor) -> int:
    window.save_action.trigger()
    assert not editor.is_dirty(), editor.banner.text()
    assert editor.record_id is not None
    return editor.record_id


def add_in_picker(qtbot: QtBot, form: FormWidget, name: str, values: dict[str, Any]) -> None:
    """Press the "New contact…" / "Add source…" button beside a picker and fill in the new
    record's dialog; the picker then shows the new record."""

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QuickAddDialog), type(dialog)
        fill(qtbot, dialog.form, values)
        dialog.save()
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.message.text()

    button = form.new_buttons[name]
    assert button.isVisible()
    when_dialog_opens(act)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
