"""People and organizations: family, DPAA analysts, congressional offices, witnesses."""

from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import ContactKind, OrganizationType, RelationshipKind
from powmia_desktop.db.models.base import Base, Record
from powmia_desktop.db.models.tags import contact_tag
from powmia_desktop.db.types import vocab

if TYPE_CHECKING:
    from powmia_desktop.db.models.cases import Serviceman
    from powmia_desktop.db.models.evidence import Attachment
    from powmia_desktop.db.models.tags import Tag

_CHILDREN: dict[str, Any] = {"cascade": "all, delete-orphan", "passive_deletes": True}


class Contact(Record, Base):
    __tablename__ = "contact"

    kind: Mapped[ContactKind] = mapped_column(vocab(ContactKind), default=ContactKind.PERSON)
    #: The name as shown in lists; for a person "Given Surname", for an organization its name.
    display_name: Mapped[str] = mapped_column(String(300), index=True)
    surname: Mapped[str] = mapped_column(String(120), default="", index=True)
    given_names: Mapped[str] = mapped_column(String(200), default="")
    honorific: Mapped[str] = mapped_column(String(60), default="")
    organization: Mapped[str] = mapped_column(String(300), default="")
    organization_type: Mapped[OrganizationType | None] = mapped_column(vocab(OrganizationType))
    title: Mapped[str] = mapped_column(String(300), default="")
    living: Mapped[bool] = mapped_column(Boolean, default=True)

    phones: Mapped[list["ContactPhone"]] = relationship(
        back_populates="contact", order_by="ContactPhone.id", **_CHILDREN
    )
    emails: Mapped[list["ContactEmail"]] = relationship(
        back_populates="contact", order_by="ContactEmail.id", **_CHILDREN
    )
    addresses: Mapped[list["ContactAddress"]] = relationship(
        back_populates="contact", order_by="ContactAddress.id", **_CHILDREN
    )
    relationships: Mapped[list["Relationship"]] = relationship(
        back_populates="from_contact", foreign_keys="Relationship.from_contact_id", **_CHILDREN
    )
    attachments: Mapped[list["Attachment"]] = relationship(back_populates="contact", **_CHILDREN)
    tags: Mapped[list["Tag"]] = relationship(secondary=contact_tag, order_by="Tag.name")


class ContactPhone(Record, Base):
    __tablename__ = "contact_phone"
    default_sensitivity = Sensitivity.FAMILY

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(60), default="")
    number: Mapped[str] = mapped_column(String(80))

    contact: Mapped[Contact] = relationship(back_populates="phones")


class ContactEmail(Record, Base):
    __tablename__ = "contact_email"
    default_sensitivity = Sensitivity.FAMILY

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(60), default="")
    address: Mapped[str] = mapped_column(String(320))

    contact: Mapped[Contact] = relationship(back_populates="emails")


class ContactAddress(Record, Base):
    __tablename__ = "contact_address"
    default_sensitivity = Sensitivity.FAMILY

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(60), default="")
    street: Mapped[str] = mapped_column(String(300), default="")
    city: Mapped[str] = mapped_column(String(120), default="")
    region: Mapped[str] = mapped_column(String(120), default="")
    postal_code: Mapped[str] = mapped_column(String(20), default="")
    country: Mapped[str] = mapped_column(String(100), default="")
    #: the congressional district of a U.S. address ("7", "at large"), where known
    district: Mapped[str] = mapped_column(String(20), default="")

    contact: Mapped[Contact] = relationship(back_populates="addresses")

    def one_line(self) -> str:
        parts = [
            self.street,
            self.city,
            " ".join(p for p in (self.region, self.postal_code) if p),
            self.country,
        ]
        return ", ".join(p for p in parts if p)


class Relationship(Record, Base):
    """A typed link from a contact to another contact or to a serviceman, named both ways."""

    __tablename__ = "relationship"

    from_contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    to_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    to_serviceman_id: Mapped[int | None] = mapped_column(
        ForeignKey("serviceman.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[RelationshipKind] = mapped_column(vocab(RelationshipKind))
    #: Overrides the vocabulary's words when a family names the link its own way.
    label: Mapped[str] = mapped_column(String(120), default="")
    reverse_label: Mapped[str] = mapped_column(String(120), default="")
    valid_from: Mapped[FuzzyDate | None]
    valid_to: Mapped[FuzzyDate | None]

    from_contact: Mapped[Contact] = relationship(
        back_populates="relationships", foreign_keys=[from_contact_id]
    )
    to_contact: Mapped[Contact | None] = relationship(foreign_keys=[to_contact_id])
    to_serviceman: Mapped["Serviceman | None"] = relationship(back_populates="relationships")

    @property
    def forward_words(self) -> str:
        return self.label or self.kind.label.lower()

    @property
    def backward_words(self) -> str:
        return self.reverse_label or self.kind.reverse_label
