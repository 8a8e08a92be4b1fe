"""The schema of every record kind a person edits: cases, contacts, sources, timeline
events, meetings, tasks and questions for officials.

Fields are listed in the order the editors show them. Adding an optional text field to
cases takes the model column, a migration and one ``Field`` line in ``CASE``: the editor,
validation, CSV export and the archive zip pick it up from here.
"""

from powmia_desktop.core.vocab import (
    AccountingStatus,
    AttendanceRole,
    Branch,
    CasualtyStatus,
    ClaimProperty,
    ClaimStatus,
    ContactKind,
    EventCategory,
    MeetingStatus,
    MeetingType,
    NameVariantKind,
    OrganizationType,
    ParticipantRole,
    QuestionStatus,
    RelationshipKind,
    SourceType,
    StatusAuthority,
    StatusMethod,
)
from powmia_desktop.db.models import (
    AgendaItem,
    Attendance,
    Captivity,
    Claim,
    Contact,
    ContactAddress,
    ContactEmail,
    ContactPhone,
    EventParticipant,
    Meeting,
    NameVariant,
    Question,
    Relationship,
    Serviceman,
    Source,
    StatusChange,
    Task,
    TimelineEvent,
)

# Campaigns and correspondence are declared in a module of their own, re-exported here.
from powmia_desktop.services.campaign_schemas import CAMPAIGN as CAMPAIGN
from powmia_desktop.services.campaign_schemas import CORRESPONDENCE as CORRESPONDENCE
from powmia_desktop.services.case_part_schemas import LIVE_SIGHTING, REFERENCE_SAMPLE
from powmia_desktop.services.citation_schema import citations
from powmia_desktop.services.schema import Children, Field, Schema, sensitivity

SENSITIVITY = sensitivity()
NOTES = Field("notes", "Notes", "long")

# -- cases --------------------------------------------------------------------------------
STATUS_CHANGE = Schema(
    "status change",
    StatusChange,
    (
        Field("date", "Date", "date"),
        Field("status", "Status", CasualtyStatus, required=True),
        Field("status_text", "As worded"),
        Field("authority", "By", StatusAuthority),
        Field("method", "How", StatusMethod),
        NOTES,
        SENSITIVITY,
    ),
    (citations("status_change"),),
)
NAME_VARIANT = Schema(
    "name variant",
    NameVariant,
    (
        Field("name", "Name", required=True),
        Field("kind", "Kind", NameVariantKind, required=True),
        Field("where_seen", "Where seen"),
        SENSITIVITY,
    ),
)
CAPTIVITY = Schema(
    "camp",
    Captivity,
    (
        Field("camp_text", "Camp", required=True),
        Field("held_from", "From", "date"),
        Field("held_to", "To", "date"),
        Field("remarks", "Remarks", "long"),
        SENSITIVITY,
    ),
)
CLAIM = Schema(
    "claim",
    Claim,
    (
        Field("fact", "Fact", ClaimProperty, required=True),
        Field("fact_text", "Fact (own words)"),
        Field("value", "What this source says", required=True),
        Field("status", "Standing", ClaimStatus, required=True),
        SENSITIVITY,
    ),
    (citations("claim"),),
)
RELATED_CONTACT = Schema(
    "related person",
    Relationship,
    (
        Field("from_contact_id", "Contact", "ref", required=True, lookup="contacts"),
        Field("kind", "Who they are to him", RelationshipKind, required=True),
        Field("label", "In their own words"),
        SENSITIVITY,
    ),
)
CASE = Schema(
    "case",
    Serviceman,
    (
        Field("surname", "Surname", required=True),
        Field("given_names", "Given names"),
        Field("suffix", "Suffix"),
        Field("rank", "Rank at loss"),
        Field("service_number", "Service number", "service_number"),
        Field("branch", "Branch", Branch),
        Field("unit", "Unit"),
        Field("home_city", "Home of record: city"),
        Field("home_county", "County"),
        Field("home_state", "State", "state"),
        Field("birth_date", "Born", "date"),
        Field("loss_date", "Date of loss", "date"),
        Field("loss_place_text", "Place of loss"),
        Field("circumstances", "Circumstances", "long"),
        Field("accounting_status", "Accounting status", AccountingStatus, required=True),
        Field("accounted_for_date", "Accounted for on", "date"),
        Field("rosette_placed", "Rosette placed", "bool"),
        Field("last_seen_alive", "On the Last Seen Alive list", "bool"),
        Field("summary", "Summary", "long"),
        NOTES,
        SENSITIVITY,
    ),
    (
        Children(
            "status_changes",
            "Status history (oldest first)",
            "status change",
            STATUS_CHANGE,
            "serviceman",
        ),
        Children(
            "name_variants", "Other spellings and names", "name variant", NAME_VARIANT, "serviceman"
        ),
        Children("captivities", "Captivity", "camp", CAPTIVITY, "serviceman"),
        Children(
            "claims",
            "What the sources say (each version kept, none picked silently)",
            "claim",
            CLAIM,
            "serviceman",
        ),
        Children(
            "relationships",
            "People related to this case",
            "related person",
            RELATED_CONTACT,
            "to_serviceman",
        ),
        Children(
            "reference_samples",
            "DNA family reference samples given or asked for",
            "sample",
            REFERENCE_SAMPLE,
            "serviceman",
        ),
        Children(
            "live_sightings",
            "Reports that he was seen alive",
            "report",
            LIVE_SIGHTING,
            "serviceman",
        ),
    ),
)

