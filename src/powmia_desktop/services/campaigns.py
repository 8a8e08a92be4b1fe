"""Advocacy campaigns: the list, one campaign found by number or title, its counts over
time and its progress toward the goal ("1,160 of 1,500 signatures (77%)").

A count is dated and says where it was read; progress is the latest count (by date) over
the goal, rounded down, so a campaign never shows 100% before it is there.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from powmia_desktop.core.errors import NotFoundError, ValidationError
from powmia_desktop.core.validation import clean_text
from powmia_desktop.db.models import Campaign, CampaignCount


@dataclass(frozen=True)
class Progress:
    """Where a campaign stands: its latest count, the goal and the share reached."""

    count: int | None
    goal: int | None
    unit: str
    counted_on: dt.date | None

    @property
    def percent(self) -> int | None:
        """Whole percent of the goal reached, rounded down; None without both numbers."""
        if self.count is None or not self.goal:
            return None
        return self.count * 100 // self.goal

    def text(self) -> str:
        """ "1,160 of 1,500 signatures (77%)"; "1,160 signatures"; "no count yet"."""
        if self.count is None:
            return "no count yet"
        unit = f" {self.unit}" if self.unit else ""
        if not self.goal:
            return f"{self.count:,}{unit}"
        return f"{self.count:,} of {self.goal:,}{unit} ({self.percent}%)"


class CampaignRow(NamedTuple):
    id: int
    title: str
    kind: str
    status: str
    progress: str
    percent: int | None
    counted_on: dt.date | None


def progress(campaign: Campaign) -> Progress:
    """The campaign's progress from its latest count (the last by date, then by entry)."""
    return progress_of(campaign.counts, campaign.goal, campaign.unit)


def progress_of(counts: Iterable[CampaignCount], goal: int | None, unit: str) -> Progress:
    """Progress from some of a campaign's counts (those an audience may see)."""
    latest = max(counts, key=lambda c: (c.counted_on, c.id or 0), default=None)
    return Progress(
        latest.count if latest else None, goal, unit, latest.counted_on if latest else None
    )


def series(campaign: Campaign) -> list[tuple[dt.date, int]]:
    """(day, count) of every count, oldest first: what the progress chart draws."""
    ordered = sorted(campaign.counts, key=lambda c: (c.counted_on, c.id or 0))
    return [(c.counted_on, c.count) for c in ordered]


def list_campaigns(session: Session) -> list[CampaignRow]:
    """Every campaign by title, each with its progress."""
    campaigns = session.scalars(
        select(Campaign).options(selectinload(Campaign.counts)).order_by(Campaign.title)
    )
    rows = []
    for campaign in campaigns:
        state = progress(campaign)
        rows.append(
            CampaignRow(
                campaign.id,
                campaign.title,
                campaign.kind.label,
                campaign.status.label,
                state.text(),
                state.percent,
                state.counted_on,
            )
        )
    return rows


def get_campaign(session: Session, campaign_id: int) -> Campaign:
    campaign = session.get(
        Campaign,
        campaign_id,
        options=[
            selectinload(Campaign.counts),
            selectinload(Campaign.cases),
            selectinload(Campaign.targets),
        ],
    )
    if campaign is None:
        raise NotFoundError(f"There is no campaign with id {campaign_id}")
    return campaign


def find_campaign(session: Session, key: str) -> Campaign:
    """A campaign by its number, its title, or the one title that contains ``key``."""
    text = key.strip()
    if text.isdigit():
        return get_campaign(session, int(text))
    titles = Campaign.__table__.c.title
    exact = session.scalars(select(Campaign.id).where(func.lower(titles) == text.lower())).first()
    if exact is not None:
        return get_campaign(session, exact)
    like = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    found = session.execute(
        select(Campaign.id, titles).where(func.lower(titles).like(f"%{like}%", escape="\\"))
    ).all()
    if len(found) == 1:
        return get_campaign(session, found[0][0])
    if not found:
        raise NotFoundError(f"There is no campaign called '{text}'; see 'powmia campaign list'")
    names = "; ".join(t for _, t in found[:5])
    raise NotFoundError(f"'{text}' names {len(found)} campaigns ({names}); give its number")


def add_count(
    session: Session,
    campaign: Campaign,
    count: int,
    *,
    on: dt.date | None = None,
    source_text: str = "",
    source_id: int | None = None,
) -> CampaignCount:
    """Record how many had signed on a day (today when not given), in the caller's
    transaction; a count below zero or dated after today is refused."""
    if count < 0:
        raise ValidationError(
            f"A count cannot be below zero (got {count}); type 0 or more", "count"
        )
    day = on or dt.date.today()
    if day > dt.date.today():
        raise ValidationError(
            f"A count cannot be dated after today ({day:%d %b %Y}); give the day it was read",
            "date",
        )
    where = clean_text(source_text, field="source_text", label="Where the number was read")
    entry = CampaignCount(
        counted_on=day,
        count=count,
        source_text=where or "entered by hand",
        source_id=source_id,
    )
    campaign.counts.append(entry)
    session.flush()
    return entry
