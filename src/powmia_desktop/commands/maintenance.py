"""Keeping the archive safe from the terminal: backup, restore, check and repair."""

import argparse
from pathlib import Path
from typing import TextIO

from powmia_desktop.core.errors import ArchiveError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.backup_file import (
    BackupInfo,
    has_sqlite_header,
    integrity_problems,
)
from powmia_desktop.db.emptied import emptied_reason, refuse_emptied
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.db.migrate import probe_sqlite_file
from powmia_desktop.services.backup import (
    archive_file,
    backup_now,
    list_backups,
    restore,
    size_text,
)
from powmia_desktop.services.check import check_archive, repair_archive
from powmia_desktop.services.server_backup import server_backup_folder


def describe(backup: BackupInfo) -> str:
    """One line about a backup: when (local time), why, how big."""
    when = backup.created_at.astimezone().strftime("%d %b %Y %H:%M")
    files = f", {backup.attachment_count} attachment files" if backup.attachment_count else ""
    return f"{when}  {backup.reason_label} ({size_text(backup.size)}{files})"


def backup(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    if location.is_server:
        with Archive.open(location) as archive:
            _backup(args, archive.location, location.display, out)
        return
    _, path = archive_file(location)
    _backup(args, location, str(path), out)


def _backup(args: argparse.Namespace, location: ArchiveLocation, name: str, out: TextIO) -> None:
    if args.list:
        found = list_backups(location, args.to)
        for b in found:
            print(f"{b.path}\n    {describe(b)}", file=out)
        if not found:
            print(f"There are no backups of {name} yet", file=out)
        return
    path = location.path
    if path is not None and path.exists():
        refuse_emptied(location)  # a copy of nothing is no backup
        probe_sqlite_file(path)  # refuses what is not an archive, before writing anything
    made = backup_now(location, "manual", to=args.to)
    print(f"Backed up {name} to {made.path}: {describe(made)}", file=out)


def restore_backup(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    path = location.display if location.is_server else str(archive_file(location)[1])
    given = Path(args.backup).expanduser()
    if not given.exists():  # a name in the archive's backup folder
        folder: Path | None = location.backups_dir
        if location.is_server:  # (an empty database is not opened: it stays empty)
            with Archive.open(location) as archive:
                folder = server_backup_folder(archive.location)
        if folder is not None and (folder / args.backup).exists():
            given = folder / args.backup
    result = restore(location, given)
    backup = result.restored
    print(f"Restored the backup {backup.path.name} ({describe(backup)}) into {path}", file=out)
    if result.safety_backup is not None:
        print(f"The archive as it was is kept in {result.safety_backup.path}", file=out)
    if result.attachments_restored:
        print(f"Put back {result.attachments_restored} attachment files", file=out)


def check(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    try:
        archive = Archive.open(location)
    except ArchiveError:
        _explain_damage(location, out)
        raise
    with archive:
        if args.repair:
            report = repair_archive(archive)
            if report.backup is not None:
                print(f"Backed up first to {report.backup.path}", file=out)
            for repair in report.repairs:
                print(
                    f"repaired  [{repair.finding.area}] {repair.finding.message}: {repair.done}",
                    file=out,
                )
            remaining = report.remaining
        else:
            remaining = check_archive(archive)
        for finding in remaining:
            hint = f" (repair: {finding.repair})" if finding.repair else ""
            kind = "note    " if finding.note else "problem "
            print(f"{kind}  [{finding.area}] {finding.message}{hint}", file=out)
    problems = [f for f in remaining if not f.note]
    if not problems:
        print(f"No problems found in {location.display}", file=out)
        return
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    if not args.repair and any(f.repairable for f in problems):
        raise ArchiveError(f"{count} found; run 'powmia check --repair' to repair them")
    raise ArchiveError(f"{count} remain that need a restore from a backup ('powmia restore')")


def _explain_damage(location: ArchiveLocation, out: TextIO) -> None:
    """For a file too damaged to open: what SQLite finds, and which backup to restore."""
    path = location.path
    if path is None or not has_sqlite_header(path) or emptied_reason(path):
        return
    problems = integrity_problems(path)
    if not problems:
        return
    for line in problems:
        print(f"problem   [file] The archive file is damaged: {line}", file=out)
    newest = list_backups(location)[:1]
    hint = (
        f"restore the newest backup with 'powmia restore {newest[0].name}'"
        if newest
        else "there is no backup of it in its backups folder"
    )
    raise ArchiveError(f"{path} is damaged; {hint}")