# -- contacts -----------------------------------------------------------------------------
#: Contact details are the family's to share (new ones start as "Family only" in the editor).
PHONE = Schema(
    "phone number",
    ContactPhone,
    (Field("label", "Which"), Field("number", "Number", required=True), SENSITIVITY),
)
EMAIL = Schema(
    "email address",
    ContactEmail,
    (Field("label", "Which"), Field("address", "Email address", required=True), SENSITIVITY),
)
ADDRESS = Schema(
    "address",
    ContactAddress,
    (
        Field("label", "Which"),
        Field("street", "Street"),
        Field("city", "City"),
        Field("region", "State"),
        Field("postal_code", "ZIP code"),
        Field("country", "Country"),
        Field("district", "Congressional district", help="A number, or 'at large'."),
        SENSITIVITY,
    ),
)
RELATIONSHIP = Schema(
    "relationship",
    Relationship,
    (
        Field("kind", "Relationship", RelationshipKind, required=True),
        Field("to_contact_id", "To the contact", "ref", lookup="contacts"),
        Field(
            "to_serviceman_id",
            "Or to the case",
            "ref",
            lookup="cases",
            help="Choose a contact or a case, not both.",
        ),
        Field("label", "In their own words"),
        Field("reverse_label", "The other way round"),
        SENSITIVITY,
    ),
    one_of=("to_contact_id", "to_serviceman_id"),
)
CONTACT = Schema(
    "contact",
    Contact,
    (
        Field("kind", "Person or organization", ContactKind, required=True),
        Field("display_name", "Name shown in lists", required=True),
        Field("honorific", "Form of address"),
        Field("given_names", "Given names"),
        Field("surname", "Surname"),
        Field("living", "Living", "bool"),
        Field("organization", "Organization"),
        Field("organization_type", "Kind of organization", OrganizationType),
        Field("title", "Position"),
        NOTES,
        SENSITIVITY,
    ),
    (
        Children("phones", "Phone numbers", "phone", PHONE, "contact"),
        Children("emails", "Email addresses", "email address", EMAIL, "contact"),
        Children("addresses", "Postal addresses", "address", ADDRESS, "contact"),
        Children(
            "relationships",
            "Who this contact is to other people and to cases",
            "relationship",
            RELATIONSHIP,
            "from_contact",
        ),
    ),
)

# -- sources and timeline events ----------------------------------------------------------
SOURCE = Schema(
    "source",
    Source,
    (
        Field("title", "Title", required=True),
        Field("author", "Author or agency"),
        Field("date", "Date", "date"),
        Field("source_type", "Kind of source", SourceType, required=True),
        Field("repository", "Kept at"),
        Field("locator", "Box, folder or call number"),
        Field("url", "Web address"),
        NOTES,
        SENSITIVITY,
    ),
)
PARTICIPANT = Schema(
    "person",
    EventParticipant,
    (
        Field("serviceman_id", "Case", "ref", lookup="cases"),
        Field(
            "contact_id",
            "Or contact",
            "ref",
            lookup="contacts",
            help="Choose a case or a contact, not both.",
        ),
        Field("role", "Role", ParticipantRole, required=True),
        SENSITIVITY,
    ),
    one_of=("serviceman_id", "contact_id"),
)
EVENT = Schema(
    "timeline event",
    TimelineEvent,
    (
        Field("date", "Date", "date"),
        Field("title", "Title", required=True),
        Field("category", "Kind of event", EventCategory, required=True),
        Field("place_text", "Place"),
        Field("description", "Description", "long"),
        NOTES,
        SENSITIVITY,
    ),
    (
        Children(
            "participants",
            "People in this event (each a case or a contact)",
            "person",
            PARTICIPANT,
            "event",
        ),
        citations("timeline_event"),
    ),
)

