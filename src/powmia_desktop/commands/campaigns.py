"""Advocacy campaigns from the terminal: list them, show one, add a dated count."""

import argparse
import datetime as dt
from typing import Any, TextIO

from powmia_desktop.commands.records import _print_json, _print_table
from powmia_desktop.core.errors import ValidationError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.services import campaigns as cs
from powmia_desktop.services.correspondence import list_letters
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
