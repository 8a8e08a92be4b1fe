"""The contact editor: a person or an organization, how to reach them, and who they are to
the people and cases in the archive. The fields are the contact schema's
(services/record_schemas.py); this module says only how they are shown."""

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import ContactKind
from powmia_desktop.gui.campaigns.panels import CorrespondencePanel
from powmia_desktop.gui.editor import EditorSpec
from powmia_desktop.gui.forms.layout import REST, Look, form_tabs
from powmia_desktop.gui.panels import AttachmentsPanel, LinksToContactPanel
from powmia_desktop.gui.record_specs import returning_id, title_of
from powmia_desktop.services import contact_editing
from powmia_desktop.services.pickers import picker_lists
from powmia_desktop.services.record_schemas import CONTACT

CONTACT_LOOK = Look(
    tabs=(
        ("Contact", (REST,)),
        ("Phones && addresses", ("phones", "emails", "addresses")),
        ("Relationships", ("relationships",)),
    ),
    headings={"kind": "Who", "organization": "Work", "notes": "Notes"},
    placeholders={
        "display_name": "e.g. Bill Dumas",
        "honorific": "e.g. Mr., Mrs., Amb., Sen.",
        "organization": "e.g. Defense POW/MIA Accounting Agency",
        "title": "e.g. Casualty Assistance Officer",
        "phones.label": "e.g. home, office, cell",
        "phones.number": "e.g. 555-0142",
        "emails.label": "e.g. personal, work",
        "emails.address": "e.g. name@example.org",
        "addresses.label": "e.g. home, office",
        "addresses.region": "e.g. CT",
        "addresses.country": "only outside the U.S.",
        "relationships.label": "e.g. nephew, keeps the case",
        "relationships.reverse_label": "e.g. uncle",
    },
    columns={
        "phones": ("label", "number", "sensitivity"),
        "emails": ("label", "address", "sensitivity"),
        "addresses": ("label", "street", "city", "region", "sensitivity"),
        "relationships": ("kind", "to_contact_id", "to_serviceman_id", "label"),
    },
    # Contact details are the family's to share: new ones start as "Family only".
    defaults={
        f"{part}.sensitivity": Sensitivity.FAMILY for part in ("phones", "emails", "addresses")
    },
)


CONTACT_EDITOR = EditorSpec(
    table="contact",
    noun="contact",
    tabs=form_tabs(CONTACT, CONTACT_LOOK),
    read=contact_editing.read_contact_form,
    save=returning_id(contact_editing.save_contact),
    title=title_of("display_name"),
    lookups=picker_lists,
    defaults=lambda: {"kind": ContactKind.PERSON, "living": True},
    panels=(
        ("Named by others", LinksToContactPanel),
        ("Attachments", lambda ops: AttachmentsPanel(ops, "contact_id")),
        ("Correspondence", lambda ops: CorrespondencePanel(ops, "contact")),
    ),
)
