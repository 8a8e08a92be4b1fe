"""Dialogs that check themselves: a row's dialog refuses OK while something it needs is
missing, and says in place what to do."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from tests.helpers.dialogs import when_dialog_opens
from tests.helpers.forms import enter, field, new

from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.forms.child_table import ChildTable, RowDialog
from powmia_desktop.gui.main_window import MainWindow

MakeWindow = Callable[[Archive], MainWindow]


def _try_rows(
    qtbot: QtBot, table: QWidget, attempts: list[dict[str, str]], error_field: str
) -> list[tuple[bool, str]]:
    """Fill the row dialog with each attempt in turn and press OK: (accepted, message)."""
    assert isinstance(table, ChildTable)
    results: list[tuple[bool, str]] = []

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, RowDialog)
        try:
            for values in attempts:
                for name, value in values.items():
                    enter(qtbot, dialog.form.editors[name], value)
                dialog._accept()
                error = dialog.form.errors[error_field]
                accepted = dialog.result() == RowDialog.DialogCode.Accepted
                results.append((accepted, "" if error.isHidden() else error.text()))
                if accepted:
                    return
        finally:
            if dialog.isVisible():
                dialog.reject()

    when_dialog_opens(act)
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    return results


def test_a_person_in_an_event_is_a_case_or_a_contact_not_neither_nor_both(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    editor = new(window, "timeline")
    table = field(editor, "participants")
    results = _try_rows(
        qtbot,
        table,
        [
            {"role": "Subject"},  # no one
            {"serviceman_id": "Dumas, Roger A.", "contact_id": "Bill Dumas"},  # both
            {"contact_id": ""},  # the case alone
        ],
        "serviceman_id",
    )
    assert results == [
        (False, "Choose a case or a contact, not both."),
        (False, "Choose a case or a contact, not both."),
        (True, ""),
    ]
    assert isinstance(table, ChildTable) and table.model.rowCount() == 1


def test_an_attendee_needs_someone(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    editor = new(window, "meetings")
    results = _try_rows(
        qtbot,
        field(editor, "attendances"),
        [{"role": "Family"}, {"contact_id": "Bill Dumas"}],
        "contact_id",
    )
    assert results == [(False, "Contact: choose one from the list."), (True, "")]
