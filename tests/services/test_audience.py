"""The one place that decides what an audience may see (services/audience)."""

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from powmia_desktop.core.errors import NotFoundError, ValidationError
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import (
    AudienceProfile,
    Citation,
    Contact,
    ContactAddress,
    ContactPhone,
    EventParticipant,
    FamilyReferenceSample,
    Meeting,
    Serviceman,
    Source,
    StatusChange,
    TimelineEvent,
)
from powmia_desktop.services import audience as views
from powmia_desktop.services.audience import Audience, RedactionLog
from powmia_desktop.services.cases import add_status_change, create_case

PUBLIC = Audience("Press", Sensitivity.PUBLIC)
OFFICIALS = Audience("DPAA analyst", Sensitivity.OFFICIALS)
FAMILY = Audience("Extended family", Sensitivity.FAMILY)


def test_ceiling_and_private_records() -> None:
    assert OFFICIALS.allows(Sensitivity.PUBLIC) and OFFICIALS.allows(Sensitivity.OFFICIALS)
    assert not OFFICIALS.allows(Sensitivity.FAMILY)
    everything = Audience("Me", Sensitivity.PRIVATE)
    assert not everything.allows(Sensitivity.PRIVATE)  # private needs an explicit yes
    assert everything.effective_ceiling is Sensitivity.FAMILY
    assert dataclasses.replace(everything, include_private=True).allows(Sensitivity.PRIVATE)
    assert (
        "hides phone numbers"
        in Audience("X", Sensitivity.PUBLIC, frozenset({"hide_phones"})).describe()
    )


def test_unknown_field_rule_is_refused() -> None:
    with pytest.raises(ValidationError, match="hide_shoe_size"):
        Audience("Odd", Sensitivity.PUBLIC, frozenset({"hide_shoe_size"}))


