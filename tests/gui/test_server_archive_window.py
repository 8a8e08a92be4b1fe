"""The window on an archive on the PostgreSQL server: a save the server cut off is not lost,
and the archive is backed up by itself on opening and by hand from the home page."""

from collections.abc import Callable

import psycopg
import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import text
from tests.helpers.dialogs import answer_questions, restore_the_newest, when_dialog_opens
from tests.helpers.pg_server import DatabasePool

from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.services.backup import BackupPolicy, backup_now, list_backups
from powmia_desktop.services.cases import list_cases


@pytest.mark.parametrize("engine", ["postgresql"])
def test_a_save_cut_off_by_the_server_keeps_the_form_dirty_and_says_why(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_archive: Archive,
    pg_pool: DatabasePool,
) -> None:
    window = make_window(demo_archive)
    window.cases_page.table.selectRow(0)
    editor = window.editors["cases"]
    rank = next(f.editors["rank"] for f in editor.forms if "rank" in f.editors)
    assert isinstance(rank, QLineEdit)
    rank.clear()
    qtbot.keyClicks(rank, "Sgt.")
    database = demo_archive.location.url.database
    admin = pg_pool.server.url("postgres").replace("+psycopg", "")
    with psycopg.connect(admin, autocommit=True) as c:  # the server drops the desk, for now
        c.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
        c.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
            (database,),
        )
    assert not editor.save()
    assert editor.is_dirty() and editor.forms[0].values()["rank"] == "Sgt."
    assert "Cannot reach the archive's server" in editor.banner.text()
    with psycopg.connect(admin, autocommit=True) as c:  # the server is back
        c.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')
    assert editor.save()  # the same save, tried again, goes through
    assert not editor.is_dirty()
    with demo_archive.reader() as session:
        assert list_cases(session)[0].rank == "Sgt."


def _home_text(window: MainWindow) -> str:
    return "\n".join(label.text() for label in window.home.findChildren(QLabel))


@pytest.mark.parametrize("engine", ["postgresql"])
def test_the_window_backs_up_a_server_archive_on_opening_and_from_the_home_page(
    qtbot: QtBot, make_window: Callable[..., MainWindow], demo_archive: Archive
) -> None:
    assert list_backups(demo_archive) == []
    window = make_window(demo_archive, BackupPolicy())
    assert window.auto_backup is not None and window.on_home
    assert "not backed up yet" in window.status_label.text()
    assert "Not backed up yet." in _home_text(window)
    with qtbot.waitSignal(window.auto_backup.message, timeout=120_000) as said:
        pass  # the backup on opening runs off the GUI thread and says where it went
    [made] = list_backups(demo_archive)
    assert said.args == [f"Backed up automatically on opening to {made.path}"]
    assert made.reason == "on-open" and made.path.parent == demo_archive.location.backups_dir
    when = made.created_at.astimezone()
    assert f"last backup {when.day} {when:%b %Y, %H:%M}" in window.status_label.text()
    assert f"Last backup: {when.day} {when:%b %Y, %H:%M}" in _home_text(window)
    [button] = [b for b in window.home.findChildren(QPushButton) if b.text() == "Back up now"]
    button.click()
    assert [b.reason for b in list_backups(demo_archive)] == ["manual", "on-open"]
    assert "Backed up to " in window.statusBar().currentMessage()


@pytest.mark.parametrize("engine", ["postgresql"])
def test_a_server_backup_is_restored_from_the_menu_and_the_window_shows_it(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_archive: Archive,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = backup_now(demo_archive)
    with demo_archive.session() as session:
        session.execute(text("UPDATE serviceman SET rank = 'Gen.'"))
    window = make_window(demo_archive)
    answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    when_dialog_opens(restore_the_newest)
    window.restore_action.trigger()
    assert window.statusBar().currentMessage().startswith("Restored the backup of ")
    assert window.archive is not demo_archive and not window.archive.closed
    assert window.archive.server_lock is not None  # this desk holds it again
    with window.archive.reader() as session:
        assert list_cases(session)[0].rank == "Cpl."
    assert window.cases_page.model.rowCount() == 1
    newest = list_backups(window.archive)[0]
    assert newest.reason == "before-restore" and made.engine == newest.engine == "postgresql"
