"""The case side: a serviceman and everything recorded about his loss and accounting."""

from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, BigInteger, Boolean, Column, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import (
    AccountingStatus,
    Branch,
    CasualtyStatus,
    ClaimProperty,
    ClaimStatus,
    DnaLine,
    DnaSampleStatus,
    IncidentType,
    ListMatchStatus,
    NameVariantKind,
    StatusAuthority,
    StatusMethod,
)
from powmia_desktop.db.models.base import Base, Record
from powmia_desktop.db.models.tags import serviceman_tag
from powmia_desktop.db.types import vocab

if TYPE_CHECKING:
    from powmia_desktop.db.models.evidence import Attachment, Citation, Source
    from powmia_desktop.db.models.people import Contact, Relationship
    from powmia_desktop.db.models.places import Place
    from powmia_desktop.db.models.tags import Tag

_CHILDREN: dict[str, Any] = {"cascade": "all, delete-orphan", "passive_deletes": True}


class Incident(Record, Base):
    """A loss event; one incident (an aircraft crew, say) may involve several men."""

    __tablename__ = "incident"
    __fuzzy_dates__ = ("date",)

    title: Mapped[str] = mapped_column(String(300), default="")
    date: Mapped[FuzzyDate | None]
    date_sort: Mapped[int | None] = mapped_column(BigInteger, index=True)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("place.id", ondelete="SET NULL"))
    place_text: Mapped[str] = mapped_column(String(300), default="")
    incident_type: Mapped[IncidentType] = mapped_column(
        vocab(IncidentType), default=IncidentType.GROUND
    )
    narrative: Mapped[str] = mapped_column(Text, default="")

    place: Mapped["Place | None"] = relationship()
    servicemen: Mapped[list["Serviceman"]] = relationship(back_populates="incident")
    external_ids: Mapped[list["ExternalId"]] = relationship(back_populates="incident", **_CHILDREN)
    citations: Mapped[list["Citation"]] = relationship(back_populates="incident", **_CHILDREN)


class Serviceman(Record, Base):
    """A case: one missing serviceman."""

    __tablename__ = "serviceman"
    __fuzzy_dates__ = ("loss_date",)

    surname: Mapped[str] = mapped_column(String(120), index=True)
    given_names: Mapped[str] = mapped_column(String(200), default="")
    suffix: Mapped[str] = mapped_column(String(20), default="")
    service_number: Mapped[str] = mapped_column(String(20), default="", index=True)
    branch: Mapped[Branch | None] = mapped_column(vocab(Branch))
    rank: Mapped[str] = mapped_column(String(80), default="")
    unit: Mapped[str] = mapped_column(String(300), default="")
    home_city: Mapped[str] = mapped_column(String(120), default="")
    home_county: Mapped[str] = mapped_column(String(120), default="")
    home_state: Mapped[str] = mapped_column(String(60), default="", index=True)
    birth_date: Mapped[FuzzyDate | None]
    loss_date: Mapped[FuzzyDate | None]
    loss_date_sort: Mapped[int | None] = mapped_column(BigInteger, index=True)
    loss_date_earliest: Mapped[int | None] = mapped_column(Integer)
    loss_date_latest: Mapped[int | None] = mapped_column(Integer)
    loss_place_id: Mapped[int | None] = mapped_column(ForeignKey("place.id", ondelete="SET NULL"))
    loss_place_text: Mapped[str] = mapped_column(String(300), default="")
    circumstances: Mapped[str] = mapped_column(Text, default="")
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey("incident.id", ondelete="SET NULL"), index=True
    )
    accounting_status: Mapped[AccountingStatus] = mapped_column(
        vocab(AccountingStatus), default=AccountingStatus.UNACCOUNTED_FOR, index=True
    )
    #: The latest entry of the status history, kept by services/cases.py for fast lists.
    current_status: Mapped[CasualtyStatus | None] = mapped_column(vocab(CasualtyStatus), index=True)
    accounted_for_date: Mapped[FuzzyDate | None]
    rosette_placed: Mapped[bool] = mapped_column(Boolean, default=False)
    last_seen_alive: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    summary: Mapped[str] = mapped_column(Text, default="")

    incident: Mapped[Incident | None] = relationship(back_populates="servicemen")
    loss_place: Mapped["Place | None"] = relationship()
    name_variants: Mapped[list["NameVariant"]] = relationship(
        back_populates="serviceman", order_by="NameVariant.id", **_CHILDREN
    )
    external_ids: Mapped[list["ExternalId"]] = relationship(
        back_populates="serviceman", order_by="ExternalId.id", **_CHILDREN
    )
    status_changes: Mapped[list["StatusChange"]] = relationship(
        back_populates="serviceman",
        order_by="(StatusChange.date_sort, StatusChange.id)",
        **_CHILDREN,
    )
    captivities: Mapped[list["Captivity"]] = relationship(
        back_populates="serviceman", order_by="Captivity.id", **_CHILDREN
    )
    claims: Mapped[list["Claim"]] = relationship(
        back_populates="serviceman", order_by="(Claim.fact, Claim.id)", **_CHILDREN
    )
    list_memberships: Mapped[list["ListMembership"]] = relationship(back_populates="serviceman")
    reference_samples: Mapped[list["FamilyReferenceSample"]] = relationship(
        back_populates="serviceman", order_by="FamilyReferenceSample.id", **_CHILDREN
    )
    live_sightings: Mapped[list["LiveSightingReport"]] = relationship(
        back_populates="serviceman", order_by="LiveSightingReport.id", **_CHILDREN
    )
    relationships: Mapped[list["Relationship"]] = relationship(
        back_populates="to_serviceman", **_CHILDREN
    )
    citations: Mapped[list["Citation"]] = relationship(back_populates="serviceman", **_CHILDREN)
    attachments: Mapped[list["Attachment"]] = relationship(back_populates="serviceman", **_CHILDREN)
    tags: Mapped[list["Tag"]] = relationship(secondary=serviceman_tag, order_by="Tag.name")

    @property
    def full_name(self) -> str:
        """Given names first, as on a letter: "Roger A. Dumas"."""
        parts = [self.given_names, self.surname]
        name = " ".join(p for p in parts if p)
        return f"{name}, {self.suffix}" if self.suffix else name

    @property
    def sort_name(self) -> str:
        """Surname first, as on a list: "Dumas, Roger A."."""
        name = f"{self.surname}, {self.given_names}" if self.given_names else self.surname
        return f"{name} {self.suffix}" if self.suffix else name


