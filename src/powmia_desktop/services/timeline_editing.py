"""Reading a timeline event into form values and saving the form back.

An event is edited with the people in it (each a case or a contact, with a role) and the
sources that tell it (citations); ``save_event`` writes all of that in the caller's single
transaction, so a save is one undoable step.
"""

from sqlalchemy.orm import Session

from powmia_desktop.core.vocab import EventCategory
from powmia_desktop.db.models import TimelineEvent
from powmia_desktop.services.editing import RecordForm, record_rows, record_values
from powmia_desktop.services.editing_support import (
    apply_form,
    one_of,
    record_for_save,
    save_children,
)
from powmia_desktop.services.record_schemas import EVENT
from powmia_desktop.services.timeline import get_event

EventForm = RecordForm


def read_event_form(session: Session, event_id: int) -> EventForm:
    event = get_event(session, event_id)
    children = {part.name: record_rows(event, part) for part in EVENT.children}
    return EventForm(record_values(event, EVENT), children, event.row_version)


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
        apply_form(event, form.values, EVENT)
        one_of(
            form.children.get("participants", []),
            ("serviceman_id", "contact_id"),
            what="Person",
            labels="either a case or a contact, not both",
        )
        save_children(session, event, EVENT, form.children)
    session.flush()
    return event
