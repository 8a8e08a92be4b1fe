"""Reading contact lists from CSV: the fields a column can map to, and one row -> a card.

Columns mapped to ``note`` are kept in the contact's notes as "Header: value" lines, so a
spreadsheet's extra columns (party, web site, contact form) are not lost. ``chamber``
("sen"/"rep", as in the members-of-Congress file) makes the title and organization of a
member of Congress; ``address`` takes a whole address on one line.
"""

from __future__ import annotations

import re
from typing import Final

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.vocab import OrganizationType
from powmia_desktop.services.importing.list_rows import cells_of
from powmia_desktop.services.importing.tabular import fold
from powmia_desktop.services.importing.vcard import ContactCard
from powmia_desktop.services.representatives import seat_title

CONTACT_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "display_name": ("Name", "Full Name", "Display Name", "full_name"),
    "surname": ("Last Name", "Surname", "Family Name", "last_name"),
    "given_names": ("First Name", "Given Name", "first_name"),
    "middle_name": ("Middle Name", "Middle", "middle_name"),
    "suffix": ("Suffix", "Name Suffix"),
    "honorific": ("Prefix", "Honorific", "Salutation", "Name Prefix"),
    "organization": ("Organization", "Organisation", "Company", "Office", "Agency"),
    "organization_type": ("Organization Type", "Org Type"),
    "title": ("Title", "Job Title", "Position", "Role"),
    "chamber": ("Chamber", "type"),
    "district": ("District",),
    "state": ("State", "Region", "Province"),
    "phone": ("Phone", "Telephone", "Mobile", "Cell", "Work Phone", "Home Phone",
              "Business Phone", "Fax"),
    "email": ("Email", "E-mail", "Email Address", "E-mail Address"),
    "address": ("Address", "Mailing Address"),
    "street": ("Street", "Street Address", "Address 1"),
    "city": ("City", "Town"),
    "postal_code": ("ZIP", "Zip Code", "Postal Code", "Postcode"),
    "country": ("Country",),
    "key": ("bioguide_id", "ID", "Key", "Contact ID"),
    "note": ("Notes", "Note", "Party", "URL", "Website", "Web Page", "contact_form"),
}  # fmt: skip

OFFICE_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "key": ("bioguide", "bioguide_id", "Contact ID"),
    "street": ("Address", "Street"),
    "building": ("Building",),
    "suite": ("Suite", "Room"),
    "city": ("City",),
    "state": ("State",),
    "postal_code": ("ZIP", "Zip Code", "Postal Code"),
    "phone": ("Phone", "Fax"),
}

_CHAMBERS: Final = {
    "sen": ("U.S. Senator", "U.S. Senate"),
    "senate": ("U.S. Senator", "U.S. Senate"),
    "rep": ("U.S. Representative", "U.S. House of Representatives"),
    "house": ("U.S. Representative", "U.S. House of Representatives"),
}
_STATE_ZIP: Final = re.compile(
    r"^(?P<rest>.*?)[ ,]+(?P<region>[A-Z]{2})\s+(?P<postal>\d{5}(?:-\d{4})?)$"
)
_CAPITAL: Final = re.compile(r"^(?P<street>.*?),?\s+(?P<city>Washington)$")


def split_address(text: str) -> tuple[str, str, str, str]:
    """(street, city, region, postal code) of an address written on one line.

    "1 Main St, Salt Lake City, UT 84101" splits at its commas; without commas only a
    Washington, DC address can be split safely ("511 Hart Senate Office Building
    Washington DC 20510"); otherwise the text before the state stays as the street.
    """
    text = " ".join(text.split())
    match = _STATE_ZIP.match(text)
    if match is None:
        return text, "", "", ""
    rest, region, postal = match["rest"].strip(" ,"), match["region"], match["postal"]
    if "," in rest:
        street, _, city = rest.rpartition(",")
        return street.strip(), city.strip(), region, postal
    capital = _CAPITAL.match(rest)
    if capital is not None and region == "DC":
        return capital["street"], "Washington", region, postal
    return rest, "", region, postal


def _organization_type(text: str) -> OrganizationType | None:
    if not text:
        return None
    return OrganizationType.parse(text)


def card_from_cells(
    number: int, values: list[str], columns: dict[str, list[int]], headers: dict[int, str]
) -> ContactCard:
    """One CSV row as a contact card; raises ValidationError with the reason."""
    cells = cells_of(values, columns)
    card = ContactCard(number)
    card.surname = cells.get("surname", "")
    card.given_names = " ".join(
        p for p in (cells.get("given_names", ""), cells.get("middle_name", "")) if p
    )
    card.suffix = cells.get("suffix", "")
    card.honorific = cells.get("honorific", "")
    card.organization = cells.get("organization", "")
    card.organization_type = _organization_type(cells.get("organization_type", ""))
    card.title = cells.get("title", "")
    card.key = cells.get("key", "")
    for index in columns.get("key", []):
        if values[index].strip():  # the id other files use, kept where a person can find it
            card.notes.append(f"{headers[index]}: {values[index].strip()}")
    person = " ".join(p for p in (card.given_names, card.surname, card.suffix) if p)
    card.display_name = cells.get("display_name", "") or person or card.organization
    chamber = _CHAMBERS.get(fold(cells.get("chamber", "")))
    state = cells.get("state", "")
    label = ""
    if chamber is not None:
        title, body = chamber
        house = "sen" if title.endswith("Senator") else "rep"
        card.title = card.title or seat_title(house, state, cells.get("district", ""))
        card.organization = card.organization or body
        card.organization_type = card.organization_type or OrganizationType.CONGRESSIONAL_OFFICE
        label = "Washington office"
    for index in columns.get("phone", []):
        if values[index].strip():
            header = headers[index]
            word = label or ("" if fold(header) == "phone" else header.lower())
            if fold(header) == "fax":
                word = f"{label} fax".strip()
            card.phones.append((word[:60], values[index].strip()))
    for index in columns.get("email", []):
        if values[index].strip():
            card.emails.append(("", values[index].strip()))
    street, city, region, postal = "", "", "", ""
    if cells.get("address"):
        street, city, region, postal = split_address(cells["address"])
    street = street or cells.get("street", "")
    city = city or cells.get("city", "")
    region = region or (state if chamber is None else "")
    postal = postal or cells.get("postal_code", "")
    if street or city or postal:
        card.addresses.append((label, street, city, region, postal, cells.get("country", "")))
    for index in columns.get("note", []):
        if values[index].strip():
            card.notes.append(f"{headers[index]}: {values[index].strip()}")
    if not card.display_name:
        raise ValidationError("there is no name (or organization) in this row")
    return card


def office_from_cells(
    card: ContactCard,
    cells: dict[str, str],
    values: list[str],
    columns: dict[str, list[int]],
    headers: list[str],
) -> None:
    """Add one office (its address and phones) of a contact read from an offices file."""
    city = cells.get("city", "")
    label = f"{city} office" if city else "office"
    street = ", ".join(
        p for p in (cells.get("street", ""), cells.get("building", ""), cells.get("suite", "")) if p
    )
    if street or city:
        card.addresses.append(
            (label[:60], street, city, cells.get("state", ""), cells.get("postal_code", ""), "")
        )
    for index in columns.get("phone", []):
        number = values[index].strip()
        if number:
            word = f"{label} fax" if fold(headers[index]) == "fax" else label
            card.phones.append((word[:60], number))
