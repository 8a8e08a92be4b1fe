"""An archive that cannot be opened: say why, and offer its backups to restore one."""

from PySide6.QtWidgets import QMessageBox, QWidget

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.gui.maintenance.backups_dialog import BackupsDialog
from powmia_desktop.services.backup import list_backups


def offer_restore(parent: QWidget | None, location: ArchiveLocation, error: PowmiaError) -> bool:
    """Say why the archive did not open; True when the person then restored a backup of it."""
    title = "Cannot open the archive"
    try:
        backups = [b for b in list_backups(location) if not b.raw] if location.path else []
    except PowmiaError:
        backups = []
    if not backups:
        QMessageBox.critical(parent, title, str(error))
        return False
    count = "one backup" if len(backups) == 1 else f"{len(backups)} backups"
    answer = QMessageBox.question(
        parent,
        title,
        f"{error}\n\nThere {'is' if len(backups) == 1 else 'are'} {count} of this archive. "
        "Choose one to restore? The archive as it is now is kept as a backup first.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    restored: list[object] = []
    dialog = BackupsDialog(location, parent)
    dialog.restored.connect(restored.append)
    dialog.exec()
    dialog.deleteLater()
    return bool(restored)
