"""The case editor, driven by typing and clicking: create, edit, save, reopen, delete, undo."""

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from tests.helpers.dialogs import press, when_dialog_opens

from powmia_desktop.core.vocab import CasualtyStatus, StatusAuthority
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path
from powmia_desktop.db.models import Contact
from powmia_desktop.gui.editor import RecordEditor
from powmia_desktop.gui.forms.child_table import ChildTable, RowDialog
from powmia_desktop.gui.forms.fuzzy_date_edit import FuzzyDateEdit
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.services.cases import get_case, list_cases
from powmia_desktop.services.search import search

MakeWindow = Callable[[Archive], MainWindow]


def _editor(window: MainWindow) -> RecordEditor:
    return window.editors["cases"]


def _field(editor: RecordEditor, name: str) -> QWidget:
    for form in editor.forms:
        if name in form.editors:
            return form.editors[name]
    raise KeyError(name)


def _choose(combo: QWidget, label: str) -> None:
    assert isinstance(combo, QComboBox)
    index = combo.findText(label)
    assert index >= 0, f"{label!r} not among {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


def _fill_row_dialog(qtbot: QtBot, values: dict[str, str]) -> None:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, RowDialog)
        for name, value in values.items():
            widget = dialog.form.editors[name]
            if isinstance(widget, QComboBox):
                _choose(widget, value)
            elif isinstance(widget, FuzzyDateEdit):
                qtbot.keyClicks(widget.line, value)
            else:
                assert isinstance(widget, QLineEdit)
                qtbot.keyClicks(widget, value)
        dialog._accept()

    when_dialog_opens(act)


def test_create_a_case_by_typing_then_find_it_after_reopening(
    qtbot: QtBot, make_window: MakeWindow, archive: Archive
) -> None:
    with archive.session() as session:
        session.add(Contact(display_name="Bill Dumas", surname="Dumas"))
    window = make_window(archive)
    window.show()
    editor = _editor(window)

    window.new_action.trigger()
    assert editor.heading.text() == "New case (not saved)"
    surname = _field(editor, "surname")
    assert isinstance(surname, QLineEdit) and window.focusWidget() is surname
    qtbot.keyClicks(surname, "Dumas")
    qtbot.keyClicks(_field(editor, "given_names"), "Roger A.")
    qtbot.keyClicks(_field(editor, "rank"), "Cpl.")
    _choose(_field(editor, "branch"), "Army")
    loss = _field(editor, "loss_date")
    assert isinstance(loss, FuzzyDateEdit)
    qtbot.keyClicks(loss.line, "c. Nov 1950")
    assert loss.feedback.text() == "Understood as: about Nov 1950"
    last_seen = _field(editor, "last_seen_alive")
    assert isinstance(last_seen, QCheckBox)
    last_seen.setChecked(True)

    history = _field(editor, "status_changes")
    assert isinstance(history, ChildTable)
    _fill_row_dialog(qtbot, {"date": "Nov 1950", "status": "MIA", "authority": "Army"})
    qtbot.mouseClick(history.add_button, Qt.MouseButton.LeftButton)
    assert history.model.rowCount() == 1
    assert history.model.index(0, 1).data() == "MIA"

    related = _field(editor, "relationships")
    assert isinstance(related, ChildTable)
    _fill_row_dialog(qtbot, {"from_contact_id": "Bill Dumas", "kind": "Nephew of"})
    qtbot.mouseClick(related.add_button, Qt.MouseButton.LeftButton)

    window.save_action.trigger()
    assert not editor.is_dirty()
    assert editor.heading.text() == "Cpl. Roger A. Dumas"
    assert window.cases_page.model.rowCount() == 1

    path = archive.location.path
    assert path is not None
    window.close()
    reopened = Archive.open(location_for_path(path))
    with reopened.reader() as session:
        row = list_cases(session)[0]
        case = get_case(session, row.id)
        assert (case.surname, case.given_names, case.rank) == ("Dumas", "Roger A.", "Cpl.")
        assert str(case.loss_date) == "about Nov 1950" and case.last_seen_alive
        assert [(c.status, c.authority) for c in case.status_changes] == [
            (CasualtyStatus.MIA, StatusAuthority.ARMY)
        ]
        assert case.current_status is CasualtyStatus.MIA
        assert case.relationships[0].from_contact.display_name == "Bill Dumas"
        assert search(session, "Dumas Roger").of_kind("case")
    reopened.close()


