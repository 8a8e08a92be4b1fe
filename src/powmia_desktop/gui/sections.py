"""The sections of the main window and the columns each list shows.

Each list reads its first screen through an index and every row on a thread of its own
(gui/list_page.py); the cell texts and filter texts below run once per row there, so the
words a date or a status is shown as are looked up once per distinct stored value.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from powmia_desktop.core.vocab import (
    AccountingStatus,
    CasualtyStatus,
    ContactKind,
    EventCategory,
    MeetingStatus,
    MeetingType,
    OrganizationType,
    QuestionStatus,
    SourceType,
)
from powmia_desktop.gui.campaigns.editor import CAMPAIGN_EDITOR, LETTER_EDITOR
from powmia_desktop.gui.campaigns.lists import campaigns_page, letters_page
from powmia_desktop.gui.cases.disputed import DisputedDetail, disputed_page
from powmia_desktop.gui.cases.editor import CASE_EDITOR
from powmia_desktop.gui.cases.followup import FollowUpDetail, followup_page
from powmia_desktop.gui.contacts.editor import CONTACT_EDITOR
from powmia_desktop.gui.editor import EditorSpec
from powmia_desktop.gui.list_page import ListPage
from powmia_desktop.gui.lists.section import ListDetail, lists_page
from powmia_desktop.gui.meetings.editor import MEETING_EDITOR
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.gui.panels import SectionDetail
from powmia_desktop.gui.sources.editor import SOURCE_EDITOR
from powmia_desktop.gui.tables import Column
from powmia_desktop.gui.timeline.editor import EVENT_EDITOR
from powmia_desktop.gui.work.editor import QUESTION_EDITOR, TASK_EDITOR
from powmia_desktop.services.cases import CaseRow, count_cases, list_cases, tag_names
from powmia_desktop.services.contacts import ContactRow, count_contacts, list_contacts
from powmia_desktop.services.meetings import MeetingRow, list_meetings
from powmia_desktop.services.sources import SourceRow, count_sources, list_sources
from powmia_desktop.services.timeline import EventRow, count_events, list_events
from powmia_desktop.services.values import date_text as _date_text
from powmia_desktop.services.values import day_text
from powmia_desktop.services.values import stored_label as _stored_label
from powmia_desktop.services.work import (
    QUESTION_ORDER,
    QuestionRow,
    TaskRow,
    list_questions,
    list_tasks,
)

#: A date's words from its stored JSON: 500,000 events have some 26,000 distinct dates.
date_text = lru_cache(maxsize=65_536)(_date_text)
stored_label = lru_cache(maxsize=4_096)(_stored_label)

CASE_COLUMNS: list[Column[CaseRow]] = [
    Column("Name", lambda r: r.sort_name, width=190, main=True),
    Column("Status", lambda r: stored_label(CasualtyStatus, r.current_status), width=120),
    Column("Date of loss", lambda r: date_text(r.loss_date), lambda r: r.loss_date_sort, width=110),
    Column("Unit", lambda r: r.unit, width=200),
    Column("Rank", lambda r: r.rank, width=60, hidden=True),
    Column(
        "Accounting",
        lambda r: stored_label(AccountingStatus, r.accounting_status),
        width=130,
        hidden=True,
    ),
    Column("Last seen alive", lambda r: "Yes" if r.last_seen_alive else "", hidden=True),
    Column("Tags", lambda r: r.tags, hidden=True),
]

CONTACT_COLUMNS: list[Column[ContactRow]] = [
    Column(
        "Name",
        lambda r: r.display_name,
        lambda r: r.surname or r.display_name,
        width=240,
        main=True,
    ),
    Column("Kind", lambda r: stored_label(ContactKind, r.kind), width=120),
    Column("Title", lambda r: r.title, width=260),
    Column("Organization", lambda r: r.organization, width=240),
    Column("Type", lambda r: stored_label(OrganizationType, r.organization_type)),
]

MEETING_COLUMNS: list[Column[MeetingRow]] = [
    Column("When", lambda r: r.when_text, lambda r: r.starts_at, width=150),
    Column("Title", lambda r: r.title, width=380, main=True),
    Column("Type", lambda r: stored_label(MeetingType, r.meeting_type), width=220),
    Column("Place", lambda r: r.place, width=200),
    Column("Status", lambda r: stored_label(MeetingStatus, r.status)),
]

EVENT_COLUMNS: list[Column[EventRow]] = [
    Column("Date", lambda r: date_text(r.date), lambda r: r.date_sort, width=180),
    Column("Title", lambda r: r.title, width=520, main=True),
    Column("Category", lambda r: stored_label(EventCategory, r.category), width=130),
    Column("Place", lambda r: r.place_text),
]


SOURCE_COLUMNS: list[Column[SourceRow]] = [
    Column("Title", lambda r: r.title, width=300, main=True),
    Column("Author", lambda r: r.author, width=200),
    Column("Date", lambda r: date_text(r.date), lambda r: r.date_sort, width=110),
    Column("Kind", lambda r: stored_label(SourceType, r.source_type), width=170),
    Column("Cited", lambda r: str(r.citations or ""), lambda r: r.citations, align_right=True),
]


def _task_state(r: TaskRow) -> str:
    if r.done:
        return "Done"
    if r.due_on is not None and r.due_on < date.today():
        return "Overdue"
    return "To do"


TASK_COLUMNS: list[Column[TaskRow]] = [
    # Sorting by due date puts what is still to do first, soonest due at the top.
    Column(
        "Due", lambda r: day_text(r.due_on), lambda r: (r.done, r.due_on or date.max), width=100
    ),
    Column("State", _task_state, lambda r: (r.done, _task_state(r)), width=80),
    Column("Task", lambda r: r.title, width=380, main=True),
    Column("Who", lambda r: r.assignee, width=160),
    Column("Case", lambda r: r.case, width=150),
    Column("Meeting", lambda r: r.meeting),
]

#: Questions still waiting for an answer first.
_QUESTION_ORDER = {s.value: i for i, s in enumerate(QUESTION_ORDER)}

QUESTION_COLUMNS: list[Column[QuestionRow]] = [
    Column(
        "Status",
        lambda r: stored_label(QuestionStatus, r.status),
        lambda r: (_QUESTION_ORDER.get(r.status, 9), r.id),
        width=130,
    ),
    Column("Question", lambda r: " ".join(r.text.split()), width=420, main=True),
    Column("Case", lambda r: r.case, width=150),
    Column("Asked of", lambda r: r.addressed_to, width=180),
    Column("Latest meeting", lambda r: r.meeting),
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
    #: what shows the chosen record when the section has no editor (Lists)
    detail: Callable[[ArchiveOps, QWidget], SectionDetail] | None = None
    #: the kind of record a double-click on a row opens, by the row's id ("case")
    opens: str = ""


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
            stored_label(CasualtyStatus, r.current_status),
        )
    )


def _status_choices(session: Session) -> list[tuple[str, tuple[str, str]]]:
    """Accounting statuses first (what DPAA reports), then the casualty status words."""
    return [(s.label, ("accounting", s.value)) for s in AccountingStatus] + [
        (f"Status: {s.label}", ("status", s.value)) for s in CasualtyStatus
    ]


def _has_status(row: CaseRow, chosen: tuple[str, str]) -> bool:
    kind, value = chosen
    return (row.accounting_status if kind == "accounting" else row.current_status) == value


def _tag_choices(session: Session) -> list[tuple[str, str]]:
    return [(name, name) for name in tag_names(session)]


def _has_tag(row: CaseRow, tag: str) -> bool:
    return tag in row.tags.split(", ")


def _cases_page() -> ListPage[CaseRow]:
    page = ListPage(
        "cases",
        CASE_COLUMNS,
        lambda session: list_cases(session, ordered=False),
        _case_haystack,
        lambda r: r.id,
        first=lambda session, n: list_cases(session, limit=n),
        count=count_cases,
    )
    page.add_choice_filter("All statuses", _status_choices, _has_status)
    page.add_choice_filter("All tags", _tag_choices, _has_tag)
    return page


def make_sections() -> list[Section]:
    """The sidebar's sections in order, each a list with its record editor beside it."""
    return [
        Section(
            "cases",
            "Cases",
            _cases_page(),
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
                first=lambda session, n: list_contacts(session, limit=n),
                count=count_contacts,
            ),
            CONTACT_EDITOR,
            "contact",
        ),
        Section(
            "meetings",
            "Meetings",
            ListPage(
                "meetings",
                MEETING_COLUMNS,
                list_meetings,
                lambda r: f"{r.title} {r.place} {day_text(r.starts_at)}",
                lambda r: r.id,
                first=lambda session, n: list_meetings(session, limit=n),
            ),
            MEETING_EDITOR,
            "meeting",
        ),
        Section(
            "timeline",
            "Timeline",
            ListPage(
                "events",
                EVENT_COLUMNS,
                lambda session: list_events(session, ordered=False),
                lambda r: f"{date_text(r.date)} {r.title} {r.place_text}",
                lambda r: r.id,
                first=lambda session, n: list_events(session, limit=n),
                count=count_events,
            ),
            EVENT_EDITOR,
            "timeline_event",
        ),
        Section(
            "sources",
            "Sources",
            ListPage(
                "sources",
                SOURCE_COLUMNS,
                list_sources,
                lambda r: f"{r.title} {r.author} {r.repository} {date_text(r.date)}",
                lambda r: r.id,
                first=lambda session, n: list_sources(session, limit=n),
                count=count_sources,
            ),
            SOURCE_EDITOR,
            "source",
        ),
        Section(
            "lists",
            "Lists",
            lists_page(),
            detail=ListDetail,
        ),
        Section("dna", "DNA follow-up", followup_page(), detail=FollowUpDetail, opens="case"),
        Section("disputed", "Disputed facts", disputed_page(), detail=DisputedDetail, opens="case"),
        Section(
            "tasks",
            "Tasks",
            ListPage(
                "tasks",
                TASK_COLUMNS,
                list_tasks,
                lambda r: f"{r.title} {r.assignee} {r.case} {r.meeting} {_task_state(r)}",
                lambda r: r.id,
                first=lambda session, n: list_tasks(session, limit=n),
            ),
            TASK_EDITOR,
            "task",
        ),
        Section(
            "questions",
            "Questions",
            ListPage(
                "questions",
                QUESTION_COLUMNS,
                list_questions,
                lambda r: (
                    f"{r.text} {r.case} {r.addressed_to} {r.meeting} "
                    f"{stored_label(QuestionStatus, r.status)}"
                ),
                lambda r: r.id,
                first=lambda session, n: list_questions(session, limit=n),
            ),
            QUESTION_EDITOR,
            "question",
        ),
        Section("campaigns", "Campaigns", campaigns_page(), CAMPAIGN_EDITOR, "campaign"),
        Section(
            "correspondence", "Correspondence", letters_page(), LETTER_EDITOR, "correspondence"
        ),
    ]
