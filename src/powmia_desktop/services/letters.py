"""Letters to officials, mail-merged: one letter per official from a template, each with
the summary of the campaign's cases attached (as the official's audience may read them).

The template is plain text with paragraphs separated by blank lines and these fields in
braces: {salutation} {official} {office} {campaign} {asks} {cases} {sender} {date}.
Nothing else in braces is read (a field's own text is never read as a template).
"""

import datetime as dt
import string
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from powmia_desktop.core.campaign_vocab import CorrespondenceKind, Direction
from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.db.models import (
    Campaign,
    Contact,
    ContactAddress,
    Correspondence,
    Relationship,
)
from powmia_desktop.services.audience import Audience, CaseView, RedactionLog, case_views
from powmia_desktop.services.correspondence import (
    DEFAULT_REPLY_DAYS,
    reply_due,
    sync_follow_up,
)
from powmia_desktop.services.representatives import (
    home_address,
    office_address,
    representatives_for,
    salutation,
)

#: Whom ``powmia letters`` writes to: the writer's members of Congress, or the officials
#: the campaign addresses.
RECIPIENTS = ("representatives", "targets")
FIELDS = ("salutation", "official", "office", "campaign", "asks", "cases", "sender", "date")

DEFAULT_TEMPLATE = """{salutation}

I am writing to you as your constituent about the {campaign}, and about {cases}.

{asks}

I ask that you support this initiative and let me know what your office can do. The case \
summary is attached.

Thank you.

Sincerely,
{sender}"""


@dataclass(frozen=True)
class Letter:
    """One mail-merged letter, as plain text and the cases attached to it."""

    official_id: int
    official: str
    title: str
    address: tuple[str, ...]
    sender: str
    sender_address: tuple[str, ...]
    date: dt.date
    subject: str
    paragraphs: tuple[str, ...]
    cases: tuple[CaseView, ...]

    def file_name(self, number: int) -> str:
        """ "01-richard-blumenthal.pdf": numbered in order, the name made safe for a file."""
        slug = "".join(ch if ch.isalnum() else "-" for ch in self.official.casefold())
        slug = "-".join(part for part in slug.split("-") if part)[:60] or "official"
        return f"{number:02d}-{slug}.pdf"


def check_template(text: str) -> str:
    """The template, if every field in braces is one of FIELDS; else a clear message."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as error:
        raise ValidationError(f"The letter template cannot be read: {error}") from None
    unknown = sorted({n for n in names if n not in FIELDS})
    if unknown:
        raise ValidationError(
            f"The letter template has unknown fields {', '.join('{' + n + '}' for n in unknown)}"
            f"; use {', '.join('{' + n + '}' for n in FIELDS)}"
        )
    return text


def writer_for(session: Session, campaign: Campaign, key: str = "") -> Contact:
    """Who signs: the contact ``key`` names (number or name), else the first person related
    to one of the campaign's cases who has a U.S. address."""
    if key.strip():
        text = key.strip()
        query = select(Contact).options(selectinload(Contact.addresses))
        if text.isdigit():
            found = session.scalars(query.where(Contact.id == int(text))).all()
        else:
            found = session.scalars(
                query.where(Contact.display_name.ilike(text.replace("%", "")))
            ).all()
        if len(found) != 1:
            raise ValidationError(f"There is no one contact called '{text}' to sign the letters")
        return found[0]
    case_ids = [c.id for c in campaign.cases]
    related = session.scalars(
        select(Contact)
        .join(Relationship, Relationship.from_contact_id == Contact.id)
        .where(Relationship.to_serviceman_id.in_(case_ids))
        .options(selectinload(Contact.addresses))
        .order_by(Relationship.id)
    )
    for contact in related:
        if home_address(contact) is not None:
            return contact
    raise ValidationError(
        "No one related to the campaign's cases has a U.S. address; name who signs (--from CONTACT)"
    )


