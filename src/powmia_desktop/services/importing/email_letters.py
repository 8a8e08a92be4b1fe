"""Correspondence from e-mail files (.eml), read with Python's ``email`` package.

One message becomes one piece of correspondence (kind "e-mail"): its date, subject and
plain text, and the .eml itself kept as the letter's attachment. Who it was with is found
among the contacts by e-mail address: a message from a contact who is an official (an
organization, or a person with a kind of organization) was received from them; otherwise it
was sent to the first addressee found. An address no contact has is kept in words as the
office. The Message-ID is noted, so importing the same message twice adds it once.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from powmia_desktop.core.campaign_vocab import CorrespondenceKind, Direction
from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.validation import clean_text
from powmia_desktop.core.vocab import ContactKind
from powmia_desktop.db.models import Contact, ContactEmail, Correspondence
from powmia_desktop.services.attachments import attach_file
from powmia_desktop.services.campaigns import find_campaign
from powmia_desktop.services.importing.outcome import ImportResult, recorded_batch
from powmia_desktop.services.importing.tabular import read_bytes

EML_SUFFIXES: Final = (".eml",)
MAX_EML_BYTES: Final = 50 * 2**20
_TAG = re.compile(r"<[^>]+>")


def _text_of(message: EmailMessage) -> str:
    """The message's plain text (or its HTML with the tags taken out)."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):  # an unknown charset or a broken encoding
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return ""
    if part.get_content_subtype() == "html":
        content = _TAG.sub(" ", content)
    return content


def _addresses(message: EmailMessage, *headers: str) -> list[tuple[str, str]]:
    values = [str(v) for h in headers for v in message.get_all(h, [])]
    return [(name, addr.casefold()) for name, addr in getaddresses(values) if addr]


def _contact_by_email(session: Session, address: str) -> Contact | None:
    found = session.scalars(
        select(Contact)
        .join(ContactEmail, ContactEmail.contact_id == Contact.id)
        .where(func.lower(ContactEmail.address) == address)
        .order_by(Contact.id)
    ).first()
    return found


def _is_official(contact: Contact) -> bool:
    return contact.kind is ContactKind.ORGANIZATION or contact.organization_type is not None


def read_message(path: Path) -> EmailMessage:
    """The message in an .eml file, or a clear message why it is not one."""
    if path.suffix.lower() not in EML_SUFFIXES:
        raise ValidationError("Correspondence is imported from e-mail files (.eml)")
    data = read_bytes(path, MAX_EML_BYTES)
    if b"\x00" in data[:4096]:
        raise ValidationError(f"{path.name} is not an e-mail file (it holds binary data)")
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    if not (message.get("From") and (message.get("Subject") or message.get("Date"))):
        raise ValidationError(f"{path.name} is not an e-mail: it has no From, Subject or Date")
    return message


def import_eml(
    session: Session,
    path: Path,
    *,
    attachments_dir: Path | None,
    campaign: str | None = None,
    dry_run: bool = False,
) -> ImportResult:
    """Import one .eml file as correspondence (one ImportBatch)."""
    message = read_message(path)
    result = ImportResult("correspondence", path.name, dry_run)
    message_id = str(message.get("Message-ID", "")).strip()[:300]
    note = f"Message-ID: {message_id}" if message_id else ""
    if note and session.scalar(
        select(Correspondence.id).where(Correspondence.notes.contains(note)).limit(1)
    ):
        result.add("already in the archive")
        return result
    chosen = find_campaign(session, campaign) if campaign else None
    senders = _addresses(message, "From")
    addressees = _addresses(message, "To", "Cc")
    sender = _contact_by_email(session, senders[0][1]) if senders else None
    found = [(n, a, _contact_by_email(session, a)) for n, a in addressees]
    first_found = next((c for _, _, c in found if c is not None), None)
    official: Contact | None
    writer: Contact | None
    if sender is not None and _is_official(sender):
        direction, official, writer = Direction.RECEIVED, sender, first_found
        other = senders[0]
    else:
        direction, official, writer = Direction.SENT, first_found, sender
        other = addressees[0] if addressees else ("", "")
    date = None
    if message.get("Date"):
        try:
            date = FuzzyDate.from_date(parsedate_to_datetime(str(message["Date"])).date())
        except (TypeError, ValueError, IndexError, OverflowError):
            result.warn(f"The date '{message['Date']}' could not be read; the letter is undated")
    subject = clean_text(str(message.get("Subject", "")), field="subject")[:500]
    with recorded_batch(session, result, "correspondence", {"campaign": campaign or ""}):
        letter = Correspondence(
            direction=direction,
            kind=CorrespondenceKind.EMAIL,
            date=date,
            official=official,
            office="" if official else clean_text(" ".join(p for p in other if p))[:300],
            writer=writer,
            subject=subject or "(no subject)",
            body=clean_text(_text_of(message), multiline=True, field="body"),
            campaign=chosen,
            notes=note,
        )
        session.add(letter)
        session.flush()
        result.add("letters")
        if attachments_dir is not None and not dry_run:
            attach_file(
                session,
                attachments_dir,
                path,
                caption="The e-mail as received",
                sensitivity=letter.sensitivity,
                correspondence_id=letter.id,
            )
            result.add("files kept")
    who = official.display_name if official else (letter.office or "no one in the archive")
    result.notes.append(
        f"{direction.label} {'from' if direction is Direction.RECEIVED else 'to'} {who}"
    )
    return result
