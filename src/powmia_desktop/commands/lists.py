"""``powmia crossref LIST [--against LIST | --status S]``: services/lists/crossref.py from the
terminal, printed as lines, as JSON, or written to a CSV, JSON or PDF file; ``powmia review``:
the review queue of services/lists/review.py, listed and decided one row at a time."""

import argparse
import json
from typing import TextIO

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.services.exporting.files import check_target, write_atomically, write_bytes
from powmia_desktop.services.importing.outcome import printable
from powmia_desktop.services.lists import crossref, crossref_files, review
from powmia_desktop.services.lists.packet import read_by
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
    result, withheld = read_by(result, audience)
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


def review_command(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    """``powmia review [LIST]`` lists the held rows; ``--confirm/--new-case/--reject ID``
    decides one (ID: the number the list shows after '#')."""
    decisions = [
        (flag, decide, words)
        for flag, decide, words in (
            (args.confirm, review.confirm_match, "confirmed as"),
            (args.new_case, review.make_new_case, "made a new case instead of"),
            (args.reject, review.reject_row, "rejected; it was held as"),
        )
        if flag is not None
    ]
    if len(decisions) > 1:
        raise ValidationError("Give one of --confirm, --new-case or --reject")
    if args.case is not None and args.confirm is None:
        raise ValidationError("--case goes with --confirm ID")
    if decisions:
        membership_id, decide, words = decisions[0]
        with Archive.open(location) as archive, archive.session() as session:
            item = next(
                (h for h in review.held_rows(session) if h.membership_id == membership_id), None
            )
            if item is None:
                raise ValidationError(
                    f"#{membership_id} is not a row waiting for review; 'powmia review' lists them"
                )
            candidate = _chosen(item, args.case)
            if decide is review.confirm_match:
                review.confirm_match(session, membership_id, candidate.case_id)
            else:
                decide(session, membership_id)
        name = printable(item.name_as_printed or "the row", 120)
        print(f"#{membership_id} {name}: {words} {printable(candidate.name, 120)}", file=out)
        return
    with Archive.open(location) as archive, archive.reader() as session:
        source_id = crossref.find_list(session, args.list).source_id if args.list else None
        items = review.held_rows(session, source_id)
    if args.json:
        print(json.dumps([_held_json(h) for h in items], ensure_ascii=False, indent=2), file=out)
        return
    for h in items:
        row = f"row {h.row_number}" if h.row_number else "a row"
        print(
            f"#{h.membership_id}  {printable(h.list_title, 120)}, {row}: "
            f"{printable(h.name_as_printed or '(no name printed)', 120)} may be "
            + ("one of:" if len(h.candidates) > 1 else _candidate_line(h.best)),
            file=out,
        )
        for c in h.candidates:
            indent = "    "
            if len(h.candidates) > 1:
                print(f"  {_candidate_line(c)}", file=out)
                indent = "      "
            for d in c.differences:
                on_list, on_case = printable(d.on_list, 200), printable(d.on_case, 200)
                print(f"{indent}{d.field}: list {on_list} / case {on_case}", file=out)
    if len(items) > 1 or any(len(h.candidates) > 1 for h in items):
        print("Decide with --confirm ID [--case CASE], --new-case ID or --reject ID", file=out)
    if not items:
        print("No rows are waiting for review", file=out)


def _candidate_line(c: review.Candidate) -> str:
    return f"case {c.case_id}, {printable(c.name, 120)} ({printable(c.reason, 200)})"


def _chosen(item: review.HeldItem, case_id: int | None) -> review.Candidate:
    """The case --case names among those the row may be (default: the first)."""
    if case_id is None:
        return item.best
    found = next((c for c in item.candidates if c.case_id == case_id), None)
    if found is None:
        cases = ", ".join(str(c.case_id) for c in item.candidates)
        raise ValidationError(f"Case {case_id} is not one the row may be (it may be: {cases})")
    return found


def _held_json(h: review.HeldItem) -> dict[str, object]:
    return {
        "id": h.membership_id,
        "list": h.list_title,
        "row": h.row_number,
        "name_as_printed": h.name_as_printed,
        "printed": h.printed,
        "candidate_id": h.candidate_id,
        "candidate_name": h.candidate_name,
        "reason": h.reason,
        "facts": _facts_json(h.facts),
        "candidates": [
            {
                "case_id": c.case_id,
                "name": c.name,
                "reason": c.reason,
                "facts": _facts_json(c.facts),
            }
            for c in h.candidates
        ],
    }


def _facts_json(facts: list[review.Difference]) -> list[dict[str, object]]:
    return [
        {"field": f.field, "on_list": f.on_list, "on_case": f.on_case, "differs": f.differs}
        for f in facts
    ]