def prepare_letters(
    session: Session,
    campaign: Campaign,
    audience: Audience,
    log: RedactionLog,
    *,
    to: str = "representatives",
    writer: Contact | None = None,
    template: str = DEFAULT_TEMPLATE,
    today: dt.date | None = None,
) -> list[Letter]:
    """One letter per official: the writer's members of Congress, or the campaign's
    officials (``to="targets"``); each with the cases as ``audience`` may read them."""
    check_template(template)
    if to not in RECIPIENTS:
        raise ValidationError(f"Letters go to {' or '.join(RECIPIENTS)}, not '{to}'")
    sender = writer or writer_for(session, campaign)
    if to == "representatives":
        officials = representatives_for(session, sender.id)
        if not officials:
            raise ValidationError(
                f"No member of Congress for {sender.display_name}'s address is in the archive; "
                "import them first (powmia import contacts legislators-current.csv "
                "--offices legislators-district-offices.csv)"
            )
    else:
        officials = list(campaign.targets)
        if not officials:
            raise ValidationError(f"'{campaign.title}' addresses no officials yet")
    cases = case_views(session, [c.id for c in campaign.cases], audience, log, with_events=False)
    day = today or dt.date.today()
    own = home_address(sender)
    return [
        _letter(campaign, official, sender, own, cases, template, day) for official in officials
    ]


def _letter(
    campaign: Campaign,
    official: Contact,
    sender: Contact,
    own: ContactAddress | None,
    cases: Sequence[CaseView],
    template: str,
    day: dt.date,
) -> Letter:
    office = office_address(official)
    lines = _address_lines(office)
    names = [c.name for c in cases]
    values = {
        "salutation": salutation(official),
        "official": official.display_name,
        "office": official.organization or official.title,
        "campaign": campaign.title,
        "asks": campaign.description.strip(),
        "cases": _joined(names) or "the missing servicemen it concerns",
        "sender": sender.display_name,
        "date": f"{day.day} {day:%B %Y}",
    }
    text = template.format_map(values)
    paragraphs = tuple(p.strip() for p in text.split("\n\n") if p.strip())
    return Letter(
        official.id,
        official.display_name,
        official.title,
        lines,
        sender.display_name,
        _address_lines(own),
        day,
        campaign.title,
        paragraphs,
        tuple(cases),
    )


def _address_lines(address: ContactAddress | None) -> tuple[str, ...]:
    """The address as written on an envelope: the street's parts, then "City, ST 00000"."""
    if address is None:
        return ()
    state = " ".join(p for p in (address.region, address.postal_code) if p)
    last = ", ".join(p for p in (address.city, state) if p)
    return tuple(p for p in (*address.street.split(", "), last) if p)


def _joined(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def log_as_sent(
    session: Session,
    campaign: Campaign,
    writer: Contact,
    letters: Sequence[Letter],
    *,
    reply_days: int = DEFAULT_REPLY_DAYS,
) -> list[Correspondence]:
    """Log each letter as sent today, its reply due in ``reply_days`` days (a follow-up task
    until the reply is recorded); in the caller's transaction."""
    if reply_days < 1:
        raise ValidationError(f"Replies are waited for at least one day (got {reply_days})")
    logged = []
    for letter in letters:
        sent = FuzzyDate.from_date(letter.date)
        entry = Correspondence(
            direction=Direction.SENT,
            kind=CorrespondenceKind.LETTER,
            date=sent,
            official_id=letter.official_id,
            office=letter.title,
            writer_id=writer.id,
            subject=letter.subject,
            body="\n\n".join(letter.paragraphs),
            campaign=campaign,
            cases=list(campaign.cases),
            reply_due_on=reply_due(sent, reply_days),
        )
        session.add(entry)
        session.flush()
        session.refresh(entry, ["official"])
        sync_follow_up(session, entry)
        logged.append(entry)
    return logged


def read_template(path: Path) -> str:
    """A template file's text, or a clear message when it cannot be read."""
    try:
        return check_template(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationError(f"Cannot read the letter template {path}: {error}") from None
