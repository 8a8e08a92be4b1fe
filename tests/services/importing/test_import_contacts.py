"""Importing contacts: every real vCard, and the members of Congress from CSV."""

import csv
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Attachment, Contact, ContactAddress, ContactEmail, ContactPhone
from powmia_desktop.services.attachments import stored_path
from powmia_desktop.services.importing.contacts import import_contact_csv, import_vcards

# Worked out by reading each file: cards = BEGIN:VCARD lines; phones, emails and addresses
# = TEL, EMAIL and ADR lines; photos = PHOTO lines with embedded data that decodes (the
# Android file's one photo is truncated base64; fullcontact's three are web links, kept
# in the notes); and one name each file must give.
VCARDS = {
    "ez-vcard/John_Doe_ANDROID.vcf": (6, 9, 5, 0, 0, "Ñ Ñ Ñ Ñ Ñ"),
    "ez-vcard/John_Doe_BLACK_BERRY.vcf": (1, 1, 0, 0, 1, "John Doe"),
    "ez-vcard/John_Doe_EVOLUTION.vcf": (1, 2, 1, 1, 0, "Mr. John Richter, James Doe Sr."),
    "ez-vcard/John_Doe_GMAIL.vcf": (1, 2, 1, 1, 0, "Mr. John Richter, James Doe Sr."),
    "ez-vcard/John_Doe_IPHONE.vcf": (1, 7, 1, 2, 1, "Mr. John Richter James Doe Sr."),
    "ez-vcard/John_Doe_LOTUS_NOTES.vcf": (1, 2, 2, 1, 1, "Mr. Doe John I Johny"),
    "ez-vcard/John_Doe_MAC_ADDRESS_BOOK.vcf": (1, 7, 1, 2, 1, "Mr. John Richter,James Doe Sr."),
    "ez-vcard/John_Doe_MS_OUTLOOK.vcf": (1, 2, 1, 2, 1, "Mr. John Richter James Doe Sr."),
    "ez-vcard/fullcontact.vcf": (1, 9, 5, 4, 0, "Prefix FirstName MiddleName LastName Suffix"),
    "ez-vcard/gmail-list.vcf": (3, 0, 3, 0, 0, "Chris Beatle"),
    "ez-vcard/gmail-single.vcf": (1, 2, 1, 2, 0, "Greg Dartmouth"),
    "ez-vcard/gmail-single2.vcf": (1, 11, 5, 5, 0, "VCard Test"),
    "ez-vcard/outlook-2003.vcf": (1, 4, 1, 1, 0, "John Doe III"),
    "ez-vcard/outlook-2007.vcf": (1, 4, 1, 1, 1, "Mr. Michael Angstadt Jr."),
    "ez-vcard/rfc2426-example.vcf": (2, 4, 3, 2, 0, "Tim Howes"),
    "ez-vcard/rfc6350-example.vcf": (1, 2, 1, 1, 0, "Simon Perreault"),
    "ez-vcard/thunderbird-MoreFunctionsForAddressBook-extension.vcf": (1, 5, 5, 2, 1, "John Doe"),
    "rolo-test-contacts.vcf": (27, 31, 27, 6, 0, "Mr. John Q. Public, Esq."),
}


def total(archive: Archive, model: type) -> int:
    with archive.reader() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.parametrize("name", sorted(VCARDS))
def test_every_real_vcard_imports_whole(real: Path, archive: Archive, name: str) -> None:
    cards, phones, emails, addresses, photos, one_name = VCARDS[name]
    path = real / "contacts" / "vcard" / name
    with archive.session() as session:
        result = import_vcards(session, path, attachments_dir=archive.location.attachments_dir)
    assert result.counts["cards"] == cards and result.counts["contacts"] == cards
    assert not result.rejected
    assert total(archive, Contact) == cards
    assert total(archive, ContactPhone) == phones
    assert total(archive, ContactEmail) == emails
    assert total(archive, ContactAddress) == addresses
    assert total(archive, Attachment) == photos
    with archive.reader() as session:
        names = set(session.scalars(select(Contact.display_name)))
        assert one_name in names and all(n.strip() for n in names)
        for sha in session.scalars(select(Attachment.sha256)):
            data = stored_path(archive.location.attachments_dir, sha).read_bytes()  # type: ignore[arg-type]
            assert data[:2] == b"\xff\xd8"  # every kept photo is a whole JPEG


def test_a_damaged_photo_is_left_out_with_a_note(real: Path, archive: Archive) -> None:
    path = real / "contacts" / "vcard" / "ez-vcard" / "John_Doe_ANDROID.vcf"
    with archive.session() as session:
        result = import_vcards(session, path, attachments_dir=archive.location.attachments_dir)
    assert any("Card 5" in n and "photo is damaged" in n for n in result.notes)


