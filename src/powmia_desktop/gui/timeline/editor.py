"""The timeline event editor: the date as the sources give it, what happened, who was in
it and which sources say so."""

from powmia_desktop.core.vocab import EventCategory, ParticipantRole
from powmia_desktop.gui.cases.editor import CITATIONS
from powmia_desktop.gui.editor import EditorSpec
from powmia_desktop.gui.forms.fields import SENSITIVITY, FieldSpec, section
from powmia_desktop.gui.panels import AttachmentsPanel
from powmia_desktop.gui.record_specs import returning_id, title_of
from powmia_desktop.services import timeline_editing
from powmia_desktop.services.editing_support import picker_lists

EVENT_FIELDS = (
    section("What happened"),
    FieldSpec("date", "Date", "date"),
    FieldSpec("title", "Title", required=True, placeholder="e.g. Captured near the Yalu River"),
    FieldSpec("category", "Kind of event", "choice", choices=EventCategory, required=True),
    FieldSpec("place_text", "Place", placeholder="e.g. near Unsan, North Korea"),
    FieldSpec("description", "Description", "long"),
    section("Notes"),
    FieldSpec("notes", "Notes", "long"),
    SENSITIVITY,
)

PARTICIPANTS = FieldSpec(
    "participants",
    "People in this event (each a case or a contact)",
    "children",
    noun="person",
    columns=("serviceman_id", "contact_id", "role"),
    children=(
        FieldSpec("serviceman_id", "Case", "ref", lookup="cases"),
        FieldSpec(
            "contact_id",
            "Or contact",
            "ref",
            lookup="contacts",
            help="Choose a case or a contact, not both.",
        ),
        FieldSpec("role", "Role", "choice", choices=ParticipantRole, required=True),
        SENSITIVITY,
    ),
)


EVENT_EDITOR = EditorSpec(
    table="timeline_event",
    noun="event",
    tabs=(
        ("Event", EVENT_FIELDS),
        ("People && sources", (PARTICIPANTS, CITATIONS)),
    ),
    read=timeline_editing.read_event_form,
    save=returning_id(timeline_editing.save_event),
    title=title_of("title"),
    lookups=picker_lists,
    defaults=lambda: {"category": EventCategory.OTHER},
    panels=(("Attachments", lambda ops: AttachmentsPanel(ops, "timeline_event_id")),),
)
