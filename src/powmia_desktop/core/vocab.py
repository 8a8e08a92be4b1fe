"""The field's own vocabularies: statuses, branches, kinds of meeting, source and event.

Values are stored as their lowercase ``value`` strings (readable in the SQLite file and in
exports); ``label`` is what a person reads. Words come from the casualty records and DPAA
usage collected in docs/field-notes.md (section 1.4). Each enum's ``parse`` accepts a value,
a label or a common abbreviation, so importers and the CLI share one way of reading them.
"""

from enum import StrEnum
from typing import Self

from powmia_desktop.core.errors import ValidationError


class Vocabulary(StrEnum):
    """A StrEnum whose members carry a human label and can be parsed from loose text."""

    @property
    def label(self) -> str:
        return _LABELS.get(self, self.value.replace("_", " ").capitalize())

    @classmethod
    def parse(cls, text: str) -> Self:
        key = _fold(text)
        for member in cls:
            if key in (_fold(member.value), _fold(member.label), _fold(member.name)):
                return member
        alias = _ALIASES.get(cls.__name__, {}).get(key)
        if alias is not None:
            return cls(alias)
        choices = ", ".join(m.label for m in cls)
        raise ValidationError(f"'{text}' is not a known {_noun(cls)}; use one of: {choices}")

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(value, label) pairs in declaration order, for combo boxes and help text."""
        return [(m.value, m.label) for m in cls]


def _fold(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _noun(cls: type) -> str:
    return "".join(" " + c.lower() if c.isupper() else c for c in cls.__name__).strip()


class Branch(Vocabulary):
    ARMY = "army"
    NAVY = "navy"
    MARINE_CORPS = "marine_corps"
    AIR_FORCE = "air_force"
    COAST_GUARD = "coast_guard"
    ALLIED_OTHER = "allied_other"


class AccountingStatus(Vocabulary):
    """DPAA's three separate states (10 U.S.C. 1513): non-recoverable is *not* accounted for."""

    UNACCOUNTED_FOR = "unaccounted_for"
    ACCOUNTED_FOR = "accounted_for"
    NON_RECOVERABLE = "non_recoverable"


class CasualtyStatus(Vocabulary):
    """Status words seen in the Korean War casualty records; a case keeps a history of them."""

    MIA = "mia"
    POW = "pow"
    KIA = "kia"
    NBD = "nbd"
    DNB = "dnb"
    HDWM = "hdwm"
    MNB = "mnb"
    FOD = "fod"
    MISSING_PRESUMED_DEAD = "missing_presumed_dead"
    DECLARED_DEAD = "declared_dead"
    RETURNED_TO_MILITARY_CONTROL = "returned_to_military_control"
    DIED_IN_CAPTIVITY = "died_in_captivity"
    REFUSED_REPATRIATION = "refused_repatriation"
    ACCOUNTED_FOR = "accounted_for"
    NON_RECOVERABLE = "non_recoverable"
    OTHER = "other"


class StatusAuthority(Vocabulary):
    ARMY = "army"
    NAVY = "navy"
    USMC = "usmc"
    USAF = "usaf"
    DOD = "dod"
    COURT = "court"
    DPAA = "dpaa"
    OTHER = "other"


class StatusMethod(Vocabulary):
    REPORT = "report"
    BOARD = "board"
    PRESUMPTIVE_FINDING = "presumptive_finding"
    COURT_ORDER = "court_order"
    IDENTIFICATION = "identification"
    OTHER = "other"


class IncidentType(Vocabulary):
    GROUND = "ground"
    AIRCRAFT = "aircraft"
    SEA = "sea"
    CAPTIVITY_DEATH = "captivity_death"
    OTHER = "other"


class PlaceType(Vocabulary):
    CAMP = "camp"
    BATTLE = "battle"
    CEMETERY = "cemetery"
    CITY = "city"
    REGION = "region"
    RIVER = "river"
    BUILDING = "building"
    OTHER = "other"


class NameVariantKind(Vocabulary):
    AS_PRINTED = "as_printed"
    AKA = "aka"
    TRANSLITERATION = "transliteration"
    MISSPELLING = "misspelling"


