"""A campaign as an audience may see it: its counts, the correspondence and the cases.

A letter above the audience's level is left out of the report (and logged), never shown
with its text blanked; the official's name goes only when the contact may be named; the
subject and the reply pass the audience's text rules (phone numbers, addresses).
"""

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from powmia_desktop.core.campaign_vocab import Direction
from powmia_desktop.db.models import Correspondence
from powmia_desktop.services.audience.gate import Gate, case_name
from powmia_desktop.services.audience.log import RedactionLog
from powmia_desktop.services.audience.profile import Audience
from powmia_desktop.services.campaigns import Progress, get_campaign, progress_of
from powmia_desktop.services.correspondence import awaiting_reply, reply_state


@dataclass(frozen=True)
class CountView:
    day: dt.date
    count: int
    source: str


@dataclass(frozen=True)
class LetterView:
    date: str
    direction: str
    kind: str
    official: str
    office: str
    subject: str
    reply: str
    #: a sent letter past its reply date with no reply
    outstanding: bool


@dataclass(frozen=True)
class CampaignView:
    id: int
    title: str
    kind: str
    status: str
    addressed_to: str
    started: str
    description: str
    progress: Progress
    counts: tuple[CountView, ...]
    letters: tuple[LetterView, ...]
    cases: tuple[str, ...]


def campaign_view(
    session: Session,
    campaign_id: int,
    audience: Audience,
    log: RedactionLog,
    *,
    today: dt.date | None = None,
) -> CampaignView | None:
    """The campaign as ``audience`` may see it; None (and logged) when it is withheld."""
    gate = Gate(audience, log)
    campaign = get_campaign(session, campaign_id)
    if not gate.admit(campaign, "campaign", campaign.title):
        return None
    title = campaign.title
    counts = [
        c
        for c in campaign.counts
        if gate.admit(c, "count", f"{campaign.title}: {c.count:,} on {c.counted_on}")
    ]
    letters = session.scalars(
        select(Correspondence)
        .where(Correspondence.campaign_id == campaign_id)
        .options(selectinload(Correspondence.official))
        .order_by(Correspondence.date_sort.is_(None), Correspondence.date_sort, Correspondence.id)
    )
    view = CampaignView(
        campaign.id,
        campaign.title,
        campaign.kind.label,
        campaign.status.label,
        campaign.addressed_to,
        campaign.started_on.format() if campaign.started_on is not None else "",
        gate.text(campaign, campaign.description, "description", campaign.title),
        progress_of(counts, campaign.goal, gate.text(campaign, campaign.unit, "unit", title)),
        tuple(
            gate.view(c, CountView(c.counted_on, c.count, c.source_text), campaign.title)
            for c in counts
        ),
        tuple(
            _letter(gate, letter, today)
            for letter in letters
            if gate.admit(letter, "correspondence", _what(letter))
        ),
        tuple(case_name(c) for c in campaign.cases if gate.admit(c, "case", c.sort_name)),
    )
    return gate.view(campaign, view, campaign.title)


def _what(letter: Correspondence) -> str:
    day = letter.date.format() if letter.date is not None else "undated"
    return f"{letter.kind.label} of {day}"


def _letter(gate: Gate, letter: Correspondence, today: dt.date | None) -> LetterView:
    owner = _what(letter)
    official = gate.name(letter.official, f"{owner}: the official")
    sent = letter.direction is Direction.SENT
    view = LetterView(
        letter.date.format() if letter.date is not None else "",
        "To" if sent else "From",
        letter.kind.label,
        official,
        gate.text(letter, letter.office, "office", owner),
        gate.text(letter, letter.subject, "subject", owner),
        reply_state(letter, today),
        awaiting_reply(letter, today),
    )
    return gate.view(letter, view, owner)
