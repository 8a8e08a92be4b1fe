"""Reading a task or a question for officials into form values and saving it back.

The meeting editor edits the same records as rows of a meeting (services/
meeting_editing.py); both take their fields from services/record_schemas.py.
"""

from sqlalchemy.orm import Session

from powmia_desktop.core.vocab import QuestionStatus
from powmia_desktop.db.models import Meeting, Question, Task
from powmia_desktop.services.editing import RecordForm, record_values
from powmia_desktop.services.editing_support import (
    apply_form,
    linked,
    record_for_save,
    save_children,
)
from powmia_desktop.services.record_schemas import QUESTION, TASK
from powmia_desktop.services.schema import Rows
from powmia_desktop.services.work import get_question, get_task

WorkForm = RecordForm


def read_task_form(session: Session, task_id: int) -> WorkForm:
    task = get_task(session, task_id)
    return WorkForm(record_values(task, TASK), {}, task.row_version)


def save_task(session: Session, task_id: int | None, form: WorkForm) -> Task:
    """Create (``task_id`` None) or change a task, in the caller's transaction."""
    task = record_for_save(
        session, Task, task_id, form, what="task", name=lambda t: t.title, make=_new_task
    )
    with session.no_autoflush:
        apply_form(task, form.values, TASK)
        save_children(session, task, TASK, form.children)
    session.flush()
    return task


def _new_task() -> Task:
    return Task(title="", done=False)


def read_question_form(session: Session, question_id: int) -> WorkForm:
    question = get_question(session, question_id)
    meetings = sorted(question.meetings, key=_meeting_order)
    children: dict[str, Rows] = {"meetings": [{"id": m.id, "meeting_id": m.id} for m in meetings]}
    return WorkForm(record_values(question, QUESTION), children, question.row_version)


def _meeting_order(meeting: Meeting) -> tuple[bool, float, int]:
    starts = meeting.starts_at
    return (starts is None, starts.timestamp() if starts else 0.0, meeting.id)


def save_question(session: Session, question_id: int | None, form: WorkForm) -> Question:
    """Create (``question_id`` None) or change a question, with the meetings it is on."""
    question = record_for_save(
        session,
        Question,
        question_id,
        form,
        what="question",
        name=lambda q: q.text[:60],
        make=lambda: Question(text="", status=QuestionStatus.OPEN),
    )
    with session.no_autoflush:
        apply_form(question, form.values, QUESTION)
        save_children(session, question, QUESTION, form.children, {"meetings": _link_meetings})
    session.flush()
    return question


def _link_meetings(session: Session, question: Question, rows: Rows) -> None:
    question.meetings = linked(session, Meeting, rows, QUESTION.child("meetings"))
