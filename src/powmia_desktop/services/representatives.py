"""Who represents a family: the two senators of the state of a contact's address and the
representative of its congressional district, among the members of Congress imported from
the members-of-Congress CSV (``powmia import contacts legislators-current.csv --offices
legislators-district-offices.csv``).

A member is known by the title the importer gives ("U.S. Senator, CT", "U.S.
Representative, CT-2", "U.S. Representative, VT, at large"); ``seat_title`` writes it and
``read_seat`` reads it back, so the two never drift apart.
"""

import re
from dataclasses import dataclass
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.validation import US_STATES
from powmia_desktop.core.vocab import OrganizationType
from powmia_desktop.db.models import Campaign, Contact, ContactAddress

SENATOR: Final = "U.S. Senator"
REPRESENTATIVE: Final = "U.S. Representative"
AT_LARGE: Final = "at large"
_SEAT: Final = re.compile(
    r"^U\.S\. (?P<chamber>Senator|Representative), (?P<state>[A-Z]{2})"
    r"(?:-(?P<district>\d+)|, at large)?$"
)


@dataclass(frozen=True)
class Seat:
    """A seat in Congress: the chamber ("sen"/"rep"), the state, the district of a House seat
    ("7", or "at large")."""

    chamber: str
    state: str
    district: str = ""


def seat_title(chamber: str, state: str, district: str) -> str:
    """The title of a member of Congress: "U.S. Senator, CT", "U.S. Representative, CT-2"."""
    if chamber == "sen":
        return f"{SENATOR}, {state}".strip(", ")
    if district in ("0", "00") or district.casefold() == AT_LARGE:
        return f"{REPRESENTATIVE}, {state}, {AT_LARGE}"
    seat = f"{state}-{district}" if district else state
    return f"{REPRESENTATIVE}, {seat}".strip(", ")


def read_seat(title: str) -> Seat | None:
    """The seat a member's title names; None for any other title."""
    match = _SEAT.match(title.strip())
    if match is None:
        return None
    if match["chamber"] == "Senator":
        return Seat("sen", match["state"])
    return Seat("rep", match["state"], normal_district(match["district"] or AT_LARGE))


def normal_district(text: str) -> str:
    """A district as compared: "07" → "7"; "0", "AL" and "at large" → "at large"; "" stays."""
    value = " ".join(text.split()).casefold()
    if value in ("0", "00", "al", AT_LARGE, "at-large"):
        return AT_LARGE
    if value.isdigit():
        return str(int(value))
    if value:
        raise ValidationError(f"'{text}' is not a congressional district (a number or 'at large')")
    return ""


def home_address(contact: Contact) -> ContactAddress | None:
    """The contact's first address in a U.S. state (its region a state code)."""
    for address in contact.addresses:
        if address.region.strip().upper() in US_STATES:
            return address
    return None


def representatives_for(session: Session, contact_id: int) -> list[Contact]:
    """The senators of the state of the contact's address and, when its district is known,
    its representative: the members of Congress in the archive, senators first."""
    contact = session.get(Contact, contact_id, options=[selectinload(Contact.addresses)])
    if contact is None:
        raise ValidationError(f"There is no contact with id {contact_id}")
    address = home_address(contact)
    if address is None:
        raise ValidationError(
            f"{contact.display_name} has no address with a U.S. state (two letters, as 'CT')"
        )
    return members_for(session, address.region.strip().upper(), normal_district(address.district))


def members_for(session: Session, state: str, district: str = "") -> list[Contact]:
    """The members of Congress for a state (and a district of it), senators first."""
    c = Contact.__table__.c
    candidates = session.scalars(
        select(Contact)
        .where(c.organization_type == OrganizationType.CONGRESSIONAL_OFFICE.value)
        .where(c.title.like(f"U.S. %, {state}%"))
        .options(selectinload(Contact.addresses))
        .order_by(c.surname, c.id)
    )
    senators, house = [], []
    for member in candidates:
        seat = read_seat(member.title)
        if seat is None or seat.state != state:
            continue
        if seat.chamber == "sen":
            senators.append(member)
        elif district and seat.district == district:
            house.append(member)
    return senators + house


def salutation(member: Contact) -> str:
    """How a letter to the member opens: "Dear Senator Murphy:"."""
    seat = read_seat(member.title)
    name = member.surname or member.display_name
    if member.honorific:
        return f"Dear {member.honorific} {name}:"
    if seat is None:
        return f"Dear {member.display_name}:"
    return f"Dear {'Senator' if seat.chamber == 'sen' else 'Representative'} {name}:"


def office_address(member: Contact) -> ContactAddress | None:
    """Where a letter to the member goes: the Washington office, else the first address."""
    for address in member.addresses:
        if address.region == "DC" or address.label.casefold().startswith("washington"):
            return address
    return member.addresses[0] if member.addresses else None


def add_representatives(session: Session, campaign: Campaign, contact_id: int) -> list[str]:
    """Make the contact's senators and representative officials the campaign addresses (in
    the caller's transaction); the names of those added (none twice)."""
    members = representatives_for(session, contact_id)
    if not members:
        raise ValidationError(
            "No member of Congress for that address is in the archive; import them first "
            "(File > Import: legislators-current.csv with its district offices)"
        )
    added = [m for m in members if m not in campaign.targets]
    campaign.targets.extend(added)
    session.flush()
    return [m.display_name for m in added]


def contacts_with_a_state(session: Session) -> list[tuple[int, str]]:
    """(id, name) of the contacts with an address in a U.S. state, except members of
    Congress: whom representatives can be found for."""
    a = ContactAddress.__table__.c
    c = Contact.__table__.c
    rows = session.execute(
        select(c.id, c.display_name, a.region)
        .join(ContactAddress.__table__, a.contact_id == c.id)
        .where(
            (c.organization_type.is_(None))
            | (c.organization_type != OrganizationType.CONGRESSIONAL_OFFICE.value)
        )
        .order_by(c.surname, c.display_name, c.id)
    )
    seen: dict[int, str] = {}
    for contact_id, name, region in rows:
        if region.strip().upper() in US_STATES and contact_id not in seen:
            seen[contact_id] = f"{name} ({region.strip().upper()})"
    return list(seen.items())
