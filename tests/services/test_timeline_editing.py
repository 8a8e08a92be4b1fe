"""Saving a timeline event form: the event, the people in it and the sources that tell it."""

from typing import Any

import pytest
from sqlalchemy import select

from powmia_desktop.core.errors import ConflictError, ValidationError
from powmia_desktop.core.vocab import Confidence, EventCategory, ParticipantRole
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Contact, Serviceman, Source, TimelineEvent
from powmia_desktop.services import timeline_editing as te
from powmia_desktop.services.timeline import get_event, list_events


def _refs(archive: Archive) -> tuple[int, int, int]:
    with archive.reader() as session:
        case = session.scalars(select(Serviceman.id)).one()
        contact = session.scalars(select(Contact.id).order_by(Contact.id)).first()
        source = session.scalars(select(Source.id).order_by(Source.id)).first()
    assert contact is not None and source is not None
    return case, contact, source


def test_new_event_with_people_and_citations(demo_archive: Archive) -> None:
    case, contact, source = _refs(demo_archive)
    form = te.EventForm(
        {"title": "Letter from the Army", "date": "c. 1955", "category": "letter"},
        {
            "participants": [
                {"id": None, "serviceman_id": case, "role": "subject"},
                {"id": None, "contact_id": contact, "role": ParticipantRole.RECIPIENT},
            ],
            "citations": [
                {"id": None, "source_id": source, "locator": "p. 2", "confidence": "primary"}
            ],
        },
    )
    with demo_archive.session() as session:
        event_id = te.save_event(session, None, form).id
    with demo_archive.reader() as session:
        event = get_event(session, event_id)
        assert (str(event.date), event.category) == ("about 1955", EventCategory.LETTER)
        assert [(p.serviceman_id, p.contact_id) for p in event.participants] == [
            (case, None),
            (None, contact),
        ]
        assert event.citations[0].confidence is Confidence.PRIMARY
        assert event_id in {r.id for r in list_events(session, case_id=case)}
        assert te.read_event_form(session, event_id).values["date"] == "c. 1955"


def test_saving_every_read_form_again_changes_nothing(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        ids = session.scalars(select(TimelineEvent.id)).all()
        forms = {i: te.read_event_form(session, i) for i in ids}
    with demo_archive.session() as session:
        for event_id, form in forms.items():
            te.save_event(session, event_id, form)
        assert not [o for o in session.dirty if session.is_modified(o)]
    with demo_archive.reader() as session:
        assert {i: te.read_event_form(session, i) for i in ids} == forms


def test_children_are_changed_and_removed(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        event_id = list_events(session)[0].id
        form = te.read_event_form(session, event_id)
    form.children["citations"][0]["locator"] = "box 12"
    form.children["participants"] = []
    with demo_archive.session() as session:
        te.save_event(session, event_id, form)
    with demo_archive.reader() as session:
        event = get_event(session, event_id)
        assert event.citations[0].locator == "box 12" and event.participants == []


@pytest.mark.parametrize(
    ("child", "row", "message"),
    [
        ("participants", {"role": "subject"}, "Person 1: choose either a case or a contact"),
        ("participants", {"role": "subject", "both": True}, "not both"),
        ("citations", {"locator": "p. 1", "confidence": "primary"}, "Citation 1: Choose “Source”"),
    ],
)
def test_bad_rows_are_refused_naming_the_row(
    demo_archive: Archive, child: str, row: dict[str, Any], message: str
) -> None:
    case, contact, _ = _refs(demo_archive)
    if row.pop("both", False):
        row.update(serviceman_id=case, contact_id=contact)
    form = te.EventForm({"title": "Something"}, {child: [{"id": None, **row}]})
    with pytest.raises(ValidationError, match=message), demo_archive.session() as session:
        te.save_event(session, None, form)


def test_title_is_required_and_text_dates_are_kept(archive: Archive) -> None:
    with pytest.raises(ValidationError) as raised, archive.session() as session:
        te.save_event(session, None, te.EventForm({"title": "", "date": "1953"}))
    assert raised.value.field == "title"
    with archive.session() as session:
        event = te.save_event(session, None, te.EventForm({"title": "x", "date": "mid-1953"}))
        assert event.date is not None and event.date.text == "mid-1953"


def test_stale_form_is_a_conflict(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        event_id = list_events(session)[0].id
        mine = te.read_event_form(session, event_id)
        theirs = te.read_event_form(session, event_id)
    theirs.values["place_text"] = "Unsan"
    with demo_archive.session() as session:
        te.save_event(session, event_id, theirs)
    with pytest.raises(ConflictError), demo_archive.session() as session:
        te.save_event(session, event_id, mine)
