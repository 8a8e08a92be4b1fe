"""Reading a contact into form values and saving the form back, children included.

A contact is shown with its phones, email addresses, postal addresses and its links to
other people and to cases; ``save_contact`` writes all of that in the caller's single
transaction, so a save is one undoable step.
"""

from typing import Any

from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.vocab import ContactKind, OrganizationType, RelationshipKind
from powmia_desktop.db.models import (
    Contact,
    ContactAddress,
    ContactEmail,
    ContactPhone,
    Relationship,
)
from powmia_desktop.services.contacts import get_contact
from powmia_desktop.services.editing import Kinds, RecordForm, record_values
from powmia_desktop.services.editing_support import (
    Row,
    apply_form,
    attach_to,
    one_of,
    record_for_save,
    require_refs,
    require_set,
    sync_rows,
)

CONTACT_KINDS: Kinds = {
    "kind": ContactKind,
    "display_name": "required",
    "honorific": "text",
    "given_names": "text",
    "surname": "text",
    "organization": "text",
    "organization_type": OrganizationType,
    "title": "text",
    "living": "bool",
    "notes": "long",
    "sensitivity": "sensitivity",
}
CHILD_KINDS: dict[str, Kinds] = {
    "phones": {"label": "text", "number": "required", "sensitivity": "sensitivity"},
    "emails": {"label": "text", "address": "required", "sensitivity": "sensitivity"},
    "addresses": {
        "label": "text",
        "street": "text",
        "city": "text",
        "region": "text",
        "postal_code": "text",
        "country": "text",
        "sensitivity": "sensitivity",
    },
    "relationships": {
        "to_contact_id": "ref",
        "to_serviceman_id": "ref",
        "kind": RelationshipKind,
        "label": "text",
        "reverse_label": "text",
        "sensitivity": "sensitivity",
    },
}
_MODELS: dict[str, type[Any]] = {
    "phones": ContactPhone,
    "emails": ContactEmail,
    "addresses": ContactAddress,
    "relationships": Relationship,
}
_WHAT = {
    "phones": "Phone",
    "emails": "Email address",
    "addresses": "Address",
    "relationships": "Relationship",
}

ContactForm = RecordForm


def read_contact_form(session: Session, contact_id: int) -> ContactForm:
    contact = get_contact(session, contact_id)
    children = {
        name: [record_values(child, kinds) for child in getattr(contact, name)]
        for name, kinds in CHILD_KINDS.items()
    }
    return ContactForm(record_values(contact, CONTACT_KINDS), children, contact.row_version)


def save_contact(session: Session, contact_id: int | None, form: ContactForm) -> Contact:
    """Create (``contact_id`` None) or change a contact from its form, in the caller's
    transaction; a contact saved elsewhere since it was read is refused."""
    contact = record_for_save(
        session,
        Contact,
        contact_id,
        form,
        what="contact",
        name=lambda c: c.display_name,
        make=lambda: Contact(display_name="", kind=ContactKind.PERSON),
    )
    with session.no_autoflush:
        apply_form(contact, form.values, CONTACT_KINDS)
        require_set(contact, "kind")
        for name, rows in form.children.items():
            if name not in _MODELS:
                raise ValidationError(f"'{name}' is not a part of a contact", name)
            _check(name, rows, contact_id)
            sync_rows(
                session,
                getattr(contact, name),
                rows,
                attach_to(
                    _MODELS[name], "from_contact" if name == "relationships" else "contact", contact
                ),
                CHILD_KINDS[name],
                what=_WHAT[name],
            )
    session.flush()
    return contact


def _check(name: str, rows: list[Row], contact_id: int | None) -> None:
    """What the column types cannot say: an email has an @, a link points at one record."""
    for number, row in enumerate(rows, start=1):
        if name == "emails" and "@" not in str(row.get("address") or "@"):
            raise ValidationError(
                f"Email address {number}: '{row['address']}' has no @ in it", "address"
            )
        linked_to_self = contact_id is not None and row.get("to_contact_id") == contact_id
        if name == "relationships" and linked_to_self:
            raise ValidationError(
                f"Relationship {number}: a contact cannot be related to itself",
                "to_contact_id",
            )
    if name == "relationships":
        require_refs(rows, "kind", what="Relationship", label="What they are")
        one_of(
            rows,
            ("to_contact_id", "to_serviceman_id"),
            what="Relationship",
            labels="either another contact or a case, not both",
        )
