"""CSV of any list as the window shows it: the same columns, the same filter.

Cases take a CaseFilter (what the case list is narrowed to). Each list carries a few more
columns than the window shows where a spreadsheet needs them (a case's service number,
a contact's phones and emails), so that a list exported here imports back unchanged.
A case's other one-line fields follow, as its schema lists them
(services/record_schemas.py), headed by their labels: a field the schema gains is exported
too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import (
    AccountingStatus,
    Branch,
    CasualtyStatus,
    ContactKind,
    EventCategory,
    MeetingStatus,
    MeetingType,
    OrganizationType,
    Vocabulary,
)
from powmia_desktop.db.models import (
    Contact,
    ContactAddress,
    ContactEmail,
    ContactPhone,
    Meeting,
    Serviceman,
    Tag,
    TimelineEvent,
    serviceman_tag,
)
from powmia_desktop.db.tables import table_of
from powmia_desktop.services.audience import RedactionLog
from powmia_desktop.services.cases import CaseFilter, case_list_query
from powmia_desktop.services.exporting.files import ExportResult, write_csv
from powmia_desktop.services.exporting.privacy import DEFAULT_PRIVACY, Privacy, allowed, visible
from powmia_desktop.services.record_schemas import CASE
from powmia_desktop.services.schema import Field
from powmia_desktop.services.values import date_text, day_text, stored_label

CASE_HEADERS = [
    "Name", "Rank", "Unit", "Loss date", "Status", "Accounting", "Last seen alive", "Tags",
    "Service number", "Branch", "Home state",
]  # fmt: skip
CONTACT_HEADERS = ["Name", "Kind", "Title", "Organization", "Type", "Phones", "Emails", "Addresses"]
MEETING_HEADERS = ["Date", "Title", "Type", "Place", "Status"]
EVENT_HEADERS = ["Date", "Title", "Category", "Place"]

#: Case fields the columns above already hold (the name is made of two).
_CASE_SHOWN = frozenset(
    {
        "surname", "given_names", "rank", "unit", "loss_date", "accounting_status",
        "last_seen_alive", "service_number", "branch", "home_state",
    }
)  # fmt: skip
#: Kinds a list leaves out: narratives are too long for a cell, and the export already
#: chose rows by who may see them.
_NOT_LISTED = ("long", "sensitivity")

Rows = tuple[list[str], list[list[str]]]


def case_extra_fields() -> tuple[Field, ...]:
    """The case schema's one-line fields the list columns do not show, in its order."""
    return tuple(f for f in CASE.columns if f.name not in _CASE_SHOWN and f.kind not in _NOT_LISTED)


def case_rows(
    session: Session,
    case_filter: CaseFilter | None = None,
    privacy: Privacy = DEFAULT_PRIVACY,
    log: RedactionLog | None = None,
) -> Rows:
    """The case list; the schema's further one-line fields follow the list's columns (for
    an audience, with the contact details its rules hide taken out of their text)."""
    sm = table_of(Serviceman)
    query = case_list_query(case_filter).where(visible(sm, privacy))
    tags: dict[int, list[str]] = {}
    for case_id, name in session.execute(
        select(serviceman_tag.c.serviceman_id, Tag.name)
        .join(table_of(Tag))
        .where(visible(table_of(Tag), privacy))
    ):
        tags.setdefault(case_id, []).append(name)
    extras = case_extra_fields()
    headers = [*CASE_HEADERS, *(f.label for f in extras)]
    gate = privacy.gate(RedactionLog() if log is None else log)
    more = {
        case_id: (level, [_cell(value) for value in values])
        for case_id, level, *values in session.execute(
            select(sm.c.id, sm.c.sensitivity, *(sm.c[f.name] for f in extras)).where(
                visible(sm, privacy)
            )
        )
    }
    rows = []
    for r in session.execute(query):
        name = f"{r[1]}, {r[2]}" if r[2] else r[1]
        level, extra = more.get(r[0], (Sensitivity.PUBLIC, [""] * len(extras)))
        row = [
            name,
            r[3],
            r[4],
            date_text(r[5]),
            stored_label(CasualtyStatus, r[8]),
            stored_label(AccountingStatus, r[7]),
            "Yes" if r[9] else "",
            ", ".join(sorted(tags.get(r[0], []), key=str.casefold)),
            r[11],
            stored_label(Branch, r[13]),
            r[12],
            *extra,
        ]
        rows.append(gate.cells(f"serviceman:{r[0]}", level, row, headers, r[1]))
    return headers, rows


