"""Every table of the archive; import from here so all mappers are configured together."""

from powmia_desktop.db.models.base import Base, Record, fuzzy_date_values
from powmia_desktop.db.models.cases import (
    Captivity,
    Claim,
    ExternalId,
    FamilyReferenceSample,
    Incident,
    ListMembership,
    LiveSightingReport,
    NameVariant,
    Serviceman,
    StatusChange,
)
from powmia_desktop.db.models.evidence import (
    Attachment,
    Citation,
    EventParticipant,
    Source,
    TimelineEvent,
)
from powmia_desktop.db.models.housekeeping import (
    ArchiveSetting,
    ChangeLogEntry,
    ImportBatch,
    MergeBase,
    MergeConflict,
)
from powmia_desktop.db.models.meetings import (
    AgendaItem,
    Attendance,
    Meeting,
    Question,
    Task,
    meeting_case,
    question_meeting,
)
from powmia_desktop.db.models.people import (
    Contact,
    ContactAddress,
    ContactEmail,
    ContactPhone,
    Relationship,
)
from powmia_desktop.db.models.places import Place, PlaceName
from powmia_desktop.db.models.reports import AudienceProfile, PacketRun, PacketTemplate
from powmia_desktop.db.models.tags import (
    Tag,
    contact_tag,
    meeting_tag,
    serviceman_tag,
    source_tag,
    timeline_event_tag,
)

__all__ = [
    "AgendaItem",
    "ArchiveSetting",
    "Attachment",
    "Attendance",
    "AudienceProfile",
    "Base",
    "Captivity",
    "ChangeLogEntry",
    "Citation",
    "Claim",
    "Contact",
    "ContactAddress",
    "ContactEmail",
    "ContactPhone",
    "EventParticipant",
    "ExternalId",
    "FamilyReferenceSample",
    "ImportBatch",
    "Incident",
    "ListMembership",
    "LiveSightingReport",
    "Meeting",
    "MergeBase",
    "MergeConflict",
    "NameVariant",
    "PacketRun",
    "PacketTemplate",
    "Place",
    "PlaceName",
    "Question",
    "Record",
    "Relationship",
    "Serviceman",
    "Source",
    "StatusChange",
    "Tag",
    "Task",
    "TimelineEvent",
    "contact_tag",
    "fuzzy_date_values",
    "meeting_case",
    "meeting_tag",
    "question_meeting",
    "serviceman_tag",
    "source_tag",
    "timeline_event_tag",
]
