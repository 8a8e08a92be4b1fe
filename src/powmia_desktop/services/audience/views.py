"""The views: plain frozen records holding only what an audience may see (no ORM object)."""

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from powmia_desktop.core.sensitivity import Sensitivity


@dataclass(frozen=True)
class CitationView:
    source_id: int
    source_title: str
    locator: str
    quote: str
    confidence: str
    notes: str


@dataclass(frozen=True)
class SourceView:
    id: int
    title: str
    author: str
    date: str
    source_type: str
    repository: str
    locator: str
    url: str
    notes: str


@dataclass(frozen=True)
class StatusChangeView:
    date: str
    status: str
    status_text: str
    authority: str
    method: str
    notes: str
    citations: tuple[CitationView, ...]


@dataclass(frozen=True)
class CaptivityView:
    camp: str
    camp_other_names: tuple[str, ...]
    held_from: str
    held_to: str
    remarks: str
    citations: tuple[CitationView, ...]


@dataclass(frozen=True)
class ClaimView:
    fact: str
    value: str
    status: str
    notes: str
    citations: tuple[CitationView, ...]
    #: The fact's vocabulary key ("capture_place"), so a report can mark the field disputed.
    key: str = ""


@dataclass(frozen=True)
class ReferenceSampleView:
    line: str
    status: str
    donor: str
    requested_on: str
    submitted_on: str
    on_file_since: str
    casualty_office: str
    notes: str


@dataclass(frozen=True)
class LiveSightingView:
    reported_on: str
    sighting_date: str
    place: str
    reporter: str
    content: str
    government_evaluation: str
    follow_up: str
    citations: tuple[CitationView, ...]


@dataclass(frozen=True)
class ListEntryView:
    list_title: str
    name_as_printed: str
    match_status: str


@dataclass(frozen=True)
class LinkView:
    """A contact tied to a case or to another contact, in words: "nephew of"."""

    contact_id: int | None
    name: str
    words: str
    notes: str


@dataclass(frozen=True)
class AttachmentView:
    id: int
    #: the file's name (as the redaction log calls it when it takes something out)
    name: str = field(metadata={"words": "file name"})
    caption: str
    mime_type: str
    size: int
    sha256: str
    role: str
    belongs_to: str
    #: Where the bytes are; None when the archive has no folder or the file is missing.
    path: Path | None


@dataclass(frozen=True)
class EventView:
    id: int
    date: str
    date_sort: int | None
    earliest: dt.date | None
    latest: dt.date | None
    title: str
    description: str
    category: str
    place: str
    people: tuple[str, ...]
    case_ids: tuple[int, ...]
    citations: tuple[CitationView, ...]


@dataclass(frozen=True)
class CaseView:
    id: int
    name: str
    sort_name: str
    rank: str
    service_number: str
    branch: str
    unit: str
    home_of_record: str
    birth_date: str
    loss_date: str
    loss_place: str
    circumstances: str
    accounting_status: str
    current_status: str
    accounted_for_date: str
    rosette_placed: bool
    last_seen_alive: bool
    summary: str
    notes: str
    sensitivity: Sensitivity
    tags: tuple[str, ...]
    name_variants: tuple[tuple[str, str, str], ...]
    external_ids: tuple[tuple[str, str, str], ...]
    status_history: tuple[StatusChangeView, ...]
    captivities: tuple[CaptivityView, ...]
    claims: tuple[ClaimView, ...]
    reference_samples: tuple[ReferenceSampleView, ...]
    live_sightings: tuple[LiveSightingView, ...]
    lists: tuple[ListEntryView, ...]
    people: tuple[LinkView, ...]
    citations: tuple[CitationView, ...]
    events: tuple[EventView, ...] = ()
    photo: AttachmentView | None = None
    attachments: tuple[AttachmentView, ...] = ()


@dataclass(frozen=True)
class ContactView:
    id: int
    name: str
    kind: str
    organization: str
    organization_type: str
    title: str
    living: bool
    phones: tuple[tuple[str, str], ...]
    emails: tuple[tuple[str, str], ...]
    addresses: tuple[tuple[str, str], ...]
    notes: str
    links: tuple[LinkView, ...]


@dataclass(frozen=True)
class QuestionView:
    id: int
    case_id: int | None
    case_name: str
    text: str
    addressed_to: str
    addressed_to_id: int | None
    asked_at: str
    answer: str
    status: str


@dataclass(frozen=True)
class AttendeeView:
    contact_id: int
    name: str
    role: str
    attended: bool


@dataclass(frozen=True)
class AgendaItemView:
    title: str
    presenter: str
    minutes: str


@dataclass(frozen=True)
class MeetingView:
    id: int
    title: str
    meeting_type: str
    when: str
    place: str
    status: str
    description: str
    minutes: str
    attendees: tuple[AttendeeView, ...]
    agenda: tuple[AgendaItemView, ...]
    case_ids: tuple[int, ...]
    question_ids: tuple[int, ...] = field(default=())