class NameVariant(Record, Base):
    """A spelling of the name as printed on a list, an alias or a transliteration."""

    __tablename__ = "name_variant"

    serviceman_id: Mapped[int] = mapped_column(
        ForeignKey("serviceman.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[NameVariantKind] = mapped_column(
        vocab(NameVariantKind), default=NameVariantKind.AS_PRINTED
    )
    where_seen: Mapped[str] = mapped_column(String(300), default="")

    serviceman: Mapped[Serviceman] = relationship(back_populates="name_variants")


class ExternalId(Record, Base):
    """An identifier another body gives the case: DPAA profile, DCAS, KWP, NARA, KORWALD."""

    __tablename__ = "external_id"
    default_sensitivity = Sensitivity.PUBLIC

    serviceman_id: Mapped[int | None] = mapped_column(
        ForeignKey("serviceman.id", ondelete="CASCADE"), index=True
    )
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey("incident.id", ondelete="CASCADE"), index=True
    )
    issuer: Mapped[str] = mapped_column(String(120))
    value: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(String(1000), default="")

    serviceman: Mapped[Serviceman | None] = relationship(back_populates="external_ids")
    incident: Mapped[Incident | None] = relationship(back_populates="external_ids")


class StatusChange(Record, Base):
    """One entry of a case's status history: who declared what, when and how."""

    __tablename__ = "status_change"
    __fuzzy_dates__ = ("date",)

    serviceman_id: Mapped[int] = mapped_column(
        ForeignKey("serviceman.id", ondelete="CASCADE"), index=True
    )
    date: Mapped[FuzzyDate | None]
    date_sort: Mapped[int | None] = mapped_column(BigInteger)
    status: Mapped[CasualtyStatus] = mapped_column(vocab(CasualtyStatus))
    status_text: Mapped[str] = mapped_column(String(200), default="")
    authority: Mapped[StatusAuthority | None] = mapped_column(vocab(StatusAuthority))
    method: Mapped[StatusMethod | None] = mapped_column(vocab(StatusMethod))

    serviceman: Mapped[Serviceman] = relationship(back_populates="status_changes")
    citations: Mapped[list["Citation"]] = relationship(back_populates="status_change", **_CHILDREN)


class Captivity(Record, Base):
    """Time held in a camp: POW Camp #5 at Pyoktong, from/to."""

    __tablename__ = "captivity"

    serviceman_id: Mapped[int] = mapped_column(
        ForeignKey("serviceman.id", ondelete="CASCADE"), index=True
    )
    camp_id: Mapped[int | None] = mapped_column(ForeignKey("place.id", ondelete="SET NULL"))
    camp_text: Mapped[str] = mapped_column(String(300), default="")
    held_from: Mapped[FuzzyDate | None]
    held_to: Mapped[FuzzyDate | None]
    remarks: Mapped[str] = mapped_column(Text, default="")

    serviceman: Mapped[Serviceman] = relationship(back_populates="captivities")
    camp: Mapped["Place | None"] = relationship()
    citations: Mapped[list["Citation"]] = relationship(back_populates="captivity", **_CHILDREN)


