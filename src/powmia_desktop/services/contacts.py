"""Contacts: family, officials, offices and organizations."""

from typing import NamedTuple

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session, selectinload

from powmia_desktop.core.errors import NotFoundError
from powmia_desktop.db.models import Contact, Relationship
from powmia_desktop.services.rows import count_rows


class ContactRow(NamedTuple):
    id: int
    display_name: str
    surname: str
    kind: str
    organization: str
    organization_type: str | None
    title: str
    living: bool


def list_contacts(session: Session, *, limit: int | None = None) -> list[ContactRow]:
    """Contacts by surname; with ``limit``, the first ones as the window's list sorts them
    (by surname, or by name when there is none: an office, an organization)."""
    c = Contact.__table__.c
    query = select(
        c.id,
        c.display_name,
        c.surname,
        type_coerce(c.kind, String),
        c.organization,
        type_coerce(c.organization_type, String),
        c.title,
        c.living,
    )
    if limit is not None:
        name = func.lower(func.coalesce(func.nullif(c.surname, ""), c.display_name))
        query = query.order_by(name, c.surname, c.display_name, c.id).limit(limit)
    else:
        query = query.order_by(c.surname, c.display_name, c.id)
    return [ContactRow(*row) for row in session.execute(query)]


def count_contacts(session: Session) -> int:
    return count_rows(session, Contact)


def get_contact(session: Session, contact_id: int) -> Contact:
    contact = session.get(
        Contact,
        contact_id,
        options=[
            selectinload(Contact.phones),
            selectinload(Contact.emails),
            selectinload(Contact.addresses),
            selectinload(Contact.relationships),
            selectinload(Contact.tags),
        ],
    )
    if contact is None:
        raise NotFoundError(f"There is no contact with id {contact_id}")
    return contact


class LinkToContactRow(NamedTuple):
    """Another contact's relationship naming this one, read from this one's side."""

    relationship_id: int
    from_contact_id: int
    from_name: str
    #: what this contact is to them ("uncle or aunt of"), or the family's own words
    words: str
    #: how they put it ("nephew"), as entered on their side
    their_words: str


def links_to_contact(session: Session, contact_id: int) -> list[LinkToContactRow]:
    """Relationships other contacts hold towards ``contact_id`` (each is edited on their
    side), so a contact's page shows who names them as well as whom they name."""
    found = session.execute(
        select(Relationship, Contact.display_name)
        .join(Contact, Contact.id == Relationship.from_contact_id)
        .where(Relationship.to_contact_id == contact_id)
        .order_by(Contact.surname, Contact.display_name, Relationship.id)
    )
    return [
        LinkToContactRow(link.id, link.from_contact_id, name, link.backward_words, link.label)
        for link, name in found
    ]
