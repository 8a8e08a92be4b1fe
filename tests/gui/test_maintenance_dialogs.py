"""The Backups and Check & repair dialogs, driven with the mouse on real archives."""

import sqlite3
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, update
from tests.helpers.damage import backed_up_then_wrecked
from tests.helpers.dialogs import answer_questions

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.lock import ArchiveLock
from powmia_desktop.db.models import ListMembership, Serviceman
from powmia_desktop.gui.maintenance import BackupsDialog, CheckDialog
from powmia_desktop.services.backup import backup_now


def _cases(archive: Archive) -> int:
    with archive.reader() as session:
        return session.scalar(select(func.count()).select_from(Serviceman)) or 0


def _dialog_after_a_change(qtbot: QtBot, archive: Archive) -> BackupsDialog:
    """The dialog on an archive with one backup and one case added since."""
    backup_now(archive)
    with archive.session() as session:
        session.add(Serviceman(surname="Added after the backup"))
    dialog = BackupsDialog(archive)
    qtbot.addWidget(dialog)
    return dialog


def test_backups_dialog_lists_and_backs_up_now(qtbot: QtBot, demo_archive: Archive) -> None:
    backup_now(demo_archive, "on-open", clock=lambda: datetime(2026, 1, 5, 12, tzinfo=UTC))
    dialog = BackupsDialog(demo_archive)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "When the archive was opened"
    assert dialog.table.item(0, 2).text().endswith("MB")
    assert "2026" in dialog.table.item(0, 0).text()

    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 1).text() == "Backed up by hand"
    assert dialog.status.text().startswith("Backed up to ")


def test_restore_asks_first_and_cancel_changes_nothing(
    qtbot: QtBot, demo_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog_after_a_change(qtbot, demo_archive)
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Cancel)
    with qtbot.assertNotEmitted(dialog.restored):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "backed up first" in asked[0]
    assert _cases(demo_archive) == 2


def test_restore_confirmed_puts_the_backup_back_and_keeps_the_present(
    qtbot: QtBot, demo_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog_after_a_change(qtbot, demo_archive)
    answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.restored) as signal:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    result = signal.args[0]
    assert result.safety_backup is not None
    assert "kept as the backup" in dialog.status.text()
    assert dialog.table.rowCount() == 2
    with Archive.open(demo_archive.location) as reopened:
        assert _cases(reopened) == 1


def test_restore_refused_while_open_elsewhere_says_so(
    qtbot: QtBot, demo_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup_now(demo_archive)
    assert demo_archive.location.path is not None
    other = ArchiveLock(demo_archive.location.path)
    other.acquire_shared()
    dialog = BackupsDialog(demo_archive)
    qtbot.addWidget(dialog)
    answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    try:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    finally:
        other.release()
    assert dialog.status.text().startswith("Nothing was restored:")
    assert "open in another window" in dialog.status.text()


def test_a_tampered_backup_is_refused_and_the_next_good_one_selected(
    qtbot: QtBot, demo_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = backup_now(demo_archive, "on-open", clock=lambda: datetime(2026, 1, 5, 12, tzinfo=UTC))
    swapped = backup_now(demo_archive, clock=lambda: datetime(2026, 1, 6, 12, tzinfo=UTC))
    with sqlite3.connect(swapped.database) as connection:
        connection.execute("UPDATE serviceman SET notes = 'not what was backed up'")
    connection.close()
    path = demo_archive.location.path
    assert path is not None
    dialog = BackupsDialog(demo_archive)
    qtbot.addWidget(dialog)
    assert dialog.selected() == swapped
    answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    with qtbot.assertNotEmitted(dialog.restored):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    text = dialog.status.text()
    assert "changed" in text and "nothing was replaced" in text and good.name in text
    selected = dialog.selected()
    assert selected is not None and selected.path == good.path
    assert dialog.restore_button.isEnabled()


def test_check_dialog_finds_and_repairs(qtbot: QtBot, demo_archive: Archive) -> None:
    assert demo_archive.location.path is not None
    with sqlite3.connect(demo_archive.location.path) as connection:
        connection.execute("UPDATE serviceman SET current_status = 'kia'")
        connection.execute("UPDATE search_index SET title = '<b>markup</b>' WHERE rowid = 17")
    dialog = CheckDialog(demo_archive)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.tree.topLevelItemCount() == 2
    assert dialog.repair_button.isEnabled()
    assert dialog.summary.text() == "2 problems, 2 of them repairable."

    with qtbot.waitSignal(dialog.repaired):
        qtbot.mouseClick(dialog.repair_button, Qt.MouseButton.LeftButton)
    texts = [dialog.tree.topLevelItem(i).text(2) for i in range(dialog.tree.topLevelItemCount())]
    assert all(t.startswith("Repaired: ") for t in texts) and len(texts) == 2
    assert dialog.summary.text().startswith("2 repaired; backed up first to ")
    assert not dialog.repair_button.isEnabled()


def test_check_dialog_on_a_sound_archive(qtbot: QtBot, demo_archive: Archive) -> None:
    dialog = CheckDialog(demo_archive)
    qtbot.addWidget(dialog)
    dialog.run_check()
    assert dialog.tree.topLevelItemCount() == 0
    assert dialog.summary.text() == "No problems found."


def test_check_dialog_notes_a_list_row_whose_case_was_deleted(
    qtbot: QtBot, demo_archive: Archive
) -> None:
    """Such a row is no problem and nothing to repair: a note the dialog tells as one."""
    with demo_archive.session() as session:
        session.execute(update(ListMembership).values(serviceman_id=None, match_status="confirmed"))
    dialog = CheckDialog(demo_archive)
    qtbot.addWidget(dialog)
    dialog.run_check()
    assert dialog.tree.topLevelItemCount() == 1
    note = dialog.tree.topLevelItem(0)
    assert (note.text(0), note.text(2)) == ("list lines", "Nothing to repair (a note)")
    assert "was matched to a case that has been deleted" in note.text(1)
    assert dialog.summary.text() == "No problems found; 1 note."
    assert not dialog.repair_button.isEnabled()


def test_a_damaged_archive_can_be_restored_from_its_location(
    qtbot: QtBot, demo_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the archive cannot even be opened, the dialog works from where it lives."""
    location = backed_up_then_wrecked(demo_archive)
    dialog = BackupsDialog(location)
    qtbot.addWidget(dialog)
    answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.restored):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    with Archive.open(location) as reopened:
        assert _cases(reopened) == 1
