"""What a backup set holds besides the archive: its attachment files, copied in and put back.

Shared by the backups of an archive file (services/backup.py) and of a server archive
(services/server_backup.py).
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from powmia_desktop.core.progress import Progress
from powmia_desktop.db.backup_file import (
    BackupInfo,
    copy_verified,
    link_or_copy,
    set_folders,
)
from powmia_desktop.services.attachments import file_sha256, stored_path

ATTACHMENTS = "attachments"
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    #: The archive as it was just before the restore; None when there was no archive.
    safety_backup: BackupInfo | None
    attachments_restored: int


def attachment_files(attachments_dir: Path | None) -> list[Path]:
    """The content-addressed files of an attachments folder (no temporary leftovers)."""
    if attachments_dir is None or not attachments_dir.is_dir():
        return []
    return sorted(
        f
        for shard in attachments_dir.iterdir()
        if shard.is_dir() and len(shard.name) == 2
        for f in shard.glob("*.bin")
        if _HEX64.match(f.stem)
    )


def back_up_attachments(
    live: Path | None, target: Path, folder: Path, progress: Progress
) -> dict[str, Any]:
    files = attachment_files(live)
    earlier = [s / ATTACHMENTS for s in set_folders(folder) if s != target]
    copied = damaged = 0
    size = 0
    bad: list[str] = []
    for done, source in enumerate(files, 1):
        progress(done, len(files), "Copying attachments")
        sha = source.stem
        destination = stored_path(target / ATTACHMENTS, sha)
        previous = next((p for p in (stored_path(e, sha) for e in earlier) if p.is_file()), None)
        ok = (
            link_or_copy(previous, destination, sha)
            if previous is not None
            else copy_verified(source, destination, sha)
        )
        if ok:
            copied += 1
            size += destination.stat().st_size
        else:
            damaged += 1
            bad.append(sha)
    return {"attachments": copied, "attachments_size": size, "attachments_damaged": bad}


def restore_attachments(info: BackupInfo, live: Path | None, progress: Progress) -> int:
    """Put back attachment files that are missing or whose bytes no longer match."""
    files = attachment_files(info.path / ATTACHMENTS) if info.path.is_dir() else []
    if live is None:
        return 0
    restored = 0
    for done, source in enumerate(files, 1):
        progress(done, len(files), "Putting back attachments")
        target = stored_path(live, source.stem)
        if target.is_file() and file_sha256(target) == source.stem:
            continue
        if copy_verified(source, target, source.stem):
            restored += 1
    return restored
