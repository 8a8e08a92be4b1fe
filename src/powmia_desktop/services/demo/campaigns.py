"""The demo's campaigns (with their dated counts) and the correspondence around them."""

from datetime import date

from powmia_desktop.core.campaign_vocab import (
    CampaignKind,
    CampaignStatus,
    CorrespondenceKind,
    Direction,
)
from powmia_desktop.db.models import Campaign, CampaignCount, Correspondence
from powmia_desktop.services.demo.building import LoaderBase
from powmia_desktop.services.demo.document import DocObject, damaged


def _day(obj: DocObject, name: str) -> date | None:
    text = obj.optional(name)
    try:
        return None if text is None else date.fromisoformat(text)
    except ValueError:
        raise damaged(obj.at(name), f"'{text}' is not a date (YYYY-MM-DD)") from None


class CampaignRecords(LoaderBase):
    """Campaigns with their counts, cases and officials; letters, calls and visits."""

    def _campaign(self, obj: DocObject) -> None:
        key = self._key(obj, "campaign")
        path = f"campaign/{key}"
        goal = obj.raw("goal")
        if goal is not None and (not isinstance(goal, int) or goal < 1):
            raise damaged(obj.at("goal"), "must be a whole number above zero")
        campaign = self._new(
            Campaign,
            obj,
            path,
            self.level,
            title=obj.text("title"),
            kind=obj.vocab(CampaignKind, "kind"),
            status=obj.vocab(CampaignStatus, "status", CampaignStatus.ACTIVE),
            goal=goal,
            unit=obj.text("unit", ""),
            addressed_to=obj.text("addressed_to", ""),
            started_on=obj.fuzzy_date("started_on"),
            url=obj.text("url", ""),
            description=obj.text("description", ""),
            cases=self._refs(self.cases, "case", obj, "cases"),
            targets=self._refs(self.contacts, "contact", obj, "targets"),
        )
        campaign.counts = self._children(
            obj, "counts", path, lambda item, at: self._count(item, at, campaign)
        )
        self.campaigns[key] = campaign

    def _count(self, obj: DocObject, path: str, campaign: Campaign) -> CampaignCount:
        count = obj.raw("count")
        if not isinstance(count, int) or count < 0:
            raise damaged(obj.at("count"), "must be a whole number, zero or more")
        day = _day(obj, "counted_on")
        if day is None:
            raise damaged(obj.at("counted_on"), "is required")
        return self._new(
            CampaignCount,
            obj,
            path,
            campaign.sensitivity,
            counted_on=day,
            count=count,
            source_text=obj.text("where"),
            source=self._optional_ref(self.sources, "source", obj, "source"),
        )

    def _letter(self, obj: DocObject) -> None:
        key = self._key(obj, "correspondence")
        self._new(
            Correspondence,
            obj,
            f"correspondence/{key}",
            self.level,
            direction=obj.vocab(Direction, "direction", Direction.SENT),
            kind=obj.vocab(CorrespondenceKind, "kind"),
            date=obj.fuzzy_date("date"),
            official=self._optional_ref(self.contacts, "contact", obj, "official"),
            office=obj.text("office", ""),
            writer=self._optional_ref(self.contacts, "contact", obj, "writer"),
            subject=obj.text("subject"),
            body=obj.text("text", ""),
            campaign=self._optional_ref(self.campaigns, "campaign", obj, "campaign"),
            cases=self._refs(self.cases, "case", obj, "cases"),
            replied_on=_day(obj, "replied_on"),
            reply=obj.text("reply", ""),
        )