def test_delete_the_case_and_undo_brings_it_all_back(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    window.show_section("cases")
    window.cases_page.table.selectRow(0)
    with demo_archive.reader() as session:
        before = get_case(session, list_cases(session)[0].id)
        counts = (len(before.status_changes), len(before.claims), len(before.relationships))

    when_dialog_opens(press(QMessageBox.StandardButton.Yes))
    window.delete_action.trigger()
    assert window.cases_page.model.rowCount() == 0
    assert window.undo_action.text().startswith("&Undo Delete case")

    window.undo_action.trigger()
    assert window.cases_page.model.rowCount() == 1
    with demo_archive.reader() as session:
        after = get_case(session, list_cases(session)[0].id)
        assert (len(after.status_changes), len(after.claims), len(after.relationships)) == counts
        assert after.claims[0].citations

    window.redo_action.trigger()
    assert window.cases_page.model.rowCount() == 0


def test_edit_save_and_undo_the_edit(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    window.show_section("cases")
    window.cases_page.table.selectRow(0)
    editor = _editor(window)
    rank = _field(editor, "rank")
    assert isinstance(rank, QLineEdit)
    rank.clear()
    qtbot.keyClicks(rank, "Pvt.")
    assert editor.is_dirty()
    window.save_action.trigger()
    model = window.cases_page.model
    rank = [c.header for c in model.columns].index("Rank")  # a column hidden at first
    assert model.index(0, rank).data() == "Pvt."
    window.undo_action.trigger()
    assert model.index(0, rank).data() == "Cpl."
    assert editor.forms[0].values()["rank"] == "Cpl."


def test_leaving_unsaved_edits_asks_and_cancel_keeps_them(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    with demo_archive.session() as session:
        from powmia_desktop.services.cases import create_case

        create_case(session, surname="Adams")
    window = make_window(demo_archive)
    page = window.cases_page
    page.table.selectRow(1)  # Dumas (Adams sorts first)
    editor = _editor(window)
    assert editor.heading.text().endswith("Dumas")
    qtbot.keyClicks(_field(editor, "unit"), " (edited)")

    when_dialog_opens(press(QMessageBox.StandardButton.Cancel))
    page.table.selectRow(0)
    assert editor.is_dirty() and editor.heading.text().startswith("Cpl. Roger A. Dumas")
    assert page.selected_id() == editor.record_id

    when_dialog_opens(press(QMessageBox.StandardButton.Discard))
    page.table.selectRow(0)
    assert not editor.is_dirty() and editor.heading.text() == "Adams"

    qtbot.keyClicks(_field(editor, "rank"), "Sgt.")
    when_dialog_opens(press(QMessageBox.StandardButton.Save))
    window.close()
    with demo_archive.reader() as session:
        assert {r.surname: r.rank for r in list_cases(session)}["Adams"] == "Sgt."


def test_validation_error_is_shown_beside_the_field(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    window.show_section("cases")
    window.cases_page.table.selectRow(0)
    editor = _editor(window)
    number = _field(editor, "service_number")
    assert isinstance(number, QLineEdit)
    qtbot.keyClicks(number, "12")
    assert editor.save() is False
    error = editor.forms[0].errors["service_number"]
    assert not error.isHidden() and "does not look like a service number" in error.text()
    assert editor.is_dirty()


def test_screenshot_of_the_case_editor(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive, tmp_path: Path
) -> None:
    window = make_window(demo_archive)
    window.resize(1280, 800)
    window.show()
    window.cases_page.table.selectRow(0)
    image = window.grab()
    assert image.width() >= 1000 and not image.isNull()


def _two_windows_editing_rank(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> tuple[MainWindow, Archive]:
    """Window A has typed a rank, unsaved; window B (a second Archive on the same file, or
    a second desk on the same server archive) then saves another rank for the same case."""
    second = Archive.open(demo_archive.location)
    mine, theirs = make_window(demo_archive), make_window(second)
    for window, rank_text in ((mine, "Sgt."), (theirs, "Pfc.")):
        window.cases_page.table.selectRow(0)
        rank = _field(_editor(window), "rank")
        assert isinstance(rank, QLineEdit)
        rank.clear()
        qtbot.keyClicks(rank, rank_text)
    assert _editor(theirs).save()
    return mine, second


def _stored_rank(archive: Archive) -> str:
    with archive.reader() as session:
        return list_cases(session)[0].rank


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_a_save_over_another_windows_save_asks_and_can_keep_mine(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive, engine: str
) -> None:
    mine, second = _two_windows_editing_rank(qtbot, make_window, demo_archive)
    asked: list[str] = []

    def keep_mine(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        asked.append(dialog.text())
        press(QMessageBox.StandardButton.Save)(dialog)

    when_dialog_opens(keep_mine)
    assert _editor(mine).save()
    if engine == "sqlite":
        assert "was saved in another window" in asked[0]
    else:  # a server archive: another desk saved it; the change log says who and when
        assert re.search(r"was saved at another desk by postgres at \d\d:\d\d on ", asked[0])
    assert "Which version should stay?" in asked[0]
    assert _stored_rank(demo_archive) == "Sgt."
    second.close()


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_a_conflicting_save_can_show_theirs_or_go_on_editing(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive, engine: str
) -> None:
    mine, second = _two_windows_editing_rank(qtbot, make_window, demo_archive)
    editor = _editor(mine)

    when_dialog_opens(press(QMessageBox.StandardButton.Cancel))
    assert not editor.save()  # go on editing: nothing written, my text still there
    assert editor.is_dirty() and editor.forms[0].values()["rank"] == "Sgt."
    said = "in another window, or by another person" if engine == "sqlite" else "by postgres"
    assert editor.banner.text().startswith("Not saved: ") and said in editor.banner.text()
    assert "Save again to keep your changes" in editor.banner.text()
    assert _stored_rank(demo_archive) == "Pfc."

    when_dialog_opens(press(QMessageBox.StandardButton.Discard))
    assert editor.save()  # show theirs: the form now holds what the other window saved
    assert not editor.is_dirty() and editor.forms[0].values()["rank"] == "Pfc."
    assert _stored_rank(demo_archive) == "Pfc."
    second.close()
