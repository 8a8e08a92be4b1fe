"""Files kept inside the archive: scans of letters, photos, court papers.

A file is stored once, under its SHA-256, in the archive's ``<name>-attachments/`` folder
(``ab/abcdef….bin``, sharded by the first two hex digits); any number of Attachment records
may point at it. The copy is written to a temporary name and renamed, so a crash never
leaves half a file under a real hash. A file no record uses any more stays until
check-and-repair removes it, so an undone delete can bring its record back.
"""

import hashlib
import mimetypes
import shutil
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ArchiveError, NotFoundError, ValidationError
from powmia_desktop.core.files import write_atomically
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.validation import clean_text
from powmia_desktop.db.models import Attachment

#: Largest file one attachment may hold; larger scans belong in a folder of their own.
MAX_ATTACHMENT_BYTES = 512 * 1024 * 1024
_CHUNK = 1024 * 1024
_TARGETS = (
    "serviceman_id",
    "contact_id",
    "meeting_id",
    "timeline_event_id",
    "source_id",
    "correspondence_id",
)


def stored_path(attachments_dir: Path, sha256: str) -> Path:
    return attachments_dir / sha256[:2] / f"{sha256}.bin"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def store_bytes(attachments_dir: Path, data: bytes) -> str:
    """Keep ``data`` in the folder (once); return its SHA-256."""
    sha = hashlib.sha256(data).hexdigest()
    target = stored_path(attachments_dir, sha)
    if not target.exists():
        write_atomically(target, lambda handle: handle.write(data))
    return sha


def store_file(attachments_dir: Path, source: Path) -> tuple[str, int]:
    """Copy a file into the folder (once); return its SHA-256 and size."""
    try:
        size = source.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise ValidationError(
                f"{source.name} is {size / 2**20:,.0f} MB; attachments can be at most "
                f"{MAX_ATTACHMENT_BYTES / 2**20:,.0f} MB"
            )
        sha = file_sha256(source)
        target = stored_path(attachments_dir, sha)
        if not target.exists():
            with source.open("rb") as reader:
                write_atomically(target, lambda handle: shutil.copyfileobj(reader, handle, _CHUNK))
    except FileNotFoundError:
        raise NotFoundError(f"There is no file {source}") from None
    except IsADirectoryError:
        raise ValidationError(f"{source} is a folder; choose a file") from None
    except PermissionError:
        raise ArchiveError(f"No permission to read {source}") from None
    return sha, size


def attach_file(
    session: Session,
    attachments_dir: Path | None,
    source: Path,
    *,
    caption: str = "",
    role: str = "document",
    sensitivity: Sensitivity | None = None,
    **target: int,
) -> Attachment:
    """Store ``source`` and record it against one record (``serviceman_id=…`` and so on)."""
    if attachments_dir is None:
        raise ArchiveError(
            "This archive has no folder for attached files: a server archive needs a shared "
            "folder every desk can read ('powmia --db URL init --files FOLDER')"
        )
    if len(target) != 1 or next(iter(target)) not in _TARGETS:
        raise ValidationError(f"An attachment belongs to exactly one of: {', '.join(_TARGETS)}")
    sha, size = store_file(attachments_dir, source)
    mime = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    fields: dict[str, Any] = dict(
        sha256=sha,
        original_name=clean_text(source.name, field="file name"),
        mime_type=mime,
        size=size,
        caption=clean_text(caption, field="caption"),
        role=role,
        **target,
    )
    if sensitivity is not None:
        fields["sensitivity"] = sensitivity
    attachment = Attachment(**fields)
    session.add(attachment)
    session.flush()
    return attachment


def open_path(attachments_dir: Path, attachment: Attachment) -> Path:
    """Where the attachment's bytes are, checking that they are still there."""
    path = stored_path(attachments_dir, attachment.sha256)
    if not path.exists():
        raise ArchiveError(
            f"The file of '{attachment.original_name}' is missing from {attachments_dir}; "
            "run Check & repair"
        )
    return path
