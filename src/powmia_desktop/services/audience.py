"""What an audience may see: the one place that decides (STYLE.md §5, privacy as a view).

Packets, summaries and exports never read records themselves. They ask this module for a
*view*: plain frozen dataclasses holding only what the audience may see, built from the
archive with an :class:`Audience` (a sensitivity ceiling plus field rules such as
``hide_phones``). Everything left out is written to a :class:`RedactionLog` with the reason,
so the person can read what was withheld before a file is written.

Rules, applied here and nowhere else:

* a record above the ceiling is left out entirely, with everything recorded under it; a
  child (a status change, a claim, a citation, a phone number) must pass on its own level
  *and* its parent's, and a citation also on its source's;
* ``private`` records never appear unless the caller sets ``include_private`` — even an
  audience whose ceiling is ``private``;
* a field rule removes a kind of field (phone numbers, emails, addresses, DNA donor names,
  notes) whatever its level.

No ORM object leaves this module: callers get text, numbers and dates.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from powmia_desktop.core.errors import NotFoundError, ValidationError
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.models import (
    AgendaItem,
    Attachment,
    Attendance,
    AudienceProfile,
    Captivity,
    Citation,
    Claim,
    Contact,
    EventParticipant,
    FamilyReferenceSample,
    ListMembership,
    LiveSightingReport,
    Meeting,
    Place,
    Question,
    Record,
    Relationship,
    Serviceman,
    Source,
    StatusChange,
    TimelineEvent,
)
from powmia_desktop.services.attachments import stored_path
from powmia_desktop.services.values import date_text, label

#: The field rules an AudienceProfile may name, and what each removes, in people's words.
FIELD_RULES: dict[str, str] = {
    "hide_phones": "phone numbers",
    "hide_emails": "email addresses",
    "hide_addresses": "postal addresses",
    "hide_dna_donors": "DNA donor names",
    "hide_notes": "notes",
}
_CHUNK = 500


@dataclass(frozen=True)
class Audience:
    """Who will read a packet: a ceiling, field rules, and whether private records may go."""

    name: str
    ceiling: Sensitivity
    rules: frozenset[str] = frozenset()
    description: str = ""
    include_private: bool = False
    profile_id: int | None = None

    def __post_init__(self) -> None:
        unknown = sorted(set(self.rules) - set(FIELD_RULES))
        if unknown:
            raise ValidationError(
                f"Audience '{self.name}': unknown field rule {', '.join(unknown)}; "
                f"use {', '.join(FIELD_RULES)}",
                "field_rules",
            )

    @classmethod
    def from_profile(cls, profile: AudienceProfile, *, include_private: bool = False) -> "Audience":
        return cls(
            name=profile.name,
            ceiling=profile.ceiling,
            rules=frozenset(profile.field_rules or ()),
            description=profile.description,
            include_private=include_private,
            profile_id=profile.id,
        )

    @property
    def effective_ceiling(self) -> Sensitivity:
        if self.include_private:
            return self.ceiling
        return min(self.ceiling, Sensitivity.FAMILY)

    def allows(self, sensitivity: Sensitivity) -> bool:
        return sensitivity <= self.effective_ceiling

    def hides(self, rule: str) -> bool:
        return rule in self.rules

    def describe(self) -> str:
        """ "Press (public only; hides phone numbers, DNA donor names)" for dialogs and logs."""
        level = self.effective_ceiling
        reach = "public only" if level is Sensitivity.PUBLIC else f"up to {level.label}"
        hidden = [FIELD_RULES[r] for r in FIELD_RULES if r in self.rules]
        return f"{self.name} ({reach}{'; hides ' + ', '.join(hidden) if hidden else ''})"


@dataclass(frozen=True)
class Withheld:
    """One thing left out of a packet, and why (an entry of the redaction log)."""

    kind: str
    label: str
    sensitivity: Sensitivity | None
    rule: str
    record: str

    @property
    def reason(self) -> str:
        if self.rule == "private":
            return "marked Private (never printed unless included)"
        if self.rule == "ceiling" and self.sensitivity is not None:
            return f"marked {self.sensitivity.label}, above the audience's level"
        return f"the audience's rule: hide {FIELD_RULES.get(self.rule, self.rule)}"

    def to_json(self) -> dict[str, Any]:
        level = None if self.sensitivity is None else self.sensitivity.name.lower()
        return {
            "kind": self.kind,
            "label": self.label,
            "sensitivity": level,
            "rule": self.rule,
            "reason": self.reason,
            "record": self.record,
        }


class RedactionLog:
    """What was withheld, once per record and rule, in the order it was met."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], Withheld] = {}

    def withhold(
        self, kind: str, text: str, sensitivity: Sensitivity | None, rule: str, record: str
    ) -> None:
        self._entries.setdefault((record, rule), Withheld(kind, text, sensitivity, rule, record))

    @property
    def entries(self) -> tuple[Withheld, ...]:
        return tuple(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def counts(self) -> list[tuple[str, str, int]]:
        """(kind, reason, how many) for a one-screen summary."""
        tally: dict[tuple[str, str], int] = {}
        for entry in self._entries.values():
            key = (entry.kind, entry.reason)
            tally[key] = tally.get(key, 0) + 1
        return [(kind, reason, n) for (kind, reason), n in tally.items()]

    def to_json(self) -> list[dict[str, Any]]:
        return [entry.to_json() for entry in self._entries.values()]


# -- the views ---------------------------------------------------------------------------------


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
    name: str
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


# -- the gate ----------------------------------------------------------------------------------


def _key(record: Record) -> str:
    return f"{type(record).__tablename__}:{record.id}"  # type: ignore[attr-defined]


class _CitedRow(NamedTuple):
    """A citation read as plain values with its source's title and level (no ORM object)."""

    id: int
    owner_id: int
    source_id: int
    source_title: str
    source_sensitivity: Sensitivity
    locator: str
    quote: str
    confidence: Any
    notes: str
    sensitivity: Sensitivity


class _Gate:
    """Asks the audience about each record and writes the refusals to the log."""

    def __init__(self, audience: Audience, log: RedactionLog) -> None:
        self.audience, self.log = audience, log

    def admit(self, record: Record, kind: str, text: str) -> bool:
        return self.admit_key(_key(record), record.sensitivity, kind, text)

    def admit_key(self, key: str, sensitivity: Sensitivity, kind: str, text: str) -> bool:
        """:meth:`admit` for a record read as plain values: ``key`` is "table:id"."""
        if self.audience.allows(sensitivity):
            return True
        rule = "private" if sensitivity is Sensitivity.PRIVATE else "ceiling"
        self.log.withhold(kind, text, sensitivity, rule, key)
        return False

    def rule(self, rule: str, record: Record, kind: str, text: str) -> bool:
        """True when the field rule lets the field of ``record`` through."""
        return self.rule_key(rule, _key(record), record.sensitivity, kind, text)

    def rule_key(self, rule: str, key: str, sensitivity: Sensitivity, kind: str, text: str) -> bool:
        if not self.audience.hides(rule):
            return True
        self.log.withhold(kind, text, sensitivity, rule, f"{key}:{kind}")
        return False

    def notes(self, record: Record, owner: str) -> str:
        return self.notes_key(_key(record), record.sensitivity, record.notes, owner)

    def notes_key(self, key: str, sensitivity: Sensitivity, notes: str, owner: str) -> str:
        if not notes or self.rule_key("hide_notes", key, sensitivity, "notes", f"notes: {owner}"):
            return notes
        return ""

    def name(self, contact: Contact | None, why: str) -> str:
        """A contact's name where one is mentioned; empty when the contact is withheld."""
        if contact is None:
            return ""
        ok = self.admit(contact, "contact", f"{contact.display_name} ({why})")
        return contact.display_name if ok else ""

    def citations(self, citations: Iterable[Citation], owner: str) -> tuple[CitationView, ...]:
        return self.cited_rows(
            (
                _CitedRow(
                    c.id,
                    0,
                    c.source_id,
                    c.source.title,
                    c.source.sensitivity,
                    c.locator,
                    c.quote,
                    c.confidence,
                    c.notes,
                    c.sensitivity,
                )
                for c in citations
            ),
            owner,
        )

    def cited_rows(self, citations: Iterable[_CitedRow], owner: str) -> tuple[CitationView, ...]:
        shown = []
        for c in citations:
            where = f"{owner}: {c.source_title}" + (f", {c.locator}" if c.locator else "")
            key = f"{_CITATION}:{c.id}"
            if self.admit_key(key, c.sensitivity, "citation", where) and self.admit_key(
                f"{_SOURCE}:{c.source_id}", c.source_sensitivity, "source", c.source_title
            ):
                shown.append(
                    CitationView(
                        c.source_id,
                        c.source_title,
                        c.locator,
                        c.quote,
                        label(c.confidence),
                        self.notes_key(key, c.sensitivity, c.notes, where),
                    )
                )
        return tuple(shown)


_CITATION: str = Citation.__tablename__
_SOURCE: str = Source.__tablename__


# -- cases ---------------------------------------------------------------------------------------

_CITED = (selectinload(Citation.source),)
_CASE_OPTIONS = (
    selectinload(Serviceman.name_variants),
    selectinload(Serviceman.external_ids),
    selectinload(Serviceman.status_changes).selectinload(StatusChange.citations).options(*_CITED),
    selectinload(Serviceman.captivities)
    .selectinload(Captivity.camp)
    .options(selectinload(Place.alternate_names)),
    selectinload(Serviceman.captivities).selectinload(Captivity.citations).options(*_CITED),
    selectinload(Serviceman.claims).selectinload(Claim.citations).options(*_CITED),
    selectinload(Serviceman.reference_samples).selectinload(FamilyReferenceSample.donor),
    selectinload(Serviceman.live_sightings).options(
        selectinload(LiveSightingReport.reporter),
        selectinload(LiveSightingReport.citations).options(*_CITED),
    ),
    selectinload(Serviceman.relationships).selectinload(Relationship.from_contact),
    selectinload(Serviceman.list_memberships).selectinload(ListMembership.source),
    selectinload(Serviceman.citations).options(*_CITED),
    selectinload(Serviceman.attachments),
    selectinload(Serviceman.tags),
    selectinload(Serviceman.loss_place),
)


def case_name(case: Serviceman) -> str:
    """ "Cpl. Roger A. Dumas": rank and name as a letter would address him."""
    return f"{case.rank} {case.full_name}".strip()


def case_view(
    session: Session,
    case_id: int,
    audience: Audience,
    log: RedactionLog,
    *,
    attachments_dir: Path | None = None,
) -> CaseView | None:
    """One case as the audience may see it; None (and logged) when the case is withheld."""
    if session.get(Serviceman, case_id) is None:
        raise NotFoundError(f"There is no case with id {case_id}")
    views = case_views(session, [case_id], audience, log, attachments_dir=attachments_dir)
    return views[0] if views else None


def case_views(
    session: Session,
    case_ids: Sequence[int],
    audience: Audience,
    log: RedactionLog,
    *,
    attachments_dir: Path | None = None,
    with_events: bool = True,
) -> list[CaseView]:
    """The cases, in the order given, that the audience may see (loaded in few queries)."""
    gate = _Gate(audience, log)
    loaded: dict[int, Serviceman] = {}
    for start in range(0, len(case_ids), _CHUNK):
        chunk = list(case_ids[start : start + _CHUNK])
        query = select(Serviceman).where(Serviceman.id.in_(chunk)).options(*_CASE_OPTIONS)
        loaded.update((case.id, case) for case in session.scalars(query))
    shown = [loaded[i] for i in case_ids if i in loaded]
    shown = [c for c in shown if gate.admit(c, "case", c.sort_name)]
    events: dict[int, list[EventView]] = {c.id: [] for c in shown}
    if with_events and shown:
        for event in event_views(session, audience, log, case_ids=list(events)):
            for case_id in event.case_ids:
                if case_id in events:
                    events[case_id].append(event)
    return [_case(gate, c, tuple(events[c.id]), attachments_dir) for c in shown]


def _case(
    gate: _Gate, c: Serviceman, events: tuple[EventView, ...], attachments_dir: Path | None
) -> CaseView:
    who = c.sort_name
    admit = gate.admit
    changes = [
        StatusChangeView(
            date_text(s.date),
            label(s.status),
            s.status_text,
            label(s.authority),
            label(s.method),
            gate.notes(s, f"{who}, status change"),
            gate.citations(s.citations, f"{who}, status {label(s.status)}"),
        )
        for s in c.status_changes
        if admit(s, "status change", f"{who}: {label(s.status)} {date_text(s.date)}")
    ]
    captivities = [
        CaptivityView(
            _place_name(gate, k.camp, k.camp_text),
            _other_names(gate, k.camp, k.camp_text),
            date_text(k.held_from),
            date_text(k.held_to),
            k.remarks,
            gate.citations(k.citations, f"{who}, captivity"),
        )
        for k in c.captivities
        if admit(k, "captivity", f"{who}: held at {k.camp_text or 'a camp'}")
    ]
    claims = [
        ClaimView(
            k.fact_text or label(k.fact),
            k.value,
            label(k.status),
            gate.notes(k, f"{who}, claim"),
            gate.citations(k.citations, f"{who}, claim {k.fact_text or label(k.fact)}"),
        )
        for k in c.claims
        if admit(k, "claim", f"{who}: {k.fact_text or label(k.fact)} = {k.value}")
    ]
    samples = [
        ReferenceSampleView(
            label(s.line),
            label(s.status),
            _donor(gate, s, who),
            date_text(s.requested_on),
            date_text(s.submitted_on),
            date_text(s.on_file_since),
            s.casualty_office,
            gate.notes(s, f"{who}, DNA sample"),
        )
        for s in c.reference_samples
        if admit(s, "DNA reference sample", f"{who}: {label(s.line)} sample")
    ]
    sightings = [
        LiveSightingView(
            date_text(r.reported_on),
            date_text(r.sighting_date),
            _place_name(gate, r.sighting_place, r.sighting_place_text),
            gate.name(r.reporter, f"reporter of a sighting of {who}"),
            r.content,
            r.government_evaluation,
            r.follow_up,
            gate.citations(r.citations, f"{who}, live sighting"),
        )
        for r in c.live_sightings
        if admit(r, "live sighting report", f"{who}: {r.content[:80]}")
    ]
    people = [
        LinkView(r.from_contact_id, name, r.forward_words, gate.notes(r, f"{name} – {who}"))
        for r in c.relationships
        if admit(r, "relationship", f"{r.from_contact.display_name} – {who}")
        and (name := gate.name(r.from_contact, f"{r.forward_words} {who}"))
    ]
    files = [
        _attachment(a, who, attachments_dir)
        for a in c.attachments
        if admit(a, "attachment", f"{who}: {a.original_name}")
    ]
    photo = next((a for a in files if a.role == "photo" and a.mime_type.startswith("image/")), None)
    home = ", ".join(p for p in (c.home_city, c.home_county, c.home_state) if p)
    return CaseView(
        id=c.id,
        name=case_name(c),
        sort_name=c.sort_name,
        rank=c.rank,
        service_number=c.service_number,
        branch=label(c.branch),
        unit=c.unit,
        home_of_record=home,
        birth_date=date_text(c.birth_date),
        loss_date=date_text(c.loss_date),
        loss_place=c.loss_place_text or _place_name(gate, c.loss_place, ""),
        circumstances=c.circumstances,
        accounting_status=label(c.accounting_status),
        current_status=label(c.current_status),
        accounted_for_date=date_text(c.accounted_for_date),
        rosette_placed=c.rosette_placed,
        last_seen_alive=c.last_seen_alive,
        summary=c.summary,
        notes=gate.notes(c, who),
        sensitivity=c.sensitivity,
        tags=tuple(t.name for t in c.tags if admit(t, "tag", f"{who}: {t.name}")),
        name_variants=tuple(
            (v.name, label(v.kind), v.where_seen)
            for v in c.name_variants
            if admit(v, "name variant", f"{who}: {v.name}")
        ),
        external_ids=tuple(
            (x.issuer, x.value, x.url)
            for x in c.external_ids
            if admit(x, "external id", f"{who}: {x.issuer} {x.value}")
        ),
        status_history=tuple(changes),
        captivities=tuple(captivities),
        claims=tuple(claims),
        reference_samples=tuple(samples),
        live_sightings=tuple(sightings),
        lists=tuple(
            ListEntryView(m.source.title, m.name_as_printed, label(m.match_status))
            for m in c.list_memberships
            if admit(m, "list entry", f"{who}: {m.source.title}")
            and admit(m.source, "source", m.source.title)
        ),
        people=tuple(people),
        citations=gate.citations(c.citations, who),
        events=events,
        photo=photo,
        attachments=tuple(a for a in files if a is not photo),
    )


def _place_name(gate: _Gate, place: Place | None, text: str) -> str:
    if text or place is None:
        return text
    return place.name if gate.audience.allows(place.sensitivity) else ""


def _other_names(gate: _Gate, place: Place | None, text: str) -> tuple[str, ...]:
    """A camp's other names ("Old Pyoktong", "Tongju-ri"), without the one already shown."""
    if place is None or not gate.audience.allows(place.sensitivity):
        return ()
    names = [
        place.name,
        *(n.name for n in place.alternate_names if gate.audience.allows(n.sensitivity)),
    ]
    shown = (text or place.name).casefold()
    return tuple(dict.fromkeys(n for n in names if n.casefold() != shown))


def _donor(gate: _Gate, sample: FamilyReferenceSample, who: str) -> str:
    if sample.donor is None:
        return ""
    what = f"{who}: {label(sample.line)} donor {sample.donor.display_name}"
    if not gate.rule("hide_dna_donors", sample, "DNA donor name", what):
        return ""
    return gate.name(sample.donor, f"DNA donor for {who}")


def _attachment(a: Attachment, owner: str, attachments_dir: Path | None) -> AttachmentView:
    path = None if attachments_dir is None else stored_path(attachments_dir, a.sha256)
    return AttachmentView(
        a.id,
        a.original_name,
        a.caption,
        a.mime_type,
        a.size,
        a.sha256,
        a.role,
        owner,
        path if path is not None and path.exists() else None,
    )


# -- the timeline, sources, contacts, meetings and questions -------------------------------------


def event_views(
    session: Session,
    audience: Audience,
    log: RedactionLog,
    *,
    case_ids: Sequence[int] | None = None,
) -> list[EventView]:
    """Timeline events in date order: all of them, or those naming one of ``case_ids``.

    Read as plain rows in a few IN-queries (the events, their participants, their citations
    with their sources' titles): 2,000 cases have 10,000 events, too many to map one by one.
    """
    gate = _Gate(audience, log)
    events = _event_rows(session, case_ids)
    ids = [e.id for e in events]
    participants = _rows_by_owner(session, _PARTICIPANTS, EventParticipant.event_id, ids)
    cited = _rows_by_owner(session, _EVENT_CITATIONS, Citation.timeline_event_id, ids)
    named = [p for rows in participants.values() for p in rows]
    servicemen = _loaded(session, Serviceman, {p.serviceman_id for p in named})
    contacts = _loaded(session, Contact, {p.contact_id for p in named})
    places = _loaded(session, Place, {e.place_id for e in events if not e.place_text})
    shown = []
    for e in events:
        what = f"{date_text(e.date)} {e.title}".strip()
        if not gate.admit_key(f"{_EVENT}:{e.id}", e.sensitivity, "timeline event", what):
            continue
        people: list[str] = []
        cases: list[int] = []
        for p in participants.get(e.id, ()):
            who = f"{e.title}: participant {p.id}"
            if not gate.admit_key(f"{_PARTICIPANT}:{p.id}", p.sensitivity, "event participant", who):
                continue
            if p.serviceman_id is not None:
                s = servicemen[p.serviceman_id]
                if gate.admit(s, "case", s.sort_name):
                    people.append(case_name(s))
                    cases.append(s.id)
            elif name := gate.name(contacts.get(p.contact_id), f"named in '{e.title}'"):
                people.append(name)
        fd: FuzzyDate | None = e.date
        shown.append(
            EventView(
                e.id,
                date_text(fd),
                e.date_sort,
                fd.earliest if fd else None,
                fd.latest if fd else None,
                e.title,
                e.description,
                label(e.category),
                e.place_text or _place_name(gate, places.get(e.place_id), ""),
                tuple(people),
                tuple(cases),
                gate.cited_rows(map(_CitedRow._make, cited.get(e.id, ())), e.title),
            )
        )
    return shown


_EVENT: str = TimelineEvent.__tablename__
_PARTICIPANT: str = EventParticipant.__tablename__
_EVENTS = select(
    TimelineEvent.id,
    TimelineEvent.date,
    TimelineEvent.date_sort,
    TimelineEvent.title,
    TimelineEvent.description,
    TimelineEvent.category,
    TimelineEvent.place_text,
    TimelineEvent.place_id,
    TimelineEvent.sensitivity,
).order_by(TimelineEvent.date_sort.asc().nulls_last(), TimelineEvent.id)
_PARTICIPANTS = select(
    EventParticipant.id,
    EventParticipant.event_id,
    EventParticipant.serviceman_id,
    EventParticipant.contact_id,
    EventParticipant.sensitivity,
).order_by(EventParticipant.id)
#: Columns in the order of :class:`_CitedRow`'s fields.
_EVENT_CITATIONS = (
    select(
        Citation.id,
        Citation.timeline_event_id,
        Citation.source_id,
        Source.title,
        Source.sensitivity,
        Citation.locator,
        Citation.quote,
        Citation.confidence,
        Citation.notes,
        Citation.sensitivity,
    )
    .join(Source, Citation.source_id == Source.id)
    .order_by(Citation.id)
)


def _event_rows(session: Session, case_ids: Sequence[int] | None) -> list[Any]:
    """The events (as rows) in date order, each once: all, or those naming the cases."""
    if case_ids is None:
        return list(session.execute(_EVENTS))
    ids = list(case_ids)
    events: dict[int, Any] = {}
    for start in range(0, len(ids), _CHUNK):
        naming = select(EventParticipant.event_id).where(
            EventParticipant.serviceman_id.in_(ids[start : start + _CHUNK])
        )
        for e in session.execute(_EVENTS.where(TimelineEvent.id.in_(naming))):
            events.setdefault(e.id, e)
    rows = list(events.values())
    if len(ids) > _CHUNK:
        rows.sort(key=lambda e: (e.date_sort is None, e.date_sort or 0, e.id))
    return rows


def _rows_by_owner(
    session: Session, query: Any, owner: Any, owner_ids: Sequence[int]
) -> dict[int, list[Any]]:
    """The rows of ``query`` whose ``owner`` column (its second) names one of ``owner_ids``,
    by owner, in the query's order."""
    found: dict[int, list[Any]] = {}
    for start in range(0, len(owner_ids), _CHUNK):
        chunk = owner_ids[start : start + _CHUNK]
        for row in session.execute(query.where(owner.in_(chunk))):
            found.setdefault(row[1], []).append(row)
    return found


def _loaded(session: Session, model: type[Any], ids: Iterable[int | None]) -> dict[int, Any]:
    """The records of ``model`` with these ids (those already loaded are not read again)."""
    wanted = sorted(i for i in set(ids) if i is not None)
    found: dict[int, Any] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found.update((r.id, r) for r in session.scalars(select(model).where(model.id.in_(chunk))))
    return found


def source_views(
    session: Session, source_ids: Iterable[int], audience: Audience, log: RedactionLog
) -> list[SourceView]:
    """The sources named, ordered by title, that the audience may see."""
    gate = _Gate(audience, log)
    ids = sorted(set(source_ids))
    found: list[Source] = []
    for start in range(0, len(ids), _CHUNK):
        found += session.scalars(select(Source).where(Source.id.in_(ids[start : start + _CHUNK])))
    found.sort(key=lambda s: (s.title.casefold(), s.id))
    return [
        SourceView(
            s.id,
            s.title,
            s.author,
            date_text(s.date),
            label(s.source_type),
            s.repository,
            s.locator,
            s.url,
            gate.notes(s, s.title),
        )
        for s in found
        if gate.admit(s, "source", s.title)
    ]


def contact_view(
    session: Session, contact_id: int, audience: Audience, log: RedactionLog
) -> ContactView | None:
    if session.get(Contact, contact_id) is None:
        raise NotFoundError(f"There is no contact with id {contact_id}")
    views = contact_views(session, [contact_id], audience, log)
    return views[0] if views else None


def contact_views(
    session: Session, contact_ids: Iterable[int], audience: Audience, log: RedactionLog
) -> list[ContactView]:
    """Contacts ordered by surname and name, each with only the fields the audience may see."""
    gate = _Gate(audience, log)
    ids = sorted(set(contact_ids))
    found: list[Contact] = []
    options = (
        selectinload(Contact.phones),
        selectinload(Contact.emails),
        selectinload(Contact.addresses),
        selectinload(Contact.relationships).options(
            selectinload(Relationship.to_contact), selectinload(Relationship.to_serviceman)
        ),
    )
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        found += session.scalars(select(Contact).where(Contact.id.in_(chunk)).options(*options))
    found.sort(key=lambda c: ((c.surname or c.display_name).casefold(), c.display_name, c.id))
    return [_contact(gate, c) for c in found if gate.admit(c, "contact", c.display_name)]


def _contact(gate: _Gate, c: Contact) -> ContactView:
    who = c.display_name

    def fields(rows: Iterable[Any], rule: str, kind: str, value: Callable[[Any], str]) -> Any:
        return tuple(
            (r.label, value(r))
            for r in rows
            if gate.admit(r, kind, f"{who}: {value(r)}")
            and gate.rule(rule, r, kind, f"{who}: {value(r)}")
        )

    links = []
    for r in c.relationships:
        if not gate.admit(r, "relationship", f"{who} – {r.forward_words}"):
            continue
        if r.to_serviceman is not None:
            s = r.to_serviceman
            other = case_name(s) if gate.admit(s, "case", s.sort_name) else ""
        else:
            other = gate.name(r.to_contact, f"linked to {who}")
        if other:
            links.append(LinkView(r.to_contact_id, other, r.forward_words, gate.notes(r, who)))
    return ContactView(
        c.id,
        c.display_name,
        label(c.kind),
        c.organization,
        label(c.organization_type),
        c.title,
        c.living,
        fields(c.phones, "hide_phones", "phone number", lambda p: p.number),
        fields(c.emails, "hide_emails", "email address", lambda e: e.address),
        fields(c.addresses, "hide_addresses", "postal address", lambda a: a.one_line()),
        gate.notes(c, who),
        tuple(links),
    )


def meeting_view(
    session: Session, meeting_id: int, audience: Audience, log: RedactionLog
) -> MeetingView | None:
    """A meeting with its attendees and agenda; None (and logged) when withheld."""
    gate = _Gate(audience, log)
    m = session.get(
        Meeting,
        meeting_id,
        options=[
            selectinload(Meeting.attendances).selectinload(Attendance.contact),
            selectinload(Meeting.agenda_items).selectinload(AgendaItem.presenter),
            selectinload(Meeting.cases),
            selectinload(Meeting.questions),
        ],
    )
    if m is None:
        raise NotFoundError(f"There is no meeting with id {meeting_id}")
    if not gate.admit(m, "meeting", m.title):
        return None
    attendees = [
        AttendeeView(a.contact_id, name, label(a.role), a.attended)
        for a in m.attendances
        if gate.admit(a, "attendance", f"{m.title}: {a.contact.display_name}")
        and (name := gate.name(a.contact, f"attending {m.title}"))
    ]
    agenda = [
        AgendaItemView(i.title, gate.name(i.presenter, f"presenting at {m.title}"), i.minutes)
        for i in m.agenda_items
        if gate.admit(i, "agenda item", f"{m.title}: {i.title}")
    ]
    return MeetingView(
        m.id,
        m.title,
        label(m.meeting_type),
        meeting_when(m.starts_at, m.ends_at, m.all_day, m.timezone),
        m.place,
        label(m.status),
        m.description,
        m.minutes,
        tuple(attendees),
        tuple(agenda),
        tuple(s.id for s in m.cases),
        tuple(q.id for q in m.questions),
    )


def meeting_when(
    starts: dt.datetime | None, ends: dt.datetime | None, all_day: bool, zone: str
) -> str:
    """ "17 Apr 2027, 09:00–16:00 (America/New_York)"; a date alone for all-day meetings."""
    if starts is None:
        return ""
    tz: dt.tzinfo = dt.UTC
    if zone:
        try:
            tz = ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            zone = ""
    start = starts.astimezone(tz) if starts.tzinfo else starts
    day = f"{start.day} {start:%b %Y}"
    if all_day:
        return day
    text = f"{day}, {start:%H:%M}"
    if ends is not None:
        end = ends.astimezone(tz) if ends.tzinfo else ends
        same_day = end.date() == start.date()
        text += f"–{end:%H:%M}" if same_day else f" – {end.day} {end:%b %Y}, {end:%H:%M}"
    return f"{text} ({zone or 'UTC'})"


def question_views(
    session: Session,
    audience: Audience,
    log: RedactionLog,
    *,
    question_ids: Iterable[int] | None = None,
    case_ids: Iterable[int] | None = None,
    statuses: Iterable[str] | None = None,
) -> list[QuestionView]:
    """Questions for officials, by id or by case, optionally only some statuses."""
    gate = _Gate(audience, log)
    query = select(Question).options(
        selectinload(Question.serviceman),
        selectinload(Question.addressed_to),
        selectinload(Question.asked_at),
    )
    if question_ids is not None:
        query = query.where(Question.id.in_(list(question_ids)))
    if case_ids is not None:
        query = query.where(Question.serviceman_id.in_(list(case_ids)))
    if statuses is not None:
        query = query.where(Question.status.in_(list(statuses)))
    shown = []
    for q in session.scalars(query.order_by(Question.serviceman_id, Question.id)):
        s = q.serviceman
        if s is not None and not gate.admit(s, "case", s.sort_name):
            continue
        if not gate.admit(q, "question", q.text):
            continue
        asked = q.asked_at
        shown.append(
            QuestionView(
                q.id,
                q.serviceman_id,
                case_name(s) if s is not None else "",
                q.text,
                (to := gate.name(q.addressed_to, "a question is addressed to them")),
                q.addressed_to_id if to else None,
                asked.title if asked is not None and audience.allows(asked.sensitivity) else "",
                q.answer,
                label(q.status),
            )
        )
    return shown


def attachment_views(
    session: Session,
    audience: Audience,
    log: RedactionLog,
    attachments_dir: Path | None,
    *,
    meeting_id: int | None = None,
    event_ids: Iterable[int] = (),
    source_ids: Iterable[int] = (),
) -> list[AttachmentView]:
    """Files attached to a meeting, events or sources (a case's come with its CaseView)."""
    gate = _Gate(audience, log)
    owners: list[tuple[Any, Iterable[int]]] = [
        (Attachment.meeting_id, [meeting_id] if meeting_id is not None else []),
        (Attachment.timeline_event_id, list(event_ids)),
        (Attachment.source_id, list(source_ids)),
    ]
    found: list[Attachment] = []
    for column, ids in owners:
        ids = list(ids)
        for start in range(0, len(ids), _CHUNK):
            query = (
                select(Attachment)
                .where(column.in_(ids[start : start + _CHUNK]))
                .options(
                    selectinload(Attachment.meeting),
                    selectinload(Attachment.timeline_event),
                    selectinload(Attachment.source),
                )
                .order_by(Attachment.id)
            )
            found += session.scalars(query)
    shown = []
    for a in found:
        parent: Record | None = a.meeting or a.timeline_event or a.source
        owner = getattr(parent, "title", "")
        if parent is not None and not audience.allows(parent.sensitivity):
            continue
        if gate.admit(a, "attachment", f"{owner}: {a.original_name}"):
            shown.append(_attachment(a, owner, attachments_dir))
    return shown
