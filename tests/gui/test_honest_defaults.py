"""Defaults that record the truth: a citation's confidence is chosen, never assumed; a new
child row takes the level of the record it belongs to, and the levels say what they mean."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot
from tests.helpers.dialogs import when_dialog_opens
from tests.helpers.forms import enter, field, fill, new

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import Confidence
from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.forms.child_table import ChildTable, RowDialog
from powmia_desktop.gui.forms.levels import LEVEL_CHOICES, LEVEL_MEANING
from powmia_desktop.gui.main_window import MainWindow

MakeWindow = Callable[[Archive], MainWindow]


def _open_row(qtbot: QtBot, table: QWidget, act: Callable[[RowDialog], None]) -> None:
    assert isinstance(table, ChildTable)

    def check(dialog: QWidget) -> None:
        assert isinstance(dialog, RowDialog)
        try:
            act(dialog)
        finally:
            dialog.reject()

    when_dialog_opens(check)
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)


def test_a_citation_s_confidence_starts_unset_and_must_be_chosen(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    editor = new(window, "timeline")
    seen: dict[str, object] = {}

    def act(dialog: RowDialog) -> None:
        confidence = dialog.form.editors["confidence"]
        assert isinstance(confidence, QComboBox)
        seen["start"] = confidence.currentText()
        seen["words"] = [confidence.itemText(i) for i in range(confidence.count())]
        enter(qtbot, dialog.form.editors["source_id"], "Last Seen Alive list (2,058)")
        dialog._accept()
        seen["refused"] = dialog.isVisible()
        seen["message"] = dialog.form.errors["confidence"].text()
        enter(qtbot, confidence, "Someone's account")
        seen["row"] = dialog.row()

    _open_row(qtbot, field(editor, "citations"), act)
    assert seen["start"] == ""
    assert seen["words"] == ["", *(c.label for c in Confidence)]
    assert seen["refused"] is True
    assert seen["message"] == "Confidence: choose one from the list."
    assert seen["row"]["confidence"] is Confidence.QUESTIONABLE  # type: ignore[index]


def test_a_new_child_row_takes_its_record_s_level_and_says_so(
    qtbot: QtBot, make_window: MakeWindow, archive: Archive
) -> None:
    window = make_window(archive)
    editor = new(window, "timeline")
    fill(qtbot, editor, {"title": "Telegram", "sensitivity": LEVEL_CHOICES[Sensitivity.FAMILY]})
    seen: dict[str, str] = {}

    def act(dialog: RowDialog) -> None:
        level = dialog.form.editors["sensitivity"]
        assert isinstance(level, QComboBox)
        seen["level"] = level.currentText()
        seen["note"] = dialog.form.level_notes["sensitivity"].text()

    _open_row(qtbot, field(editor, "participants"), act)
    assert seen["level"] == "Family only"
    assert seen["note"] == (
        LEVEL_MEANING[Sensitivity.FAMILY] + " The record this belongs to is marked Family only."
    )


def test_a_phone_number_is_family_only_at_least_and_private_under_a_private_contact(
    qtbot: QtBot, make_window: MakeWindow, archive: Archive
) -> None:
    window = make_window(archive)
    editor = new(window, "contacts")
    levels: list[str] = []

    def act(dialog: RowDialog) -> None:
        levels.append(dialog.form.editors["sensitivity"].currentText())  # type: ignore[attr-defined]

    fill(qtbot, editor, {"sensitivity": LEVEL_CHOICES[Sensitivity.OFFICIALS]})
    _open_row(qtbot, field(editor, "phones"), act)  # the level is on another tab
    fill(qtbot, editor, {"sensitivity": LEVEL_CHOICES[Sensitivity.PRIVATE]})
    _open_row(qtbot, field(editor, "phones"), act)
    assert levels == ["Family only", LEVEL_CHOICES[Sensitivity.PRIVATE]]


def test_the_level_picker_says_what_the_chosen_level_does(
    qtbot: QtBot, make_window: MakeWindow, archive: Archive
) -> None:
    window = make_window(archive)
    editor = new(window, "cases")
    form = next(f for f in editor.forms if "sensitivity" in f.editors)
    note = form.level_notes["sensitivity"]
    assert note.text() == LEVEL_MEANING[Sensitivity.OFFICIALS]
    enter(qtbot, form.editors["sensitivity"], LEVEL_CHOICES[Sensitivity.PUBLIC])
    assert note.text() == LEVEL_MEANING[Sensitivity.PUBLIC]
