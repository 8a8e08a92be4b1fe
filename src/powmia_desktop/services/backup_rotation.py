"""Which automatic backups are kept as new ones are made, and removing the rest."""

import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from powmia_desktop.db.backup_file import BackupInfo, read_backup, set_folders

#: Reasons the program backs up by itself; only these are thinned out by rotation. The copy
#: before an import is one of them: on an organizer's archive of 100,000 cases each copy is
#: close to a gigabyte, and a list imported wrongly is noticed within days, while rotation
#: still keeps one a day for a week, one a week for a month, one a month for a year.
AUTOMATIC = frozenset({"on-open", "on-exit", "interval", "before-import"})


@dataclass(frozen=True)
class Rotation:
    """Which automatic backups are kept: the newest few, then one a day, a week, a month.

    Each rule keeps the newest backup of each of its last N periods that have one (local
    time). Backups made by hand or before a restore, repair or upgrade are never removed.
    """

    recent: int = 5
    daily: int = 7
    weekly: int = 4
    monthly: int = 12

    def keep(self, backups: Iterable[BackupInfo]) -> set[Path]:
        """The paths to keep. Weak copies (BackupInfo.weak: an emptied or damaged archive's)
        are counted apart, so they never push out good ones."""
        every = sorted(backups, key=lambda b: b.created_at, reverse=True)
        auto = [b for b in every if b.reason in AUTOMATIC]
        kept = {b.path for b in every if b.reason not in AUTOMATIC}
        kept |= self._keep_automatic([b for b in auto if not b.weak])
        kept |= self._keep_automatic([b for b in auto if b.weak])
        return kept

    def _keep_automatic(self, auto: list[BackupInfo]) -> set[Path]:
        kept = {b.path for b in auto[: self.recent]}
        rules: list[tuple[int, Callable[[datetime], object]]] = [
            (self.daily, lambda t: t.date()),
            (self.weekly, lambda t: t.isocalendar()[:2]),
            (self.monthly, lambda t: (t.year, t.month)),
        ]
        for count, period in rules:
            seen: list[object] = []
            for b in auto:
                key = period(b.created_at.astimezone())
                if key in seen:
                    continue
                if len(seen) == count:
                    break
                seen.append(key)
                kept.add(b.path)
        return kept


def prune(folder: Path, rotation: Rotation) -> list[BackupInfo]:
    """Remove the automatic backups ``rotation`` does not keep; return what was removed."""
    if not folder.is_dir():
        return []
    backups = [read_backup(s) for s in set_folders(folder)]
    keep = rotation.keep(backups)
    removed = [b for b in backups if b.path not in keep]
    for b in removed:
        shutil.rmtree(b.path, ignore_errors=True)
    return removed
