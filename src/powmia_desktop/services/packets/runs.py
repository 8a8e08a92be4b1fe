"""Packet history: every printed packet and case summary is a run that can be listed,
checked against a PDF someone hands back, and rebuilt byte for byte.

A run keeps what was asked for (template, audience and its rules, cases, meeting, title,
preparer, the day printed on it), the file's SHA-256, what was withheld, and a digest of each
part's content. Its uid and time are printed into the PDF (the short id on every page, the
creation date and file /ID), so rebuilding it from an unchanged archive gives the same bytes;
when the archive changed since, the digests say which parts did.
"""

import dataclasses
import hashlib
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ArchiveError, NotFoundError, ValidationError
from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.db.models import PacketRun
from powmia_desktop.db.models.base import new_uid
from powmia_desktop.services.audience import Audience
from powmia_desktop.services.packets.gathering import PacketData, PacketRequest, gather_packet
from powmia_desktop.services.packets.templates import SUMMARY_TEMPLATE_NAME, Section, Template

#: How the run's uid is written into the PDF's keywords, so a file names its run.
RUN_KEYWORD = "powmia-run:"


def short_id(uid: str) -> str:
    """The run's short id printed on every page (the first 8 characters of its uid)."""
    return uid[:8]


def run_time() -> datetime:
    """The time a new run is stamped with (whole seconds: a PDF date has no fraction)."""
    return datetime.now(UTC).replace(microsecond=0)


def summary_template(options: dict[str, Any] | None = None) -> Template:
    """A case summary printed on its own, as a one-section template (so it can be logged)."""
    return Template(SUMMARY_TEMPLATE_NAME, (Section("case_summaries", dict(options or {})),))


