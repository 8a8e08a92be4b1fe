"""Steps 2 and 3 of 3: render, write the file atomically, and log the run."""

import dataclasses
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ArchiveError, NotFoundError, ValidationError
from powmia_desktop.core.files import write_atomically
from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.models import PacketRun, Serviceman
from powmia_desktop.services.audience import Audience, RedactionLog
from powmia_desktop.services.packets.gathering import PacketData, PacketRequest, gather_packet
from powmia_desktop.services.packets.runs import (
    content_digests,
    record_request,
    short_id,
    summary_template,
)


class RenderedPdf(Protocol):
    pdf: bytes
    pages: int


Renderer = Callable[[PacketData, Progress], RenderedPdf]


@dataclass(frozen=True)
class PacketResult:
    path: Path
    sha256: str
    pages: int
    #: the logged run; None for a packet built to be previewed (``log_result`` logs it)
    run_id: int | None
    log: RedactionLog
    short_id: str = ""
    data: PacketData | None = None
    kind: str = "packet"
    case_ids: tuple[int, ...] = ()


def save_pdf(path: Path, pdf: bytes, *, overwrite: bool = False) -> str:
    """Write ``pdf`` to ``path`` atomically (never half a file); return its SHA-256.

    Refuses to replace an existing file unless ``overwrite``.
    """
    if path.exists() and not overwrite:
        raise ValidationError(f"{path} already exists; choose another name or overwrite it", "out")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ArchiveError(f"The folder {folder} does not exist")
    write_atomically(path, lambda handle: handle.write(pdf))
    return hashlib.sha256(pdf).hexdigest()


def record_run(
    session: Session,
    data: PacketData,
    path: Path | str,
    sha256: str,
    pages: int,
    *,
    kind: str = "packet",
    case_ids: tuple[int, ...] = (),
) -> PacketRun:
    """Log a packet as built: what was asked for, the file (or where it was printed), its
    hash and what was withheld."""
    stamp: dict[str, object] = {"uid": data.run_uid} if data.run_uid else {}
    if data.built_at is not None:
        stamp["built_at"] = data.built_at
    run = PacketRun(
        **stamp,
        kind=kind,
        title=data.title,
        preparer=data.prepared_by,
        prepared_on=data.prepared_on,
        case_ids=list(case_ids),
        audience_rules=sorted(data.audience.rules),
        include_private=data.audience.include_private,
        contents=content_digests(data),
        template_name=data.template.name,
        template_sections=data.template.to_json(),
        audience_id=data.audience.profile_id,
        audience_name=data.audience.name,
        ceiling=data.audience.effective_ceiling,
        meeting_id=data.meeting.id if data.meeting else None,
        output_path=str(path.resolve()) if isinstance(path, Path) else path,
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
    kind: str = "packet",
    log: bool = True,
) -> PacketResult:
    """Gather, render, save and log a packet or a case summary (``kind``) as a run; the
    session must be writable (it adds the run). Without ``log`` the file is stamped as a run
    (its uid and time printed in it) but logged only if ``log_result`` is called later: a
    preview closed without printing or saving leaves no run behind."""
    if out.exists() and not overwrite:
        raise ValidationError(f"{out} already exists; choose another name or overwrite it", "out")
    request = record_request(request)
    data = gather_packet(session, request, attachments_dir=attachments_dir, progress=progress)
    if kind == "summary" and not data.cases:
        who = ", ".join(str(i) for i in request.case_ids)
        raise NotFoundError(
            f"Case {who} is marked above what {request.audience.name} may see; nothing written"
        )
    rendered = render(data, progress)
    sha = save_pdf(out, rendered.pdf, overwrite=overwrite)
    result = PacketResult(
        out,
        sha,
        rendered.pages,
        None,
        data.log,
        short_id(data.run_uid),
        data,
        kind,
        request.case_ids,
    )
    return log_result(session, result, out) if log else result


def log_result(session: Session, result: PacketResult, where: Path | str) -> PacketResult:
    """Log a packet built without logging (a preview) once it is printed or saved: the same
    run its file names, kept at ``where`` (the saved file, or where it was printed)."""
    if result.run_id is not None:
        return result
    assert result.data is not None
    data, kind, case_ids = result.data, result.kind, result.case_ids
    run = record_run(
        session, data, where, result.sha256, result.pages, kind=kind, case_ids=case_ids
    )
    return dataclasses.replace(result, run_id=run.id, short_id=short_id(run.uid))


def build_summary(
    session: Session,
    case_id: int,
    audience: Audience,
    out: Path,
    *,
    render: Renderer,
    prepared_by: str = "",
    attachments_dir: Path | None = None,
    overwrite: bool = False,
    log: bool = True,
) -> PacketResult:
    """Print one case summary for an audience and log it as a run (kind "summary"; without
    ``log``, when ``log_result`` is called, as for a preview)."""
    if session.get(Serviceman, case_id) is None:
        raise NotFoundError(f"There is no case with id {case_id}")
    request = PacketRequest(
        template=summary_template(),
        audience=audience,
        case_ids=(case_id,),
        prepared_by=prepared_by,
    )
    return build_packet(
        session,
        request,
        out,
        render=render,
        attachments_dir=attachments_dir,
        overwrite=overwrite,
        kind="summary",
        log=log,
    )
