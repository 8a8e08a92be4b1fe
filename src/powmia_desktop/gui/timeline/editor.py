"""The timeline event editor: the date as the sources give it, what happened, who was in
it and which sources say so. The fields are the event schema's
(services/record_schemas.py); this module says only how they are shown."""

from powmia_desktop.core.vocab import EventCategory
from powmia_desktop.gui.editor import EditorSpec
from powmia_desktop.gui.forms.layout import REST, Look, form_tabs
from powmia_desktop.gui.panels import AttachmentsPanel
from powmia_desktop.gui.record_specs import (
    CITATION_COLUMNS,
    CITATION_PLACEHOLDERS,
    returning_id,
    title_of,
)
from powmia_desktop.services import timeline_editing
from powmia_desktop.services.pickers import picker_lists
from powmia_desktop.services.record_schemas import EVENT

EVENT_LOOK = Look(
    tabs=(("Event", (REST,)), ("People && sources", ("participants", "citations"))),
    headings={"date": "What happened", "notes": "Notes"},
    placeholders={
        "title": "e.g. Captured near the Yalu River",
        "place_text": "e.g. near Unsan, North Korea",
        **CITATION_PLACEHOLDERS,
    },
    columns={"participants": ("serviceman_id", "contact_id", "role"), **CITATION_COLUMNS},
)


EVENT_EDITOR = EditorSpec(
    table="timeline_event",
    noun="event",
    tabs=form_tabs(EVENT, EVENT_LOOK),
    read=timeline_editing.read_event_form,
    save=returning_id(timeline_editing.save_event),
    title=title_of("title"),
    lookups=picker_lists,
    defaults=lambda: {"category": EventCategory.OTHER},
    panels=(("Attachments", lambda ops: AttachmentsPanel(ops, "timeline_event_id")),),
)
