"""Tampering with backups on purpose: bit rot, swapped files, records rewritten to match."""

import hashlib
import json
from pathlib import Path

from powmia_desktop.db.backup_file import MANIFEST, BackupInfo


def manifest(backup: BackupInfo) -> dict[str, object]:
    data: dict[str, object] = json.loads((backup.path / MANIFEST).read_text("utf-8"))
    return data


def rewrite_manifest(backup: BackupInfo, **changes: object) -> None:
    data = manifest(backup)
    data.update(changes)
    for key in [k for k, v in changes.items() if v is None]:
        del data[key]
    (backup.path / MANIFEST).write_text(json.dumps(data), "utf-8")


def reseal(backup: BackupInfo) -> None:
    """Make ``backup.json`` describe whatever the archive file now holds (size and hash)."""
    data = backup.database.read_bytes()
    rewrite_manifest(
        backup, database_size=len(data), database_sha256=hashlib.sha256(data).hexdigest()
    )


def flip_byte_in_text(path: Path, marker: str) -> None:
    """Change one letter of ``marker`` where it is stored: SQLite's structure stays sound."""
    data = bytearray(path.read_bytes())
    at = data.find(marker.encode())
    assert at >= 0, f"{marker} is not in {path}"
    data[at] ^= 0x01
    path.write_bytes(bytes(data))
