"""The meeting editor: when and where, who came, the agenda in order, the cases discussed,
the questions put to officials and the follow-up tasks."""

from powmia_desktop.core.vocab import AttendanceRole, MeetingStatus, MeetingType, QuestionStatus
from powmia_desktop.gui.editor import EditorSpec
from powmia_desktop.gui.forms.fields import SENSITIVITY, FieldSpec, section
from powmia_desktop.gui.panels import AttachmentsPanel
from powmia_desktop.gui.record_specs import returning_id, title_of
from powmia_desktop.services import meeting_editing
from powmia_desktop.services.editing_support import picker_lists

MEETING_FIELDS = (
    section("What"),
    FieldSpec("meeting_type", "Kind of meeting", "choice", choices=MeetingType, required=True),
    FieldSpec("title", "Title", required=True, placeholder="e.g. Family Member Update, Boston"),
    FieldSpec("status", "Status", "choice", choices=MeetingStatus, required=True),
    section("When and where"),
    FieldSpec("starts_at", "Starts", placeholder="type as 2006-10-15 09:00"),
    FieldSpec(
        "ends_at", "Ends", placeholder="a time (16:00), or a day and time (2006-10-17 12:00)"
    ),
    FieldSpec("all_day", "All day (no times)", "bool"),
    FieldSpec(
        "timezone",
        "Time zone",
        placeholder="Eastern, Central, Mountain, Pacific, Hawaii, Korea… or America/New_York",
        help="The times above are the local times of this zone.",
    ),
    FieldSpec("place", "Place", placeholder="e.g. Hyatt Regency Crystal City, Arlington, VA"),
    section("About it"),
    FieldSpec("description", "Description", "long"),
    FieldSpec("notes", "Notes", "long"),
    SENSITIVITY,
)

ATTENDEES = FieldSpec(
    "attendances",
    "Who was invited and who came",
    "children",
    noun="attendee",
    columns=("contact_id", "role", "invited", "attended"),
    children=(
        FieldSpec("contact_id", "Contact", "ref", lookup="contacts", required=True),
        FieldSpec("role", "Role", "choice", choices=AttendanceRole, required=True),
        FieldSpec("invited", "Invited", "bool"),
        FieldSpec("attended", "Attended", "bool"),
        FieldSpec("notes", "Notes", "long"),
        SENSITIVITY,
    ),
)

AGENDA = FieldSpec(
    "agenda_items",
    "Agenda, in order (items are put in the order of their numbers when saved)",
    "children",
    noun="agenda item",
    columns=("position", "presenter_id", "title"),
    children=(
        FieldSpec("position", "No.", placeholder="left empty: at the end"),
        FieldSpec("title", "Item", required=True),
        FieldSpec("presenter_id", "Presented by", "ref", lookup="contacts"),
        FieldSpec("minutes", "Minutes of this item", "long"),
        SENSITIVITY,
    ),
)

CASES = FieldSpec(
    "cases",
    "Cases discussed",
    "children",
    noun="case",
    columns=("serviceman_id",),
    children=(FieldSpec("serviceman_id", "Case", "ref", lookup="cases", required=True),),
)

QUESTIONS = FieldSpec(
    "questions",
    "Questions for officials at this meeting",
    "children",
    noun="question",
    columns=("status", "serviceman_id", "addressed_to_id", "text"),
    children=(
        FieldSpec("text", "Question", "long", required=True),
        FieldSpec("serviceman_id", "About the case", "ref", lookup="cases"),
        FieldSpec("addressed_to_id", "Asked of", "ref", lookup="contacts"),
        FieldSpec("status", "Status", "choice", choices=QuestionStatus, required=True),
        FieldSpec("answer", "Answer", "long"),
        SENSITIVITY,
    ),
    help="Removing a question here only takes it off this meeting; it stays under Questions.",
)

CARRY = FieldSpec(
    "carry_from",
    "Bring in the unanswered questions of",
    "ref",
    lookup="meetings",
    help="On Save, every question of that meeting still waiting for an answer is added here.",
)

TASKS = FieldSpec(
    "tasks",
    "Follow-up tasks",
    "children",
    noun="task",
    columns=("due_on", "done", "assignee_id", "title"),
    children=(
        FieldSpec("title", "Task", required=True),
        FieldSpec("due_on", "Due on", placeholder="type as 2027-05-01"),
        FieldSpec("assignee_id", "Who does it", "ref", lookup="contacts"),
        FieldSpec("serviceman_id", "For the case", "ref", lookup="cases"),
        FieldSpec("done", "Done", "bool"),
        SENSITIVITY,
    ),
    help="Removing a task here only takes it off this meeting; it stays under Tasks.",
)


MEETING_EDITOR = EditorSpec(
    table="meeting",
    noun="meeting",
    tabs=(
        ("Meeting", MEETING_FIELDS),
        ("People", (ATTENDEES,)),
        ("Agenda && minutes", (AGENDA, FieldSpec("minutes", "Minutes", "long"))),
        ("Cases && questions", (CASES, QUESTIONS, CARRY)),
        ("Tasks", (TASKS,)),
    ),
    read=meeting_editing.read_meeting_form,
    save=returning_id(meeting_editing.save_meeting),
    title=title_of("title"),
    lookups=picker_lists,
    defaults=lambda: {
        "meeting_type": MeetingType.FAMILY_MEMBER_UPDATE,
        "status": MeetingStatus.PLANNED,
        "timezone": "America/New_York",
    },
    panels=(("Attachments", lambda ops: AttachmentsPanel(ops, "meeting_id")),),
    related=meeting_editing.related_records,
    related_children=(("questions", "question"), ("tasks", "task")),
)
