"""What loading the demo created, counted by kind."""

from dataclasses import dataclass, fields

from powmia_desktop.db.models import (
    AgendaItem,
    Attendance,
    AudienceProfile,
    Campaign,
    CampaignCount,
    Captivity,
    Citation,
    Claim,
    Contact,
    Correspondence,
    ExternalId,
    ListMembership,
    LiveSightingReport,
    Meeting,
    NameVariant,
    Place,
    Question,
    Record,
    Relationship,
    Serviceman,
    Source,
    StatusChange,
    Tag,
    Task,
    TimelineEvent,
)


@dataclass(frozen=True)
class DemoSummary:
    """What ``load_demo`` created: the main case's id and a count of each kind of record."""

    serviceman_id: int
    cases: int
    name_variants: int
    external_ids: int
    status_changes: int
    captivities: int
    claims: int
    list_memberships: int
    live_sightings: int
    places: int
    sources: int
    citations: int
    contacts: int
    relationships: int
    meetings: int
    attendances: int
    agenda_items: int
    questions: int
    tasks: int
    events: int
    tags: int
    audience_profiles: int
    campaigns: int = 0
    campaign_counts: int = 0
    correspondence: int = 0

    def counts(self) -> dict[str, int]:
        """The counts by kind, in declaration order, without the case id."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "serviceman_id"}

    def describe(self) -> str:
        """One line for people: "1 case, 3 status changes, ..." (kinds with none left out)."""
        return ", ".join(
            f"{count} {_singular(name) if count == 1 else name.replace('_', ' ')}"
            for name, count in self.counts().items()
            if count
        )


def _singular(name: str) -> str:
    words = name.replace("_", " ")
    for plural, singular in (("ies", "y"), ("s", "")):
        if words.endswith(plural):
            return words[: -len(plural)] + singular
    return words


#: Which DemoSummary field counts each model class.
COUNTED: dict[type[Record], str] = {
    Serviceman: "cases",
    NameVariant: "name_variants",
    ExternalId: "external_ids",
    StatusChange: "status_changes",
    Captivity: "captivities",
    Claim: "claims",
    ListMembership: "list_memberships",
    LiveSightingReport: "live_sightings",
    Place: "places",
    Source: "sources",
    Citation: "citations",
    Contact: "contacts",
    Relationship: "relationships",
    Meeting: "meetings",
    Attendance: "attendances",
    AgendaItem: "agenda_items",
    Question: "questions",
    Task: "tasks",
    TimelineEvent: "events",
    Tag: "tags",
    AudienceProfile: "audience_profiles",
    Campaign: "campaigns",
    CampaignCount: "campaign_counts",
    Correspondence: "correspondence",
}
