"""Backups from the main window: File > Backup now, Restore…, and the automatic ones.

Real archive files in tmp_path, the real menu actions and dialogs; the automatic backups
run with a real ``BackupPolicy`` whose timer is made short instead of waiting minutes.
"""

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from tests.helpers.damage import backed_up_then_wrecked
from tests.helpers.dialogs import answer_questions, restore_the_newest, when_dialog_opens

from powmia_desktop.app import open_or_rescue
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path
from powmia_desktop.db.models import Serviceman
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.gui.maintenance import BackupsDialog, CheckDialog
from powmia_desktop.services.backup import BackupPolicy, backup_now, list_backups


class QuickPolicy(BackupPolicy):
    """The program's policy with a timer of a few milliseconds; it notes every tick."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self.ticks: list[Path | None] = []

    @property
    def interval_ms(self) -> int:
        return 20

    def on_timer(self, archive: Archive):  # type: ignore[no-untyped-def]
        self.ticks.append(archive.location.path)
        return super().on_timer(archive)


def _surnames(archive: Archive) -> list[str]:
    with archive.reader() as session:
        return sorted(session.scalars(select(Serviceman.surname)))


def _add_case(archive: Archive, surname: str) -> None:
    with archive.session() as session:
        session.add(Serviceman(surname=surname))


def _wait_for_the_backup_on_opening(qtbot: QtBot, window: MainWindow, archive: Archive) -> None:
    """The window backs up the archive it opened in the background; wait until it has."""
    auto = window.auto_backup
    assert auto is not None
    qtbot.waitUntil(lambda: auto.idle and "on-open" in _reasons(archive))


def _reasons(archive: Archive) -> list[str]:
    return [b.reason for b in list_backups(archive)]


def _listed(window: MainWindow) -> list[str]:
    model = window.cases_page.model
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def test_backup_now_writes_a_backup_that_opens_with_the_same_cases(
    qtbot: QtBot, demo_archive: Archive, make_window: Callable[[Archive], MainWindow]
) -> None:
    _add_case(demo_archive, "Kept in the backup")
    window = make_window(demo_archive)
    file_menu = window.menuBar().actions()[0].menu()
    assert window.backup_action in file_menu.actions()
    assert window.backup_action.text().replace("&", "") == "Backup now"

    window.backup_action.trigger()

    [made] = list_backups(demo_archive)
    assert made.reason == "manual"
    assert window.statusBar().currentMessage() == f"Backed up to {made.database}"
    with Archive.open(location_for_path(made.database)) as copy:
        assert _surnames(copy) == _surnames(demo_archive) == ["Dumas", "Kept in the backup"]


def test_restore_from_the_menu_puts_back_the_earlier_state_and_the_window_shows_it(
    qtbot: QtBot,
    demo_archive: Archive,
    make_window: Callable[[Archive], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backup_now(demo_archive)
    _add_case(demo_archive, "Added after the backup")
    window = make_window(demo_archive)
    assert len(_listed(window)) == 2
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    seen: list[str] = []

    def restore_the_newest(dialog: QWidget) -> None:
        assert isinstance(dialog, BackupsDialog)
        dialog.table.selectRow(0)
        dialog.restore_button.click()
        seen.append(dialog.status.text())
        dialog.reject()

    when_dialog_opens(restore_the_newest)
    window.restore_action.trigger()

    assert "backed up first" in asked[0]
    assert seen[0].startswith("Restored the backup of ")
    assert window.archive is not demo_archive and demo_archive.closed
    assert not window.archive.closed and window.archive.lock is not None
    assert window.archive.lock.held  # open again, so no other restore can pull it away
    assert len(_listed(window)) == 1
    assert _surnames(window.archive) == ["Dumas"]
    assert window.ops.undo_stack.count() == 0
    # The present was kept: the archive as it was before the restore is a backup too.
    assert list_backups(window.archive)[0].reason == "before-restore"
    window.archive.close()


def test_a_refused_restore_leaves_the_window_working_on_its_archive(
    qtbot: QtBot,
    demo_archive: Archive,
    make_window: Callable[[Archive], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    backup_now(demo_archive)
    other_window = Archive.open(demo_archive.location)
    window = make_window(demo_archive)
    answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    seen: list[str] = []

    def try_to_restore(dialog: QWidget) -> None:
        assert isinstance(dialog, BackupsDialog)
        dialog.restore_button.click()
        seen.append(dialog.status.text())
        dialog.reject()

    when_dialog_opens(try_to_restore)
    try:
        window.restore_action.trigger()
    finally:
        other_window.close()
    assert "open in another window or program" in seen[0]
    assert not window.archive.closed and window.archive.lock is not None
    assert window.archive.lock.held
    _add_case(window.archive, "Still writable")
    window.archive.close()


def test_closing_the_window_backs_up_a_changed_archive(
    qtbot: QtBot,
    demo_archive: Archive,
    make_window: Callable[..., MainWindow],
) -> None:
    window = make_window(demo_archive, BackupPolicy())
    _wait_for_the_backup_on_opening(qtbot, window, demo_archive)
    _add_case(window.archive, "Written just before closing")

    window.close()

    assert _reasons(demo_archive) == ["on-exit", "on-open"]
    on_exit = list_backups(demo_archive)[0]
    with sqlite3.connect(on_exit.database) as copy:
        found = copy.execute("SELECT count(*) FROM serviceman WHERE surname LIKE 'Written%'")
        assert found.fetchone()[0] == 1
    copy.close()


def test_closing_an_unchanged_archive_adds_no_backup(
    qtbot: QtBot,
    demo_archive: Archive,
    make_window: Callable[..., MainWindow],
) -> None:
    window = make_window(demo_archive, BackupPolicy())
    _wait_for_the_backup_on_opening(qtbot, window, demo_archive)
    window.close()
    assert _reasons(demo_archive) == ["on-open"]


def test_the_backup_on_opening_does_not_hold_up_the_window(
    qtbot: QtBot,
    demo_archive: Archive,
    make_window: Callable[..., MainWindow],
) -> None:
    """The window is built and usable before the copy starts; the copy then lands."""
    window = make_window(demo_archive, BackupPolicy())
    assert _reasons(demo_archive) == []  # nothing copied while the window was being built
    _wait_for_the_backup_on_opening(qtbot, window, demo_archive)
    assert "Backed up automatically on opening" in window.statusBar().currentMessage()


def test_the_timer_backs_up_while_working_and_follows_the_archive_opened_next(
    qtbot: QtBot,
    demo_archive: Archive,
    tmp_path: Path,
    make_window: Callable[..., MainWindow],
) -> None:
    policy = QuickPolicy(every_minutes=0)  # due at every tick
    window = make_window(demo_archive, policy)
    _wait_for_the_backup_on_opening(qtbot, window, demo_archive)
    _add_case(window.archive, "Written while working")
    qtbot.waitUntil(lambda: "interval" in _reasons(demo_archive))
    assert demo_archive.location.path in policy.ticks
    assert _reasons(demo_archive) == ["interval", "on-open"]

    second = tmp_path / "second" / "other.sqlite"
    second.parent.mkdir()
    Archive.open(location_for_path(second), create=True).close()
    window.open_path(second)  # File > Open archive…, without the file chooser

    assert window.archive.location.path == second
    qtbot.waitUntil(lambda: second in policy.ticks)
    # the archive opened next is copied on opening too; that copy is made on a thread of
    # its own, and the timer's own copy may come before or after it: wait, never race
    qtbot.waitUntil(lambda: "on-open" in _reasons(window.archive), timeout=30_000)
    qtbot.waitUntil(lambda: not window.auto_backup or window.auto_backup.idle)


def test_a_damaged_archive_is_offered_its_backups_at_start_and_then_opens(
    qtbot: QtBot, demo_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    location = backed_up_then_wrecked(demo_archive)
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)

    when_dialog_opens(restore_the_newest)
    archive = open_or_rescue(location, demo=False)

    assert archive is not None
    try:
        assert "There is one backup of this archive" in asked[0]
        assert _surnames(archive) == ["Dumas"]
    finally:
        archive.close()


def test_check_and_repair_from_the_menu_reloads_what_the_window_shows(
    qtbot: QtBot, demo_archive: Archive, make_window: Callable[..., MainWindow]
) -> None:
    """A current status that disagrees with the status history is put right, and the list
    shows the repaired status without reopening anything."""
    window = make_window(demo_archive)
    path = demo_archive.location.path
    assert path is not None
    with sqlite3.connect(path) as connection:  # as another program (or a bad disk) might
        connection.execute("UPDATE serviceman SET current_status = 'kia'")
    connection.close()
    window.reload()
    window.cases_page.wait_loaded()
    assert window.cases_page.model.row_at(0).current_status == "kia"

    def check_then_repair(dialog: QWidget) -> None:
        assert isinstance(dialog, CheckDialog)
        dialog.check_button.click()
        assert dialog.repair_button.isEnabled()
        dialog.repair_button.click()
        dialog.accept()

    when_dialog_opens(check_then_repair)
    window.open_check()
    window.cases_page.wait_loaded()
    assert window.cases_page.model.row_at(0).current_status == "pow"
    assert [b.reason for b in list_backups(demo_archive)] == ["before-repair"]
