"""Advocacy campaigns (petitions, letter drives, resolutions), their dated counts of
signatures or supporters, and the correspondence with officials around them and the cases."""

import datetime as dt
from typing import TYPE_CHECKING, Any

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from powmia_desktop.core.campaign_vocab import (
    CampaignKind,
    CampaignStatus,
    CorrespondenceKind,
    Direction,
)
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.models.base import Base, Record, link_table
from powmia_desktop.db.types import vocab

if TYPE_CHECKING:
    from powmia_desktop.db.models.cases import Serviceman
    from powmia_desktop.db.models.evidence import Attachment, Source
    from powmia_desktop.db.models.meetings import Task
    from powmia_desktop.db.models.people import Contact

_CHILDREN: dict[str, Any] = {"cascade": "all, delete-orphan", "passive_deletes": True}

campaign_case = link_table("campaign_case", "campaign", "serviceman")
#: The officials (contacts) a campaign addresses.
campaign_target = link_table("campaign_target", "campaign", "contact")
correspondence_case = link_table("correspondence_case", "correspondence", "serviceman")


class Campaign(Record, Base):
    """A petition, letter drive, resolution or event run beside the cases."""

    __tablename__ = "campaign"
    __fuzzy_dates__ = ("started_on",)
    default_sensitivity = Sensitivity.PUBLIC

    title: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[CampaignKind] = mapped_column(vocab(CampaignKind), default=CampaignKind.PETITION)
    status: Mapped[CampaignStatus] = mapped_column(
        vocab(CampaignStatus), default=CampaignStatus.ACTIVE
    )
    #: how many signatures (or supporters, letters) the campaign aims at; None: no number
    goal: Mapped[int | None] = mapped_column(Integer)
    #: what is counted ("signatures", "supporters", "letters")
    unit: Mapped[str] = mapped_column(String(60), default="signatures")
    addressed_to: Mapped[str] = mapped_column(String(300), default="")
    started_on: Mapped[FuzzyDate | None]
    started_on_sort: Mapped[int | None] = mapped_column(BigInteger)
    ended_on: Mapped[FuzzyDate | None]
    url: Mapped[str] = mapped_column(String(1000), default="")
    description: Mapped[str] = mapped_column(Text, default="")

    counts: Mapped[list["CampaignCount"]] = relationship(
        back_populates="campaign",
        order_by="(CampaignCount.counted_on, CampaignCount.id)",
        **_CHILDREN,
    )
    cases: Mapped[list["Serviceman"]] = relationship(
        secondary=campaign_case, order_by="(Serviceman.surname, Serviceman.given_names)"
    )
    targets: Mapped[list["Contact"]] = relationship(
        secondary=campaign_target, order_by="Contact.display_name"
    )
    correspondence: Mapped[list["Correspondence"]] = relationship(back_populates="campaign")


class CampaignCount(Record, Base):
    """How many had signed (or joined) on a day, and where that number was read."""

    __tablename__ = "campaign_count"
    default_sensitivity = Sensitivity.PUBLIC

    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("campaign.id", ondelete="CASCADE"), index=True
    )
    counted_on: Mapped[dt.date] = mapped_column(Date)
    count: Mapped[int] = mapped_column(Integer)
    #: where the number was read, in words ("the petition page")
    source_text: Mapped[str] = mapped_column(String(300), default="")
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id", ondelete="SET NULL"))

    campaign: Mapped[Campaign] = relationship(back_populates="counts")
    source: Mapped["Source | None"] = relationship()


class Correspondence(Record, Base):
    """A letter, e-mail, call or visit to or from an official or agency, and its reply."""

    __tablename__ = "correspondence"
    __fuzzy_dates__ = ("date",)
    default_sensitivity = Sensitivity.FAMILY

    direction: Mapped[Direction] = mapped_column(vocab(Direction), default=Direction.SENT)
    kind: Mapped[CorrespondenceKind] = mapped_column(
        vocab(CorrespondenceKind), default=CorrespondenceKind.LETTER
    )
    date: Mapped[FuzzyDate | None]
    date_sort: Mapped[int | None] = mapped_column(BigInteger, index=True)
    #: the official or agency written to (or who wrote)
    official_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )
    office: Mapped[str] = mapped_column(String(300), default="")
    #: who in the family or organization wrote, called or went (or received it)
    writer_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )
    subject: Mapped[str] = mapped_column(String(500))
    body: Mapped[str] = mapped_column(Text, default="")
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaign.id", ondelete="SET NULL"), index=True
    )
    reply_due_on: Mapped[dt.date | None] = mapped_column(Date)
    replied_on: Mapped[dt.date | None] = mapped_column(Date)
    reply: Mapped[str] = mapped_column(Text, default="")
    #: the task "no reply after N days" that puts the follow-up on the task list
    follow_up_task_id: Mapped[int | None] = mapped_column(
        ForeignKey("task.id", ondelete="SET NULL")
    )

    official: Mapped["Contact | None"] = relationship(foreign_keys=[official_id])
    writer: Mapped["Contact | None"] = relationship(foreign_keys=[writer_id])
    campaign: Mapped[Campaign | None] = relationship(back_populates="correspondence")
    #: the scan of the letter (or the .eml it was read from)
    attachments: Mapped[list["Attachment"]] = relationship(
        back_populates="correspondence", **_CHILDREN
    )
    follow_up_task: Mapped["Task | None"] = relationship()
    cases: Mapped[list["Serviceman"]] = relationship(secondary=correspondence_case)
