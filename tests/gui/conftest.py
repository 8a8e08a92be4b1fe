"""GUI fixtures: a main window that never blocks a test run on an "unsaved changes" prompt."""

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.services.backup import BackupPolicy


@pytest.fixture(autouse=True)
def fresh_settings(qapp: object) -> None:
    """Each test starts with no remembered window state (QSettings live in a shared file)."""
    QSettings().clear()


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[Callable[..., MainWindow]]:
    """Build main windows; at teardown, unsaved edits are dropped so closing cannot prompt,
    and the archive each window ends on is closed (File > Open may have changed it)."""
    windows: list[MainWindow] = []

    def make(archive: Archive, policy: BackupPolicy | None = None) -> MainWindow:
        """A window on ``archive``; with ``policy``, automatic backups are on, as in the program."""
        window = MainWindow(archive, policy=policy)
        windows.append(window)  # closed here, not by qtbot, whose teardown runs first
        return window

    yield make
    for window in windows:
        for editor in window.editors.values():
            editor._dirty = False
        window.close()
        window.archive.close()
        window.deleteLater()
