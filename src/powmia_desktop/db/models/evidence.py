"""Timeline and evidence: dated events, sources, citations and attached files."""

from typing import TYPE_CHECKING, Any

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.vocab import Confidence, EventCategory, ParticipantRole, SourceType
from powmia_desktop.db.models.base import Base, Record
from powmia_desktop.db.models.tags import source_tag, timeline_event_tag
from powmia_desktop.db.types import vocab

if TYPE_CHECKING:
    from powmia_desktop.db.models.campaigns import Correspondence
    from powmia_desktop.db.models.cases import (
        Captivity,
        Claim,
        Incident,
        ListMembership,
        LiveSightingReport,
        Serviceman,
        StatusChange,
    )
    from powmia_desktop.db.models.meetings import Meeting
    from powmia_desktop.db.models.people import Contact
    from powmia_desktop.db.models.places import Place
    from powmia_desktop.db.models.tags import Tag

_CHILDREN: dict[str, Any] = {"cascade": "all, delete-orphan", "passive_deletes": True}


class TimelineEvent(Record, Base):
    __tablename__ = "timeline_event"
    __fuzzy_dates__ = ("date",)

    date: Mapped[FuzzyDate | None]
    date_sort: Mapped[int | None] = mapped_column(BigInteger, index=True)
    date_earliest: Mapped[int | None] = mapped_column(Integer, index=True)
    date_latest: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[EventCategory] = mapped_column(
        vocab(EventCategory), default=EventCategory.OTHER, index=True
    )
    place_id: Mapped[int | None] = mapped_column(ForeignKey("place.id", ondelete="SET NULL"))
    place_text: Mapped[str] = mapped_column(String(300), default="")

    place: Mapped["Place | None"] = relationship()
    participants: Mapped[list["EventParticipant"]] = relationship(
        back_populates="event", order_by="EventParticipant.id", **_CHILDREN
    )
    citations: Mapped[list["Citation"]] = relationship(
        back_populates="timeline_event", order_by="Citation.id", **_CHILDREN
    )
    attachments: Mapped[list["Attachment"]] = relationship(
        back_populates="timeline_event", **_CHILDREN
    )
    tags: Mapped[list["Tag"]] = relationship(secondary=timeline_event_tag, order_by="Tag.name")


class EventParticipant(Record, Base):
    """A serviceman or contact in an event, with a role (subject, witness, author)."""

    __tablename__ = "event_participant"
    __table_args__ = (
        CheckConstraint("(serviceman_id IS NULL) <> (contact_id IS NULL)", name="one_participant"),
    )

    event_id: Mapped[int] = mapped_column(
        ForeignKey("timeline_event.id", ondelete="CASCADE"), index=True
    )
    serviceman_id: Mapped[int | None] = mapped_column(
        ForeignKey("serviceman.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[ParticipantRole] = mapped_column(
        vocab(ParticipantRole), default=ParticipantRole.SUBJECT
    )

    event: Mapped[TimelineEvent] = relationship(back_populates="participants")
    serviceman: Mapped["Serviceman | None"] = relationship()
    contact: Mapped["Contact | None"] = relationship()


class Source(Record, Base):
    """Where a fact comes from: a letter, a casualty report, a court ruling, a list."""

    __tablename__ = "source"

    title: Mapped[str] = mapped_column(String(500), index=True)
    author: Mapped[str] = mapped_column(String(300), default="")
    date: Mapped[FuzzyDate | None]
    source_type: Mapped[SourceType] = mapped_column(vocab(SourceType), default=SourceType.OTHER)
    repository: Mapped[str] = mapped_column(String(300), default="")
    locator: Mapped[str] = mapped_column(String(300), default="")
    url: Mapped[str] = mapped_column(String(1000), default="")

    citations: Mapped[list["Citation"]] = relationship(back_populates="source", **_CHILDREN)
    list_memberships: Mapped[list["ListMembership"]] = relationship(
        back_populates="source", **_CHILDREN
    )
    attachments: Mapped[list["Attachment"]] = relationship(back_populates="source", **_CHILDREN)
    tags: Mapped[list["Tag"]] = relationship(secondary=source_tag, order_by="Tag.name")


class Citation(Record, Base):
    """A source, the exact place in it and what it says, supporting one record.

    Exactly one of the ``*_id`` target columns is set; each has a real foreign key, so a
    citation goes when what it supports goes.
    """

    __tablename__ = "citation"

    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"), index=True)
    locator: Mapped[str] = mapped_column(String(300), default="")
    quote: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[Confidence] = mapped_column(vocab(Confidence), default=Confidence.SECONDARY)

    serviceman_id: Mapped[int | None] = mapped_column(
        ForeignKey("serviceman.id", ondelete="CASCADE"), index=True
    )
    status_change_id: Mapped[int | None] = mapped_column(
        ForeignKey("status_change.id", ondelete="CASCADE"), index=True
    )
    claim_id: Mapped[int | None] = mapped_column(
        ForeignKey("claim.id", ondelete="CASCADE"), index=True
    )
    timeline_event_id: Mapped[int | None] = mapped_column(
        ForeignKey("timeline_event.id", ondelete="CASCADE"), index=True
    )
    captivity_id: Mapped[int | None] = mapped_column(
        ForeignKey("captivity.id", ondelete="CASCADE"), index=True
    )
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey("incident.id", ondelete="CASCADE"), index=True
    )
    live_sighting_report_id: Mapped[int | None] = mapped_column(
        ForeignKey("live_sighting_report.id", ondelete="CASCADE"), index=True
    )

    source: Mapped[Source] = relationship(back_populates="citations")
    serviceman: Mapped["Serviceman | None"] = relationship(back_populates="citations")
    status_change: Mapped["StatusChange | None"] = relationship(back_populates="citations")
    claim: Mapped["Claim | None"] = relationship(back_populates="citations")
    timeline_event: Mapped[TimelineEvent | None] = relationship(back_populates="citations")
    captivity: Mapped["Captivity | None"] = relationship(back_populates="citations")
    incident: Mapped["Incident | None"] = relationship(back_populates="citations")
    live_sighting_report: Mapped["LiveSightingReport | None"] = relationship(
        back_populates="citations"
    )


class Attachment(Record, Base):
    """A file kept in the archive's ``attachments/`` folder under its SHA-256."""

    __tablename__ = "attachment"

    sha256: Mapped[str] = mapped_column(String(64), index=True)
    original_name: Mapped[str] = mapped_column(String(500))
    mime_type: Mapped[str] = mapped_column(String(120), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    caption: Mapped[str] = mapped_column(String(500), default="")
    #: "photo" marks a serviceman's or contact's portrait; anything else is a document.
    role: Mapped[str] = mapped_column(String(20), default="document")

    serviceman_id: Mapped[int | None] = mapped_column(
        ForeignKey("serviceman.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    timeline_event_id: Mapped[int | None] = mapped_column(
        ForeignKey("timeline_event.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("source.id", ondelete="CASCADE"), index=True
    )
    correspondence_id: Mapped[int | None] = mapped_column(
        ForeignKey("correspondence.id", ondelete="CASCADE"), index=True
    )

    serviceman: Mapped["Serviceman | None"] = relationship(back_populates="attachments")
    contact: Mapped["Contact | None"] = relationship(back_populates="attachments")
    meeting: Mapped["Meeting | None"] = relationship(back_populates="attachments")
    timeline_event: Mapped[TimelineEvent | None] = relationship(back_populates="attachments")
    source: Mapped[Source | None] = relationship(back_populates="attachments")
    correspondence: Mapped["Correspondence | None"] = relationship(back_populates="attachments")