class ClaimProperty(Vocabulary):
    CAPTURE_PLACE = "capture_place"
    CAPTURE_DATE = "capture_date"
    LOSS_PLACE = "loss_place"
    LOSS_DATE = "loss_date"
    RANK = "rank"
    UNIT = "unit"
    LAST_SEEN = "last_seen"
    CAMP = "camp"
    FATE = "fate"
    OTHER = "other"


class ClaimStatus(Vocabulary):
    ASSERTED = "asserted"
    DISPUTED = "disputed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Confidence(Vocabulary):
    """How far a citation can be trusted, best first; ``rank`` gives 3 primary .. 0 unreliable.

    The stored values are the genealogists' terms; the labels are the plain words a person
    chooses from ("Original document" for a primary source).
    """

    PRIMARY = "primary"
    SECONDARY = "secondary"
    QUESTIONABLE = "questionable"
    UNRELIABLE = "unreliable"

    @property
    def rank(self) -> int:
        return 3 - list(Confidence).index(self)


class ListMatchStatus(Vocabulary):
    UNMATCHED = "unmatched"
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"


class DnaLine(Vocabulary):
    MTDNA = "mtdna"
    Y_STR = "y_str"
    AU_STR = "au_str"


class DnaSampleStatus(Vocabulary):
    ELIGIBLE = "eligible"
    REQUESTED = "requested"
    KIT_RECEIVED = "kit_received"
    SUBMITTED = "submitted"
    ON_FILE = "on_file"


class ContactKind(Vocabulary):
    PERSON = "person"
    ORGANIZATION = "organization"


class OrganizationType(Vocabulary):
    DPAA = "dpaa"
    SERVICE_CASUALTY_OFFICE = "service_casualty_office"
    CONGRESSIONAL_OFFICE = "congressional_office"
    VETERANS_ORGANIZATION = "veterans_organization"
    FAMILY_ORGANIZATION = "family_organization"
    GOVERNMENT = "government"
    COURT = "court"
    ARCHIVE = "archive"
    MEDIA = "media"
    FOREIGN_MISSION = "foreign_mission"
    OTHER = "other"


class RelationshipKind(Vocabulary):
    """A relationship is named both ways: ``label`` forward, ``reverse_label`` backward."""

    MOTHER_OF = "mother_of"
    FATHER_OF = "father_of"
    PARENT_OF = "parent_of"
    SON_OF = "son_of"
    DAUGHTER_OF = "daughter_of"
    CHILD_OF = "child_of"
    BROTHER_OF = "brother_of"
    SISTER_OF = "sister_of"
    SIBLING_OF = "sibling_of"
    SPOUSE_OF = "spouse_of"
    NEPHEW_OF = "nephew_of"
    NIECE_OF = "niece_of"
    UNCLE_OF = "uncle_of"
    AUNT_OF = "aunt_of"
    COUSIN_OF = "cousin_of"
    GRANDCHILD_OF = "grandchild_of"
    GRANDPARENT_OF = "grandparent_of"
    PRIMARY_NEXT_OF_KIN_OF = "primary_next_of_kin_of"
    CASUALTY_OFFICER_FOR = "casualty_officer_for"
    ANALYST_FOR = "analyst_for"
    WITNESS_FOR = "witness_for"
    FELLOW_PRISONER_OF = "fellow_prisoner_of"
    ATTORNEY_FOR = "attorney_for"
    REPRESENTS = "represents"
    MEMBER_OF = "member_of"
    WORKS_FOR = "works_for"
    OTHER = "other"

    @property
    def reverse_label(self) -> str:
        return _REVERSE.get(self, self.label + " (reverse)")


class MeetingType(Vocabulary):
    ANNUAL_BRIEFING = "annual_briefing"
    FAMILY_MEMBER_UPDATE = "family_member_update"
    CONGRESSIONAL_VISIT = "congressional_visit"
    HEARING = "hearing"
    PHONE_CALL = "phone_call"
    FAMILY_ORGANIZATION_MEETING = "family_organization_meeting"
    OTHER = "other"


