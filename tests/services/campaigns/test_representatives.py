"""Who represents a family: the senators of the state of a contact's address and the
representative of its district, found among the members of Congress from the real files."""

import pytest
from sqlalchemy import select

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Contact, ContactAddress
from powmia_desktop.services.representatives import (
    Seat,
    normal_district,
    office_address,
    read_seat,
    representatives_for,
    salutation,
    seat_title,
)


def _family(archive: Archive, region: str, district: str) -> int:
    with archive.session() as session:
        bill = Contact(display_name="Bill Dumas", surname="Dumas", given_names="Bill")
        bill.addresses.append(
            ContactAddress(street="1 Main St", city="Canterbury", region=region, district=district)
        )
        session.add(bill)
        session.flush()
        return bill.id


def test_a_contact_in_a_state_with_a_district_gets_its_two_senators_and_representative(
    congress: Archive,
) -> None:
    bill = _family(congress, "CT", "02")
    with congress.reader() as session:
        members = representatives_for(session, bill)
        assert [m.display_name for m in members] == [
            "Richard Blumenthal",
            "Christopher Murphy",
            "Joe Courtney",
        ]
        assert [salutation(m) for m in members] == [
            "Dear Senator Blumenthal:",
            "Dear Senator Murphy:",
            "Dear Representative Courtney:",
        ]
        office = office_address(members[2])
        assert office is not None
        assert (office.street, office.city, office.region, office.postal_code) == (
            "2449 Rayburn House Office Building",
            "Washington",
            "DC",
            "20515-0702",
        )


def test_without_a_district_only_the_senators_and_an_at_large_seat_is_found(
    congress: Archive,
) -> None:
    somewhere = _family(congress, "WA", "")
    vermont = _family(congress, "VT", "at large")
    with congress.reader() as session:
        assert [m.display_name for m in representatives_for(session, somewhere)] == [
            "Maria Cantwell",
            "Patty Murray",
        ]
        assert [m.display_name for m in representatives_for(session, vermont)] == [
            "Bernard Sanders",
            "Peter Welch",
            "Becca Balint",
        ]
        all_members = session.scalars(select(Contact).where(Contact.title.like("U.S. %"))).all()
        assert sum(read_seat(m.title) is not None for m in all_members) == 537


def test_an_address_without_a_state_is_told_not_guessed(archive: Archive) -> None:
    abroad = _family(archive, "Gyeonggi", "")
    with archive.reader() as session, pytest.raises(ValidationError, match="no address"):
        representatives_for(session, abroad)
    with pytest.raises(ValidationError, match="not a congressional district"):
        normal_district("second")


@pytest.mark.parametrize(
    ("chamber", "state", "district", "title", "seat"),
    [
        ("sen", "CT", "", "U.S. Senator, CT", Seat("sen", "CT")),
        ("rep", "CT", "2", "U.S. Representative, CT-2", Seat("rep", "CT", "2")),
        ("rep", "VT", "0", "U.S. Representative, VT, at large", Seat("rep", "VT", "at large")),
    ],
)
def test_seat_titles_read_back(
    chamber: str, state: str, district: str, title: str, seat: Seat
) -> None:
    assert seat_title(chamber, state, district) == title
    assert read_seat(title) == seat
