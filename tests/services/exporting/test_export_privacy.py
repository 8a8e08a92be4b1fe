"""Nothing above the ceiling leaves, private never without asking, children included."""

import csv
from pathlib import Path

import icalendar
from sqlalchemy import select, update

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Contact, ContactPhone, Meeting, Serviceman, TimelineEvent
from powmia_desktop.services.exporting.ics import calendar_bytes
from powmia_desktop.services.exporting.privacy import Privacy
from powmia_desktop.services.exporting.tables import case_rows, contact_rows, event_rows
from powmia_desktop.services.exporting.timeline_csv import timeline_rows
from powmia_desktop.services.exporting.vcard import contact_cards


def test_the_ceiling_is_never_private_without_include_private() -> None:
    assert Privacy().effective is Sensitivity.FAMILY
    assert Privacy(Sensitivity.PRIVATE).effective is Sensitivity.FAMILY
    assert Privacy(include_private=True).effective is Sensitivity.PRIVATE
    assert Privacy(Sensitivity.OFFICIALS, include_private=True).effective is Sensitivity.OFFICIALS
    assert Privacy(Sensitivity.PUBLIC).allows(0) and not Privacy(Sensitivity.PUBLIC).allows(1)


def test_private_cases_and_events_stay_home(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        shown_before = len(event_rows(session)[1])
    with demo_archive.session() as session:
        session.execute(update(Serviceman).values(sensitivity=Sensitivity.PRIVATE))
        first_event = session.scalars(select(TimelineEvent.id).order_by(TimelineEvent.id)).first()
        session.execute(
            update(TimelineEvent)
            .where(TimelineEvent.id == first_event)
            .values(sensitivity=Sensitivity.PRIVATE)
        )
    with demo_archive.reader() as session:
        assert case_rows(session)[1] == []
        assert len(case_rows(session, privacy=Privacy(include_private=True))[1]) == 1
        assert len(event_rows(session)[1]) == shown_before - 1
        assert len(timeline_rows(session)) == shown_before - 1
        assert len(event_rows(session, Privacy.everything())[1]) > shown_before


def test_phones_have_their_own_sensitivity(demo_archive: Archive) -> None:
    with demo_archive.session() as session:
        phone = session.scalars(select(ContactPhone)).first()
        assert phone is not None
        owner = session.get(Contact, phone.contact_id)
        assert owner is not None
        owner.sensitivity = Sensitivity.PUBLIC
        phone.sensitivity = Sensitivity.FAMILY
        number, name = phone.number, owner.display_name
    with demo_archive.reader() as session:
        public = Privacy(Sensitivity.PUBLIC)
        rows = {r[0]: r for r in contact_rows(session, public)[1]}
        assert name in rows and number not in rows[name][5]
        assert number in {r[0]: r for r in contact_rows(session)[1]}[name][5]
        cards = "".join(contact_cards(session, public))
        assert name in cards and number not in cards
        assert number in "".join(contact_cards(session))


def test_meetings_above_the_ceiling_are_not_in_the_calendar(demo_archive: Archive) -> None:
    with demo_archive.session() as session:
        titles = session.scalars(select(Meeting.title)).all()
        session.execute(update(Meeting).values(sensitivity=Sensitivity.PRIVATE))
    with demo_archive.reader() as session:
        data, _ = calendar_bytes(session)
        assert all(t not in data.decode() for t in titles)
        data, count = calendar_bytes(session, Privacy.everything())
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert {str(e["SUMMARY"]) for e in events} == set(titles) and count >= len(titles)


def test_csv_files_open_in_spreadsheets(demo_archive: Archive, tmp_path: Path) -> None:
    from powmia_desktop.services.exporting.tables import export_list

    path = tmp_path / "contacts.csv"
    with demo_archive.reader() as session:
        result = export_list(session, "contacts", path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines()))
    assert rows[0][:5] == ["Name", "Kind", "Title", "Organization", "Type"]
    assert len(rows) == result.count + 1


def test_the_case_schemas_further_fields_are_exported_with_what_an_audience_hides_taken_out(
    demo_archive: Archive,
) -> None:
    with demo_archive.session() as session:
        session.execute(update(Serviceman).values(loss_place_text="near Anju; call 860-555-0142"))
    with demo_archive.reader() as session:
        headers, rows = case_rows(session, privacy=Privacy(include_private=True))
        place = headers.index("Place of loss")
        assert rows[0][place] == "near Anju; call 860-555-0142"
        assert "Born" in headers and "Notes" not in headers and "Summary" not in headers
        hidden = Privacy(rules=frozenset({"hide_phones"}))
        headers, rows = case_rows(session, privacy=hidden)
    assert rows[0][place].startswith("near Anju")
    assert "555-0142" not in rows[0][place]
