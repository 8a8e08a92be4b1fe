"""Packet history from the terminal: list the runs, show one, verify a PDF handed back
against its hash, and rebuild a run (the same bytes when the archive is unchanged)."""

import argparse
import json
from pathlib import Path
from typing import TextIO

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.services import packets


def runs_command(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    if args.action != "list" and not args.target:
        what = "a PDF file" if args.action == "verify" else "a run's number or id"
        raise ValidationError(f"'runs {args.action}' needs {what}", "target")
    if args.action == "rebuild" and args.out is None:
        raise ValidationError("'runs rebuild' needs --out FILE.pdf", "out")
    {"list": _list, "show": _show, "verify": _verify, "rebuild": _rebuild}[args.action](
        args, location, out
    )


def _list(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    with Archive.open(location) as archive, archive.reader() as session:
        rows = packets.list_runs(session)
    if args.json:
        print(json.dumps([_json(r) for r in rows], indent=2, ensure_ascii=False), file=out)
        return
    if not rows:
        print("No packet or case summary has been printed from this archive yet.", file=out)
        return
    print(f"{'RUN':<4} {'ID':<8}  {'BUILT (UTC)':<16}  {'KIND':<7}  {'FOR':<20}  TITLE", file=out)
    for r in rows:
        built = f"{r.built_at:%Y-%m-%d %H:%M}"
        print(
            f"{r.id:<4} {r.short_id:<8}  {built:<16}  {r.kind:<7}  {r.audience[:20]:<20}  "
            f"{r.title}",
            file=out,
        )


def _json(r: packets.RunRow) -> dict[str, object]:
    return {
        "run": r.id,
        "id": r.short_id,
        "kind": r.kind,
        "built_at": r.built_at.isoformat(),
        "title": r.title,
        "audience": r.audience,
        "preparer": r.preparer,
        "pages": r.pages,
        "sha256": r.sha256,
        "file": r.path,
        "withheld": r.withheld,
    }


def _show(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    with Archive.open(location) as archive, archive.reader() as session:
        run = packets.find_run(session, args.target)
        row = next(r for r in packets.list_runs(session) if r.id == run.id)
        rules = ", ".join(run.audience_rules or ()) or "none"
        cases = ", ".join(str(i) for i in run.case_ids or ()) or "as the template chose"
        withheld = [(e.get("kind", ""), e.get("reason", "")) for e in run.redaction_log or ()]
    if args.json:
        print(json.dumps(_json(row), indent=2, ensure_ascii=False), file=out)
        return
    lines = [
        f"Run {row.id} ({row.short_id}): {row.title}",
        f"Kind: {row.kind}; template: {run.template_name}",
        f"For: {row.audience} (up to {run.ceiling.label}; rules: {rules}"
        + ("; private included)" if run.include_private else ")"),
        f"Cases: {cases}" + (f"; meeting {run.meeting_id}" if run.meeting_id else ""),
        f"Prepared by: {row.preparer or '(not named)'}",
        f"Built: {row.built_at:%Y-%m-%d %H:%M:%S} UTC; {row.pages} pages",
        f"File: {row.path}",
        f"SHA-256: {row.sha256}",
        f"Withheld: {len(withheld)} item{'s' if len(withheld) != 1 else ''}",
    ]
    counts: dict[tuple[str, str], int] = {}
    for key in withheld:
        counts[key] = counts.get(key, 0) + 1
    lines += [f"  {n} × {kind}: {reason}" for (kind, reason), n in counts.items()]
    print("\n".join(lines), file=out)


def _verify(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    with Archive.open(location) as archive, archive.reader() as session:
        verdict = packets.verify_file(session, Path(args.target))
    print(f"{args.target}: {verdict.sentence()}", file=out)
    print(f"SHA-256: {verdict.sha256}", file=out)
    if not verdict.matches:
        raise ValidationError(f"{args.target} does not match the packet history", "file")


def _rebuild(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    from powmia_desktop.reports.packet import render_packet
    from powmia_desktop.reports.summary import render_summary

    if args.out.exists() and not args.force:
        raise ValidationError(f"{args.out} already exists; add --force to replace it", "out")
    with Archive.open(location) as archive, archive.reader() as session:
        run = packets.find_run(session, args.target)
        result = packets.rebuild_run(
            session,
            run,
            args.out,
            render=render_summary if run.kind == "summary" else render_packet,
            save=lambda path, pdf: packets.save_pdf(path, pdf, overwrite=args.force),
            attachments_dir=archive.location.attachments_dir,
        )
        short = packets.short_id(run.uid)
    print(result.sentence(short), file=out)
    print(f"SHA-256: {result.sha256}", file=out)
