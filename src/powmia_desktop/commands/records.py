"""Reading the archive from the terminal: list, show and search.

Each job imports the services it reads through when it runs (``powmia list cases`` has no
use for the meeting or search modules).
"""

import argparse
import json
from collections.abc import Callable
from typing import Any, TextIO

from powmia_desktop.core.vocab import AccountingStatus, CasualtyStatus
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.services.values import date_text, label


def list_records(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    with Archive.open(location) as archive, archive.reader() as session:
        rows = _LISTERS[args.kind](session)
    if args.json:
        _print_json(rows, out)
    else:
        _print_table(rows, out)


def _case_rows(session: Any) -> list[dict[str, Any]]:
    from powmia_desktop.services import cases

    return [
        {
            "id": r.id,
            "name": r.sort_name,
            "rank": r.rank,
            "unit": r.unit,
            "service_number": r.service_number,
            "loss_date": date_text(r.loss_date),
            "accounting_status": label(AccountingStatus(r.accounting_status)),
            "status": label(CasualtyStatus(r.current_status)) if r.current_status else "",
            "last_seen_alive": r.last_seen_alive,
            "tags": r.tags,
        }
        for r in cases.list_cases(session)
    ]


def _contact_rows(session: Any) -> list[dict[str, Any]]:
    from powmia_desktop.services import contacts

    return [
        {
            "id": r.id,
            "name": r.display_name,
            "kind": r.kind,
            "organization": r.organization,
            "title": r.title,
        }
        for r in contacts.list_contacts(session)
    ]


def _meeting_rows(session: Any) -> list[dict[str, Any]]:
    from powmia_desktop.services import meetings

    return [
        {
            "id": r.id,
            "title": r.title,
            "type": r.meeting_type,
            "starts": r.local_start.date().isoformat() if r.local_start else "",
            "place": r.place,
            "status": r.status,
        }
        for r in meetings.list_meetings(session)
    ]


def _event_rows(session: Any) -> list[dict[str, Any]]:
    from powmia_desktop.services import timeline

    return [
        {
            "id": r.id,
            "date": date_text(r.date),
            "title": r.title,
            "category": r.category,
            "place": r.place_text,
        }
        for r in timeline.list_events(session)
    ]


_LISTERS: dict[str, Callable[[Any], list[dict[str, Any]]]] = {
    "cases": _case_rows,
    "contacts": _contact_rows,
    "meetings": _meeting_rows,
    "events": _event_rows,
}


def show(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    from powmia_desktop.services import cases
    from powmia_desktop.services.case_detail import case_detail

    with Archive.open(location) as archive, archive.reader() as session:
        detail = case_detail(cases.get_case(session, args.id))
    if args.json:
        _print_json(detail, out)
        return
    _print_case(detail, out)


def _print_case(d: dict[str, Any], out: TextIO) -> None:
    def line(name: str, value: Any) -> None:
        if value:
            print(f"{name + ':':<20}{value}", file=out)

    print(f"{d['rank']} {d['name']}".strip(), file=out)
    line("Service number", d["service_number"])
    line("Branch", (d["branch"] or {}).get("label"))
    line("Unit", d["unit"])
    home = d["home_of_record"]
    line("Home of record", ", ".join(v for v in (home["city"], home["county"], home["state"]) if v))
    line("Date of loss", (d["loss_date"] or {}).get("display"))
    line("Place of loss", d["loss_place"])
    line("Accounting status", d["accounting_status"]["label"])
    line("Last seen alive", "yes" if d["last_seen_alive"] else "")
    line("Circumstances", d["circumstances"])
    if d["status_history"]:
        print("\nStatus history", file=out)
        for c in d["status_history"]:
            who = (c["authority"] or {}).get("label", "")
            how = (c["method"] or {}).get("label", "")
            date = (c["date"] or {}).get("display", "undated")
            print(f"  {date:<24}{c['status']['label']:<28}{who} {how}".rstrip(), file=out)
    if d["claims"]:
        print("\nClaims", file=out)
        for claim in d["claims"]:
            sources = "; ".join(x["source"] for x in claim["citations"])
            print(f"  {claim['fact']['label']}: {claim['value']}  [{sources}]", file=out)


def search_archive(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    from powmia_desktop.services import search

    query = " ".join(args.text)
    with Archive.open(location) as archive, archive.reader() as session:
        results = search.search(session, query)
    if args.json:
        _print_json(
            {
                "query": query,
                "total": results.total,
                "results": {
                    kind: [
                        {"id": h.record_id, "title": h.title, "snippet": h.snippet} for h in hits
                    ]
                    for kind, hits in results.hits.items()
                },
            },
            out,
        )
        return
    if not results.total:
        print(f"Nothing in the archive matches '{query}'", file=out)
        return
    for kind, hits in results.hits.items():
        print(f"{search.KIND_LABELS[kind]} ({len(hits)})", file=out)
        for h in hits:
            print(f"  {h.record_id:>6}  {h.title}", file=out)
            if h.snippet.strip():
                print(f"          {h.snippet}", file=out)


def _print_json(value: Any, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _print_table(rows: list[dict[str, Any]], out: TextIO, width: int = 40) -> None:
    if not rows:
        print("(none)", file=out)
        return
    columns = list(rows[0])
    cells = [[_cell(row[c], width) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    print(
        "  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(),
        file=out,
    )
    for row_cells in cells:
        print(
            "  ".join(v.ljust(w) for v, w in zip(row_cells, widths, strict=True)).rstrip(), file=out
        )


def _cell(value: Any, width: int) -> str:
    if isinstance(value, bool):
        return "yes" if value else ""
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"
