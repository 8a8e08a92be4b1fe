"""Damaging an archive file on purpose, as a failing disk would."""

from pathlib import Path


def wreck_first_page(path: Path) -> None:
    """Zero the first 4 KiB (SQLite's header and schema page): the file no longer opens."""
    path.write_bytes(b"\0" * 4096 + path.read_bytes()[4096:])