def test_importing_the_same_cards_again_creates_no_duplicate(real: Path, archive: Archive) -> None:
    path = real / "contacts" / "vcard" / "rolo-test-contacts.vcf"
    for _ in range(2):
        with archive.session() as session:
            result = import_vcards(session, path, attachments_dir=archive.location.attachments_dir)
    assert result.counts.get("merged") == 27 and result.counts["contacts"] == 0
    assert total(archive, Contact) == 27 and total(archive, ContactPhone) == 31


def test_the_names_and_fields_of_a_card_land_where_they_belong(
    real: Path, archive: Archive
) -> None:
    path = real / "contacts" / "vcard" / "rolo-test-contacts.vcf"
    with archive.session() as session:
        import_vcards(session, path, attachments_dir=archive.location.attachments_dir)
    with archive.reader() as session:
        public = session.scalars(
            select(Contact)
            .where(Contact.surname == "Public")
            .options(selectinload(Contact.phones), selectinload(Contact.addresses))
        ).one()
        assert (public.given_names, public.honorific) == ("John Quinlan", "Mr.")
        assert public.organization == "ABC, Inc., North American Division, Marketing"
        assert public.title == "Director, Research and Development"
        assert public.phones[0].number == "+1-213-555-1234"
        assert public.addresses[0].city == "Any Town" and public.addresses[0].region == "CA"
        assert "Nickname: Robbie" in public.notes


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def test_the_members_of_congress_import_with_their_offices(real: Path, archive: Archive) -> None:
    folder = real / "contacts" / "congress"
    members = _rows(folder / "legislators-current.csv")
    offices = _rows(folder / "legislators-district-offices.csv")
    assert len(members) == 537
    with archive.session() as session:
        result = import_contact_csv(
            session,
            folder / "legislators-current.csv",
            offices=folder / "legislators-district-offices.csv",
        )
    assert not result.rejected
    assert result.counts["contacts"] == 537
    assert result.counts["offices joined"] == len(offices) == 1312
    expected_addresses = sum(1 for m in members if m["address"]) + len(offices)
    assert total(archive, ContactAddress) == expected_addresses
    with archive.reader() as session:
        contacts = {
            c.display_name: c
            for c in session.scalars(
                select(Contact).options(
                    selectinload(Contact.phones), selectinload(Contact.addresses)
                )
            )
        }
    assert len(contacts) == 537
    for member in members:
        # Two members have no full_name in the file: their name is made of first and last.
        contact = contacts[member["full_name"] or f"{member['first_name']} {member['last_name']}"]
        numbers = {_digits(p.number) for p in contact.phones}
        wanted = {_digits(member["phone"])} if member["phone"] else set()
        for office in offices:
            if office["bioguide"] == member["bioguide_id"]:
                wanted |= {_digits(office[k]) for k in ("phone", "fax") if office[k]}
        assert numbers == wanted, member["full_name"]
        assert contact.organization_type is not None
    cantwell = contacts["Maria Cantwell"]
    assert cantwell.title == "U.S. Senator, WA" and cantwell.organization == "U.S. Senate"
    capitol = cantwell.addresses[0]
    assert (capitol.street, capitol.city, capitol.region, capitol.postal_code) == (
        "511 Hart Senate Office Building",
        "Washington",
        "DC",
        "20510",
    )
    assert any(a.city == "Seattle" and a.postal_code == "98174" for a in cantwell.addresses)


def test_a_contact_csv_with_a_mapping(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "family.csv"
    path.write_text(
        "Who,Org,Tel,Mail,Where\n"
        'Bill Dumas,,860-555-0100,bill@example.org,"1 Main St, Canterbury, CT 06331"\n'
        ",,,,\n"
        ",,555,,\n",
        encoding="utf-8",
    )
    mapping: dict[str, str | None] = {
        "Who": "display_name", "Org": "organization", "Tel": "phone", "Mail": "email",
        "Where": "address",
    }  # fmt: skip
    with archive.session() as session:
        result = import_contact_csv(session, path, mapping=mapping)
    assert result.counts["contacts"] == 1
    assert [str(p) for p in result.rejected] == [
        "Row 4: there is no name (or organization) in this row"
    ]
    with archive.reader() as session:
        bill = session.scalars(select(Contact).options(selectinload(Contact.addresses))).one()
        place = bill.addresses[0]
        assert (place.street, place.city, place.region) == ("1 Main St", "Canterbury", "CT")
