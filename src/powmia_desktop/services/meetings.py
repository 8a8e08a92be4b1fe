"""Meetings: Family Member Updates, annual briefings, congressional visits."""

from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session, selectinload

from powmia_desktop.core.errors import NotFoundError
from powmia_desktop.core.vocab import MeetingStatus
from powmia_desktop.db.models import Attendance, Meeting, meeting_case
from powmia_desktop.services.meeting_times import zone_of


class MeetingRow(NamedTuple):
    id: int
    title: str
    meeting_type: str
    starts_at: datetime | None
    place: str
    status: str
    timezone: str
    all_day: bool

    @property
    def local_start(self) -> datetime | None:
        """The start on the clock of the place it is held (stored in UTC): a briefing at
        19:00 in Washington is on the 15th there, though it is the 16th in UTC."""
        if self.starts_at is None:
            return None
        return self.starts_at.astimezone(UTC if self.all_day else zone_of(self.timezone))

    @property
    def when_text(self) -> str:
        """ "15 Oct 2006, 09:00" in the meeting's own zone; the day alone when all day."""
        start = self.local_start
        if start is None:
            return ""
        day = start.strftime("%d %b %Y").lstrip("0")
        return day if self.all_day else f"{day}, {start:%H:%M}"


def meeting_row_columns() -> tuple[Any, ...]:
    """The columns a ``MeetingRow`` is made of, in its order."""
    m = Meeting.__table__.c
    return (
        m.id,
        m.title,
        type_coerce(m.meeting_type, String),
        Meeting.starts_at,
        m.place,
        type_coerce(m.status, String),
        m.timezone,
        m.all_day,
    )


def list_meetings(session: Session, *, limit: int | None = None) -> list[MeetingRow]:
    """Meetings, latest first; with ``limit``, the first ones as the window's list sorts
    them (earliest first, undated last)."""
    m = Meeting.__table__.c
    query = select(*meeting_row_columns())
    if limit is not None:
        undated = Meeting.starts_at.is_(None)
        query = query.order_by(undated, Meeting.starts_at, m.id).limit(limit)
    else:
        query = query.order_by(Meeting.starts_at.desc().nulls_last(), m.id)
    return [MeetingRow(*row) for row in session.execute(query)]


def get_meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(
        Meeting,
        meeting_id,
        options=[
            selectinload(Meeting.attendances).selectinload(Attendance.contact),
            selectinload(Meeting.agenda_items),
            selectinload(Meeting.questions),
            selectinload(Meeting.tasks),
            selectinload(Meeting.cases),
        ],
    )
    if meeting is None:
        raise NotFoundError(f"There is no meeting with id {meeting_id}")
    return meeting


def next_planned_meeting(session: Session, now: datetime) -> int | None:
    """The id of the earliest planned meeting from today on (the one a packet is for)."""
    start_of_day = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return session.scalar(
        select(Meeting.id)
        .where(Meeting.status == MeetingStatus.PLANNED, Meeting.starts_at >= start_of_day)
        .order_by(Meeting.starts_at, Meeting.id)
        .limit(1)
    )


def meeting_case_ids(session: Session, meeting_id: int) -> tuple[int, ...]:
    """The cases to be discussed at a meeting."""
    mc = meeting_case.c
    rows = session.scalars(select(mc.serviceman_id).where(mc.meeting_id == meeting_id))
    return tuple(rows)


def meeting_id_for_uid(session: Session, uid: str) -> int | None:
    """The id of the meeting with ``uid`` in this archive; None when it has none."""
    return session.scalar(select(Meeting.id).where(Meeting.uid == uid))
