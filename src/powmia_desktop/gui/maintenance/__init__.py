"""File > Backups… and Check & repair: the window's side of services/backup.py and
services/check.py.

The main window opens ``BackupsDialog(archive, parent)`` and ``CheckDialog(archive, parent)``
and listens to ``BackupsDialog.restored`` (reopen the archive, reload every view) and
``CheckDialog.repaired`` (reload every view). ``offer_restore`` is for an archive that
does not open (damaged, emptied): it says why and offers the backups.
``ConflictsDialog`` is File > Review conflicts…, after an archive import kept some.
"""

from powmia_desktop.gui.maintenance.backups_dialog import BackupsDialog
from powmia_desktop.gui.maintenance.check_dialog import CheckDialog
from powmia_desktop.gui.maintenance.conflicts_dialog import ConflictsDialog
from powmia_desktop.gui.maintenance.rescue import offer_restore

__all__ = ["BackupsDialog", "CheckDialog", "ConflictsDialog", "offer_restore"]
