"""Changing the main window's archive: opening another, or the same again after a restore."""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ArchiveLocation, location_for_path
from powmia_desktop.gui.window import menus

if TYPE_CHECKING:
    from powmia_desktop.gui.main_window import MainWindow


def switch_archive(window: "MainWindow", archive: Archive) -> None:
    """Leave the open archive (edits confirmed, backed up on leaving) for ``archive``."""
    if not window.confirm_all():
        archive.close()
        return
    auto_backup = window.auto_backup
    failed = auto_backup.on_leaving() if auto_backup is not None else None
    window.ops.archive.close()
    use_archive(window, archive)
    if failed:
        window.statusBar().showMessage(failed)


def use_archive(window: "MainWindow", archive: Archive) -> None:
    """Show ``archive`` from scratch: nothing of the previous one (edits, undo) remains."""
    window.ops.archive = archive
    window.ops.undo_stack.clear()
    for editor in window.editors.values():
        editor.clear()
    window.reload()
    if window.timeline_window is not None:
        window.timeline_window.refresh()
    menus.remember_recent(window, archive)
    if window.auto_backup is not None:
        window.auto_backup.restart()
        window.auto_backup.after_opening()


def reopen(window: "MainWindow", location: ArchiveLocation) -> Archive | None:
    """Open the archive again after a restore replaced its file (upgrading an older one)."""
    try:
        archive = Archive.open(location)
    except PowmiaError as error:
        QMessageBox.warning(window, "Cannot open the archive again", str(error))
        return None
    use_archive(window, archive)
    return archive


def open_path(window: "MainWindow", path: Path, *, create: bool = False) -> None:
    """Open (or create) the archive at ``path``; one that does not open is offered its
    backups (a damaged or emptied file), and opened again after a restore."""
    from powmia_desktop.gui.maintenance import offer_restore

    location = location_for_path(path)
    while True:
        try:
            archive = Archive.open(location, create=create)
        except PowmiaError as error:
            if create:
                QMessageBox.warning(window, "Cannot open the archive", str(error))
                return
            if not offer_restore(window, location, error):
                return
            continue
        switch_archive(window, archive)
        return
