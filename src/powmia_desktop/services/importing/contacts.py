"""Importing contacts: vCard files (2.1/3.0/4.0) and CSV contact lists with a mapping.

A contact already in the archive (same name and organization, or sharing an email
address) is not created twice: the phones, emails and addresses it lacks are added to it.
Photos in vCards are kept as attachments (role "photo"). The members-of-Congress CSVs
(legislators + district offices, joined on the bioguide id) are the real case of a CSV
list with a second file of offices; ``import_contact_csv`` takes any such pair.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.core.validation import clean_text
from powmia_desktop.core.vocab import ContactKind
from powmia_desktop.db.models import (
    Attachment,
    Contact,
    ContactAddress,
    ContactEmail,
    ContactPhone,
)
from powmia_desktop.services.attachments import store_bytes
from powmia_desktop.services.importing.contact_rows import (
    CONTACT_FIELDS,
    OFFICE_FIELDS,
    card_from_cells,
    office_from_cells,
)
from powmia_desktop.services.importing.list_rows import cells_of, field_columns
from powmia_desktop.services.importing.outcome import (
    ImportResult,
    recorded_batch,
)
from powmia_desktop.services.importing.tabular import (
    fold,
    read_bytes,
    read_table,
    require_one_of,
    resolve_mapping,
)
from powmia_desktop.services.importing.text_encoding import decode_bytes
from powmia_desktop.services.importing.vcard import (
    MAX_VCARD_BYTES,
    ContactCard,
    DeclaredCharset,
    read_vcards,
)

_DIGITS: Final = re.compile(r"\D")
_UUID: Final = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_PHOTO_EXTENSIONS: Final = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif"}


@dataclass
class _Known:
    """The archive's contacts, to find the one a card describes."""

    by_name: dict[tuple[str, str], Contact] = field(default_factory=dict)
    by_bare_name: dict[str, list[Contact]] = field(default_factory=dict)
    by_email: dict[str, Contact] = field(default_factory=dict)
    by_uid: dict[str, Contact] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> _Known:
        known = cls()
        query = select(Contact).options(
            selectinload(Contact.phones),
            selectinload(Contact.emails),
            selectinload(Contact.addresses),
        )
        for contact in session.scalars(query):
            known.add(contact)
        return known

    def add(self, contact: Contact) -> None:
        self.by_uid.setdefault(contact.uid, contact)
        self.by_name.setdefault((fold(contact.display_name), fold(contact.organization)), contact)
        self.by_bare_name.setdefault(fold(contact.display_name), []).append(contact)
        for email in contact.emails:
            self.by_email.setdefault(email.address.casefold(), contact)

    def find(self, card: ContactCard) -> Contact | None:
        """The contact the card describes: same uid, or same name and organization (an
        organization's own name counts as its organization), or same name and an email."""
        if card.uid and card.uid in self.by_uid:
            return self.by_uid[card.uid]
        name = fold(card.display_name)
        found = self.by_name.get((name, fold(card.organization)))
        if found is not None:
            return found
        for contact in self.by_bare_name.get(name, []):
            if fold(contact.organization) in ("", name) and fold(card.organization) in ("", name):
                return contact
        for _, address in card.emails:
            found = self.by_email.get(address.casefold())
            if found is not None and fold(found.display_name) == fold(card.display_name):
                return found
        return None


def _short(text: str, limit: int, field_name: str) -> str:
    return clean_text(text, field=field_name)[:limit]


def _new_contact(card: ContactCard) -> Contact:
    kind = ContactKind.ORGANIZATION if card.is_organization else ContactKind.PERSON
    contact = Contact(
        kind=kind,
        display_name=_short(card.display_name, 300, "name"),
        surname=_short(card.surname, 120, "surname"),
        given_names=_short(card.given_names, 200, "given names"),
        honorific=_short(card.honorific, 60, "honorific"),
        organization=_short(card.organization, 300, "organization"),
        organization_type=card.organization_type,
        title=_short(card.title, 300, "title"),
        notes=clean_text("\n".join(n for n in card.notes if n), multiline=True, field="notes"),
    )
    if _UUID.match(card.uid):  # a card this program wrote: keep the contact's identity
        contact.uid = card.uid
    return contact


def _merge_children(contact: Contact, card: ContactCard, result: ImportResult) -> None:
    """Add the card's phones, emails and addresses, except those the contact already had.

    Repeats within one card are kept: an Android card may list one number as cell, work
    and fax, and those are three entries to the person who wrote them.
    """
    phones = {_DIGITS.sub("", p.number) for p in contact.phones}
    emails = {e.address.casefold() for e in contact.emails}
    places = {fold(a.one_line()) for a in contact.addresses}
    for label, number in card.phones:
        if _DIGITS.sub("", number) and _DIGITS.sub("", number) in phones:
            continue
        contact.phones.append(ContactPhone(label=label[:60], number=_short(number, 80, "phone")))
        result.add("phones")
    for label, address in card.emails:
        if address.casefold() in emails:
            continue
        contact.emails.append(ContactEmail(label=label[:60], address=_short(address, 320, "email")))
        result.add("emails")
    for label, street, city, region, postal, country in card.addresses:
        place = ContactAddress(
            label=label[:60],
            street=_short(street, 300, "street"),
            city=_short(city, 120, "city"),
            region=_short(region, 120, "region"),
            postal_code=_short(postal, 20, "postal code"),
            country=_short(country, 100, "country"),
        )
        if fold(place.one_line()) in places:
            continue
        contact.addresses.append(place)
        result.add("addresses")


