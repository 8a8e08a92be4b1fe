"""Reading a task or a question for officials into form values and saving it back.

The meeting editor edits the same records as rows of a meeting (services/
meeting_editing.py); the field kinds they share are declared here once.
"""

from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.vocab import QuestionStatus
from powmia_desktop.db.models import Meeting, Question, Task
from powmia_desktop.services.editing import Kinds, RecordForm, record_values
from powmia_desktop.services.editing_support import (
    apply_form,
    day_text,
    linked,
    parse_day,
    record_for_save,
    require_set,
)
from powmia_desktop.services.work import get_question, get_task

#: A task as a row of a meeting (its due date is read by ``parse_day``).
TASK_KINDS: Kinds = {
    "title": "required",
    "done": "bool",
    "assignee_id": "ref",
    "serviceman_id": "ref",
    "sensitivity": "sensitivity",
}
#: A question as a row of a meeting.
QUESTION_KINDS: Kinds = {
    "text": "long",
    "serviceman_id": "ref",
    "addressed_to_id": "ref",
    "status": QuestionStatus,
    "answer": "long",
    "sensitivity": "sensitivity",
}
TASK_FORM_KINDS: Kinds = {**TASK_KINDS, "meeting_id": "ref", "notes": "long"}
QUESTION_FORM_KINDS: Kinds = {**QUESTION_KINDS, "asked_at_id": "ref", "notes": "long"}

WorkForm = RecordForm


def read_task_form(session: Session, task_id: int) -> WorkForm:
    task = get_task(session, task_id)
    values = {**record_values(task, TASK_FORM_KINDS), "due_on": day_text(task.due_on)}
    return WorkForm(values, {}, task.row_version)


def save_task(session: Session, task_id: int | None, form: WorkForm) -> Task:
    """Create (``task_id`` None) or change a task, in the caller's transaction."""
    task = record_for_save(
        session, Task, task_id, form, what="task", name=lambda t: t.title, make=_new_task
    )
    values = dict(form.values)
    with session.no_autoflush:
        if "due_on" in values:
            task.due_on = parse_day(values.pop("due_on"), "due_on")
        apply_form(task, values, TASK_FORM_KINDS)
    session.flush()
    return task


def _new_task() -> Task:
    return Task(title="", done=False)


def read_question_form(session: Session, question_id: int) -> WorkForm:
    question = get_question(session, question_id)
    meetings = sorted(question.meetings, key=_meeting_order)
    children = {"meetings": [{"id": m.id, "meeting_id": m.id} for m in meetings]}
    return WorkForm(record_values(question, QUESTION_FORM_KINDS), children, question.row_version)


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
        apply_form(question, form.values, QUESTION_FORM_KINDS)
        if not question.text:
            raise ValidationError("The question is required", "text")
        require_set(question, "status")
        for name, rows in form.children.items():
            if name != "meetings":
                raise ValidationError(f"'{name}' is not a part of a question", name)
            question.meetings = linked(
                session, Meeting, rows, "meeting_id", what="Meeting", parent="question"
            )
    session.flush()
    return question
