"""Attached files as an audience may see them: a case's, a meeting's, an event's, a source's."""

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from powmia_desktop.db.models import Attachment, Record
from powmia_desktop.services.attachments import stored_path
from powmia_desktop.services.audience.gate import Gate
from powmia_desktop.services.audience.log import RedactionLog
from powmia_desktop.services.audience.profile import Audience
from powmia_desktop.services.audience.reading import CHUNK
from powmia_desktop.services.audience.views import AttachmentView


def attachment_view(
    gate: Gate, a: Attachment, owner: str, attachments_dir: Path | None
) -> AttachmentView:
    """The file as ``gate``'s audience may see it: its name and caption pass its text rules."""
    path = None if attachments_dir is None else stored_path(attachments_dir, a.sha256)
    view = AttachmentView(
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
    return gate.view(a, view, owner)


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
    gate = Gate(audience, log)
    owners: list[tuple[Any, Iterable[int]]] = [
        (Attachment.meeting_id, [meeting_id] if meeting_id is not None else []),
        (Attachment.timeline_event_id, list(event_ids)),
        (Attachment.source_id, list(source_ids)),
    ]
    found: list[Attachment] = []
    for column, ids in owners:
        ids = list(ids)
        for start in range(0, len(ids), CHUNK):
            query = (
                select(Attachment)
                .where(column.in_(ids[start : start + CHUNK]))
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
            shown.append(attachment_view(gate, a, owner, attachments_dir))
    return shown