def test_from_profile(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        profile = session.scalar(select(AudienceProfile).where(AudienceProfile.name == "Press"))
        assert profile is not None
        press = Audience.from_profile(profile)
    assert press.ceiling is Sensitivity.PUBLIC and press.hides("hide_dna_donors")
    assert press.profile_id == profile.id


def _case_with_children(archive: Archive) -> int:
    with archive.session() as session:
        case = create_case(session, surname="Layered", given_names="Case")
        public = add_status_change(session, case.id, status="mia", date="Nov 1950")
        public.sensitivity = Sensitivity.PUBLIC
        family = add_status_change(session, case.id, status="pow", date="1953")
        family.sensitivity = Sensitivity.FAMILY
        secret = Source(title="Family letter, never shown", sensitivity=Sensitivity.PRIVATE)
        open_source = Source(title="Casualty report", sensitivity=Sensitivity.PUBLIC)
        session.add_all([secret, open_source])
        session.flush()
        session.add_all(
            [
                Citation(
                    source=secret,
                    status_change=public,
                    quote="private words",
                    sensitivity=Sensitivity.PUBLIC,
                ),
                Citation(
                    source=open_source,
                    status_change=public,
                    quote="public words",
                    sensitivity=Sensitivity.PUBLIC,
                ),
                Citation(
                    source=open_source,
                    status_change=public,
                    quote="officials words",
                    sensitivity=Sensitivity.OFFICIALS,
                ),
            ]
        )
        case.sensitivity = Sensitivity.PUBLIC
        return case.id


def test_children_pass_on_their_own_level_and_their_parents(archive: Archive) -> None:
    case_id = _case_with_children(archive)
    with archive.reader() as session:
        log = RedactionLog()
        view = views.case_view(session, case_id, PUBLIC, log)
    assert view is not None
    assert [c.status for c in view.status_history] == ["MIA"]
    quotes = [c.quote for c in view.status_history[0].citations]
    assert quotes == ["public words"]  # the private source and the officials citation go
    kinds = sorted(e.kind for e in log.entries)
    assert kinds == ["citation", "source", "status change"]
    assert all(e.reason for e in log.entries)
    # A case above the ceiling goes whole, children and all.
    with archive.session() as session:
        case = session.get(Serviceman, case_id)
        assert case is not None
        case.sensitivity = Sensitivity.FAMILY
    with archive.reader() as session:
        log = RedactionLog()
        assert views.case_view(session, case_id, OFFICIALS, log) is None
        assert [e.kind for e in log.entries] == ["case"]
        assert views.case_view(session, case_id, FAMILY, RedactionLog()) is not None
        with pytest.raises(NotFoundError):
            views.case_view(session, 9999, FAMILY, RedactionLog())


def test_field_rules_remove_phones_addresses_donors_and_notes(archive: Archive) -> None:
    with archive.session() as session:
        donor = Contact(
            display_name="Jane Donor",
            surname="Donor",
            notes="a private-ish note",
            sensitivity=Sensitivity.PUBLIC,
        )
        donor.phones = [ContactPhone(number="555-0199", sensitivity=Sensitivity.PUBLIC)]
        donor.addresses = [ContactAddress(street="1 Main St", sensitivity=Sensitivity.PUBLIC)]
        case = Serviceman(surname="Sampled", notes="case note", sensitivity=Sensitivity.PUBLIC)
        case.reference_samples = [
            FamilyReferenceSample(
                donor=donor, line="mtdna", status="on_file", sensitivity=Sensitivity.PUBLIC
            )
        ]
        session.add_all([donor, case])
        session.flush()
        ids = (donor.id, case.id)
    press = Audience(
        "Press",
        Sensitivity.PUBLIC,
        frozenset({"hide_phones", "hide_addresses", "hide_dna_donors", "hide_notes"}),
    )
    with archive.reader() as session:
        log = RedactionLog()
        contact = views.contact_view(session, ids[0], press, log)
        case_view = views.case_view(session, ids[1], press, log)
        open_contact = views.contact_view(session, ids[0], PUBLIC, RedactionLog())
    assert contact is not None and case_view is not None and open_contact is not None
    assert contact.phones == () and contact.addresses == () and contact.notes == ""
    assert open_contact.phones == (("", "555-0199"),)
    assert case_view.reference_samples[0].donor == ""
    assert case_view.reference_samples[0].status == "On file"
    assert case_view.notes == ""
    rules = {e.rule for e in log.entries}
    assert {"hide_phones", "hide_addresses", "hide_dna_donors", "hide_notes"} <= rules


def test_views_are_frozen_plain_data(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        log = RedactionLog()
        case_id = session.scalar(select(Serviceman.id))
        assert case_id is not None
        view = views.case_view(session, case_id, FAMILY, log)
        contacts = views.contact_views(session, session.scalars(select(Contact.id)), FAMILY, log)
    assert view is not None
    with pytest.raises(dataclasses.FrozenInstanceError):
        view.name = "changed"  # type: ignore[misc]
    plain = (str, int, float, bool, type(None), Sensitivity, dt.date, Path)

    def check(value: object) -> None:
        if dataclasses.is_dataclass(value):
            for f in dataclasses.fields(value):
                check(getattr(value, f.name))
        elif isinstance(value, tuple):
            for item in value:
                check(item)
        else:
            assert isinstance(value, plain), type(value)

    check(view)
    for contact in contacts:
        check(contact)


def test_demo_private_records_never_appear_unless_included(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        case_id = session.scalar(select(Serviceman.id))
        assert case_id is not None
        log = RedactionLog()
        everything = Audience("Me", Sensitivity.PRIVATE)
        view = views.case_view(session, case_id, everything, log)
        events = views.event_views(session, everything, log)
        included = dataclasses.replace(everything, include_private=True)
        with_private = views.case_view(session, case_id, included, RedactionLog())
    assert view is not None and with_private is not None
    assert view.live_sightings == () and len(with_private.live_sightings) == 1
    assert not any("businessman" in e.title for e in events)
    assert {e.rule for e in log.entries} == {"private"}


def test_meeting_and_questions(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        meeting_id = session.scalar(
            select(Meeting.id).where(Meeting.title.like("Family Member Update%"))
        )
        assert meeting_id is not None
        log = RedactionLog()
        meeting = views.meeting_view(session, meeting_id, OFFICIALS, log)
        assert meeting is not None
        questions = views.question_views(session, OFFICIALS, log, question_ids=meeting.question_ids)
    assert meeting.when == "17 Apr 2027, 09:00–16:00 (America/New_York)"
    assert meeting.attendees[0].name == "Bill Dumas"
    assert len(questions) == 4  # the family's fifth question is withheld
    assert [e.kind for e in log.entries] == ["question"]


def test_meeting_times() -> None:
    start = dt.datetime(2006, 10, 15, 12, tzinfo=dt.UTC)
    assert views.meeting_when(start, None, True, "") == "15 Oct 2006"
    assert views.meeting_when(start, None, False, "Not/AZone") == "15 Oct 2006, 12:00 (UTC)"
    assert views.meeting_when(None, None, False, "") == ""


def test_status_change_rows_are_read_once(archive: Archive) -> None:
    """Many cases load in a few queries (chunked IN lists), in the order asked for."""
    with archive.session() as session:
        ids = [create_case(session, surname=f"Case{i:03d}").id for i in range(30)]
        for case_id in ids[:3]:
            add_status_change(session, case_id, status="mia")
    with archive.reader() as session:
        found = views.case_views(session, list(reversed(ids)), OFFICIALS, RedactionLog())
        assert session.scalar(select(func.count()).select_from(StatusChange)) == 3
    assert [c.id for c in found] == list(reversed(ids))


def _timeline_with_layers(archive: Archive, cases: int) -> list[int]:
    """``cases`` public cases, each on five public events; the first case's events also name
    a private contact, an officials-level participant row and a family-level case, and cite
    a public and a private source."""
    with archive.session() as session:
        ids = [create_case(session, surname=f"Timeline{i:03d}").id for i in range(cases)]
        hidden_case = create_case(session, surname="Familyonly", given_names="Kept")
        hidden_case.sensitivity = Sensitivity.FAMILY
        for case_id in ids:
            session.get_one(Serviceman, case_id).sensitivity = Sensitivity.PUBLIC
        secret = Contact(display_name="Secret Witness", sensitivity=Sensitivity.PRIVATE)
        named = Contact(display_name="Open Witness", sensitivity=Sensitivity.PUBLIC)
        letter = Source(title="Private letter", sensitivity=Sensitivity.PRIVATE)
        report = Source(title="Public report", sensitivity=Sensitivity.PUBLIC)
        session.add_all([secret, named, letter, report])
        for n, case_id in enumerate(ids):
            for year in range(1950, 1955):
                e = TimelineEvent(
                    title=f"Event {year} of case {n}",
                    date=FuzzyDate.parse(str(year)),
                    sensitivity=Sensitivity.PUBLIC,
                )
                e.participants.append(
                    EventParticipant(serviceman_id=case_id, sensitivity=Sensitivity.PUBLIC)
                )
                if n == 0 and year == 1950:
                    e.participants += [
                        EventParticipant(contact=secret, sensitivity=Sensitivity.PUBLIC),
                        EventParticipant(contact=named, sensitivity=Sensitivity.OFFICIALS),
                        EventParticipant(contact=named, sensitivity=Sensitivity.PUBLIC),
                        EventParticipant(serviceman=hidden_case, sensitivity=Sensitivity.PUBLIC),
                    ]
                    e.citations += [
                        Citation(source=report, quote="seen", sensitivity=Sensitivity.PUBLIC),
                        Citation(source=letter, quote="private", sensitivity=Sensitivity.PUBLIC),
                    ]
                session.add(e)
        private_event = TimelineEvent(
            title="Private event", date=FuzzyDate.parse("1951"), sensitivity=Sensitivity.PRIVATE
        )
        private_event.participants.append(EventParticipant(serviceman_id=ids[0]))
        session.add(private_event)
    return ids


def test_timeline_rows_pass_the_gate_like_every_record(archive: Archive) -> None:
    ids = _timeline_with_layers(archive, 3)
    with archive.reader() as session:
        log = RedactionLog()
        events = views.event_views(session, PUBLIC, log, case_ids=ids)
        everything = views.event_views(session, FAMILY, RedactionLog(), case_ids=ids)
    assert [e.title for e in events][:3] == [
        "Event 1950 of case 0",
        "Event 1950 of case 1",
        "Event 1950 of case 2",
    ]
    assert len(events) == 15 and "Private event" not in {e.title for e in everything}
    first = events[0]
    assert first.people == ("Timeline000", "Open Witness")
    assert first.case_ids == (ids[0],)
    assert [c.quote for c in first.citations] == ["seen"]
    withheld = {(e.kind, e.label) for e in log.entries}
    # Private records are named by kind and number alone: even their names are private.
    with archive.reader() as session:
        secret = session.scalar(select(Contact.id).where(Contact.display_name == "Secret Witness"))
        letter = session.scalar(select(Source.id).where(Source.title == "Private letter"))
    assert ("contact", f"no. {secret}") in withheld and ("source", f"no. {letter}") in withheld
    assert not any("Secret Witness" in label or "Private" in label for _, label in withheld)
    participant = f"Event 1950 of case 0: participant {_participant_id(archive)}"
    assert ("event participant", participant) in withheld
    assert ("case", "Familyonly, Kept") in withheld
    # A withheld private event is named by its number, never by its words.
    assert any(e.kind == "timeline event" and e.label.startswith("no. ") for e in log.entries)
    assert not any("Private event" in e.label for e in log.entries)
    # An audience that may see family records sees the family-level case named too.
    assert "Kept Familyonly" in everything[0].people


def _participant_id(archive: Archive) -> int:
    with archive.reader() as session:
        found = session.scalar(
            select(EventParticipant.id).where(EventParticipant.sensitivity == Sensitivity.OFFICIALS)
        )
    assert found is not None
    return found


def test_timeline_of_many_cases_is_read_in_a_few_queries(archive: Archive) -> None:
    """Not one query per event: the statements do not grow with the number of events."""
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    counts = []
    for cases in (4, 40):
        ids = _timeline_with_layers(archive, cases)
        statements.clear()
        with archive.reader() as session:
            engine = session.get_bind()
            event.listen(engine, "before_cursor_execute", count)
            try:
                found = views.case_views(session, ids, PUBLIC, RedactionLog())
            finally:
                event.remove(engine, "before_cursor_execute", count)
        assert sum(len(c.events) for c in found) == 5 * cases
        counts.append(len(statements))
    assert counts[0] == counts[1]
