"""Step 1 of 3: read everything a template needs as the audience may see it."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.db.models import Contact, Serviceman, Source
from powmia_desktop.services import audience as views
from powmia_desktop.services.audience import Audience, RedactionLog
from powmia_desktop.services.lists.packet import CrossRefPart, crossref_part
from powmia_desktop.services.packets.audiences import packet_title
from powmia_desktop.services.packets.templates import Section, Template


@dataclass(frozen=True)
class PacketRequest:
    """What the person asked for: which template, for whom, about which cases and meeting."""

    template: Template
    audience: Audience
    case_ids: tuple[int, ...] = ()
    meeting_id: int | None = None
    title: str = ""
    prepared_by: str = ""
    prepared_on: dt.date | None = None
    #: The run this packet is (its uid and time), printed on every page and in the PDF.
    run_uid: str = ""
    built_at: dt.datetime | None = None


@dataclass(frozen=True)
class PacketData:
    """Everything a packet shows, already redacted, and the log of what was withheld."""

    template: Template
    audience: Audience
    title: str
    subtitle: str
    prepared_by: str
    prepared_on: dt.date
    meeting: views.MeetingView | None
    cases: tuple[views.CaseView, ...]
    questions: tuple[views.QuestionView, ...]
    events: tuple[views.EventView, ...]
    sources: tuple[views.SourceView, ...]
    contacts: tuple[views.ContactView, ...]
    attachments: tuple[views.AttachmentView, ...]
    log: RedactionLog
    run_uid: str = ""
    built_at: dt.datetime | None = None
    #: each crossref section's cross-reference, cut to the audience
    crossrefs: tuple[tuple[Section, CrossRefPart], ...] = ()

    @property
    def case_names(self) -> dict[int, str]:
        return {c.id: c.name for c in self.cases}


def gather_packet(
    session: Session,
    request: PacketRequest,
    *,
    attachments_dir: Path | None = None,
    progress: Progress = no_progress,
) -> PacketData:
    """Read everything the template needs as the audience may see it (step 1 of 3)."""
    template, audience, log = request.template, request.audience, RedactionLog()
    progress(0, 4, "Reading the meeting and cases")
    # Ticked cases narrow the meeting too: another case it discussed stays out.
    meeting = (
        views.meeting_view(
            session, request.meeting_id, audience, log, case_ids=request.case_ids or None
        )
        if request.meeting_id is not None
        else None
    )
    case_ids = list(request.case_ids)
    if not case_ids and request.meeting_id is not None:
        case_ids = list(meeting.case_ids) if meeting else []
    elif not case_ids:
        case_ids = list(
            session.scalars(select(Serviceman.id).order_by(Serviceman.surname, Serviceman.id))
        )
    summaries = template.section("case_summaries")
    with_events = summaries is not None and bool(summaries.option("timeline"))
    cases = views.case_views(
        session, case_ids, audience, log, attachments_dir=attachments_dir, with_events=with_events
    )
    shown_ids = [c.id for c in cases]
    progress(1, 4, "Reading questions and the timeline")
    questions: list[views.QuestionView] = []
    q_section = template.section("questions")
    if q_section is not None:
        statuses = None if q_section.option("include_answered") else _OPEN_STATUSES
        if meeting is not None:
            questions = views.question_views(
                session, audience, log, question_ids=meeting.question_ids, statuses=statuses
            )
        else:
            questions = views.question_views(
                session, audience, log, case_ids=shown_ids, statuses=statuses
            )
    events: list[views.EventView] = []
    t_section = template.section("timeline")
    if t_section is not None:
        scope = None if t_section.option("scope") == "all" else shown_ids
        events = views.event_views(session, audience, log, case_ids=scope)
    progress(2, 4, "Reading sources and contacts")
    sources = _sources(session, template, audience, log, cases, events)
    contacts = _contacts(session, template, audience, log, meeting, cases, questions)
    progress(3, 4, "Finding attachments")
    attachments: list[views.AttachmentView] = []
    if template.has("attachments"):
        attachments = [a for c in cases for a in c.attachments]
        attachments += views.attachment_views(
            session,
            audience,
            log,
            attachments_dir,
            meeting_id=meeting.id if meeting else None,
            event_ids=[e.id for e in events],
            source_ids=[s.id for s in sources],
        )
    crossrefs = tuple(
        (s, crossref_part(session, s, audience, log))
        for s in template.sections
        if s.kind == "crossref"
    )
    progress(4, 4, "Read")
    return PacketData(
        template=template,
        audience=audience,
        title=_title(request, cases, meeting),
        subtitle=str(_title_option(template, "subtitle")),
        prepared_by=request.prepared_by or str(_title_option(template, "prepared_by")),
        prepared_on=request.prepared_on or dt.date.today(),
        meeting=meeting,
        cases=tuple(cases),
        questions=tuple(questions),
        events=tuple(events),
        sources=tuple(sources),
        contacts=tuple(contacts),
        attachments=tuple(attachments),
        log=log,
        run_uid=request.run_uid,
        built_at=request.built_at,
        crossrefs=crossrefs,
    )


_OPEN_STATUSES = ("open", "asked", "follow_up_needed")


def _title_option(template: Template, name: str) -> Any:
    section = template.section("title_page")
    return section.option(name) if section is not None else ""


def _title(
    request: PacketRequest, cases: list[views.CaseView], meeting: views.MeetingView | None
) -> str:
    """The title asked for, else the audience's purpose and whom (or what meeting) it is about."""
    title = request.title or str(_title_option(request.template, "title"))
    names = [c.name for c in cases] or ([meeting.title] if meeting else [])
    return title or packet_title(request.audience, names, request.template.name)


def cited_source_ids(
    cases: Iterable[views.CaseView], events: Iterable[views.EventView]
) -> list[int]:
    """Every source cited by the cases and events, in the order first cited."""
    seen: dict[int, None] = {}
    for case in cases:
        groups: list[Iterable[views.CitationView]] = [case.citations]
        groups += [c.citations for c in case.status_history]
        groups += [c.citations for c in case.captivities]
        groups += [c.citations for c in case.claims]
        groups += [c.citations for c in case.live_sightings]
        groups += [e.citations for e in case.events]
        for group in groups:
            seen.update((c.source_id, None) for c in group)
    for event in events:
        seen.update((c.source_id, None) for c in event.citations)
    return list(seen)


def _sources(
    session: Session,
    template: Template,
    audience: Audience,
    log: RedactionLog,
    cases: list[views.CaseView],
    events: list[views.EventView],
) -> list[views.SourceView]:
    section = template.section("sources")
    if section is None and not template.has("timeline"):
        return []
    if section is not None and section.option("scope") == "all":
        ids: Iterable[int] = session.scalars(select(Source.id))
    else:
        ids = cited_source_ids(cases, events)
    return views.source_views(session, ids, audience, log)


def _contacts(
    session: Session,
    template: Template,
    audience: Audience,
    log: RedactionLog,
    meeting: views.MeetingView | None,
    cases: list[views.CaseView],
    questions: list[views.QuestionView],
) -> list[views.ContactView]:
    section = template.section("contacts")
    if section is None:
        return []
    if section.option("scope") == "all":
        ids: set[int] = set(session.scalars(select(Contact.id)))
    else:
        ids = {a.contact_id for a in meeting.attendees} if meeting else set()
        ids |= {p.contact_id for c in cases for p in c.people if p.contact_id is not None}
        ids |= {q.addressed_to_id for q in questions if q.addressed_to_id is not None}
    return views.contact_views(session, ids, audience, log)
