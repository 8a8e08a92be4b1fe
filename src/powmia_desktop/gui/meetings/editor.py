"""The meeting editor: when and where, who came, the agenda in order, the cases discussed,
the questions put to officials and the follow-up tasks. The fields are the meeting
schema's (services/record_schemas.py); this module says only how they are shown."""

from powmia_desktop.core.vocab import MeetingStatus, MeetingType
from powmia_desktop.gui.editor import EditorSpec
from powmia_desktop.gui.forms.layout import REST, Look, form_tabs
from powmia_desktop.gui.panels import AttachmentsPanel
from powmia_desktop.gui.record_specs import returning_id, title_of
from powmia_desktop.gui.work.editor import DUE_ON
from powmia_desktop.services import meeting_editing
from powmia_desktop.services.pickers import picker_lists
from powmia_desktop.services.record_schemas import MEETING

MEETING_LOOK = Look(
    tabs=(
        ("Meeting", (REST,)),
        ("People", ("attendances",)),
        ("Agenda && minutes", ("agenda_items", "minutes")),
        ("Cases && questions", ("cases", "questions", "carry_from")),
        ("Tasks", ("tasks",)),
    ),
    headings={"meeting_type": "What", "starts_at": "When and where", "description": "About it"},
    placeholders={
        "title": "e.g. Family Member Update, Boston",
        "starts_at": "type as 2006-10-15 09:00",
        "ends_at": "a time (16:00), or a day and time (2006-10-17 12:00)",
        "timezone": "Eastern, Central, Mountain, Pacific, Hawaii, Korea… or America/New_York",
        "place": "e.g. Hyatt Regency Crystal City, Arlington, VA",
        "agenda_items.position": "left empty: at the end",
        **DUE_ON,
    },
    columns={
        "attendances": ("contact_id", "role", "invited", "attended"),
        "agenda_items": ("position", "presenter_id", "title"),
        "cases": ("serviceman_id",),
        "questions": ("status", "serviceman_id", "addressed_to_id", "text"),
        "tasks": ("due_on", "done", "assignee_id", "title"),
    },
)


MEETING_EDITOR = EditorSpec(
    table="meeting",
    noun="meeting",
    tabs=form_tabs(MEETING, MEETING_LOOK),
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
