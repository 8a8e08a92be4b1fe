"""Briefing packets: templates, audiences, gathering what a packet shows, and the run log.

A template is an ordered list of sections, each with options, like a Gramps book. A packet
is built in three steps, so the person can read what will be withheld before any file is
written:

1. :func:`gather_packet` asks services/audience.py for the redacted view of everything the
   template's sections need and returns it as :class:`PacketData` with its redaction log;
2. a renderer (``reports.packet.render_packet``, passed in: services do not import reports)
   turns that data into PDF bytes;
3. :func:`save_pdf` writes the file atomically and :func:`record_run` logs a PacketRun
   (template, audience, meeting, time, file, SHA-256, page count, redaction log).

:func:`build_packet` does all three for the command line and the GUI's background job.
"""

import datetime as dt
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ArchiveError, NotFoundError, ValidationError
from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.validation import clean_text
from powmia_desktop.db.models import (
    AudienceProfile,
    Contact,
    PacketRun,
    PacketTemplate,
    Serviceman,
    Source,
)
from powmia_desktop.services import audience as views
from powmia_desktop.services.audience import Audience, RedactionLog

DEFAULT_TEMPLATE_NAME = "DPAA Family Member Update"


@dataclass(frozen=True)
class SectionKind:
    label: str
    defaults: Mapping[str, Any]
    description: str


#: Every kind of section a template may hold, in the order a new template lists them.
SECTION_KINDS: dict[str, SectionKind] = {
    "title_page": SectionKind(
        "Title page",
        {"title": "", "subtitle": "", "prepared_by": ""},
        "Packet title, meeting, date, who prepared it and for whom",
    ),
    "contents": SectionKind("Contents", {}, "Table of contents with page numbers"),
    "meeting": SectionKind(
        "Meeting and agenda", {"minutes": False}, "When and where, who attends, the agenda"
    ),
    "case_summaries": SectionKind(
        "Case summaries",
        {"status_history": True, "claims": True, "timeline": True, "sources": True, "photo": True},
        "One summary per serviceman: identity, loss, status history, claims, sources",
    ),
    "questions": SectionKind(
        "Questions for this meeting",
        {"include_answered": False},
        "Open questions for officials, with earlier answers",
    ),
    "timeline": SectionKind(
        "Timeline",
        {"scope": "cases", "chart": True, "table": True},
        "Dated events with their sources: a chart and a table",
    ),
    "sources": SectionKind("Sources", {"scope": "cited"}, "Every source the packet cites"),
    "contacts": SectionKind(
        "Contacts", {"scope": "packet"}, "People and offices named in the packet"
    ),
    "attachments": SectionKind(
        "Attachments",
        {"pdfs": True, "images": True},
        "Attached PDFs appended, images placed on pages",
    ),
    "custom_text": SectionKind(
        "Custom text", {"title": "Notes", "text": ""}, "A page of your own words"
    ),
}
_SCOPES = {"timeline": ("cases", "all"), "sources": ("cited", "all"), "contacts": ("packet", "all")}


@dataclass(frozen=True)
class Section:
    """One section of a template: its kind and the options that differ from the defaults."""

    kind: str
    options: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in SECTION_KINDS:
            raise ValidationError(
                f"'{self.kind}' is not a packet section; use one of {', '.join(SECTION_KINDS)}",
                "sections",
            )
        unknown = set(self.options) - set(SECTION_KINDS[self.kind].defaults)
        if unknown:
            raise ValidationError(
                f"A {self.label} section has no option {', '.join(sorted(unknown))}", "sections"
            )
        scopes = _SCOPES.get(self.kind)
        if scopes and self.option("scope") not in scopes:
            raise ValidationError(
                f"The {self.label} scope must be one of {', '.join(scopes)}", "sections"
            )

    @property
    def label(self) -> str:
        return SECTION_KINDS[self.kind].label

    def option(self, name: str) -> Any:
        return self.options.get(name, SECTION_KINDS[self.kind].defaults[name])

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "options": dict(self.options)}