class Claim(Record, Base):
    """A fact the sources disagree on; every version is kept, none silently picked."""

    __tablename__ = "claim"

    serviceman_id: Mapped[int] = mapped_column(
        ForeignKey("serviceman.id", ondelete="CASCADE"), index=True
    )
    fact: Mapped[ClaimProperty] = mapped_column(vocab(ClaimProperty))
    fact_text: Mapped[str] = mapped_column(String(120), default="")
    value: Mapped[str] = mapped_column(Text)
    status: Mapped[ClaimStatus] = mapped_column(vocab(ClaimStatus), default=ClaimStatus.ASSERTED)

    serviceman: Mapped[Serviceman] = relationship(back_populates="claims")
    citations: Mapped[list["Citation"]] = relationship(back_populates="claim", **_CHILDREN)


class ListMembership(Record, Base):
    """A line on a list (a Source): the row exactly as printed, and whom it matches."""

    __tablename__ = "list_membership"

    source_id: Mapped[int] = mapped_column(ForeignKey("source.id", ondelete="CASCADE"), index=True)
    serviceman_id: Mapped[int | None] = mapped_column(
        ForeignKey("serviceman.id", ondelete="SET NULL"), index=True
    )
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="SET NULL"), index=True
    )
    row_number: Mapped[int | None] = mapped_column(Integer)
    row_as_printed: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    name_as_printed: Mapped[str] = mapped_column(String(300), default="")
    match_status: Mapped[ListMatchStatus] = mapped_column(
        vocab(ListMatchStatus), default=ListMatchStatus.UNMATCHED
    )

    source: Mapped["Source"] = relationship(back_populates="list_memberships")
    serviceman: Mapped[Serviceman | None] = relationship(back_populates="list_memberships")


#: The other cases a held list row may be, besides its best candidate (the row's
#: ``serviceman_id``): ``rank`` 1 is the next best; ``reason`` is the import's word for it.
list_candidate = Table(
    "list_candidate",
    Base.metadata,
    Column(
        "list_membership_id",
        ForeignKey("list_membership.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column(
        "serviceman_id",
        ForeignKey("serviceman.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    Column("rank", Integer, nullable=False),
    Column("reason", String(200), nullable=False),
)


class FamilyReferenceSample(Record, Base):
    """A DNA family reference sample given (or to be given) for identification."""

    __tablename__ = "family_reference_sample"
    default_sensitivity = Sensitivity.FAMILY

    serviceman_id: Mapped[int] = mapped_column(
        ForeignKey("serviceman.id", ondelete="CASCADE"), index=True
    )
    donor_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))
    line: Mapped[DnaLine] = mapped_column(vocab(DnaLine))
    status: Mapped[DnaSampleStatus] = mapped_column(
        vocab(DnaSampleStatus), default=DnaSampleStatus.ELIGIBLE
    )
    requested_on: Mapped[FuzzyDate | None]
    submitted_on: Mapped[FuzzyDate | None]
    on_file_since: Mapped[FuzzyDate | None]
    casualty_office: Mapped[str] = mapped_column(String(200), default="")

    serviceman: Mapped[Serviceman] = relationship(back_populates="reference_samples")
    donor: Mapped["Contact | None"] = relationship()


class LiveSightingReport(Record, Base):
    """A report that a missing man was seen alive; private unless the family decides."""

    __tablename__ = "live_sighting_report"
    default_sensitivity = Sensitivity.PRIVATE

    serviceman_id: Mapped[int | None] = mapped_column(
        ForeignKey("serviceman.id", ondelete="CASCADE"), index=True
    )
    reported_on: Mapped[FuzzyDate | None]
    sighting_date: Mapped[FuzzyDate | None]
    sighting_place_id: Mapped[int | None] = mapped_column(
        ForeignKey("place.id", ondelete="SET NULL")
    )
    sighting_place_text: Mapped[str] = mapped_column(String(300), default="")
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))
    content: Mapped[str] = mapped_column(Text, default="")
    government_evaluation: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")

    serviceman: Mapped[Serviceman | None] = relationship(back_populates="live_sightings")
    reporter: Mapped["Contact | None"] = relationship()
    sighting_place: Mapped["Place | None"] = relationship()
    citations: Mapped[list["Citation"]] = relationship(
        back_populates="live_sighting_report", **_CHILDREN
    )
