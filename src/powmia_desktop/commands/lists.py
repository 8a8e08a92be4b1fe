"""``powmia crossref LIST [--against LIST | --status S]``: services/lists/crossref.py from the
terminal, printed as lines, as JSON, or written to a CSV, JSON or PDF file."""

import argparse
import json
from typing import TextIO

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.services.exporting.files import check_target, write_atomically, write_bytes
from powmia_desktop.services.lists import crossref, crossref_files
from powmia_desktop.services.packets import find_audience

_FORMATS = (".csv", ".json", ".pdf")


def crossref_command(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    if args.against and args.status:
        raise ValidationError("Give --against LIST or --status STATUS, not both")
    if args.out is not None:
        if args.out.suffix.lower() not in _FORMATS:
            raise ValidationError(f"{args.out.name}: write a .csv, .json or .pdf file")
        check_target(args.out, args.force)
    with Archive.open(location) as archive, archive.reader() as session:
        audience = find_audience(session, args.audience, include_private=args.include_private)
        first = crossref.find_list(session, args.list)
        if args.against:
            result = crossref.against(session, first, crossref.find_list(session, args.against))
        elif args.status:
            result = crossref.with_status(session, first, args.status)
        else:
            result = crossref.between_editions(session, first)
    withheld = crossref.restrict(result, audience.allows)
    if args.out is None:
        if args.json:
            print(
                json.dumps(crossref_files.as_json(result), ensure_ascii=False, indent=2), file=out
            )
        else:
            print("\n".join(crossref_files.text_lines(result)), file=out)
    else:
        suffix = args.out.suffix.lower()
        if suffix == ".csv":
            crossref_files.write_csv_file(args.out, result, overwrite=args.force)
        elif suffix == ".json":
            crossref_files.write_json_file(args.out, result, overwrite=args.force)
        else:
            from powmia_desktop.reports.crossref import render_crossref

            pdf = render_crossref(result, audience_name=audience.name, withheld=withheld).pdf
            write_atomically(args.out, lambda handle: write_bytes(handle, pdf), args.force)
        count = sum(len(g.rows) for g in result.groups)
        print(f"Wrote {count:,} row{'s' if count != 1 else ''} to {args.out}", file=out)
    if withheld:
        print(f"{withheld:,} left out: marked beyond {audience.describe()}", file=out)
