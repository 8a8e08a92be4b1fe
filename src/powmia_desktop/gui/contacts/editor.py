"""The contact editor: a person or an organization, how to reach them, and who they are to
the people and cases in the archive."""

from dataclasses import replace

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import ContactKind, OrganizationType, RelationshipKind
from powmia_desktop.gui.editor import EditorSpec
from powmia_desktop.gui.forms.fields import SENSITIVITY, FieldSpec, section
from powmia_desktop.gui.panels import AttachmentsPanel, LinksToContactPanel
from powmia_desktop.gui.record_specs import returning_id, title_of
from powmia_desktop.services import contact_editing
from powmia_desktop.services.editing_support import picker_lists

CONTACT_FIELDS = (
    section("Who"),
    FieldSpec("kind", "Person or organization", "choice", choices=ContactKind, required=True),
    FieldSpec("display_name", "Name shown in lists", required=True, placeholder="e.g. Bill Dumas"),
    FieldSpec("honorific", "Form of address", placeholder="e.g. Mr., Mrs., Amb., Sen."),
    FieldSpec("given_names", "Given names"),
    FieldSpec("surname", "Surname"),
    FieldSpec("living", "Living", "bool"),
    section("Work"),
    FieldSpec("organization", "Organization", placeholder="e.g. Defense POW/MIA Accounting Agency"),
    FieldSpec("organization_type", "Kind of organization", "choice", choices=OrganizationType),
    FieldSpec("title", "Position", placeholder="e.g. Casualty Assistance Officer"),
    section("Notes"),
    FieldSpec("notes", "Notes", "long"),
    SENSITIVITY,
)

#: Contact details are the family's to share: new ones start as "Family only".
FAMILY_ONLY = replace(SENSITIVITY, default=Sensitivity.FAMILY)

PHONES = FieldSpec(
    "phones",
    "Phone numbers",
    "children",
    noun="phone number",
    columns=("label", "number", "sensitivity"),
    children=(
        FieldSpec("label", "Which", placeholder="e.g. home, office, cell"),
        FieldSpec("number", "Number", required=True, placeholder="e.g. 555-0142"),
        FAMILY_ONLY,
    ),
)

EMAILS = FieldSpec(
    "emails",
    "Email addresses",
    "children",
    noun="email address",
    columns=("label", "address", "sensitivity"),
    children=(
        FieldSpec("label", "Which", placeholder="e.g. personal, work"),
        FieldSpec("address", "Email address", required=True, placeholder="e.g. name@example.org"),
        FAMILY_ONLY,
    ),
)

ADDRESSES = FieldSpec(
    "addresses",
    "Postal addresses",
    "children",
    noun="address",
    columns=("label", "street", "city", "region", "sensitivity"),
    children=(
        FieldSpec("label", "Which", placeholder="e.g. home, office"),
        FieldSpec("street", "Street"),
        FieldSpec("city", "City"),
        FieldSpec("region", "State", placeholder="e.g. CT"),
        FieldSpec("postal_code", "ZIP code"),
        FieldSpec("country", "Country", placeholder="only outside the U.S."),
        FAMILY_ONLY,
    ),
)

RELATIONSHIPS = FieldSpec(
    "relationships",
    "Who this contact is to other people and to cases",
    "children",
    noun="relationship",
    columns=("kind", "to_contact_id", "to_serviceman_id", "label"),
    children=(
        FieldSpec("kind", "Relationship", "choice", choices=RelationshipKind, required=True),
        FieldSpec("to_contact_id", "To the contact", "ref", lookup="contacts"),
        FieldSpec(
            "to_serviceman_id",
            "Or to the case",
            "ref",
            lookup="cases",
            help="Choose a contact or a case, not both.",
        ),
        FieldSpec("label", "In their own words", placeholder="e.g. nephew, keeps the case"),
        SENSITIVITY,
    ),
)


CONTACT_EDITOR = EditorSpec(
    table="contact",
    noun="contact",
    tabs=(
        ("Contact", CONTACT_FIELDS),
        ("Phones && addresses", (PHONES, EMAILS, ADDRESSES)),
        ("Relationships", (RELATIONSHIPS,)),
    ),
    read=contact_editing.read_contact_form,
    save=returning_id(contact_editing.save_contact),
    title=title_of("display_name"),
    lookups=picker_lists,
    defaults=lambda: {"kind": ContactKind.PERSON, "living": True},
    panels=(
        ("Named by others", LinksToContactPanel),
        ("Attachments", lambda ops: AttachmentsPanel(ops, "contact_id")),
    ),
)
