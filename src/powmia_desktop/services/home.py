"""What the home page shows: the next meeting and what is ready for it, overdue tasks, the
latest changes, and how big the archive is and when it was last backed up.

Every query reads a few columns through an index and stops after a few rows, so the page
costs the same on an archive of 100,000 cases as on the demo.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, func, select, text
from sqlalchemy.orm import Session

from powmia_desktop.core.vocab import QuestionStatus
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.backup_file import BackupInfo
from powmia_desktop.db.models import (
    ChangeLogEntry,
    Contact,
    Meeting,
    Question,
    Serviceman,
    Source,
    Task,
    TimelineEvent,
    meeting_case,
    question_meeting,
)
from powmia_desktop.services.meetings import (
    MeetingRow,
    meeting_row_columns,
    next_planned_meeting,
)
from powmia_desktop.services.pickers import case_name

#: How many rows each list of the page shows at most (the full lists are a click away).
SHOWN = 8
#: Questions for officials that still wait for an answer.
WAITING = (QuestionStatus.OPEN, QuestionStatus.FOLLOW_UP_NEEDED, QuestionStatus.ASKED)


@dataclass(frozen=True)
class HomeItem:
    """One line of the page: what it says and the record it opens (kind as in search)."""

    kind: str
    record_id: int
    text: str
    #: a second, quieter part: a due date, when it changed, who is asked
    detail: str = ""
    #: the detail said whole, when the line shows it short ("added today 14:02" beside
    #: "today 14:02"); for its tooltip and screen readers
    detail_whole: str = ""

    @property
    def described(self) -> str:
        """The detail as a screen reader or a tooltip says it."""
        return self.detail_whole or self.detail


@dataclass(frozen=True)
class NextMeeting:
    meeting: MeetingRow
    uid: str
    questions: list[HomeItem]
    tasks: list[HomeItem]
    cases: list[HomeItem]


@dataclass(frozen=True)
class RecordCounts:
    cases: int = 0
    contacts: int = 0
    meetings: int = 0
    events: int = 0
    sources: int = 0
    tasks: int = 0

    @property
    def empty(self) -> bool:
        """Nothing a person entered yet: the page shows how to start."""
        return not (self.cases or self.contacts or self.meetings or self.events or self.sources)

    def text(self) -> str:
        """ "3 cases · 12 contacts · 2 meetings · 19 events · 8 sources" """
        parts = (
            (self.cases, "case"),
            (self.contacts, "contact"),
            (self.meetings, "meeting"),
            (self.events, "event"),
            (self.sources, "source"),
        )
        return " · ".join(f"{n:,} {noun}{'' if n == 1 else 's'}" for n, noun in parts)


@dataclass(frozen=True)
class HomeSummary:
    counts: RecordCounts
    next_meeting: NextMeeting | None
    overdue: list[HomeItem]
    #: how many open tasks are overdue in all (``overdue`` shows the first few)
    overdue_count: int
    recent: list[HomeItem] = field(default_factory=list)


def home_summary(session: Session, *, today: dt.date | None = None) -> HomeSummary:
    """Everything the home page lists, read in one short session."""
    today = today or dt.date.today()
    overdue, overdue_count = overdue_tasks(session, today)
    return HomeSummary(
        counts=record_counts(session),
        next_meeting=next_meeting(session, now=dt.datetime.now(dt.UTC)),
        overdue=overdue,
        overdue_count=overdue_count,
        recent=recent_changes(session),
    )


def record_counts(session: Session) -> RecordCounts:
    def count(table: Any) -> int:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)

    return RecordCounts(
        cases=count(Serviceman.__table__),
        contacts=count(Contact.__table__),
        meetings=count(Meeting.__table__),
        events=count(TimelineEvent.__table__),
        sources=count(Source.__table__),
        tasks=count(Task.__table__),
    )


def next_meeting(session: Session, *, now: dt.datetime) -> NextMeeting | None:
    """The earliest planned meeting that has not started yet (today's included), with its
    open questions, its tasks not done and its cases."""
    meeting_id = next_planned_meeting(session, now)
    if meeting_id is None:
        return None
    m = Meeting.__table__.c
    row = session.execute(select(*meeting_row_columns(), m.uid).where(m.id == meeting_id)).one()
    *fields, uid = row
    meeting = MeetingRow(*fields)
    return NextMeeting(
        meeting,
        uid,
        _meeting_questions(session, meeting.id),
        _meeting_tasks(session, meeting.id),
        _meeting_cases(session, meeting.id),
    )


def _meeting_questions(session: Session, meeting_id: int) -> list[HomeItem]:
    q = Question.__table__.c
    qm = question_meeting.c
    asked = Contact.__table__.c
    rows = session.execute(
        select(q.id, q.text, asked.display_name)
        .join(question_meeting, qm.question_id == q.id)
        .outerjoin(Contact.__table__, asked.id == q.addressed_to_id)
        .where(qm.meeting_id == meeting_id)
        .where(Question.status.in_(WAITING))
        .order_by(q.id)
        .limit(SHOWN)
    )
    return [HomeItem("question", i, _one_line(text), who or "") for i, text, who in rows]


def _meeting_tasks(session: Session, meeting_id: int) -> list[HomeItem]:
    t = Task.__table__.c
    rows = session.execute(
        select(t.id, t.title, t.due_on)
        .where(t.meeting_id == meeting_id, t.done.is_(False))
        .order_by(t.due_on.is_(None), t.due_on, t.id)
        .limit(SHOWN)
    )
    return [HomeItem("task", i, title, _due(due)) for i, title, due in rows]


def _meeting_cases(session: Session, meeting_id: int) -> list[HomeItem]:
    s = Serviceman.__table__.c
    mc = meeting_case.c
    rows = session.execute(
        select(s.id, s.surname, s.given_names, s.suffix, s.rank)
        .join(meeting_case, mc.serviceman_id == s.id)
        .where(mc.meeting_id == meeting_id)
        .order_by(s.surname, s.given_names, s.id)
        .limit(SHOWN)
    )
    return [
        HomeItem("case", i, case_name(surname, given, suffix), rank)
        for i, surname, given, suffix, rank in rows
    ]


def overdue_tasks(session: Session, today: dt.date) -> tuple[list[HomeItem], int]:
    """The open tasks whose due day has passed, oldest first, and how many there are."""
    t = Task.__table__.c
    late = (t.done.is_(False), t.due_on < today)
    total = int(session.scalar(select(func.count()).select_from(Task.__table__).where(*late)) or 0)
    rows = session.execute(
        select(t.id, t.title, t.due_on).where(*late).order_by(t.due_on, t.id).limit(SHOWN)
    )
    return [HomeItem("task", i, title, _due(due)) for i, title, due in rows], total


#: The records the change log names, by table: the kind that opens them and their label.
_LABELS: dict[str, tuple[str, Callable[[Table], Iterable[Any]]]] = {
    "serviceman": ("case", lambda t: (t.c.surname, t.c.given_names, t.c.suffix)),
    "contact": ("contact", lambda t: (t.c.display_name,)),
    "meeting": ("meeting", lambda t: (t.c.title,)),
    "timeline_event": ("event", lambda t: (t.c.title,)),
    "source": ("source", lambda t: (t.c.title,)),
    "task": ("task", lambda t: (t.c.title,)),
    "question": ("question", lambda t: (t.c.text,)),
}
#: A change to a part of a record (a status change, a citation) opens the record it is
#: part of: the column that points to it, in the order tried.
_OWNERS = (
    ("serviceman_id", "serviceman"),
    ("event_id", "timeline_event"),
    ("meeting_id", "meeting"),
    ("contact_id", "contact"),
    ("source_id", "source"),
)
_ACTIONS = {"create": "added", "update": "changed", "delete": "deleted"}
#: Change log rows looked at to find ``SHOWN`` different records (a save writes one row
#: per changed field, an edit of a case may touch many of its parts).
_SCAN = 400


def recent_changes(session: Session, limit: int = SHOWN) -> list[HomeItem]:
    """The records changed last, newest first, each once; a change to a part of a record
    (a status change, a citation) shows the record it is part of. A deleted record cannot
    be opened: its ``record_id`` is 0. The detail says when ("today 14:02"); what was done
    is in ``detail_whole`` ("added today 14:02"), so the record's name keeps the room."""
    c = ChangeLogEntry.__table__.c
    rows = session.execute(
        select(c.table_name, c.record_id, c.action, c.changed_at).order_by(c.id.desc()).limit(_SCAN)
    )
    tables = Serviceman.metadata.tables
    items: list[HomeItem] = []
    seen: set[tuple[str, int]] = set()
    for table, record_id, action, when in rows:
        if (table, record_id) in seen or table not in tables:
            continue
        seen.add((table, record_id))
        if action == "delete":
            if table in _LABELS:
                kind = _LABELS[table][0]
                items.append(HomeItem(kind, 0, f"A {_NOUNS[kind]} was deleted", _when(when)))
        else:
            target = (table, record_id) if table in _LABELS else _owner(session, table, record_id)
            if target is None or (target in seen and target != (table, record_id)):
                continue
            seen.add(target)
            label = _name(session, *target)
            if label is None:
                continue
            verb = _ACTIONS.get(action, "changed") if target == (table, record_id) else "changed"
            kind = _LABELS[target[0]][0]
            items.append(HomeItem(kind, target[1], label, _when(when), f"{verb} {_when(when)}"))
        if len(items) == limit:
            break
    return items


_NOUNS = {
    "case": "case",
    "contact": "contact",
    "meeting": "meeting",
    "event": "timeline event",
    "source": "source",
    "task": "task",
    "question": "question",
}


def _owner(session: Session, table: str, record_id: int) -> tuple[str, int] | None:
    columns = Serviceman.metadata.tables[table].c
    for column, owner in _OWNERS:
        if column in columns:
            found = session.scalar(select(columns[column]).where(columns.id == record_id))
            if found is not None:
                return owner, int(found)
    return None


def _name(session: Session, table: str, record_id: int) -> str | None:
    """The record's label as lists show it; None when it is gone."""
    t = Serviceman.metadata.tables[table]
    row = session.execute(select(*_LABELS[table][1](t)).where(t.c.id == record_id)).first()
    if row is None:
        return None
    return case_name(*row) if table == "serviceman" else _one_line(row[0])


def last_backup(archive: Archive) -> BackupInfo | None:
    """The newest complete backup of the archive; None for none (or one in memory)."""
    from powmia_desktop.services.backup import list_backups

    if archive.location.path is None and not archive.location.is_server:
        return None
    backups = list_backups(archive)
    return backups[0] if backups else None


def archive_size(archive: Archive) -> int | None:
    """The archive file's size with its write-ahead log (a server database's size)."""
    if archive.location.is_server:
        with archive.engine.connect() as connection:
            size = connection.execute(text("SELECT pg_database_size(current_database())"))
            return int(size.scalar_one())
    path = archive.location.path
    if path is None or not path.exists():
        return None
    wal = path.with_name(path.name + "-wal")
    return path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def _one_line(text: str, limit: int = 140) -> str:
    words = " ".join(text.split())
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


def _due(day: dt.date | None) -> str:
    return f"due {day.day} {day:%b %Y}" if day is not None else ""


def _when(moment: dt.datetime, today: dt.date | None = None) -> str:
    """When a change was made, on the person's own clock: "today 14:02", "3 Nov 2026"."""
    moment = moment.astimezone()
    today = today or dt.date.today()
    if moment.date() == today:
        return f"today {moment:%H:%M}"
    if moment.date() == today - dt.timedelta(days=1):
        return f"yesterday {moment:%H:%M}"
    return f"{moment.day} {moment:%b %Y}"
