"""Saving a contact form writes the contact, its phones, addresses and links in one go."""

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from powmia_desktop.core.errors import ConflictError, ValidationError
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import ContactKind, RelationshipKind
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Contact, Serviceman
from powmia_desktop.services import contact_editing as ce
from powmia_desktop.services.contacts import get_contact


def _ids(archive: Archive) -> tuple[int, int, int]:
    """Bill Dumas, Amb. Charles Ray and the Dumas case of the demo."""
    with archive.reader() as session:
        names = dict(session.execute(select(Contact.display_name, Contact.id)).all())
        case_id = session.scalars(select(Serviceman.id)).one()
    return names["Bill Dumas"], names["Amb. Charles Ray"], case_id


def test_new_contact_with_phones_addresses_and_links(demo_archive: Archive) -> None:
    bill, _, case_id = _ids(demo_archive)
    form = ce.ContactForm(
        {"display_name": "  Robert  Dumas ", "surname": "Dumas", "kind": "person"},
        {
            "phones": [{"id": None, "label": "home", "number": "555-0100"}],
            "emails": [{"id": None, "address": "bob@example.org", "sensitivity": "private"}],
            "addresses": [{"id": None, "city": "Norwich", "region": "CT"}],
            "relationships": [
                {"id": None, "to_contact_id": bill, "kind": "uncle of"},
                {"id": None, "to_serviceman_id": case_id, "kind": RelationshipKind.SIBLING_OF},
            ],
        },
    )
    with demo_archive.session() as session:
        contact_id = ce.save_contact(session, None, form).id
    with demo_archive.reader() as session:
        bob = get_contact(session, contact_id)
        assert (bob.display_name, bob.kind, bob.living) == (
            "Robert Dumas",
            ContactKind.PERSON,
            True,
        )
        # Phones and addresses are family-only unless said otherwise.
        assert bob.phones[0].sensitivity is Sensitivity.FAMILY
        assert bob.emails[0].sensitivity is Sensitivity.PRIVATE
        assert bob.addresses[0].one_line() == "Norwich, CT"
        links = {(r.kind, r.to_contact_id, r.to_serviceman_id) for r in bob.relationships}
        assert links == {
            (RelationshipKind.UNCLE_OF, bill, None),
            (RelationshipKind.SIBLING_OF, None, case_id),
        }
        again = ce.read_contact_form(session, contact_id)
    assert again.children["phones"][0]["number"] == "555-0100"


def test_saving_every_read_form_again_changes_nothing(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        forms = {i: ce.read_contact_form(session, i) for i in session.scalars(select(Contact.id))}
    for contact_id, form in forms.items():
        with demo_archive.session() as session:
            ce.save_contact(session, contact_id, form)
            assert not [o for o in session.dirty if session.is_modified(o)]
    with demo_archive.reader() as session:
        for contact_id, form in forms.items():
            assert ce.read_contact_form(session, contact_id) == form


def test_children_are_added_changed_and_removed(demo_archive: Archive) -> None:
    bill, _, _ = _ids(demo_archive)
    with demo_archive.reader() as session:
        form = ce.read_contact_form(session, bill)
    assert form.children["phones"] and form.children["relationships"]
    form.children["phones"][0]["number"] = "555-0199"
    form.children["emails"] = []
    form.children["addresses"].append({"id": None, "street": "1 Main St", "city": "Norwich"})
    with demo_archive.session() as session:
        ce.save_contact(session, bill, form)
    with demo_archive.reader() as session:
        contact = get_contact(session, bill)
        assert [p.number for p in contact.phones] == ["555-0199"]
        assert contact.emails == []
        assert contact.addresses[-1].one_line() == "1 Main St, Norwich"
        assert len(contact.relationships) == len(form.children["relationships"])


Row = dict[str, Any]


@pytest.mark.parametrize(
    ("child", "row", "message"),
    [
        ("relationships", lambda b, r, c: {"kind": "other"}, "Relationship 1: choose either"),
        (
            "relationships",
            lambda b, r, c: {"kind": "other", "to_contact_id": r, "to_serviceman_id": c},
            "not both",
        ),
        ("relationships", lambda b, r, c: {"kind": "other", "to_contact_id": b}, "itself"),
        (
            "relationships",
            lambda b, r, c: {"to_contact_id": r},
            "Relationship 1: Choose “Relationship”$",
        ),
        ("emails", lambda b, r, c: {"address": "bill at example.org"}, "Email address 1: .* @"),
        ("phones", lambda b, r, c: {"label": "home"}, "Phone 1: Fill in “Number”$"),
    ],
)
def test_bad_rows_are_refused_naming_the_row(
    demo_archive: Archive, child: str, row: Callable[[int, int, int], Row], message: str
) -> None:
    bill, ray, case_id = _ids(demo_archive)
    with demo_archive.reader() as session:
        form = ce.read_contact_form(session, bill)
    form.values["title"] = "Producer"
    form.children[child] = [{"id": None, **row(bill, ray, case_id)}]
    with pytest.raises(ValidationError, match=message), demo_archive.session() as session:
        ce.save_contact(session, bill, form)
    with demo_archive.reader() as session:
        assert get_contact(session, bill).title != "Producer"


def test_name_is_required(archive: Archive) -> None:
    form = ce.ContactForm({"display_name": "   ", "surname": "Dumas"})
    with pytest.raises(ValidationError) as raised, archive.session() as session:
        ce.save_contact(session, None, form)
    assert raised.value.field == "display_name"
    with archive.reader() as session:
        assert session.scalars(select(Contact.id)).all() == []


def test_stale_form_is_a_conflict(demo_archive: Archive) -> None:
    bill, _, _ = _ids(demo_archive)
    with demo_archive.reader() as session:
        mine = ce.read_contact_form(session, bill)
        theirs = ce.read_contact_form(session, bill)
    theirs.values["title"] = "Producer"
    with demo_archive.session() as session:
        ce.save_contact(session, bill, theirs)
    mine.values["title"] = "Nephew"
    with pytest.raises(ConflictError), demo_archive.session() as session:
        ce.save_contact(session, bill, mine)
