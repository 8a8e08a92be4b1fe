"""The words of advocacy campaigns: what kind of campaign, how it stands, and each piece of
correspondence with an official (a letter, an e-mail, a call or a visit; sent or received).

Kept beside core/vocab.py (same ``Vocabulary`` base, same parsing): the labels are the
values read as words ("Letter drive", "Phone call").
"""

from powmia_desktop.core.vocab import Vocabulary


class CampaignKind(Vocabulary):
    PETITION = "petition"
    LETTER_DRIVE = "letter_drive"
    RESOLUTION = "resolution"
    EVENT = "event"
    OTHER = "other"


class CampaignStatus(Vocabulary):
    PLANNED = "planned"
    ACTIVE = "active"
    PAUSED = "paused"
    ACHIEVED = "achieved"
    CLOSED = "closed"


class CorrespondenceKind(Vocabulary):
    LETTER = "letter"
    EMAIL = "email"
    PHONE_CALL = "phone_call"
    VISIT = "visit"
    OTHER = "other"


class Direction(Vocabulary):
    """Whether the family (or organizer) sent it to the official or received it."""

    SENT = "sent"
    RECEIVED = "received"
