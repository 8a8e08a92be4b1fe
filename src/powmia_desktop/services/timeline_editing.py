"""Reading a timeline event into form values and saving the form back.

An event is edited with the people in it (each a case or a contact, with a role) and the
sources that tell it (citations); ``save_event`` writes all of that in the caller's single
transaction, so a save is one undoable step.
"""

from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.vocab import EventCategory, ParticipantRole
from powmia_desktop.db.models import Citation, EventParticipant, TimelineEvent
from powmia_desktop.services.case_editing import CITATION_KINDS
from powmia_desktop.services.editing import Kinds, RecordForm, record_values
from powmia_desktop.services.editing_support import (
    apply_form,
    attach_to,
    one_of,
    record_for_save,
    require_refs,
    require_set,
    sync_rows,
)
from powmia_desktop.services.timeline import get_event

EVENT_KINDS: Kinds = {
    "date": "date",
    "title": "required",
    "description": "long",
    "category": EventCategory,
    "place_text": "text",
    "notes": "long",
    "sensitivity": "sensitivity",
}
PARTICIPANT_KINDS: Kinds = {
    "serviceman_id": "ref",
    "contact_id": "ref",
    "role": ParticipantRole,
    "sensitivity": "sensitivity",
}

EventForm = RecordForm


def read_event_form(session: Session, event_id: int) -> EventForm:
    event = get_event(session, event_id)
    children = {
        "participants": [record_values(p, PARTICIPANT_KINDS) for p in event.participants],
        "citations": [record_values(c, CITATION_KINDS) for c in event.citations],
    }
    return EventForm(record_values(event, EVENT_KINDS), children, event.row_version)


def save_event(session: Session, event_id: int | None, form: EventForm) -> TimelineEvent:
    """Create (``event_id`` None) or change a timeline event from its form, in the caller's
    transaction; an event saved elsewhere since it was read is refused."""
    event = record_for_save(
        session,
        TimelineEvent,
        event_id,
        form,
        what="timeline event",
        name=lambda e: e.title,
        make=lambda: TimelineEvent(title="", category=EventCategory.OTHER),
    )
    with session.no_autoflush:
        apply_form(event, form.values, EVENT_KINDS)
        require_set(event, "category")
        for name, rows in form.children.items():
            if name == "participants":
                one_of(
                    rows,
                    ("serviceman_id", "contact_id"),
                    what="Person",
                    labels="either a case or a contact, not both",
                )
                require_refs(rows, "role", what="Person", label="Role")
                sync_rows(
                    session,
                    event.participants,
                    rows,
                    attach_to(EventParticipant, "event", event),
                    PARTICIPANT_KINDS,
                    what="Person",
                )
            elif name == "citations":
                require_refs(rows, "source_id", what="Citation", label="Source")
                require_refs(rows, "confidence", what="Citation", label="Confidence")
                sync_rows(
                    session,
                    event.citations,
                    rows,
                    attach_to(Citation, "timeline_event", event),
                    CITATION_KINDS,
                    what="Citation",
                )
            else:
                raise ValidationError(f"'{name}' is not a part of a timeline event", name)
    session.flush()
    return event
