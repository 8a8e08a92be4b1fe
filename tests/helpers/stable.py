"""Test inputs with the same bytes on every run.

A demo archive exported to a zip differs from run to run in the moments it holds (rows'
``created_at``, the manifest's ``exported_at``, each member's date in the zip directory)
and in the archive's uid. A test that damages such a zip at a fixed offset would hit a
different structure each run, so a failure could not be repeated; these helpers pin them.
"""

import re
import zipfile
from pathlib import Path

#: The moment every timestamp of a stable export reads (the zip format starts in 1980).
MOMENT = "2026-01-01T00:00:00"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
ARCHIVE_UID = "00000000-0000-4000-8000-000000000000"

_STAMP = re.compile(rb'("[a-z_]*_at"\s*:\s*)"[^"]*"')
_UID = re.compile(rb'("archive_uid"\s*:\s*)"[^"]*"')


def stable_bytes(data: bytes) -> bytes:
    """JSON text with every ``*_at`` value and the archive uid set to fixed ones."""
    data = _STAMP.sub(rb'\1"' + MOMENT.encode() + rb'"', data)
    return _UID.sub(rb'\1"' + ARCHIVE_UID.encode() + rb'"', data)


def stabilize_zip(path: Path) -> Path:
    """Rewrite the export at ``path`` in place, members in the same order, so that two
    exports of the same content are the same bytes; returns ``path``."""
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            fixed = zipfile.ZipInfo(info.filename, ZIP_DATE)
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            if info.filename.endswith(".json"):
                data = stable_bytes(data)
            target.writestr(fixed, data)
    return path
