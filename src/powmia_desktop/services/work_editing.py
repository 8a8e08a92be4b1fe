"""Reading a task or a question for officials into form values and saving it back.

The meeting editor edits the same records as rows of a meeting (services/
meeting_editing.py); both take their fields from services/record_schemas.py.
"""

from sqlalchemy.orm import Session

from powmia_desktop.core.vocab import QuestionStatus
from powmia_desktop.db.models import Meeting, Question, Task
from powmia_desktop.services.editing import RecordForm
from powmia_desktop.services.editing_support import linked, read_form, save_form
from powmia_desktop.services.record_schemas import QUESTION, TASK
from powmia_desktop.services.schema import Rows
from powmia_desktop.services.work import get_question, get_task

WorkForm = RecordForm


def read_task_form(session: Session, task_id: int) -> WorkForm:
    return read_form(get_task(session, task_id), TASK)


def save_task(session: Session, task_id: int | None, form: WorkForm) -> Task:
    """Create (``task_id`` None) or change a task, in the caller's transaction."""
    return save_form(
        session,
        Task,
        TASK,
        task_id,
        form,
        name=lambda t: t.title,
        make=lambda: Task(title="", done=False),
    )


def read_question_form(session: Session, question_id: int) -> WorkForm:
    question = get_question(session, question_id)
    form = read_form(question, QUESTION)
    meetings = sorted(question.meetings, key=_meeting_order)
    form.children["meetings"] = [{"id": m.id, "meeting_id": m.id} for m in meetings]
    return form


def _meeting_order(meeting: Meeting) -> tuple[bool, float, int]:
    starts = meeting.starts_at
    return (starts is None, starts.timestamp() if starts else 0.0, meeting.id)


def save_question(session: Session, question_id: int | None, form: WorkForm) -> Question:
    """Create (``question_id`` None) or change a question, with the meetings it is on."""
    return save_form(
        session,
        Question,
        QUESTION,
        question_id,
        form,
        name=lambda q: q.text[:60],
        make=lambda: Question(text="", status=QuestionStatus.OPEN),
        savers={"meetings": _link_meetings},
    )


def _link_meetings(session: Session, question: Question, rows: Rows) -> None:
    question.meetings = linked(session, Meeting, rows, QUESTION.child("meetings"))
