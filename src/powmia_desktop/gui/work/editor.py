"""The task and question editors of the Tasks and Questions sections. The fields are the
task and question schemas' (services/record_schemas.py); this module says only how they
are shown."""

from powmia_desktop.core.vocab import QuestionStatus
from powmia_desktop.gui.editor import EditorSpec
from powmia_desktop.gui.forms.layout import REST, Look, form_tabs
from powmia_desktop.gui.record_specs import returning_id, title_of
from powmia_desktop.services import work_editing
from powmia_desktop.services.pickers import picker_lists
from powmia_desktop.services.record_schemas import QUESTION, TASK

#: A due date is one calendar day (tasks here and on a meeting's form alike).
DUE_ON = {"due_on": "type as 2027-05-01"}

TASK_LOOK = Look(
    tabs=(("Task", (REST,)),),
    headings={"title": "What is to be done", "serviceman_id": "What it is for"},
    placeholders={"title": "e.g. Send the DNA kit back to the SCO", **DUE_ON},
)

QUESTION_LOOK = Look(
    tabs=(("Question", (REST,)),),
    headings={"text": "The question"},
    columns={"meetings": ("meeting_id",)},
)


TASK_EDITOR = EditorSpec(
    table="task",
    noun="task",
    tabs=form_tabs(TASK, TASK_LOOK),
    read=work_editing.read_task_form,
    save=returning_id(work_editing.save_task),
    title=title_of("title"),
    lookups=picker_lists,
)

QUESTION_EDITOR = EditorSpec(
    table="question",
    noun="question",
    tabs=form_tabs(QUESTION, QUESTION_LOOK),
    read=work_editing.read_question_form,
    save=returning_id(work_editing.save_question),
    title=title_of("text", limit=90),
    lookups=picker_lists,
    defaults=lambda: {"status": QuestionStatus.OPEN},
)
