"""The case editor: every serviceman field, his status history, names, captivity, claims
with their citations and the people related to him."""

from typing import Any

from sqlalchemy.orm import Session

from powmia_desktop.core.vocab import (
    AccountingStatus,
    Branch,
    CasualtyStatus,
    ClaimProperty,
    ClaimStatus,
    Confidence,
    NameVariantKind,
    RelationshipKind,
    StatusAuthority,
    StatusMethod,
)
from powmia_desktop.gui.editor import EditorSpec
from powmia_desktop.gui.forms.fields import SENSITIVITY, FieldSpec, section
from powmia_desktop.gui.forms.form import Lookups
from powmia_desktop.gui.panels import AttachmentsPanel, CaseEventsPanel
from powmia_desktop.services import case_editing

CITATIONS = FieldSpec(
    "citations",
    "Sources cited",
    "children",
    noun="citation",
    columns=("source_id", "locator", "confidence"),
    children=(
        FieldSpec("source_id", "Source", "ref", lookup="sources", required=True),
        FieldSpec("locator", "Where in it", placeholder="e.g. page, box, folder"),
        FieldSpec("quote", "What it says", "long"),
        FieldSpec("confidence", "Confidence", "choice", choices=Confidence, required=True),
        SENSITIVITY,
    ),
)

CASE_FIELDS = (
    section("Identity"),
    FieldSpec("surname", "Surname", required=True),
    FieldSpec("given_names", "Given names"),
    FieldSpec("suffix", "Suffix", placeholder="e.g. Jr., III"),
    FieldSpec("rank", "Rank at loss", placeholder="e.g. Cpl."),
    FieldSpec("service_number", "Service number", placeholder="e.g. RA11178451"),
    FieldSpec("branch", "Branch", "choice", choices=Branch),
    FieldSpec(
        "unit", "Unit", placeholder="e.g. Co. F, 19th Infantry Regiment, 24th Infantry Division"
    ),
    FieldSpec("home_city", "Home of record: city"),
    FieldSpec("home_county", "County"),
    FieldSpec("home_state", "State", placeholder="e.g. CT"),
    FieldSpec("birth_date", "Born", "date"),
    section("Loss"),
    FieldSpec("loss_date", "Date of loss", "date"),
    FieldSpec("loss_place_text", "Place of loss", placeholder="e.g. near the Yalu River"),
    FieldSpec("circumstances", "Circumstances", "long"),
    section("Accounting"),
    FieldSpec(
        "accounting_status", "Accounting status", "choice", choices=AccountingStatus, required=True
    ),
    FieldSpec("accounted_for_date", "Accounted for on", "date"),
    FieldSpec("rosette_placed", "Rosette placed", "bool"),
    FieldSpec("last_seen_alive", "On the Last Seen Alive list", "bool"),
    section("Narrative"),
    FieldSpec("summary", "Summary", "long"),
    FieldSpec("notes", "Notes", "long"),
    SENSITIVITY,
)

STATUS_HISTORY = FieldSpec(
    "status_changes",
    "Status history (oldest first)",
    "children",
    noun="status change",
    columns=("date", "status", "authority", "method", "citations"),
    children=(
        FieldSpec("date", "Date", "date"),
        FieldSpec("status", "Status", "choice", choices=CasualtyStatus, required=True),
        FieldSpec("status_text", "As worded", placeholder="e.g. Missing, Presumed Dead"),
        FieldSpec("authority", "By", "choice", choices=StatusAuthority),
        FieldSpec("method", "How", "choice", choices=StatusMethod),
        FieldSpec("notes", "Notes", "long"),
        CITATIONS,
        SENSITIVITY,
    ),
)

NAME_VARIANTS = FieldSpec(
    "name_variants",
    "Other spellings and names",
    "children",
    noun="name",
    columns=("name", "kind", "where_seen"),
    children=(
        FieldSpec("name", "Name", required=True),
        FieldSpec("kind", "Kind", "choice", choices=NameVariantKind, required=True),
        FieldSpec("where_seen", "Where seen", placeholder="e.g. 1951 Communist list"),
        SENSITIVITY,
    ),
)

CAPTIVITY = FieldSpec(
    "captivities",
    "Captivity",
    "children",
    noun="camp",
    columns=("camp_text", "held_from", "held_to"),
    children=(
        FieldSpec("camp_text", "Camp", required=True, placeholder="e.g. POW Camp #5, Pyoktong"),
        FieldSpec("held_from", "From", "date"),
        FieldSpec("held_to", "To", "date"),
        FieldSpec("remarks", "Remarks", "long"),
        SENSITIVITY,
    ),
)

CLAIMS = FieldSpec(
    "claims",
    "What the sources say (each version kept, none picked silently)",
    "children",
    noun="claim",
    columns=("fact", "value", "status", "citations"),
    children=(
        FieldSpec("fact", "Fact", "choice", choices=ClaimProperty, required=True),
        FieldSpec("fact_text", "Fact (own words)", placeholder="only needed for 'Other'"),
        FieldSpec("value", "What this source says", required=True),
        FieldSpec("status", "Standing", "choice", choices=ClaimStatus, required=True),
        CITATIONS,
        SENSITIVITY,
    ),
)

RELATED = FieldSpec(
    "relationships",
    "People related to this case",
    "children",
    noun="person",
    columns=("from_contact_id", "kind", "label"),
    children=(
        FieldSpec("from_contact_id", "Contact", "ref", lookup="contacts", required=True),
        FieldSpec("kind", "Who they are to him", "choice", choices=RelationshipKind, required=True),
        FieldSpec("label", "In their own words", placeholder="e.g. nephew, keeps the case"),
        SENSITIVITY,
    ),
)


def _title(values: dict[str, Any]) -> str:
    name = " ".join(str(values.get(k) or "") for k in ("rank", "given_names", "surname"))
    return " ".join(name.split())


def _lookups(session: Session) -> Lookups:
    return {
        "contacts": case_editing.contact_choices(session),
        "sources": case_editing.source_choices(session),
    }


def _save(session: Session, case_id: int | None, form: case_editing.CaseForm) -> int:
    return case_editing.save_case(session, case_id, form).id


CASE_EDITOR = EditorSpec(
    table="serviceman",
    noun="case",
    tabs=(
        ("Case", CASE_FIELDS),
        ("Status", (STATUS_HISTORY,)),
        ("Names && camps", (NAME_VARIANTS, CAPTIVITY)),
        ("Claims", (CLAIMS,)),
        ("People", (RELATED,)),
    ),
    read=case_editing.read_case_form,
    save=_save,
    title=_title,
    lookups=_lookups,
    defaults=lambda: {"accounting_status": AccountingStatus.UNACCOUNTED_FOR},
    panels=(
        ("Timeline", CaseEventsPanel),
        ("Files", lambda ops: AttachmentsPanel(ops, "serviceman_id")),
    ),
)
