"""The sections of the main window and the columns each list shows."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from powmia_desktop.core.vocab import (
    AccountingStatus,
    CasualtyStatus,
    ContactKind,
    EventCategory,
    MeetingStatus,
    MeetingType,
    OrganizationType,
    Vocabulary,
)
from powmia_desktop.gui.cases.editor import CASE_EDITOR
from powmia_desktop.gui.editor import EditorSpec
from powmia_desktop.gui.list_page import ListPage
from powmia_desktop.gui.tables import Column
from powmia_desktop.services.cases import CaseRow, list_cases
from powmia_desktop.services.contacts import ContactRow, list_contacts
from powmia_desktop.services.meetings import MeetingRow, list_meetings
from powmia_desktop.services.timeline import EventRow, list_events
from powmia_desktop.services.values import date_text


def _label(cls: type[Vocabulary], value: str | None) -> str:
    if not value:
        return ""
    try:
        return cls(value).label
    except ValueError:
        return value


def _day(value: datetime | None) -> str:
    return value.strftime("%d %b %Y").lstrip("0") if value else ""


CASE_COLUMNS: list[Column[CaseRow]] = [
    Column("Name", lambda r: r.sort_name, width=190),
    Column("Rank", lambda r: r.rank, width=60),
    Column("Unit", lambda r: r.unit, width=200),
    Column("Loss date", lambda r: date_text(r.loss_date), lambda r: r.loss_date_sort, width=110),
    Column("Status", lambda r: _label(CasualtyStatus, r.current_status), width=120),
    Column("Accounting", lambda r: _label(AccountingStatus, r.accounting_status), width=130),
    Column("Last seen alive", lambda r: "Yes" if r.last_seen_alive else "", width=110),
    Column("Tags", lambda r: r.tags),
]

CONTACT_COLUMNS: list[Column[ContactRow]] = [
    Column("Name", lambda r: r.display_name, lambda r: r.surname or r.display_name, width=240),
    Column("Kind", lambda r: _label(ContactKind, r.kind), width=120),
    Column("Title", lambda r: r.title, width=260),
    Column("Organization", lambda r: r.organization, width=240),
    Column("Type", lambda r: _label(OrganizationType, r.organization_type)),
]

MEETING_COLUMNS: list[Column[MeetingRow]] = [
    Column("Date", lambda r: _day(r.starts_at), lambda r: r.starts_at, width=110),
    Column("Title", lambda r: r.title, width=380),
    Column("Type", lambda r: _label(MeetingType, r.meeting_type), width=220),
    Column("Place", lambda r: r.place, width=200),
    Column("Status", lambda r: _label(MeetingStatus, r.status)),
]

EVENT_COLUMNS: list[Column[EventRow]] = [
    Column("Date", lambda r: date_text(r.date), lambda r: r.date_sort, width=220),
    Column("Title", lambda r: r.title, width=520),
    Column("Category", lambda r: _label(EventCategory, r.category), width=130),
    Column("Place", lambda r: r.place_text),
]


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    page: ListPage[Any]
    #: the editor shown beside the list; None while a section only lists
    editor: EditorSpec | None = None
    #: the table whose records the list shows (what a delete removes)
    table: str = ""


def _case_haystack(r: CaseRow) -> str:
    return " ".join(
        (
            r.surname,
            r.given_names,
            r.rank,
            r.unit,
            r.service_number,
            r.home_state,
            r.tags,
            date_text(r.loss_date),
            _label(CasualtyStatus, r.current_status),
        )
    )


def make_sections() -> list[Section]:
    return [
        Section(
            "cases",
            "Cases",
            ListPage("cases", CASE_COLUMNS, list_cases, _case_haystack, lambda r: r.id),
            CASE_EDITOR,
            "serviceman",
        ),
        Section(
            "contacts",
            "Contacts",
            ListPage(
                "contacts",
                CONTACT_COLUMNS,
                list_contacts,
                lambda r: f"{r.display_name} {r.organization} {r.title}",
                lambda r: r.id,
            ),
            table="contact",
        ),
        Section(
            "meetings",
            "Meetings",
            ListPage(
                "meetings",
                MEETING_COLUMNS,
                list_meetings,
                lambda r: f"{r.title} {r.place} {_day(r.starts_at)}",
                lambda r: r.id,
            ),
            table="meeting",
        ),
        Section(
            "timeline",
            "Timeline",
            ListPage(
                "events",
                EVENT_COLUMNS,
                list_events,
                lambda r: f"{date_text(r.date)} {r.title} {r.place_text}",
                lambda r: r.id,
            ),
            table="timeline_event",
        ),
    ]
