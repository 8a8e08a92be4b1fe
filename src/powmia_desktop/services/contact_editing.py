"""Reading a contact into form values and saving the form back, children included.

A contact is shown with its phones, email addresses, postal addresses and its links to
other people and to cases; ``save_contact`` writes all of that in the caller's single
transaction, so a save is one undoable step.
"""

from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.vocab import ContactKind
from powmia_desktop.db.models import Contact
from powmia_desktop.services.contacts import get_contact
from powmia_desktop.services.editing import RecordForm
from powmia_desktop.services.editing_support import one_of, read_form, save_form
from powmia_desktop.services.record_schemas import CONTACT
from powmia_desktop.services.schema import Rows

ContactForm = RecordForm


def read_contact_form(session: Session, contact_id: int) -> ContactForm:
    return read_form(get_contact(session, contact_id), CONTACT)


def save_contact(session: Session, contact_id: int | None, form: ContactForm) -> Contact:
    """Create (``contact_id`` None) or change a contact from its form, in the caller's
    transaction; a contact saved elsewhere since it was read is refused."""

    def check(contact: Contact) -> None:
        for name, rows in form.children.items():
            _check(name, rows, contact_id)

    return save_form(
        session,
        Contact,
        CONTACT,
        contact_id,
        form,
        name=lambda c: c.display_name,
        make=lambda: Contact(display_name="", kind=ContactKind.PERSON),
        check=check,
    )


def _check(name: str, rows: Rows, contact_id: int | None) -> None:
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
        one_of(
            rows,
            ("to_contact_id", "to_serviceman_id"),
            what="Relationship",
            labels="either another contact or a case, not both",
        )
