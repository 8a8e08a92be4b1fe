"""The schema of a citation, the row every record kind uses to cite its sources."""

from powmia_desktop.core.vocab import Confidence
from powmia_desktop.db.models import Citation
from powmia_desktop.services.schema import Children, Field, Schema, sensitivity

CITATION = Schema(
    "citation",
    Citation,
    (
        Field("source_id", "Source", "ref", required=True, lookup="sources"),
        Field("locator", "Where in it"),
        Field("quote", "What it says", "long"),
        Field(
            "confidence",
            "Confidence",
            Confidence,
            required=True,
            pick=True,
            help="How far this source can be trusted for what it is cited for.",
        ),
        sensitivity(),
    ),
)


def citations(parent_key: str) -> Children:
    """The sources cited for a record (a status change, a claim, an event)."""
    return Children("citations", "Sources cited", "citation", CITATION, parent_key)
