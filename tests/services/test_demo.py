"""The demo archive: the Dumas case loads whole, sourced, searchable and only once."""

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ArchiveError
from powmia_desktop.core.fuzzydate import DateModifier
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import (
    AccountingStatus,
    Branch,
    CasualtyStatus,
    ClaimProperty,
    MeetingStatus,
    RelationshipKind,
    StatusAuthority,
    StatusMethod,
)
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path
from powmia_desktop.db.models import (
    AudienceProfile,
    Base,
    Citation,
    Claim,
    Contact,
    LiveSightingReport,
    Meeting,
    Serviceman,
    Tag,
    TimelineEvent,
)
from powmia_desktop.resources import resource_path
from powmia_desktop.services.demo import (
    DemoSummary,
    demo_is_loaded,
    demo_path,
    load_demo,
    uid_for,
)

PARTIAL_TIMELINE_ENTRIES = 18


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    with Archive.open(location_for_path(tmp_path / "a.sqlite"), create=True) as opened:
        yield opened


@pytest.fixture
def summary(archive: Archive) -> DemoSummary:
    with archive.session() as session:
        return load_demo(session)


@pytest.fixture
def session(archive: Archive, summary: DemoSummary) -> Iterator[Session]:
    with archive.reader() as reader:
        yield reader


def dumas(session: Session) -> Serviceman:
    return session.scalars(select(Serviceman).where(Serviceman.surname == "Dumas")).one()


def row_counts(archive: Archive) -> dict[str, int]:
    with archive.reader() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
        }


