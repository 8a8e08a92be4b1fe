"""Advocacy campaigns from the terminal: list them, show one, add a dated count."""

import argparse
import datetime as dt
from functools import partial
from pathlib import Path
from typing import Any, TextIO

from powmia_desktop.commands.records import _print_json, _print_table
from powmia_desktop.commands.withheld import print_withheld
from powmia_desktop.core.errors import ValidationError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.services import campaigns as cs
from powmia_desktop.services.correspondence import list_letters
from powmia_desktop.services.exporting.files import write_atomically, write_bytes
from powmia_desktop.services.values import date_text


def campaign_command(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    if args.action == "list":
        with Archive.open(location) as archive, archive.reader() as session:
            rows = [row._asdict() for row in cs.list_campaigns(session)]
        for row in rows:
            row["counted_on"] = row["counted_on"].isoformat() if row["counted_on"] else ""
        (_print_json if args.json else _print_table)(rows, out)
        return
    if not args.campaign:
        raise ValidationError(f"'powmia campaign {args.action}' needs a campaign (number or title)")
    if args.action == "report":
        campaign_report(args, location, out)
        return
    if args.action == "show":
        with Archive.open(location) as archive, archive.reader() as session:
            detail = _detail(session, cs.find_campaign(session, args.campaign))
        if args.json:
            _print_json(detail, out)
        else:
            _print_detail(detail, out)
        return
    count = _count(args.count)
    day = _day(args.date) if args.date else None
    with Archive.open(location) as archive, archive.session() as session:
        campaign = cs.find_campaign(session, args.campaign)
        cs.add_count(session, campaign, count, on=day, source_text=args.source)
        session.refresh(campaign)
        line = f"{campaign.title}: {cs.progress(campaign).text()}"
    print(line, file=out)


def _count(text: str | None) -> int:
    cleaned = (text or "").replace(",", "").strip()
    if not cleaned.lstrip("-").isdigit():
        raise ValidationError(f"'{text or ''}' is not a count; give a whole number, as 1160")
    return int(cleaned)


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"'{text}' is not a date; write it as 2021-06-01") from None


def _detail(session: Any, campaign: Any) -> dict[str, Any]:
    progress = cs.progress(campaign)
    return {
        "id": campaign.id,
        "title": campaign.title,
        "kind": campaign.kind.label,
        "status": campaign.status.label,
        "addressed_to": campaign.addressed_to,
        "started": date_text(campaign.started_on),
        "goal": campaign.goal,
        "unit": campaign.unit,
        "progress": progress.text(),
        "percent": progress.percent,
        "counts": [
            {"date": c.counted_on.isoformat(), "count": c.count, "source": c.source_text}
            for c in sorted(campaign.counts, key=lambda c: (c.counted_on, c.id))
        ],
        "cases": [c.sort_name for c in campaign.cases],
        "officials": [c.display_name for c in campaign.targets],
        "correspondence": [
            {"date": r.date, "official": r.official, "subject": r.subject, "reply": r.reply}
            for r in list_letters(session, campaign_id=campaign.id)
        ],
    }


def _print_detail(d: dict[str, Any], out: TextIO) -> None:
    print(d["title"], file=out)
    for name, key in (
        ("Kind", "kind"),
        ("Status", "status"),
        ("Addressed to", "addressed_to"),
        ("Started", "started"),
        ("Progress", "progress"),
    ):
        if d[key]:
            print(f"{name + ':':<16}{d[key]}", file=out)
    if d["cases"]:
        print(f"{'For:':<16}{'; '.join(d['cases'])}", file=out)
    if d["officials"]:
        print(f"{'Officials:':<16}{'; '.join(d['officials'])}", file=out)
    print("\nCounts:", file=out)
    _print_table(d["counts"], out)
    print("\nCorrespondence:", file=out)
    _print_table(d["correspondence"], out)


def campaign_report(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    """``powmia campaign report CAMPAIGN --audience NAME --out FILE.pdf``."""
    from powmia_desktop.reports.campaign_report import render_campaign_report
    from powmia_desktop.services.audience import RedactionLog
    from powmia_desktop.services.audience.campaigns import campaign_view
    from powmia_desktop.services.packets import find_audience

    if args.out is None:
        raise ValidationError("Give --out FILE.pdf for the campaign report")
    with Archive.open(location) as archive, archive.reader() as session:
        campaign = cs.find_campaign(session, args.campaign)
        audience = find_audience(session, args.audience, include_private=args.include_private)
        log = RedactionLog()
        view = campaign_view(session, campaign.id, audience, log)
        if view is None:
            raise ValidationError(f"'{campaign.title}' is above what {audience.name} may read")
    rendered = render_campaign_report(view, audience)
    write_atomically(args.out, partial(write_bytes, data=rendered.pdf), args.force)
    pages = "1 page" if rendered.pages == 1 else f"{rendered.pages} pages"
    print(f"Wrote {args.out} ({pages}) for {audience.describe()}", file=out)
    print_withheld(out, log, False)


def letters(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    """``powmia letters CAMPAIGN --to representatives --out DIR``: one PDF per official."""
    from powmia_desktop.reports.letters import render_letter
    from powmia_desktop.services import letters as ls
    from powmia_desktop.services.audience import RedactionLog
    from powmia_desktop.services.packets import find_audience

    template = ls.read_template(args.template) if args.template else ls.DEFAULT_TEMPLATE
    folder: Path = args.out
    if folder.exists() and not folder.is_dir():
        raise ValidationError(f"{folder} is a file; --out names a folder for the letters")
    with Archive.open(location) as archive, archive.session() as session:
        campaign = cs.find_campaign(session, args.campaign)
        audience = find_audience(session, args.audience, include_private=args.include_private)
        writer = ls.writer_for(session, campaign, args.sender)
        log = RedactionLog()
        prepared = ls.prepare_letters(
            session, campaign, audience, log, to=args.to, writer=writer, template=template
        )
        folder.mkdir(parents=True, exist_ok=True)
        for number, letter in enumerate(prepared, start=1):
            path = folder / letter.file_name(number)
            pdf = render_letter(letter).pdf
            write_atomically(path, partial(write_bytes, data=pdf), args.force)
            print(f"Wrote {path}: {letter.official} ({letter.title})", file=out)
        if args.log_sent:
            ls.log_as_sent(session, campaign, writer, prepared, reply_days=args.reply_days)
            print(
                f"Logged {len(prepared)} letters as sent; a follow-up task is due in "
                f"{args.reply_days} days for each without a reply",
                file=out,
            )
    print(f"Case summaries for {audience.describe()}", file=out)
    print_withheld(out, log, False)
