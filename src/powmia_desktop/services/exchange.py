"""What the importers and the exporters agree on, below both so neither imports the other.

The whole-archive zip holds ``manifest.json`` (``{"format": "powmia-archive", "version": 1,
...}``), one ``records/<table>.json`` per table (a list of rows, each a JSON object of column
-> stored value, see db/tables.py) and ``attachments/<ab>/<sha256>.bin`` for every file an
Attachment row names. The timeline CSV names an event's sources in one cell.
"""

from typing import Final

FORMAT: Final = "powmia-archive"
VERSION: Final = 1
MANIFEST: Final = "manifest.json"
#: What the sending archive last agreed with each other archive (services/importing/merging.py).
MERGE_BASES: Final = "merge-bases.json"
RECORDS_DIR: Final = "records/"
ATTACHMENTS_DIR: Final = "attachments/"

#: Between an event's sources in the timeline CSV's Sources cell (written and read back).
SOURCE_SEPARATOR: Final = " | "
