"""A backup taken just before a job that writes many records at once (an import).

The window's File > Import… and ``powmia import`` both run inside ``backed_up_for_import``
so a list imported with the wrong columns can be undone by restoring the backup, whichever
way it came in. Such backups are rotated like the automatic ones (services/backup.py).
An import that fails or is cancelled wrote nothing (it is one transaction), so its backup
holds nothing the archive lacks and is removed again.
"""

import shutil
from collections.abc import Iterator
from contextlib import contextmanager

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.backup_file import BackupInfo
from powmia_desktop.services.backup import backup_now
from powmia_desktop.services.backup_rotation import Rotation, prune

BEFORE_IMPORT = "before-import"


@contextmanager
def backed_up_for_import(archive: Archive, *, dry_run: bool = False) -> Iterator[BackupInfo | None]:
    """Around an import: a backup first, removed again if the import fails.

    None for a dry run or an archive in memory. Raises ArchiveError when the backup cannot
    be written: the import does not start then.
    """
    location = archive.location
    made = None
    if not dry_run and (location.is_server or location.backups_dir is not None):
        made = backup_now(archive, BEFORE_IMPORT)
        prune(made.path.parent, Rotation())
    try:
        yield made
    except BaseException:
        if made is not None:
            shutil.rmtree(made.path, ignore_errors=True)
        raise