def test_the_demo_file_is_found_and_versioned() -> None:
    path = demo_path()
    assert path == resource_path("demo", "dumas.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    assert (document["format"], document["version"]) == ("powmia-demo", 1)


def test_resource_path_names_a_missing_file() -> None:
    with pytest.raises(FileNotFoundError, match=r"no-such-file\.json"):
        resource_path("demo", "no-such-file.json")


def test_dumas_case(session: Session, summary: DemoSummary) -> None:
    case = dumas(session)
    assert case.id == summary.serviceman_id
    assert case.uid == uid_for("case/dumas")
    assert (case.given_names, case.rank, case.branch) == ("Roger A.", "Cpl.", Branch.ARMY)
    assert case.unit == "Co. F, 19th Infantry Regiment, 24th Infantry Division"
    assert case.loss_date is not None and case.loss_date.earliest == date(1950, 11, 4)
    assert "Yalu" in case.loss_place_text
    assert case.loss_place is not None and case.loss_place.name == "Yalu River"
    assert case.accounting_status is AccountingStatus.UNACCOUNTED_FOR
    assert case.last_seen_alive is True
    assert "Big Switch" in case.circumstances
    assert case.summary
    assert {t.name for t in case.tags} >= {"Last Seen Alive", "Camp 5", "Big Switch"}


def test_status_history_in_date_order_with_authorities(session: Session) -> None:
    case = dumas(session)
    history = case.status_changes
    assert [c.status for c in history] == [
        CasualtyStatus.MIA,
        CasualtyStatus.MISSING_PRESUMED_DEAD,
        CasualtyStatus.POW,
    ]
    assert [c.authority for c in history] == [
        StatusAuthority.ARMY,
        StatusAuthority.ARMY,
        StatusAuthority.COURT,
    ]
    keys = [c.date.sort_key for c in history if c.date is not None]
    assert len(keys) == 3 and keys == sorted(keys)
    presumed, court = history[1], history[2]
    assert presumed.date is not None and presumed.date.earliest == date(1954, 2, 26)
    assert presumed.method is StatusMethod.PRESUMPTIVE_FINDING
    assert {c.source.title for c in presumed.citations} >= {
        "Canterbury man still looking for answers about his brother, a Korean War POW"
    }
    # The court date is honest about its uncertainty and cites each version.
    assert court.method is StatusMethod.COURT_ORDER
    assert court.date is not None and court.date.modifier is DateModifier.BETWEEN
    quotes = " ".join(c.quote for c in court.citations)
    assert "1983" in quotes and "1984" in quotes
    assert case.current_status is CasualtyStatus.POW


def test_captivity_in_camp_5_with_its_other_names(session: Session) -> None:
    (captivity,) = dumas(session).captivities
    camp = captivity.camp
    assert camp is not None
    assert {"Tongju-ri", "Old Pyoktong", "Pyoktong"} <= set(camp.all_names())
    assert camp.place_type.value == "camp"
    assert "re-used" in camp.ambiguity_warning
    assert captivity.citations


def test_capture_place_claims_each_cite_a_different_source(session: Session) -> None:
    claims = [c for c in dumas(session).claims if c.fact is ClaimProperty.CAPTURE_PLACE]
    yalu = [c for c in claims if "Yalu" in c.value]
    anju = [c for c in claims if "Anju" in c.value]
    assert len(yalu) == 1 and len(anju) == 1
    assert yalu[0].citations and anju[0].citations
    yalu_sources = {c.source_id for c in yalu[0].citations}
    anju_sources = {c.source_id for c in anju[0].citations}
    assert yalu_sources.isdisjoint(anju_sources)
    assert any("Manchurian" in c.value for c in claims)


def test_rank_last_seen_and_court_date_disagreements_are_claims(session: Session) -> None:
    claims = dumas(session).claims
    ranks = {c.value for c in claims if c.fact is ClaimProperty.RANK}
    assert "Private" in ranks and any("Cpl." in r for r in ranks)
    last_seen = " | ".join(c.value for c in claims if c.fact is ClaimProperty.LAST_SEEN)
    assert "Chinese guards" in last_seen and "1957" in last_seen
    court = {c.value for c in claims if c.fact_text == "Date of the court order"}
    assert {"1983", "1984"} <= court
    assert session.scalar(select(func.count()).where(~Claim.citations.any())) == 0


def test_every_partial_timeline_entry_is_there(session: Session) -> None:
    partial = session.scalars(
        select(TimelineEvent)
        .where(TimelineEvent.tags.any(Tag.name == "Partial Timeline"))
        .order_by(TimelineEvent.date_sort)
    ).all()
    assert len(partial) == PARTIAL_TIMELINE_ENTRIES
    first, last = partial[0], partial[-1]
    assert first.date is not None and first.date.earliest == date(1953, 7, 27)
    assert "Armistice" in first.title
    assert last.date is not None and last.date.format() == "Jan 2012"
    assert "Lugar" in last.title
    by_text = {e.date.text: e for e in partial if e.date is not None}
    assert "Lodge" in by_text["1954-7"].title
    assert by_text["1954-7"].date is not None
    assert by_text["1954-7"].date.format() == "from 1954 to 1957"
    assert "Senate Foreign Relations" in by_text["1954 - 1957"].title
    assert {c.contact.display_name for c in last.participants if c.contact} >= {
        "Sen. Richard Lugar",
        "Sec. Leon Panetta",
    }


def test_every_event_has_a_citation(session: Session) -> None:
    events = session.scalar(select(func.count()).select_from(TimelineEvent))
    assert events is not None and events > PARTIAL_TIMELINE_ENTRIES
    uncited = session.scalars(
        select(TimelineEvent.title).where(~TimelineEvent.citations.any())
    ).all()
    assert uncited == []
    quoted = session.scalar(select(func.count()).where(Citation.quote != ""))
    assert quoted is not None and quoted > 0


def test_the_live_sighting_report_is_private(session: Session) -> None:
    (report,) = dumas(session).live_sightings
    assert report.sensitivity is Sensitivity.PRIVATE
    assert all(c.sensitivity is Sensitivity.PRIVATE for c in report.citations)
    assert report.reporter is not None
    assert report.reporter.sensitivity is Sensitivity.PRIVATE
    businessman_events = session.scalars(
        select(TimelineEvent).where(TimelineEvent.title.contains("businessman"))
    ).all()
    assert businessman_events
    assert all(e.sensitivity is Sensitivity.PRIVATE for e in businessman_events)
    assert session.scalar(select(func.count()).select_from(LiveSightingReport)) == 1


def test_the_october_2006_meeting(session: Session) -> None:
    meeting = session.scalars(select(Meeting).where(Meeting.title.contains("October 2006"))).one()
    assert meeting.status is MeetingStatus.HELD
    assert meeting.starts_at is not None and meeting.starts_at.date() == date(2006, 10, 15)
    attendees = {a.contact.display_name for a in meeting.attendances}
    assert {"Bill Dumas", "Amb. Charles Ray"} <= attendees
    assert [c.surname for c in meeting.cases] == ["Dumas"]
    assert any("Peace Treaty Initiative" in item.title for item in meeting.agenda_items)
    assert "Amb. Ray" in meeting.minutes
    carried = {q.text for q in meeting.questions}
    assert carried, "the question asked in 2006 is carried to later meetings"
    planned = session.scalars(select(Meeting).where(Meeting.status == MeetingStatus.PLANNED)).one()
    assert carried <= {q.text for q in planned.questions}
    assert any("2,058" in q.text for q in planned.questions)


def test_contacts_and_relationships(session: Session) -> None:
    contacts = {c.display_name: c for c in session.scalars(select(Contact))}
    assert any("박길연" in c.notes for c in contacts.values())
    bill = contacts["Bill Dumas"]
    assert [p.sensitivity for p in bill.phones] == [Sensitivity.FAMILY]
    assert "555-01" in bill.phones[0].number
    assert bill.emails[0].address.endswith("@example.org")
    assert bill.emails[0].sensitivity is Sensitivity.FAMILY
    (army,) = [c for c in contacts.values() if "Service Casualty Office" in c.display_name]
    assert [(p.number, p.sensitivity) for p in army.phones] == [
        ("800-892-2490", Sensitivity.PUBLIC)
    ]
    links = {
        (r.from_contact.display_name, r.kind)
        for r in dumas(session).relationships
        if r.to_serviceman is not None
    }
    assert ("Bill Dumas", RelationshipKind.NEPHEW_OF) in links
    assert ("Bob Dumas", RelationshipKind.SIBLING_OF) in links


def test_audience_profiles(session: Session) -> None:
    profiles = {p.name: p for p in session.scalars(select(AudienceProfile))}
    assert profiles["Press"].ceiling is Sensitivity.PUBLIC
    assert {"hide_phones", "hide_emails", "hide_addresses", "hide_dna_donors"} <= set(
        profiles["Press"].field_rules
    )
    assert profiles["Congressional office"].field_rules == ["hide_phones"]
    assert profiles["Extended family"].ceiling is Sensitivity.FAMILY
    assert profiles["DPAA analyst"].ceiling is Sensitivity.OFFICIALS


def test_full_text_search_finds_yalu(session: Session, summary: DemoSummary) -> None:
    hits = session.execute(
        text("SELECT kind, record_id FROM search_index WHERE search_index MATCH 'yalu'")
    ).all()
    kinds = {kind for kind, _ in hits}
    assert ("case", summary.serviceman_id) in {(k, r) for k, r in hits}
    assert "event" in kinds


def test_summary_counts_what_is_in_the_archive(session: Session, summary: DemoSummary) -> None:
    assert summary.cases == 1
    assert summary.events == session.scalar(select(func.count()).select_from(TimelineEvent))
    assert summary.contacts == session.scalar(select(func.count()).select_from(Contact))
    assert summary.tags == session.scalar(select(func.count()).select_from(Tag))
    assert summary.citations == session.scalar(select(func.count()).select_from(Citation))
    assert summary.describe().startswith("1 case, ")


def test_demo_is_loaded(tmp_path: Path) -> None:
    with Archive.open(location_for_path(tmp_path / "b.sqlite"), create=True) as archive:
        with archive.reader() as session:
            assert demo_is_loaded(session) is False
        with archive.session() as session:
            load_demo(session)
        with archive.reader() as session:
            assert demo_is_loaded(session) is True


def test_loading_twice_is_refused_and_changes_nothing(
    archive: Archive, summary: DemoSummary
) -> None:
    before = row_counts(archive)
    with (
        pytest.raises(ArchiveError, match="The demo content is already in this archive"),
        archive.session() as session,
    ):
        load_demo(session)
    assert row_counts(archive) == before


def test_an_unknown_key_is_refused_by_name(archive: Archive, tmp_path: Path) -> None:
    document = json.loads(demo_path().read_text(encoding="utf-8"))
    document["events"][0]["citations"][0]["source"] = "no-such-source"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    before = row_counts(archive)
    with pytest.raises(ArchiveError, match="no-such-source"), archive.session() as session:
        load_demo(session, broken)
    assert row_counts(archive) == before


def test_an_unknown_field_is_refused(archive: Archive, tmp_path: Path) -> None:
    document = json.loads(demo_path().read_text(encoding="utf-8"))
    document["cases"][0]["rnak"] = "Pfc."
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ArchiveError, match="rnak"), archive.session() as session:
        load_demo(session, broken)


def test_the_demo_speaks_as_a_family_archive() -> None:
    """Its texts cite the family's sources; none speaks of how the demo was made."""
    from powmia_desktop.services.demo import demo_path

    text = demo_path().read_text(encoding="utf-8").casefold()
    assert "seed" not in text
