"""Printing from the terminal: a case summary and a briefing packet, each for an audience."""

import argparse
from pathlib import Path
from typing import TextIO

from sqlalchemy.orm import Session

from powmia_desktop.commands.withheld import print_withheld
from powmia_desktop.core.errors import ValidationError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.reports.summary import render_summary
from powmia_desktop.services import packets
from powmia_desktop.services.audience import Audience, RedactionLog


def summary(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    _refuse_existing(args.out, args.force)
    with Archive.open(location) as archive, archive.session() as session:
        audience = packets.find_audience(
            session, args.audience, include_private=args.include_private
        )
        result = packets.build_summary(
            session,
            args.case_id,
            audience,
            args.out,
            render=render_summary,
            prepared_by=args.prepared_by,
            attachments_dir=archive.location.attachments_dir,
            overwrite=args.force,
        )
    name = result.data.cases[0].name if result.data and result.data.cases else args.case_id
    print(
        f"Wrote {args.out} ({_pages(result.pages)}): summary of {name}; "
        f"logged as packet run {result.run_id} ({result.short_id})",
        file=out,
    )
    _report(out, audience, result.log, result.sha256, args.list_withheld)


def packet(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    # here, not above: a summary needs neither pypdf nor the packet's sections
    from powmia_desktop.reports.packet import render_packet

    if args.dry_run:
        _review(args, location, out)
        return
    if args.out is None:
        raise ValidationError("Give --out FILE.pdf (or --dry-run to see what it would hold)")
    _refuse_existing(args.out, args.force)
    with Archive.open(location) as archive, archive.session() as session:
        request = _request(args, session)
        result = packets.build_packet(
            session,
            request,
            args.out,
            render=render_packet,
            attachments_dir=archive.location.attachments_dir,
            overwrite=args.force,
        )
    print(
        f"Wrote {args.out} ({_pages(result.pages)}) with the template "
        f"'{request.template.name}'; logged as packet run {result.run_id} ({result.short_id})",
        file=out,
    )
    _report(out, request.audience, result.log, result.sha256, args.list_withheld)


def _request(args: argparse.Namespace, session: Session) -> packets.PacketRequest:
    return packets.PacketRequest(
        template=packets.find_template(session, args.template),
        audience=packets.find_audience(
            session, args.audience, include_private=args.include_private
        ),
        case_ids=tuple(args.cases),
        meeting_id=args.meeting,
        title=args.title,
        prepared_by=args.prepared_by,
    )


def _review(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    """The review step: what each section would hold and what would be left out; nothing
    is written and no run is logged."""
    with Archive.open(location) as archive, archive.reader() as session:
        request = _request(args, session)
        data = packets.gather_packet(
            session, request, attachments_dir=archive.location.attachments_dir
        )
    print(f"Would write a packet with the template '{request.template.name}':", file=out)
    for section in packets.section_contents(data):
        print(f"  {section.line()}", file=out)
    print(f"For: {request.audience.describe()}", file=out)
    print_withheld(out, data.log, args.list_withheld)
    print("Nothing was written (--dry-run).", file=out)


def _refuse_existing(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise ValidationError(f"{path} already exists; add --force to replace it", "out")


def _pages(count: int) -> str:
    return "1 page" if count == 1 else f"{count} pages"


def _report(
    out: TextIO, audience: Audience, log: RedactionLog, sha256: str, list_all: bool
) -> None:
    """The redaction log in a few lines: for whom, how much was left out and why."""
    print(f"For: {audience.describe()}", file=out)
    print(f"SHA-256: {sha256}", file=out)
    print_withheld(out, log, list_all)
