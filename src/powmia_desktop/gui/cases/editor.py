"""The case editor: every serviceman field, his status history, names, captivity, claims
with their citations, the people related to him, his family's DNA reference samples (with
the donor helper beside them) and the reports that he was seen alive.

The fields are the case schema's (services/record_schemas.py); this module says only how
they are shown.
"""

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import AccountingStatus
from powmia_desktop.gui.campaigns.panels import CorrespondencePanel
from powmia_desktop.gui.cases.dna_panel import DonorHelperPanel
from powmia_desktop.gui.editor import EditorSpec
from powmia_desktop.gui.forms.layout import REST, Look, form_tabs
from powmia_desktop.gui.lists.appears_on import AppearsOnPanel
from powmia_desktop.gui.panels import AttachmentsPanel, CaseEventsPanel
from powmia_desktop.gui.record_specs import (
    CITATION_COLUMNS,
    CITATION_PLACEHOLDERS,
    joined,
    returning_id,
)
from powmia_desktop.gui.timeline.new_event import add_case_event
from powmia_desktop.gui.timeline_view.panels import CaseChartPanel
from powmia_desktop.services import case_editing
from powmia_desktop.services.pickers import picker_lists
from powmia_desktop.services.record_schemas import CASE

CASE_LOOK = Look(
    tabs=(
        ("Case", (REST,)),
        ("Status", ("status_changes",)),
        ("Names && camps", ("name_variants", "captivities")),
        ("Claims", ("claims",)),
        ("People", ("relationships",)),
        ("DNA samples", ("reference_samples",)),
        ("Sightings", ("live_sightings",)),
    ),
    headings={
        "surname": "Identity",
        "loss_date": "Loss",
        "accounting_status": "Accounting",
        "summary": "Narrative",
    },
    placeholders={
        "suffix": "e.g. Jr., III",
        "rank": "e.g. Cpl.",
        "service_number": "e.g. RA11178451",
        "unit": "e.g. Co. F, 19th Infantry Regiment, 24th Infantry Division",
        "home_state": "e.g. CT",
        "loss_place_text": "e.g. near the Yalu River",
        "status_changes.status_text": "e.g. Missing, Presumed Dead",
        "name_variants.where_seen": "e.g. 1951 Communist list",
        "captivities.camp_text": "e.g. POW Camp #5, Pyoktong",
        "claims.fact_text": "only needed for 'Other'",
        "relationships.label": "e.g. nephew, keeps the case",
        "reference_samples.casualty_office": "e.g. Family Member Update, Boston",
        "live_sightings.sighting_place_text": "e.g. a collective farm, North Korea",
        **CITATION_PLACEHOLDERS,
    },
    columns={
        "status_changes": ("date", "status", "authority", "method", "citations"),
        "claims": ("fact", "value", "status", "citations"),
        "reference_samples": ("donor_id", "line", "status", "submitted_on", "casualty_office"),
        "live_sightings": ("reported_on", "sighting_place_text", "reporter_id", "content"),
        **CITATION_COLUMNS,
    },
    # A donor's sample is the family's to share; a sighting report stays private.
    defaults={
        "reference_samples.sensitivity": Sensitivity.FAMILY,
        "live_sightings.sensitivity": Sensitivity.PRIVATE,
    },
)


CASE_EDITOR = EditorSpec(
    table="serviceman",
    noun="case",
    tabs=form_tabs(CASE, CASE_LOOK),
    read=case_editing.read_case_form,
    save=returning_id(case_editing.save_case),
    title=joined("rank", "given_names", "surname"),
    lookups=picker_lists,
    defaults=lambda: {"accounting_status": AccountingStatus.UNACCOUNTED_FOR},
    panels=(
        ("Donor helper", DonorHelperPanel),
        ("Timeline", lambda ops: CaseEventsPanel(ops, add_event=add_case_event)),
        ("Timeline chart", CaseChartPanel),
        ("Files", lambda ops: AttachmentsPanel(ops, "serviceman_id")),
        ("Appears on", AppearsOnPanel),
        ("Correspondence", lambda ops: CorrespondencePanel(ops, "case")),
    ),
)