def _cell(value: object) -> str:
    """A stored value as a spreadsheet cell: a date as written, a choice by its label."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else ""
    if isinstance(value, FuzzyDate):
        return date_text(value)
    if isinstance(value, Vocabulary):
        return value.label
    return str(value)


def _children(session: Session, table: Any, privacy: Privacy) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = {}
    for row in session.execute(
        select(table).where(visible(table, privacy)).order_by(table.c.contact_id, table.c.id)
    ):
        out.setdefault(row.contact_id, []).append(row)
    return out


def _labelled(label: str, value: str) -> str:
    return f"{label}: {value}" if label else value


def _address(r: Any) -> str:
    parts = [r.street, r.city, " ".join(p for p in (r.region, r.postal_code) if p), r.country]
    return _labelled(r.label, ", ".join(p for p in parts if p))


def contact_rows(
    session: Session, privacy: Privacy = DEFAULT_PRIVACY, log: RedactionLog | None = None
) -> Rows:
    """The contact list; an audience's rules empty the phones, emails or addresses."""
    gate = privacy.gate(RedactionLog() if log is None else log)
    c = table_of(Contact)
    details: list[tuple[str, dict[int, list[Any]], Callable[[Any], str]]] = [
        (
            "hide_phones",
            _children(session, table_of(ContactPhone), privacy),
            lambda r: _labelled(r.label, r.number),
        ),
        (
            "hide_emails",
            _children(session, table_of(ContactEmail), privacy),
            lambda r: _labelled(r.label, r.address),
        ),
        ("hide_addresses", _children(session, table_of(ContactAddress), privacy), _address),
    ]
    query = (
        select(
            c.c.id,
            c.c.display_name,
            type_coerce(c.c.kind, String),
            c.c.title,
            c.c.organization,
            type_coerce(c.c.organization_type, String),
            c.c.sensitivity,
        )
        .where(visible(c, privacy))
        .order_by(c.c.surname, c.c.display_name, c.c.id)
    )
    rows = [
        gate.cells(
            f"contact:{cid}",
            level,
            [
                name,
                stored_label(ContactKind, kind),
                title,
                organization,
                stored_label(OrganizationType, org_type),
                *(
                    "; ".join(
                        v for r in allowed(gate, rule, name, found.get(cid, [])) if (v := text(r))
                    )
                    for rule, found, text in details
                ),
            ],
            CONTACT_HEADERS,
            name,
        )
        for cid, name, kind, title, organization, org_type, level in session.execute(query)
    ]
    return CONTACT_HEADERS, rows


def meeting_rows(
    session: Session, privacy: Privacy = DEFAULT_PRIVACY, log: RedactionLog | None = None
) -> Rows:
    """The meeting list; for an audience, what its rules hide taken out of every cell."""
    gate = privacy.gate(RedactionLog() if log is None else log)
    m = table_of(Meeting)
    query = (
        select(
            m.c.id,
            m.c.sensitivity,
            Meeting.starts_at,
            m.c.title,
            type_coerce(m.c.meeting_type, String),
            m.c.place,
            type_coerce(m.c.status, String),
        )
        .where(visible(m, privacy))
        .order_by(Meeting.starts_at.desc().nulls_last(), m.c.id)
    )
    rows = [
        gate.cells(
            f"meeting:{mid}",
            level,
            [
                day_text(starts),
                title,
                stored_label(MeetingType, kind),
                place,
                stored_label(MeetingStatus, status),
            ],
            MEETING_HEADERS,
            title,
        )
        for mid, level, starts, title, kind, place, status in session.execute(query)
    ]
    return MEETING_HEADERS, rows


def event_rows(
    session: Session, privacy: Privacy = DEFAULT_PRIVACY, log: RedactionLog | None = None
) -> Rows:
    """The event list; for an audience, what its rules hide taken out of every cell."""
    gate = privacy.gate(RedactionLog() if log is None else log)
    e = table_of(TimelineEvent)
    query = (
        select(
            e.c.id,
            e.c.sensitivity,
            type_coerce(e.c.date, String),
            e.c.title,
            type_coerce(e.c.category, String),
            e.c.place_text,
        )
        .where(visible(e, privacy))
        .order_by(e.c.date_sort.asc().nulls_last(), e.c.id)
    )
    rows = [
        gate.cells(
            f"timeline_event:{eid}",
            level,
            [date_text(date), title, stored_label(EventCategory, category), place],
            EVENT_HEADERS,
            title,
        )
        for eid, level, date, title, category, place in session.execute(query)
    ]
    return EVENT_HEADERS, rows


def export_list(
    session: Session,
    kind: str,
    path: Path,
    *,
    case_filter: CaseFilter | None = None,
    privacy: Privacy = DEFAULT_PRIVACY,
    overwrite: bool = False,
) -> ExportResult:
    """Write the list of ``kind`` (cases, contacts, meetings, events) as CSV to ``path``."""
    log = RedactionLog()
    if kind == "cases":
        headers, rows = case_rows(session, case_filter, privacy, log)
    elif kind == "contacts":
        headers, rows = contact_rows(session, privacy, log)
    elif kind == "meetings":
        headers, rows = meeting_rows(session, privacy, log)
    elif kind == "events":
        headers, rows = event_rows(session, privacy, log)
    else:
        raise ValueError(f"unknown list {kind!r}")
    write_csv(path, headers, rows, overwrite)
    return ExportResult(kind, path, len(rows), log=log)
