"""Reading a meeting into form values and saving the form back, with all that hangs on it.

A meeting is edited with its attendees, its agenda in order, the cases discussed, the
questions for officials raised there and its follow-up tasks. Questions and tasks are not
owned by one meeting (a question is carried from meeting to meeting until answered, a task
outlives the meeting that set it): taking one off a meeting's form unlinks it, and it
stays in the Tasks or Questions list. ``save_meeting`` writes everything in the caller's
single transaction.
"""

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import NotFoundError, ValidationError
from powmia_desktop.core.vocab import MeetingStatus, MeetingType, QuestionStatus
from powmia_desktop.db.models import (
    AgendaItem,
    Meeting,
    Question,
    Serviceman,
    Task,
    question_meeting,
)
from powmia_desktop.services.editing import (
    RecordForm,
    attach_to,
    record_rows,
    record_values,
    sync_rows,
    text_of,
)
from powmia_desktop.services.editing_support import ChildSaver, linked, save_form
from powmia_desktop.services.meeting_times import (
    clean_zone,
    moment_text,
    parse_moment,
    same_moment,
)
from powmia_desktop.services.meetings import get_meeting
from powmia_desktop.services.record_schemas import MEETING
from powmia_desktop.services.schema import Row, Rows, Values

#: Fields of the form that are not plain columns: handled here, not by ``apply_values``.
_TIMES = ("starts_at", "ends_at", "timezone")
#: A question still waiting for an answer is carried to the next meeting.
OPEN_STATUSES = (QuestionStatus.OPEN, QuestionStatus.ASKED, QuestionStatus.FOLLOW_UP_NEEDED)

MeetingForm = RecordForm


def read_meeting_form(session: Session, meeting_id: int) -> MeetingForm:
    meeting = get_meeting(session, meeting_id)
    values: Values = {**record_values(meeting, MEETING), **read_times(meeting), "carry_from": None}
    children = {
        part.name: record_rows(meeting, part)
        for part in MEETING.children
        if part.schema.model is not None
    }
    for item in children["agenda_items"]:
        item["position"] = str(item["position"])
    children["cases"] = [{"id": s.id, "serviceman_id": s.id} for s in meeting.cases]
    children["tasks"].sort(key=lambda row: _id(row))
    return MeetingForm(values, children, meeting.row_version)


def _id(row: Row) -> int:
    value = row.get("id")
    return value if isinstance(value, int) else 0


def read_times(meeting: Meeting) -> dict[str, str]:
    """Start and end as the form shows them, in the meeting's own zone."""
    return {
        "starts_at": moment_text(meeting.starts_at, meeting.timezone, meeting.all_day),
        "ends_at": moment_text(meeting.ends_at, meeting.timezone, meeting.all_day),
        "timezone": meeting.timezone,
    }


def save_meeting(session: Session, meeting_id: int | None, form: MeetingForm) -> Meeting:
    """Create (``meeting_id`` None) or change a meeting from its form, in the caller's
    transaction; a meeting saved elsewhere since it was read is refused."""
    values = {k: v for k, v in form.values.items() if k not in (*_TIMES, "carry_from")}

    def times(meeting: Meeting) -> None:
        if any(name in form.values for name in _TIMES):
            _apply_times(meeting, form.values)

    meeting = save_form(
        session,
        Meeting,
        MEETING,
        meeting_id,
        replace(form, values=values),
        name=lambda m: m.title,
        make=lambda: Meeting(
            title="", meeting_type=MeetingType.OTHER, status=MeetingStatus.PLANNED
        ),
        check=times,
        savers=_SAVERS,
    )
    carry_from = form.values.get("carry_from")
    if carry_from is not None:
        source = session.get(Meeting, carry_from)
        if source is None:
            raise ValidationError("That meeting no longer exists", "carry_from")
        _carry(source, meeting)
        session.flush()
    return meeting