# -- tasks, questions and meetings --------------------------------------------------------
TASK = Schema(
    "task",
    Task,
    (
        Field("title", "Task", required=True),
        Field("due_on", "Due on", "day"),
        Field("done", "Done", "bool"),
        Field("assignee_id", "Who does it", "ref", lookup="contacts"),
        Field("serviceman_id", "For the case", "ref", lookup="cases"),
        Field("meeting_id", "Set at the meeting", "ref", lookup="meetings"),
        NOTES,
        SENSITIVITY,
    ),
)
#: A question's place on a meeting's list: the rows link to meetings that exist.
QUESTION_MEETING = Schema(
    "meeting", None, (Field("meeting_id", "Meeting", "ref", required=True, lookup="meetings"),)
)
QUESTION = Schema(
    "question",
    Question,
    (
        Field("text", "Question", "long", required=True),
        Field("serviceman_id", "About the case", "ref", lookup="cases"),
        Field("addressed_to_id", "Asked of", "ref", lookup="contacts"),
        Field("status", "Status", QuestionStatus, required=True),
        Field("asked_at_id", "First asked at", "ref", lookup="meetings"),
        Field("answer", "Answer", "long"),
        NOTES,
        SENSITIVITY,
    ),
    (
        Children(
            "meetings",
            "On the list of these meetings (carried until it is answered)",
            "meeting",
            QUESTION_MEETING,
        ),
    ),
)
ATTENDANCE = Schema(
    "attendee",
    Attendance,
    (
        Field("contact_id", "Contact", "ref", required=True, lookup="contacts"),
        Field("role", "Role", AttendanceRole, required=True),
        Field("invited", "Invited", "bool"),
        Field("attended", "Attended", "bool"),
        NOTES,
        SENSITIVITY,
    ),
)
AGENDA_ITEM = Schema(
    "agenda item",
    AgendaItem,
    (
        Field("position", "No.", "number"),
        Field("title", "Item", required=True),
        Field("presenter_id", "Presented by", "ref", lookup="contacts"),
        Field("minutes", "Minutes of this item", "long"),
        SENSITIVITY,
    ),
)
MEETING_CASE = Schema(
    "case", None, (Field("serviceman_id", "Case", "ref", required=True, lookup="cases"),)
)
MEETING = Schema(
    "meeting",
    Meeting,
    (
        Field("meeting_type", "Kind of meeting", MeetingType, required=True),
        Field("title", "Title", required=True),
        Field("status", "Status", MeetingStatus, required=True),
        Field("starts_at", "Starts", "moment"),
        Field("ends_at", "Ends", "moment"),
        Field("all_day", "All day (no times)", "bool"),
        Field(
            "timezone",
            "Time zone",
            "zone",
            help="The times above are the local times of this zone.",
        ),
        Field("place", "Place"),
        Field("description", "Description", "long"),
        Field("minutes", "Minutes", "long"),
        NOTES,
        SENSITIVITY,
        Field(
            "carry_from",
            "Bring in the unanswered questions of",
            "ref",
            lookup="meetings",
            column=False,
            help="On Save, every question of that meeting still waiting for an answer is "
            "added here.",
        ),
    ),
    (
        Children("attendances", "Who was invited and who came", "attendee", ATTENDANCE, "meeting"),
        Children(
            "agenda_items",
            "Agenda, in order (items are put in the order of their numbers when saved)",
            "agenda item",
            AGENDA_ITEM,
            "meeting",
        ),
        Children("cases", "Cases discussed", "case", MEETING_CASE),
        Children(
            "questions",
            "Questions for officials at this meeting",
            "question",
            QUESTION.only(
                "text", "serviceman_id", "addressed_to_id", "status", "answer", "sensitivity"
            ),
            help="Removing a question here only takes it off this meeting; it stays under "
            "Questions.",
        ),
        Children(
            "tasks",
            "Follow-up tasks",
            "task",
            TASK.only("title", "due_on", "assignee_id", "serviceman_id", "done", "sensitivity"),
            help="Removing a task here only takes it off this meeting; it stays under Tasks.",
        ),
    ),
)
