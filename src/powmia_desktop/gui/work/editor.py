"""The task and question editors of the Tasks and Questions sections."""

from powmia_desktop.core.vocab import QuestionStatus
from powmia_desktop.gui.editor import EditorSpec
from powmia_desktop.gui.forms.fields import SENSITIVITY, FieldSpec, section
from powmia_desktop.gui.record_specs import returning_id, title_of
from powmia_desktop.services import work_editing
from powmia_desktop.services.editing_support import picker_lists

TASK_FIELDS = (
    section("What is to be done"),
    FieldSpec("title", "Task", required=True, placeholder="e.g. Send the DNA kit back to the SCO"),
    FieldSpec("due_on", "Due on", placeholder="type as 2027-05-01"),
    FieldSpec("done", "Done", "bool"),
    FieldSpec("assignee_id", "Who does it", "ref", lookup="contacts"),
    section("What it is for"),
    FieldSpec("serviceman_id", "For the case", "ref", lookup="cases"),
    FieldSpec("meeting_id", "Set at the meeting", "ref", lookup="meetings"),
    FieldSpec("notes", "Notes", "long"),
    SENSITIVITY,
)

QUESTION_FIELDS = (
    section("The question"),
    FieldSpec("text", "Question", "long", required=True),
    FieldSpec("serviceman_id", "About the case", "ref", lookup="cases"),
    FieldSpec("addressed_to_id", "Asked of", "ref", lookup="contacts"),
    FieldSpec("status", "Status", "choice", choices=QuestionStatus, required=True),
    FieldSpec("asked_at_id", "First asked at", "ref", lookup="meetings"),
    FieldSpec("answer", "Answer", "long"),
    FieldSpec("notes", "Notes", "long"),
    SENSITIVITY,
    FieldSpec(
        "meetings",
        "On the list of these meetings (carried until it is answered)",
        "children",
        noun="meeting",
        columns=("meeting_id",),
        children=(FieldSpec("meeting_id", "Meeting", "ref", lookup="meetings", required=True),),
    ),
)


TASK_EDITOR = EditorSpec(
    table="task",
    noun="task",
    tabs=(("Task", TASK_FIELDS),),
    read=work_editing.read_task_form,
    save=returning_id(work_editing.save_task),
    title=title_of("title"),
    lookups=picker_lists,
)

QUESTION_EDITOR = EditorSpec(
    table="question",
    noun="question",
    tabs=(("Question", QUESTION_FIELDS),),
    read=work_editing.read_question_form,
    save=returning_id(work_editing.save_question),
    title=title_of("text", limit=90),
    lookups=picker_lists,
    defaults=lambda: {"status": QuestionStatus.OPEN},
)
