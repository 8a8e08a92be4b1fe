"""Reading a timeline event into form values and saving the form back.

An event is edited with the people in it (each a case or a contact, with a role) and the
sources that tell it (citations); ``save_event`` writes all of that in the caller's single
transaction, so a save is one undoable step.
"""

from sqlalchemy.orm import Session

from powmia_desktop.core.vocab import EventCategory
from powmia_desktop.db.models import TimelineEvent
from powmia_desktop.services.editing import RecordForm
from powmia_desktop.services.editing_support import one_of, read_form, save_form
from powmia_desktop.services.record_schemas import EVENT
from powmia_desktop.services.timeline import get_event

EventForm = RecordForm


def read_event_form(session: Session, event_id: int) -> EventForm:
    return read_form(get_event(session, event_id), EVENT)


def save_event(session: Session, event_id: int | None, form: EventForm) -> TimelineEvent:
    """Create (``event_id`` None) or change a timeline event from its form, in the caller's
    transaction; an event saved elsewhere since it was read is refused."""

    def check(event: TimelineEvent) -> None:
        one_of(
            form.children.get("participants", []),
            ("serviceman_id", "contact_id"),
            what="Person",
            labels="either a case or a contact, not both",
        )

    return save_form(
        session,
        TimelineEvent,
        EVENT,
        event_id,
        form,
        name=lambda e: e.title,
        make=lambda: TimelineEvent(title="", category=EventCategory.OTHER),
        check=check,
    )
