"""Writing a file whole or not at all: a crash, a full disk or a kill never leaves half.

The bytes go to a temporary file beside the target, are flushed to the disk, and the
temporary file is renamed over the target in one step; on any failure it is removed.
"""

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from powmia_desktop.core.errors import ArchiveError


def write_atomically(target: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Call ``write`` with a file to fill, then put it in place as ``target``.

    Raises ArchiveError naming the file and the reason (no space left, no permission…).
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as error:
        raise ArchiveError(f"Cannot write in {target.parent}: {error.strerror or error}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except OSError as error:
        raise ArchiveError(f"Cannot write {target}: {error.strerror or error}") from None
    finally:
        Path(temp).unlink(missing_ok=True)
