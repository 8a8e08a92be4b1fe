"""What is attached to a record, and which timeline events a case takes part in, as rows."""

from typing import NamedTuple

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.models import Attachment, EventParticipant, TimelineEvent

#: The record kinds attachments can belong to, by the column that points at them.
ATTACHMENT_TARGETS = (
    "serviceman_id",
    "contact_id",
    "meeting_id",
    "timeline_event_id",
    "source_id",
    "correspondence_id",
)


class AttachmentRow(NamedTuple):
    id: int
    original_name: str
    caption: str
    mime_type: str
    size: int
    sensitivity: Sensitivity
    sha256: str


class LinkedEventRow(NamedTuple):
    id: int
    date: str | None
    date_sort: int | None
    title: str
    role: str


def list_attachments(session: Session, target: str, record_id: int) -> list[AttachmentRow]:
    if target not in ATTACHMENT_TARGETS:
        raise ValueError(target)
    a = Attachment.__table__.c
    rows = session.execute(
        select(
            a.id, a.original_name, a.caption, a.mime_type, a.size, Attachment.sensitivity, a.sha256
        )
        .where(a[target] == record_id)
        .order_by(a.original_name, a.id)
    )
    return [AttachmentRow(*r) for r in rows]


def list_case_events(session: Session, case_id: int) -> list[LinkedEventRow]:
    e = TimelineEvent.__table__.c
    p = EventParticipant.__table__.c
    rows = session.execute(
        select(e.id, type_coerce(e.date, String), e.date_sort, e.title, type_coerce(p.role, String))
        .join(EventParticipant.__table__, p.event_id == e.id)
        .where(p.serviceman_id == case_id)
        .order_by(e.date_sort.asc().nulls_last(), e.id)
    )
    return [LinkedEventRow(*r) for r in rows]