@dataclass(frozen=True)
class Template:
    name: str
    sections: tuple[Section, ...]

    @classmethod
    def from_json(cls, name: str, data: Iterable[Mapping[str, Any]]) -> "Template":
        try:
            return cls(name, tuple(Section(d["kind"], dict(d.get("options") or {})) for d in data))
        except (KeyError, TypeError, AttributeError):
            raise ValidationError(f"The saved template '{name}' is damaged", "sections") from None

    def to_json(self) -> list[dict[str, Any]]:
        return [s.to_json() for s in self.sections]

    def has(self, kind: str) -> bool:
        return any(s.kind == kind for s in self.sections)

    def section(self, kind: str) -> Section | None:
        return next((s for s in self.sections if s.kind == kind), None)


def default_template() -> Template:
    """The packet a family takes to a DPAA Family Member Update."""
    kinds = (
        "title_page",
        "contents",
        "meeting",
        "case_summaries",
        "questions",
        "timeline",
        "sources",
        "contacts",
        "attachments",
    )
    # The packet's own timeline and Sources section cover the cases' events and citations.
    options = {"case_summaries": {"timeline": False}}
    return Template(DEFAULT_TEMPLATE_NAME, tuple(Section(k, options.get(k, {})) for k in kinds))


def list_templates(session: Session) -> list[Template]:
    """The default template (unless a saved one took its name) and every saved template."""
    saved = [
        Template.from_json(t.name, t.sections)
        for t in session.scalars(select(PacketTemplate).order_by(PacketTemplate.name))
    ]
    if any(t.name == DEFAULT_TEMPLATE_NAME for t in saved):
        return saved
    return [default_template(), *saved]


def find_template(session: Session, name: str | None) -> Template:
    if not name:
        name = DEFAULT_TEMPLATE_NAME
    templates = list_templates(session)
    for template in templates:
        if template.name.casefold() == name.strip().casefold():
            return template
    names = ", ".join(f"'{t.name}'" for t in templates)
    raise NotFoundError(f"There is no packet template '{name}'; there are {names}")


def save_template(session: Session, template: Template) -> None:
    """Keep ``template`` in the archive under its name (replacing one of the same name)."""
    name = clean_text(template.name, field="name")
    if not name:
        raise ValidationError("A template needs a name", "name")
    if not template.sections:
        raise ValidationError("A template needs at least one section", "sections")
    row = session.scalar(select(PacketTemplate).where(PacketTemplate.name == name))
    if row is None:
        session.add(PacketTemplate(name=name, sections=template.to_json()))
    else:
        row.sections = template.to_json()
    session.flush()


def delete_template(session: Session, name: str) -> None:
    row = session.scalar(select(PacketTemplate).where(PacketTemplate.name == name))
    if row is None:
        raise NotFoundError(f"There is no saved packet template '{name}'")
    session.delete(row)
    session.flush()


# -- audiences -----------------------------------------------------------------------------------

#: Used when an archive holds no audience profiles (the demo brings the same four).
DEFAULT_AUDIENCES = (
    Audience(
        "DPAA analyst",
        Sensitivity.OFFICIALS,
        description="Everything up to officials level.",
    ),
    Audience(
        "Congressional office",
        Sensitivity.OFFICIALS,
        frozenset({"hide_phones"}),
        "Officials level, without phone numbers.",
    ),
    Audience("Extended family", Sensitivity.FAMILY, description="Everything but private."),
    Audience(
        "Press",
        Sensitivity.PUBLIC,
        frozenset({"hide_phones", "hide_emails", "hide_addresses", "hide_dna_donors"}),
        "Public record only; no phone numbers, emails, addresses or DNA donors.",
    ),
)


def list_audiences(session: Session) -> list[Audience]:
    """The archive's audience profiles by name, or the defaults when it has none."""
    profiles = session.scalars(select(AudienceProfile).order_by(AudienceProfile.name)).all()
    if not profiles:
        return list(DEFAULT_AUDIENCES)
    return [Audience.from_profile(p) for p in profiles]


