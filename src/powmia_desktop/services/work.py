"""Tasks and questions for officials across the whole archive, as list rows.

What is still to be done comes first: open tasks by due date, then questions waiting for
an answer; finished work stays listed below it so nothing disappears while it is edited.
"""

import datetime as dt
from typing import NamedTuple

from sqlalchemy import String, case, select, type_coerce
from sqlalchemy.orm import Session, aliased, selectinload

from powmia_desktop.core.errors import NotFoundError
from powmia_desktop.core.vocab import QuestionStatus
from powmia_desktop.db.models import Contact, Meeting, Question, Serviceman, Task, question_meeting
from powmia_desktop.services.pickers import case_name, meeting_label


class TaskRow(NamedTuple):
    id: int
    title: str
    due_on: dt.date | None
    done: bool
    assignee: str
    case: str
    meeting: str


class QuestionRow(NamedTuple):
    id: int
    text: str
    status: str
    case: str
    addressed_to: str
    #: the latest meeting the question was put on
    meeting: str


#: Questions still waiting for an answer first (the order the window's list sorts them in).
QUESTION_ORDER = (
    QuestionStatus.OPEN,
    QuestionStatus.FOLLOW_UP_NEEDED,
    QuestionStatus.ASKED,
    QuestionStatus.ANSWERED,
)


def list_tasks(session: Session, *, limit: int | None = None) -> list[TaskRow]:
    """Open tasks by due date, then done ones; ``limit`` keeps the first ones."""
    t = Task.__table__.c
    sm = Serviceman.__table__.c
    m = Meeting.__table__.c
    assignee = aliased(Contact)
    rows = session.execute(
        select(
            t.id,
            t.title,
            t.due_on,
            t.done,
            assignee.display_name,
            sm.surname,
            sm.given_names,
            m.title,
            Meeting.starts_at,
        )
        .select_from(Task.__table__)
        .outerjoin(assignee, assignee.id == t.assignee_id)
        .outerjoin(Serviceman.__table__, sm.id == t.serviceman_id)
        .outerjoin(Meeting.__table__, m.id == t.meeting_id)
        .order_by(t.done, t.due_on.is_(None), t.due_on, t.id)
        .limit(limit)
    )
    return [
        TaskRow(
            i,
            title,
            due,
            bool(done),
            who or "",
            case_name(surname, given) if surname is not None else "",
            meeting_label(meeting, starts) if meeting is not None else "",
        )
        for i, title, due, done, who, surname, given, meeting, starts in rows
    ]


def list_questions(session: Session, *, limit: int | None = None) -> list[QuestionRow]:
    """Questions in the order they were written; with ``limit``, the first ones as the
    window's list sorts them (those waiting for an answer first)."""
    q = Question.__table__.c
    sm = Serviceman.__table__.c
    addressed = aliased(Contact)
    qm = question_meeting.c
    latest = (
        select(qm.meeting_id)
        .join(Meeting.__table__, Meeting.__table__.c.id == qm.meeting_id)
        .where(qm.question_id == q.id)
        .order_by(Meeting.starts_at.desc().nulls_last(), qm.meeting_id.desc())
        .limit(1)
        .scalar_subquery()
    )
    m = Meeting.__table__.c
    query = (
        select(
            q.id,
            q.text,
            type_coerce(q.status, String),
            sm.surname,
            sm.given_names,
            addressed.display_name,
            m.title,
            Meeting.starts_at,
        )
        .select_from(Question.__table__)
        .outerjoin(Serviceman.__table__, sm.id == q.serviceman_id)
        .outerjoin(addressed, addressed.id == q.addressed_to_id)
        .outerjoin(Meeting.__table__, m.id == latest)
        .order_by(q.id)
    )
    if limit is not None:
        waiting = case(
            {s.value: i for i, s in enumerate(QUESTION_ORDER)},
            value=type_coerce(q.status, String),
            else_=9,
        )
        query = query.order_by(None).order_by(waiting, q.id).limit(limit)
    rows = session.execute(query)
    return [
        QuestionRow(
            i,
            text,
            status,
            case_name(surname, given) if surname is not None else "",
            who or "",
            meeting_label(meeting, starts) if meeting is not None else "",
        )
        for i, text, status, surname, given, who, meeting, starts in rows
    ]


def get_task(session: Session, task_id: int) -> Task:
    task = session.get(Task, task_id)
    if task is None:
        raise NotFoundError(f"There is no task with id {task_id}")
    return task


def get_question(session: Session, question_id: int) -> Question:
    question = session.get(Question, question_id, options=[selectinload(Question.meetings)])
    if question is None:
        raise NotFoundError(f"There is no question with id {question_id}")
    return question