class MeetingStatus(Vocabulary):
    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class AttendanceRole(Vocabulary):
    ORGANIZER = "organizer"
    PRESENTER = "presenter"
    DPAA_ANALYST = "dpaa_analyst"
    OFFICIAL = "official"
    FAMILY = "family"
    STAFFER = "staffer"
    MODERATOR = "moderator"
    OTHER = "other"


class QuestionStatus(Vocabulary):
    OPEN = "open"
    ASKED = "asked"
    ANSWERED = "answered"
    FOLLOW_UP_NEEDED = "follow_up_needed"


class EventCategory(Vocabulary):
    LOSS = "loss"
    CAPTURE = "capture"
    CAMP_TRANSFER = "camp_transfer"
    REPATRIATION = "repatriation"
    STATUS_CHANGE = "status_change"
    REMAINS = "remains"
    DNA = "dna"
    LETTER = "letter"
    HEARING = "hearing"
    REPORT = "report"
    COURT = "court"
    LIVE_SIGHTING = "live_sighting"
    MEETING = "meeting"
    ADVOCACY = "advocacy"
    MEDIA = "media"
    DIPLOMACY = "diplomacy"
    LEGISLATION = "legislation"
    OTHER = "other"


class ParticipantRole(Vocabulary):
    SUBJECT = "subject"
    WITNESS = "witness"
    AUTHOR = "author"
    RECIPIENT = "recipient"
    PARTICIPANT = "participant"


class SourceType(Vocabulary):
    LETTER = "letter"
    CASUALTY_REPORT = "casualty_report"
    CASUALTY_DATA_CARD = "casualty_data_card"
    IDPF = "idpf"
    POW_DEBRIEF = "pow_debrief"
    HEARING_TRANSCRIPT = "hearing_transcript"
    COURT_RULING = "court_ruling"
    DPAA_CASE_SUMMARY = "dpaa_case_summary"
    PRESS_RELEASE = "press_release"
    LIST = "list"
    NEWSPAPER_ARTICLE = "newspaper_article"
    BOOK = "book"
    ORAL_HISTORY = "oral_history"
    RECORDING = "recording"
    GOVERNMENT_REPORT = "government_report"
    LEGISLATION = "legislation"
    PETITION = "petition"
    WEB_PAGE = "web_page"
    OTHER = "other"


_LABELS: dict[Vocabulary, str] = {
    Branch.MARINE_CORPS: "Marine Corps",
    Branch.AIR_FORCE: "Air Force",
    Branch.COAST_GUARD: "Coast Guard",
    Branch.ALLIED_OTHER: "Allied / other",
    AccountingStatus.UNACCOUNTED_FOR: "Unaccounted for",
    AccountingStatus.ACCOUNTED_FOR: "Accounted for",
    AccountingStatus.NON_RECOVERABLE: "Unaccounted for (non-recoverable)",
    CasualtyStatus.MIA: "MIA",
    CasualtyStatus.POW: "POW",
    CasualtyStatus.KIA: "KIA",
    CasualtyStatus.NBD: "NBD (non-battle death)",
    CasualtyStatus.DNB: "DNB (died, non-battle)",
    CasualtyStatus.HDWM: "HDWM (hostile, died while missing)",
    CasualtyStatus.MNB: "MNB (missing, non-battle)",
    CasualtyStatus.FOD: "FOD (finding of death)",
    CasualtyStatus.MISSING_PRESUMED_DEAD: "Missing, presumed dead",
    CasualtyStatus.RETURNED_TO_MILITARY_CONTROL: "Returned to military control",
    StatusAuthority.USMC: "USMC",
    StatusAuthority.USAF: "USAF",
    StatusAuthority.DOD: "DoD",
    StatusAuthority.DPAA: "DPAA",
    StatusMethod.PRESUMPTIVE_FINDING: "Presumptive finding of death",
    NameVariantKind.AS_PRINTED: "As printed on a list",
    NameVariantKind.AKA: "Also known as",
    EventCategory.DNA: "DNA",
    DnaLine.MTDNA: "mtDNA (maternal)",
    DnaLine.Y_STR: "Y-STR (paternal)",
    DnaLine.AU_STR: "auSTR (close kin)",
    DnaSampleStatus.ON_FILE: "On file",
    OrganizationType.DPAA: "DPAA",
    MeetingType.ANNUAL_BRIEFING: "Annual Korean/Cold War briefing",
    MeetingType.FAMILY_MEMBER_UPDATE: "Family Member Update",
    AttendanceRole.DPAA_ANALYST: "DPAA analyst",
    SourceType.IDPF: "IDPF (Individual Deceased Personnel File)",
    SourceType.POW_DEBRIEF: "POW debrief",
    SourceType.DPAA_CASE_SUMMARY: "DPAA case summary",
    Confidence.PRIMARY: "Original document",
    Confidence.SECONDARY: "Official summary",
    Confidence.QUESTIONABLE: "Someone's account",
    Confidence.UNRELIABLE: "Doubtful",
}