def save_cards(
    session: Session,
    cards: Iterable[ContactCard],
    result: ImportResult,
    *,
    attachments_dir: Path | None,
    dry_run: bool,
    what: str = "Card",
    progress: Progress = no_progress,
    total: int = 0,
) -> None:
    """Create or complete one contact per card; reject cards without a name."""
    known = _Known.load(session)
    for position, card in enumerate(cards):
        if position % 50 == 0:
            progress(position, total, f"Importing contact {position + 1:,}")
        if not card.display_name.strip():
            result.reject(card.number, "it has no name (no FN, N, ORG or EMAIL)", what)
            continue
        try:
            contact = known.find(card)
            if contact is None:
                contact = _new_contact(card)
                session.add(contact)
                result.add("contacts")
            else:
                result.add("merged")
            _merge_children(contact, card, result)
            session.flush()
            known.add(contact)
        except ValidationError as error:
            result.reject(card.number, str(error), what)
            continue
        for photo in card.photos:
            if _keep_photo(session, contact, photo.data, photo.mime_type, attachments_dir, dry_run):
                result.add("photos")
        result.notes += [f"{what} {card.number} ({card.display_name}): {p}" for p in card.problems]


def _keep_photo(
    session: Session,
    contact: Contact,
    data: bytes,
    mime: str,
    attachments_dir: Path | None,
    dry_run: bool,
) -> bool:
    """An attachment for the photo (False if the contact has it); bytes stored in a real run."""
    sha = hashlib.sha256(data).hexdigest()
    existing = session.scalar(
        select(Attachment.id).where(Attachment.contact_id == contact.id, Attachment.sha256 == sha)
    )
    if existing is not None:
        return False
    if not dry_run:
        if attachments_dir is None:
            raise ValidationError("Photos can only be kept in an archive file on this computer")
        store_bytes(attachments_dir, data)
    name = f"{contact.display_name[:80]} photo{_PHOTO_EXTENSIONS.get(mime, '.bin')}"
    session.add(
        Attachment(
            sha256=sha,
            original_name=name,
            mime_type=mime,
            size=len(data),
            caption="Photo from the vCard",
            role="photo",
            contact_id=contact.id,
        )
    )
    session.flush()
    return True


def import_vcards(
    session: Session,
    path: Path,
    *,
    attachments_dir: Path | None,
    dry_run: bool = False,
    progress: Progress = no_progress,
) -> ImportResult:
    """Import every card of a .vcf file (one ImportBatch)."""
    data = read_bytes(path, MAX_VCARD_BYTES)
    declared = DeclaredCharset() if DeclaredCharset.anywhere(data) else None
    decoded = decode_bytes(data, path.name, declared)
    cards = read_vcards(decoded.text)
    result = ImportResult("contacts", path.name, dry_run)
    result.warn(decoded.warning)
    result.counts = {"cards": len(cards), "contacts": 0}
    with recorded_batch(session, result, "vcard", {}):
        save_cards(
            session,
            cards,
            result,
            attachments_dir=attachments_dir,
            dry_run=dry_run,
            progress=progress,
            total=len(cards),
        )
    return result


def import_contact_csv(
    session: Session,
    path: Path,
    *,
    mapping: dict[str, str | None] | None = None,
    offices: Path | None = None,
    offices_mapping: dict[str, str | None] | None = None,
    dry_run: bool = False,
    progress: Progress = no_progress,
) -> ImportResult:
    """Import a CSV list of contacts; ``offices`` is a second CSV of their offices.

    Each office row is joined to its contact through the column mapped to ``key`` in both
    files (the members-of-Congress files: ``bioguide_id`` and ``bioguide``).
    """
    table = read_table(path)
    columns_map = resolve_mapping(table.headers, CONTACT_FIELDS, mapping, multi=_MULTI)
    fields = ("display_name", "surname", "organization")
    require_one_of(columns_map, fields, table.headers, path.name, "a name")
    columns = field_columns(table.headers, columns_map)
    labels = {i: table.headers[i] for i in range(len(table.headers))}
    cards = []
    result = ImportResult("contacts", path.name, dry_run)
    result.warn(table.warning)
    result.counts = {"rows": len(table), "contacts": 0}
    for position, values in enumerate(table.rows):
        number = table.row_numbers[position]
        try:
            cards.append(card_from_cells(number, values, columns, labels))
        except ValidationError as error:
            result.reject(number, str(error))
    if offices is not None:
        _join_offices(cards, offices, offices_mapping, result)
    with recorded_batch(session, result, "contacts", {"columns": columns_map}):
        save_cards(
            session, cards, result, attachments_dir=None, dry_run=True, what="Row",
            progress=progress, total=len(cards),
        )  # fmt: skip
    return result


_MULTI: Final = frozenset({"phone", "email", "note"})


def _join_offices(
    cards: list[ContactCard],
    path: Path,
    mapping: dict[str, str | None] | None,
    result: ImportResult,
) -> None:
    table = read_table(path)
    result.warn(table.warning)
    columns_map = resolve_mapping(table.headers, OFFICE_FIELDS, mapping, multi=frozenset({"phone"}))
    if "key" not in columns_map.values():
        raise ValidationError(
            f"No column of {path.name} is mapped to 'key' (the id that names the contact)"
        )
    columns = field_columns(table.headers, columns_map)
    by_key = {card.key: card for card in cards if card.key}
    joined = 0
    for position, values in enumerate(table.rows):
        number = table.row_numbers[position]
        cells = cells_of(values, columns)
        card = by_key.get(cells.get("key", ""))
        if card is None:
            result.reject(
                number, f"no contact has the id '{cells.get('key', '')}'", f"{path.name} row"
            )
            continue
        office_from_cells(card, cells, values, columns, table.headers)
        joined += 1
    result.add("offices joined", joined)
