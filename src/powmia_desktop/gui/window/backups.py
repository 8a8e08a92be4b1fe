"""Keeping the archive safe from the main window: backup now, restore, check and repair."""

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.gui.workers import run_job
from powmia_desktop.services.backup import backup_now

if TYPE_CHECKING:
    from powmia_desktop.gui.main_window import MainWindow


def back_up_now(window: "MainWindow") -> None:
    """File > Backup now: pending edits saved (or dropped) first, then a full backup."""
    if not window.confirm_all():
        return
    archive = window.archive
    try:
        made = run_job(
            window,
            "Backing up",
            lambda progress: backup_now(archive, "manual", progress=progress),
        )
    except PowmiaError as error:
        QMessageBox.warning(window, "Backup now", f"Nothing was backed up: {error}")
        return
    window.statusBar().showMessage(f"Backed up to {made.database}")


def open_backups(window: "MainWindow") -> None:
    """File > Restore…: the list of backups; a restore reopens and reloads everything."""
    if not window.confirm_all():  # a restore replaces what the editors show
        return
    from powmia_desktop.gui.maintenance import BackupsDialog

    location = window.archive.location
    dialog = BackupsDialog(window.archive, window)

    def restored(result: object) -> None:
        reopened = window.reopen(location)
        if reopened is not None:
            dialog.archive = reopened  # a second restore must close this one in turn
            window.statusBar().showMessage(dialog.status.text())

    dialog.restored.connect(restored)
    dialog.exec()
    dialog.deleteLater()
    if window.archive.closed:  # a restore that failed had already let go of it
        window.reopen(location)


def open_check(window: "MainWindow") -> None:
    """File > Check & repair…; after a repair every list and editor is read again."""
    if not window.confirm_all():
        return
    from powmia_desktop.gui.maintenance import CheckDialog

    dialog = CheckDialog(window.archive, window)
    dialog.repaired.connect(lambda: after_repair(window))
    dialog.exec()
    dialog.deleteLater()


def open_conflicts(window: "MainWindow") -> None:
    """File > Review conflicts…; a resolved conflict may change a record shown."""
    if not window.confirm_all():
        return
    from powmia_desktop.gui.maintenance import ConflictsDialog

    dialog = ConflictsDialog(window.archive, window)
    dialog.resolved.connect(lambda _: after_repair(window))
    dialog.exec()
    dialog.deleteLater()


def after_repair(window: "MainWindow") -> None:
    window.ops.undo_stack.clear()  # the repair changed records behind the undo history
    window.reload()
    for editor in window.editors.values():
        if editor.record_id is not None:
            editor.load(editor.record_id)
