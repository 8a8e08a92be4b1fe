"""The schemas of a case's DNA family reference samples and live-sighting reports.

They are child lists of the case schema (services/record_schemas.py), edited on the case
and saved with it in one undoable step.
"""

from powmia_desktop.core.vocab import DnaLine, DnaSampleStatus
from powmia_desktop.db.models import FamilyReferenceSample, LiveSightingReport
from powmia_desktop.services.citation_schema import citations
from powmia_desktop.services.schema import Field, Schema, sensitivity

REFERENCE_SAMPLE = Schema(
    "reference sample",
    FamilyReferenceSample,
    (
        Field(
            "donor_id",
            "Donor",
            "ref",
            lookup="contacts",
            help="How the donor is related comes from the case's People tab.",
        ),
        Field("line", "Type", DnaLine, required=True),
        Field("status", "Status", DnaSampleStatus, required=True),
        Field("requested_on", "Kit requested on", "date"),
        Field("submitted_on", "Swab taken on", "date"),
        Field(
            "casualty_office",
            "Taken at or through",
            help="Where the swab was taken (a Family Member Update) or the Service Casualty "
            "Office that sent the kit.",
        ),
        Field("on_file_since", "On file since", "date"),
        Field("notes", "Notes", "long"),
        sensitivity(),
    ),
)
LIVE_SIGHTING = Schema(
    "live-sighting report",
    LiveSightingReport,
    (
        Field("reported_on", "Reported on", "date"),
        Field("sighting_date", "Seen on", "date"),
        Field("sighting_place_text", "Where seen"),
        Field("reporter_id", "Reported by", "ref", lookup="contacts"),
        Field("content", "What was reported", "long", required=True),
        Field("government_evaluation", "The government's evaluation", "long"),
        Field("follow_up", "Follow-up", "long"),
        Field("notes", "Notes", "long"),
        sensitivity(),
    ),
    (citations("live_sighting_report"),),
)