def content_digests(data: PacketData) -> dict[str, str]:
    """A short digest of each part of the packet's content, to tell later what changed."""
    parts: dict[str, Any] = {f"case:{c.name}": c for c in data.cases}
    parts.update(
        meeting=data.meeting,
        questions=data.questions,
        events=data.events,
        sources=data.sources,
        contacts=data.contacts,
        attachments=[(a.name, a.caption, a.sha256) for a in data.attachments],
        withheld=data.log.to_json(),
    )
    return {key: _digest(value) for key, value in parts.items()}


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def _digest(value: Any) -> str:
    text = json.dumps(_plain(value), sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


_PART_WORDS = {
    "meeting": "the meeting",
    "questions": "the questions",
    "events": "the timeline",
    "sources": "the sources",
    "contacts": "the contacts",
    "attachments": "the attachments",
    "withheld": "what was withheld",
}


def changed_parts(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """The parts whose content differs, in words ("Cpl. Roger A. Dumas", "the questions")."""
    words = []
    for key in list(before) + [k for k in after if k not in before]:
        if before.get(key) == after.get(key):
            continue
        name = key.removeprefix("case:")
        if key.startswith("case:"):
            words.append(
                name if key in before and key in after else f"{name} (case added or left out)"
            )
        else:
            words.append(_PART_WORDS.get(key, key))
    return words


def record_request(request: PacketRequest) -> PacketRequest:
    """The request stamped as a new run (a uid and a time) unless it already is one."""
    if request.run_uid and request.built_at is not None:
        return request
    return dataclasses.replace(
        request,
        run_uid=request.run_uid or new_uid(),
        built_at=request.built_at or run_time(),
        prepared_on=request.prepared_on or date.today(),
    )


def run_request(run: PacketRun) -> PacketRequest:
    """What a logged run asked for, to build it again."""
    audience = Audience(
        run.audience_name,
        run.ceiling,
        frozenset(run.audience_rules or ()),
        include_private=run.include_private,
        profile_id=run.audience_id,
    )
    return PacketRequest(
        template=Template.from_json(run.template_name, run.template_sections),
        audience=audience,
        case_ids=tuple(run.case_ids or ()),
        meeting_id=run.meeting_id,
        title=run.title,
        prepared_by=run.preparer,
        prepared_on=run.prepared_on or run.built_at.date(),
        run_uid=run.uid,
        built_at=run.built_at.replace(tzinfo=None, microsecond=0),
    )


@dataclass(frozen=True)
class RunRow:
    """One line of the packet history."""

    id: int
    short_id: str
    kind: str
    built_at: datetime
    title: str
    audience: str
    preparer: str
    pages: int
    sha256: str
    path: str
    withheld: int


def list_runs(session: Session) -> list[RunRow]:
    """Every logged run, newest first."""
    runs = session.scalars(
        select(PacketRun).order_by(PacketRun.built_at.desc(), PacketRun.id.desc())
    )
    return [_row(r) for r in runs]


def _row(r: PacketRun) -> RunRow:
    return RunRow(
        r.id,
        short_id(r.uid),
        r.kind,
        r.built_at,
        r.title or r.template_name,
        r.audience_name,
        r.preparer,
        r.page_count,
        r.sha256,
        r.output_path,
        len(r.redaction_log or ()),
    )


def find_run(session: Session, key: str) -> PacketRun:
    """A run by number or by (short) id."""
    text = key.strip()
    run = session.get(PacketRun, int(text)) if text.isdigit() else None
    if run is None and len(text) >= 4 and re.fullmatch(r"[0-9a-fA-F-]+", text):
        query = select(PacketRun).where(PacketRun.uid.like(f"{text.lower()}%")).limit(2)
        candidates = session.scalars(query).all()
        if len(candidates) == 1:
            run = candidates[0]
    if run is None:
        raise NotFoundError(f"There is no packet run '{key}'; 'powmia runs list' shows them")
    return run


@dataclass(frozen=True)
class Verdict:
    """What a PDF handed back is: which run it matches, or which run it claims to be."""

    sha256: str
    run: RunRow | None
    claimed: RunRow | None

    @property
    def matches(self) -> bool:
        return self.run is not None

    def sentence(self) -> str:
        if self.run is not None:
            r = self.run
            return (
                f"Matches run {r.short_id} ({r.title}, for {r.audience}, "
                f"{r.built_at:%d %b %Y %H:%M} UTC): unchanged since it was printed"
            )
        if self.claimed is not None:
            return (
                f"Does NOT match: it names run {self.claimed.short_id} ({self.claimed.title}) "
                "but its bytes differ from what was printed; it was changed or is a copy "
                "made another way"
            )
        return "Does NOT match any packet or summary logged in this archive"


def verify_file(session: Session, path: Path) -> Verdict:
    """Check a PDF against the packet history by its SHA-256 (and the run it names)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ArchiveError(f"Cannot read {path}: {error.strerror or error}") from None
    sha = hashlib.sha256(data).hexdigest()
    found = session.scalars(select(PacketRun).where(PacketRun.sha256 == sha)).first()
    claimed = None
    if found is None:
        uid = _named_run(data)
        if uid:
            run = session.scalar(select(PacketRun).where(PacketRun.uid == uid))
            claimed = _row(run) if run is not None else None
    return Verdict(sha, _row(found) if found is not None else None, claimed)


def _named_run(pdf: bytes) -> str:
    """The run uid a PDF names in its keywords ("" when none, or when it cannot be read)."""
    from pypdf import PdfReader  # here: only verifying a file needs it
    from pypdf.errors import PyPdfError

    try:
        info: Any = PdfReader(io.BytesIO(pdf), strict=False).metadata or {}
    except (PyPdfError, ValueError, OSError, KeyError, TypeError):
        return ""
    found = re.search(re.escape(RUN_KEYWORD) + r"([0-9a-f-]{36})", str(info.get("/Keywords", "")))
    return found.group(1) if found else ""


@dataclass(frozen=True)
class Rebuilt:
    path: Path
    sha256: str
    identical: bool
    changed: list[str]
    #: False for a run logged before runs recorded their content (what changed is unknown).
    known: bool = True

    def sentence(self, short: str) -> str:
        """What a person is told about the rebuilt file."""
        if self.identical:
            return f"Rebuilt run {short} into {self.path}: the same file, byte for byte"
        if not self.known:
            return (
                f"Rebuilt run {short} into {self.path}: NOT the same file as printed; the run "
                "was logged before packets recorded what they held, so what changed is unknown"
            )
        changed = "; ".join(self.changed) or "nothing in the archive it reads"
        return (
            f"Rebuilt run {short} into {self.path}: NOT the same file as printed. "
            f"Changed since: {changed}"
        )


def rebuild_run(
    session: Session,
    run: PacketRun,
    out: Path,
    *,
    render: Callable[[PacketData, Progress], Any],
    save: Callable[[Path, bytes], str],
    attachments_dir: Path | None = None,
    progress: Progress = no_progress,
) -> Rebuilt:
    """Build a logged run again into ``out``; say whether it is the same file, and if not,
    which parts of the archive changed since."""
    if out.resolve() == Path(run.output_path).resolve() and out.exists():
        raise ValidationError(
            f"{out} is the run's own file; write the rebuild somewhere else", "out"
        )
    data = gather_packet(
        session, run_request(run), attachments_dir=attachments_dir, progress=progress
    )
    rendered = render(data, progress)
    sha = save(out, rendered.pdf)
    if not run.contents:  # printed before runs recorded what they held
        return Rebuilt(out, sha, sha == run.sha256, [], known=False)
    changed = changed_parts(run.contents, content_digests(data))
    return Rebuilt(out, sha, sha == run.sha256, changed)
