"""``powmia conflicts list|show|resolve``: the review list of services/conflicts.py."""

import argparse
from typing import TextIO

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.services.conflicts import (
    ConflictView,
    get_conflict,
    list_conflicts,
    resolve_conflict,
)
from powmia_desktop.services.importing.outcome import printable

_STATUS = {"open": "to review", "kept-local": "kept ours", "took-incoming": "took theirs"}


def conflicts_command(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    if args.action == "list":
        with Archive.open(location) as archive, archive.reader() as session:
            found = list_conflicts(session, include_resolved=args.all)
        for view in found:
            print(_line(view), file=out)
        if not found:
            print("No conflicts to review", file=out)
        return
    if args.conflict is None:
        raise ValidationError(f"Name the conflict: 'powmia conflicts {args.action} NUMBER'")
    if args.action == "show":
        with Archive.open(location) as archive, archive.reader() as session:
            view = get_conflict(session, args.conflict)
        print(_line(view), file=out)
        print(f"  from {printable(view.source_file, 200)}", file=out)
        if not view.local_exists:
            print("  this archive's record was deleted since", file=out)
        for difference in view.differences:
            print(f"  {difference.column}:", file=out)
            print(f"    ours:   {printable(str(difference.local))}", file=out)
            print(f"    theirs: {printable(str(difference.incoming))}", file=out)
        return
    if args.keep is None:
        raise ValidationError("Say which version to keep: --keep local or --keep incoming")
    with Archive.open(location) as archive, archive.session() as session:
        view = resolve_conflict(session, args.conflict, args.keep)
    which = "this archive's version" if args.keep == "local" else "the incoming version"
    print(f"Conflict {view.id} resolved: kept {which} of {printable(view.label, 120)}", file=out)


def _line(view: ConflictView) -> str:
    fields = ", ".join(d.column for d in view.differences) or "-"
    status = _STATUS.get(view.status, view.status)
    return f"{view.id}  {view.kind} {printable(view.label, 80)}  [{status}]  differs in: {fields}"