_REVERSE: dict[RelationshipKind, str] = {
    RelationshipKind.MOTHER_OF: "child of",
    RelationshipKind.FATHER_OF: "child of",
    RelationshipKind.PARENT_OF: "child of",
    RelationshipKind.SON_OF: "parent of",
    RelationshipKind.DAUGHTER_OF: "parent of",
    RelationshipKind.BROTHER_OF: "sibling of",
    RelationshipKind.SISTER_OF: "sibling of",
    RelationshipKind.CHILD_OF: "parent of",
    RelationshipKind.SIBLING_OF: "sibling of",
    RelationshipKind.SPOUSE_OF: "spouse of",
    RelationshipKind.NEPHEW_OF: "uncle or aunt of",
    RelationshipKind.NIECE_OF: "uncle or aunt of",
    RelationshipKind.UNCLE_OF: "nephew or niece of",
    RelationshipKind.AUNT_OF: "nephew or niece of",
    RelationshipKind.COUSIN_OF: "cousin of",
    RelationshipKind.GRANDCHILD_OF: "grandparent of",
    RelationshipKind.GRANDPARENT_OF: "grandchild of",
    RelationshipKind.PRIMARY_NEXT_OF_KIN_OF: "has as primary next of kin",
    RelationshipKind.CASUALTY_OFFICER_FOR: "has as casualty officer",
    RelationshipKind.ANALYST_FOR: "has as analyst",
    RelationshipKind.WITNESS_FOR: "has as witness",
    RelationshipKind.FELLOW_PRISONER_OF: "fellow prisoner of",
    RelationshipKind.ATTORNEY_FOR: "represented by",
    RelationshipKind.REPRESENTS: "represented by",
    RelationshipKind.MEMBER_OF: "has as member",
    RelationshipKind.WORKS_FOR: "employs",
    RelationshipKind.OTHER: "related to",
}

# Abbreviations and spellings met in real lists, folded with _fold().
_ALIASES: dict[str, dict[str, str]] = {
    "Branch": {
        "usa": "army",
        "usarmy": "army",
        "usn": "navy",
        "usnavy": "navy",
        "usmc": "marine_corps",
        "marines": "marine_corps",
        "marine": "marine_corps",
        "usaf": "air_force",
        "uscg": "coast_guard",
        "other": "allied_other",
        "allied": "allied_other",
    },
    "AccountingStatus": {
        "unaccounted": "unaccounted_for",
        "accounted": "accounted_for",
        "identified": "accounted_for",
        "nonrecoverable": "non_recoverable",
    },
    "CasualtyStatus": {
        "missinginaction": "mia",
        "prisonerofwar": "pow",
        "killedinaction": "kia",
        "nonbattledeath": "nbd",
        "diednonbattle": "dnb",
        "hostilediedwhilemissing": "hdwm",
        "missingnonbattle": "mnb",
        "findingofdeath": "fod",
        "presumeddead": "missing_presumed_dead",
        "missingpresumeddead": "missing_presumed_dead",
    },
}