def _apply_times(meeting: Meeting, values: Values) -> None:
    """Start, end and zone from the form; one left out of it stays as it was."""
    shown = read_times(meeting)
    typed = {name: text_of(values[name]) if name in values else shown[name] for name in shown}
    zone = clean_zone(typed["timezone"])
    starts = parse_moment(typed["starts_at"], zone, meeting.all_day, "starts_at")
    ends = parse_moment(typed["ends_at"], zone, meeting.all_day, "ends_at", same_day_as=starts)
    if ends is not None and starts is None:
        raise ValidationError("Give the start as well as the end", "starts_at")
    if starts is not None and ends is not None and ends < starts:
        raise ValidationError(
            "The meeting ends before it starts; give an end after the start", "ends_at"
        )
    meeting.timezone = zone
    if not same_moment(meeting.starts_at, starts, meeting.all_day):
        meeting.starts_at = starts
    if not same_moment(meeting.ends_at, ends, meeting.all_day):
        meeting.ends_at = ends


def _save_agenda(session: Session, meeting: Meeting, rows: Rows) -> None:
    """Items in the order of their numbers (blank: at the end), renumbered 1, 2, 3…"""
    order = []
    for number, row in enumerate(rows, start=1):
        text = str(row.get("position") or "").strip().rstrip(".")
        if text and not text.isdigit():
            raise ValidationError(
                f"Agenda item {number}: '{text}' is not a number in the order", "position"
            )
        order.append((int(text) if text else len(rows) + 1, number, row))
    items = sync_rows(
        session,
        meeting.agenda_items,
        [row for _, _, row in sorted(order, key=lambda o: o[:2])],
        attach_to(AgendaItem, "meeting", meeting),
        MEETING.child("agenda_items"),
        skip=("position",),
    )
    for place, item in enumerate(items, start=1):
        item.position = place


def _save_cases(session: Session, meeting: Meeting, rows: Rows) -> None:
    meeting.cases = linked(session, Serviceman, rows, MEETING.child("cases"))


def _save_questions(session: Session, meeting: Meeting, rows: Rows) -> None:
    def asked_here(question: Question, row: Row) -> None:
        if question.status is not QuestionStatus.OPEN and question.asked_at is None:
            question.asked_at = meeting

    meeting.questions = sync_rows(
        session,
        meeting.questions,
        rows,
        lambda: Question(text=""),
        MEETING.child("questions"),
        after_apply=asked_here,
        shared=True,
    )


def _save_tasks(session: Session, meeting: Meeting, rows: Rows) -> None:
    meeting.tasks = sync_rows(
        session,
        meeting.tasks,
        rows,
        lambda: Task(title=""),
        MEETING.child("tasks"),
        shared=True,
    )


_SAVERS: dict[str, ChildSaver[Meeting]] = {
    "agenda_items": _save_agenda,
    "cases": _save_cases,
    "questions": _save_questions,
    "tasks": _save_tasks,
}


def carry_open_questions(session: Session, from_meeting_id: int, to_meeting_id: int) -> int:
    """Put every question still waiting for an answer at one meeting on another's list.

    Returns how many questions were added (those already on it are not counted).
    """
    meetings = {}
    for meeting_id in (from_meeting_id, to_meeting_id):
        found = session.get(Meeting, meeting_id)
        if found is None:
            raise NotFoundError(f"There is no meeting with id {meeting_id}")
        meetings[meeting_id] = found
    added = _carry(meetings[from_meeting_id], meetings[to_meeting_id])
    session.flush()
    return added


def _carry(source: Meeting, target: Meeting) -> int:
    carried = [
        q for q in source.questions if q.status in OPEN_STATUSES and q not in target.questions
    ]
    target.questions.extend(carried)
    return len(carried)


def related_records(session: Session, meeting_id: int) -> list[tuple[str, int]]:
    """The questions on a meeting and its tasks: records a meeting save may create or edit,
    which live outside the meeting's own cascade (so undo must be told about them)."""
    questions = session.scalars(
        select(question_meeting.c.question_id).where(question_meeting.c.meeting_id == meeting_id)
    )
    tasks = session.scalars(select(Task.id).where(Task.meeting_id == meeting_id))
    return [("question", q) for q in questions] + [("task", t) for t in tasks]
