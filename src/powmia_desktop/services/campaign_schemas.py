"""The record schemas of advocacy campaigns and correspondence with officials.

services/record_schemas.py re-exports them, so they are checked against the database
model, validated and saved like every other record kind (services/editing_support.py).
"""

from powmia_desktop.core.campaign_vocab import (
    CampaignKind,
    CampaignStatus,
    CorrespondenceKind,
    Direction,
)
from powmia_desktop.db.models import Campaign, CampaignCount, Correspondence
from powmia_desktop.services.schema import Children, Field, Schema, sensitivity

_SENSITIVITY = sensitivity()
_NOTES = Field("notes", "Notes", "long")

COUNT = Schema(
    "count",
    CampaignCount,
    (
        Field("counted_on", "On", "day", required=True),
        Field("count", "How many", "number", required=True),
        Field("source_text", "Where the number was read", required=True),
        Field("source_id", "Source", "ref", lookup="sources"),
        _SENSITIVITY,
    ),
)
#: One case or one official a campaign is for: link rows to records that exist.
CAMPAIGN_CASE = Schema(
    "case", None, (Field("serviceman_id", "Case", "ref", required=True, lookup="cases"),)
)
CAMPAIGN_TARGET = Schema(
    "official", None, (Field("contact_id", "Official", "ref", required=True, lookup="contacts"),)
)
CAMPAIGN = Schema(
    "campaign",
    Campaign,
    (
        Field("title", "Title", required=True),
        Field("kind", "Kind of campaign", CampaignKind, required=True),
        Field("status", "Status", CampaignStatus, required=True),
        Field("goal", "Goal", "number", help="How many signatures (or supporters) it aims at."),
        Field("unit", "What is counted", help="signatures, supporters, letters…"),
        Field("addressed_to", "Addressed to", help="Congress and the President, a committee…"),
        Field("started_on", "Started", "date"),
        Field("ended_on", "Ended", "date"),
        Field("url", "Web address"),
        Field("description", "What it asks", "long"),
        _NOTES,
        _SENSITIVITY,
    ),
    (
        Children(
            "counts",
            "Counts over time (each dated, with where it was read)",
            "count",
            COUNT,
            "campaign",
        ),
        Children("cases", "The cases it is for", "case", CAMPAIGN_CASE),
        Children("targets", "Officials it addresses", "official", CAMPAIGN_TARGET),
    ),
)
CORRESPONDENCE = Schema(
    "letter",
    Correspondence,
    (
        Field("direction", "Sent or received", Direction, required=True),
        Field("kind", "Letter, e-mail, call or visit", CorrespondenceKind, required=True),
        Field("date", "Date", "date"),
        Field("official_id", "Official or agency", "ref", lookup="contacts"),
        Field("office", "Office"),
        Field("writer_id", "Written (or received) by", "ref", lookup="contacts"),
        Field("subject", "Subject", required=True),
        Field("body", "Text", "long"),
        Field("campaign_id", "Campaign", "ref", lookup="campaigns"),
        Field(
            "reply_due_on",
            "Reply due by",
            "day",
            help="With no reply by then, a follow-up task is on the task list.",
        ),
        Field("replied_on", "Reply received on", "day"),
        Field("reply", "The reply", "long"),
        _NOTES,
        _SENSITIVITY,
    ),
    (Children("cases", "Cases it concerns", "case", CAMPAIGN_CASE),),
)
