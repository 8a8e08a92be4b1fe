"""DNA and disputed facts from the terminal: ``powmia donors CASE_ID`` (the donor helper)
and ``powmia disputed [--case CASE_ID]`` (every fact the sources disagree on)."""

import argparse
import json
from typing import Any, TextIO

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ArchiveLocation


def donors(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    from powmia_desktop.services.cases import get_case
    from powmia_desktop.services.dna import LINE_SHORT, donor_advice, relative_rows, summary_lines

    with Archive.open(location) as archive, archive.reader() as session:
        name = get_case(session, args.case_id).full_name
        advice = donor_advice(session, args.case_id)
    rows = relative_rows(advice)
    if args.json:
        shorts = list(LINE_SHORT.values())
        _dump(
            {
                "case": name,
                "usable_reference_on_file": advice.usable_on_file,
                "relatives": [
                    {
                        "contact_id": r.contact_id,
                        "name": r.name,
                        "relation": r.relation,
                        "living": r.living,
                        **dict(zip(shorts, r.cells, strict=True)),
                        "cannot_tell_because": list(r.reasons),
                    }
                    for r in rows
                ],
            },
            out,
        )
        return
    print(f"DNA family reference samples for {name}", file=out)
    for line in summary_lines(advice):
        print(f"  {line}", file=out)
    for reason in dict.fromkeys(reason for r in rows for reason in r.reasons):
        print(f"  To tell: {reason}.", file=out)


def disputed(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    from powmia_desktop.services.disputed import list_disputed

    with Archive.open(location) as archive, archive.reader() as session:
        facts = list_disputed(session, args.case)
    if args.json:
        _dump(
            [
                {
                    "case_id": d.id,
                    "case": d.case,
                    "fact": d.fact,
                    "versions": list(d.versions),
                    "standing": d.standing,
                }
                for d in facts
            ],
            out,
        )
        return
    if not facts:
        print("No disputed facts.", file=out)
    for d in facts:
        print(f"{d.case} (case {d.id}) — {d.fact} ({d.standing}):", file=out)
        for version in d.versions:
            print(f"  - {' '.join(version.split())}", file=out)


def _dump(value: Any, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")