def find_audience(session: Session, name: str, *, include_private: bool = False) -> Audience:
    """An audience by profile name, or by a level ("officials": that ceiling, no rules)."""
    wanted = name.strip().casefold()
    audiences = list_audiences(session)
    for found in audiences:
        if found.name.casefold() == wanted:
            return replace(found, include_private=include_private)
    for level in Sensitivity:
        if level.name.casefold() == wanted:
            return Audience(level.label, level, include_private=include_private)
    names = ", ".join(f"'{a.name}'" for a in audiences)
    levels = ", ".join(level.name.lower() for level in Sensitivity)
    raise NotFoundError(f"There is no audience '{name}'; use one of {names}, or a level ({levels})")


def ensure_default_audiences(session: Session) -> int:
    """Store the default audience profiles in an archive that has none; how many were added."""
    if session.scalar(select(func.count()).select_from(AudienceProfile)):
        return 0
    for a in DEFAULT_AUDIENCES:
        session.add(
            AudienceProfile(
                name=a.name,
                ceiling=a.ceiling,
                field_rules=sorted(a.rules),
                description=a.description,
            )
        )
    session.flush()
    return len(DEFAULT_AUDIENCES)


# -- gathering ----------------------------------------------------------------------------------


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
    meeting = (
        views.meeting_view(session, request.meeting_id, audience, log)
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
    progress(4, 4, "Read")
    return PacketData(
        template=template,
        audience=audience,
        title=_title(request, meeting),
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
    )


_OPEN_STATUSES = ("open", "asked", "follow_up_needed")


def _title_option(template: Template, name: str) -> Any:
    section = template.section("title_page")
    return section.option(name) if section is not None else ""


def _title(request: PacketRequest, meeting: views.MeetingView | None) -> str:
    title = request.title or str(_title_option(request.template, "title"))
    if title:
        return title
    if meeting is not None:
        return f"Briefing packet: {meeting.title}"
    return request.template.name


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


# -- writing and logging -------------------------------------------------------------------------


class RenderedPdf(Protocol):
    pdf: bytes
    pages: int


Renderer = Callable[[PacketData, Progress], RenderedPdf]


@dataclass(frozen=True)
class PacketResult:
    path: Path
    sha256: str
    pages: int
    run_id: int
    log: RedactionLog


def save_pdf(path: Path, pdf: bytes, *, overwrite: bool = False) -> str:
    """Write ``pdf`` to ``path`` atomically (never half a file); return its SHA-256.

    Refuses to replace an existing file unless ``overwrite``.
    """
    if path.exists() and not overwrite:
        raise ValidationError(f"{path} already exists; choose another name or overwrite it", "out")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ArchiveError(f"The folder {folder} does not exist")
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(pdf)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise ArchiveError(f"Could not write {path}: {error.strerror or error}") from None
    return hashlib.sha256(pdf).hexdigest()


def record_run(
    session: Session, data: PacketData, path: Path, sha256: str, pages: int
) -> PacketRun:
    """Log a packet as built: template, audience, meeting, file, hash and what was withheld."""
    run = PacketRun(
        template_name=data.template.name,
        template_sections=data.template.to_json(),
        audience_id=data.audience.profile_id,
        audience_name=data.audience.name,
        ceiling=data.audience.effective_ceiling,
        meeting_id=data.meeting.id if data.meeting else None,
        output_path=str(path.resolve()),
        sha256=sha256,
        page_count=pages,
        redaction_log=data.log.to_json(),
        # The log names withheld records, so it is as private as the archive itself.
        sensitivity=Sensitivity.PRIVATE,
    )
    session.add(run)
    session.flush()
    return run


def build_packet(
    session: Session,
    request: PacketRequest,
    out: Path,
    *,
    render: Renderer,
    attachments_dir: Path | None = None,
    overwrite: bool = False,
    progress: Progress = no_progress,
) -> PacketResult:
    """Gather, render, save and log a packet (the session must be writable: it adds the run)."""
    if out.exists() and not overwrite:
        raise ValidationError(f"{out} already exists; choose another name or overwrite it", "out")
    data = gather_packet(session, request, attachments_dir=attachments_dir, progress=progress)
    rendered = render(data, progress)
    sha = save_pdf(out, rendered.pdf, overwrite=overwrite)
    run = record_run(session, data, out, sha, rendered.pages)
    return PacketResult(out, sha, rendered.pages, run.id, data.log)
