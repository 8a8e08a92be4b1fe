"""A backup taken just before a job that writes many records at once (an import).

The window's File > Import… and ``powmia import`` both call ``back_up_before_import`` so
a list imported with the wrong columns can be undone by restoring the backup, whichever
way it came in. Such backups are rotated like the automatic ones (services/backup.py).
"""

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.backup_file import BackupInfo
from powmia_desktop.services.backup import Rotation, backup_now, prune

BEFORE_IMPORT = "before-import"


def back_up_before_import(archive: Archive) -> BackupInfo | None:
    """Back up the archive file before an import; None for a server (backed up there).

    Raises ArchiveError when the backup cannot be written: the import does not start then.
    """
    if archive.location.path is None or archive.location.backups_dir is None:
        return None
    made = backup_now(archive, BEFORE_IMPORT)
    prune(archive.location.backups_dir, Rotation())
    return made
