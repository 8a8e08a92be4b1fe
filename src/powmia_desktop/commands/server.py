"""Moving an archive between a file and a server: ``powmia copy --to``."""

import argparse
import shutil
import time
from typing import TextIO

from powmia_desktop.core.errors import ArchiveError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ArchiveLocation, resolve_location
from powmia_desktop.services.copying import copy_attachment_files, copy_records


def copy_archive(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    """Copy the whole archive (records and attachment files) into a new, empty one."""
    target_location = resolve_location(args.to)
    if target_location.url == location.url:
        raise ArchiveError("The archive cannot be copied into itself")
    path = target_location.path
    if path is not None and path.exists() and path.stat().st_size > 0:
        raise ArchiveError(f"{path} already exists; copy into a new file")
    made = path is not None and not path.exists()
    started = time.perf_counter()
    with Archive.open(location) as source:
        try:
            with Archive.open(target_location, create=True) as target:
                files = copy_attachment_files(source, target)
                report = copy_records(source, target)
        except BaseException:
            if made and path is not None:  # nothing half-made is left behind
                for side in ("", "-wal", "-shm"):
                    path.with_name(path.name + side).unlink(missing_ok=True)
                shutil.rmtree(path.with_name(f"{path.stem}-attachments"), ignore_errors=True)
            raise
    seconds = time.perf_counter() - started
    print(
        f"Copied {report.rows:,} rows in {len(report.tables)} tables and {files:,} attachment "
        f"files to {target_location.display} in {seconds:.1f} s; every table holds the same "
        "records (count and SHA-256 in uid order)",
        file=out,
    )
    for digest in report.tables if args.tables else ():
        print(f"  {digest.table:<28} {digest.rows:>9,}  {digest.sha256[:16]}", file=out)
