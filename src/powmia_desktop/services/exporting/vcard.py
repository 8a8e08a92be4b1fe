"""Contacts as vCard 3.0 (vobject writes them): what phones and mail programs read.

Phones, emails and addresses each have their own sensitivity and are left out above the
ceiling like the contact itself; a portrait (an attachment with role "photo") goes in as
PHOTO when it may. The contact's uid is the card's UID, so a card imported back into the
same archive is recognised.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import vobject
from sqlalchemy import select
from sqlalchemy.orm import Session

from powmia_desktop.core.vocab import ContactKind
from powmia_desktop.db.models import Attachment, Contact, ContactAddress, ContactEmail, ContactPhone
from powmia_desktop.db.tables import table_of
from powmia_desktop.services.attachments import stored_path
from powmia_desktop.services.audience import RedactionLog
from powmia_desktop.services.exporting.files import ExportResult, write_atomically
from powmia_desktop.services.exporting.files import write_bytes as _write
from powmia_desktop.services.exporting.privacy import DEFAULT_PRIVACY, Privacy, allowed, visible

_MAX_PHOTO = 5 * 1024 * 1024


def _grouped(session: Session, model: Any, privacy: Privacy) -> dict[int, list[Any]]:
    table = model.__table__
    out: dict[int, list[Any]] = {}
    query = select(table).where(visible(table, privacy)).order_by(table.c.contact_id, table.c.id)
    for row in session.execute(query):
        out.setdefault(row.contact_id, []).append(row)
    return out


def _types(label: str) -> list[str]:
    words = [w for w in label.lower().replace(",", " ").split() if w.isalpha()]
    return words[:3]


def _add(card: Any, name: str, value: Any, types: list[str] | None = None) -> None:
    prop = card.add(name)
    prop.value = value
    if types:
        prop.type_param = types if len(types) > 1 else types[0]


def contact_cards(
    session: Session,
    privacy: Privacy = DEFAULT_PRIVACY,
    attachments_dir: Path | None = None,
    contact_ids: list[int] | None = None,
    log: RedactionLog | None = None,
) -> list[str]:
    """One serialized vCard per contact the ceiling allows, with what its rules allow."""
    gate = privacy.gate(RedactionLog() if log is None else log)
    phones = _grouped(session, ContactPhone, privacy)
    emails = _grouped(session, ContactEmail, privacy)
    addresses = _grouped(session, ContactAddress, privacy)
    photos: dict[int, Any] = {}
    a = table_of(Attachment)
    for row in session.execute(
        select(a.c.contact_id, a.c.sha256, a.c.mime_type, a.c.size)
        .where(a.c.contact_id.is_not(None), a.c.role == "photo", visible(a, privacy))
        .order_by(a.c.id)
    ):
        photos.setdefault(row.contact_id, row)
    c = table_of(Contact)
    query = (
        select(Contact)
        .where(visible(c, privacy))
        .order_by(Contact.surname, Contact.display_name, Contact.id)
    )
    if contact_ids is not None:
        query = query.where(Contact.id.in_(contact_ids))
    cards = []
    for contact in session.scalars(query):
        card = vobject.vCard()
        who = contact.display_name
        # What the audience's rules hide goes from every part of the card, names included.
        fn, family, given, prefix, org, title = gate.cells(
            f"contact:{contact.id}",
            contact.sensitivity,
            [who, contact.surname, contact.given_names, contact.honorific, contact.organization,
             contact.title],
            ["name", "surname", "given names", "honorific", "organization", "title"],
            who,
        )  # fmt: skip
        _add(card, "fn", fn)
        _add(card, "n", vobject.vcard.Name(family=family, given=given, prefix=prefix))
        if org:
            _add(card, "org", [org])
        if contact.kind is ContactKind.ORGANIZATION:
            _add(card, "x-abshowas", "COMPANY")
        if title:
            _add(card, "title", title)
        for phone in allowed(gate, "hide_phones", who, phones.get(contact.id, [])):
            _add(card, "tel", phone.number, _types(phone.label))
        for email in allowed(gate, "hide_emails", who, emails.get(contact.id, [])):
            _add(card, "email", email.address, ["internet", *_types(email.label)])
        for place in allowed(gate, "hide_addresses", who, addresses.get(contact.id, [])):
            address = vobject.vcard.Address(
                street=place.street, city=place.city, region=place.region,
                code=place.postal_code, country=place.country,
            )  # fmt: skip
            _add(card, "adr", address, _types(place.label))
        if contact.notes and privacy.allows(contact.sensitivity):
            note = gate.notes_key(f"contact:{contact.id}", contact.sensitivity, contact.notes, who)
            if note:
                _add(card, "note", note)
        photo = photos.get(contact.id)
        if photo is not None and attachments_dir is not None and photo.size <= _MAX_PHOTO:
            path = stored_path(attachments_dir, photo.sha256)
            if path.is_file():
                prop = card.add("photo")
                prop.value = path.read_bytes()
                prop.encoding_param = "b"
                prop.type_param = photo.mime_type.split("/")[-1].upper()
        _add(card, "uid", contact.uid)
        cards.append(card.serialize())
    return cards


def export_vcards(
    session: Session,
    path: Path,
    *,
    privacy: Privacy = DEFAULT_PRIVACY,
    attachments_dir: Path | None = None,
    overwrite: bool = False,
) -> ExportResult:
    log = RedactionLog()
    cards = contact_cards(session, privacy, attachments_dir, log=log)
    data = "".join(cards).encode("utf-8")
    write_atomically(path, lambda handle: _write(handle, data), overwrite)
    return ExportResult("contacts", path, len(cards), log=log)


__all__ = ["contact_cards", "export_vcards"]
