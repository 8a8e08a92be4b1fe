"""Meetings and the work around them: attendees, agenda, questions for officials, tasks."""

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from powmia_desktop.core.vocab import AttendanceRole, MeetingStatus, MeetingType, QuestionStatus
from powmia_desktop.db.models.base import Base, Record, link_table
from powmia_desktop.db.models.tags import meeting_tag
from powmia_desktop.db.types import vocab

if TYPE_CHECKING:
    from powmia_desktop.db.models.cases import Serviceman
    from powmia_desktop.db.models.evidence import Attachment
    from powmia_desktop.db.models.people import Contact
    from powmia_desktop.db.models.tags import Tag

_CHILDREN: dict[str, Any] = {"cascade": "all, delete-orphan", "passive_deletes": True}

meeting_case = link_table("meeting_case", "meeting", "serviceman")
#: The meetings a question has been carried to, so it follows the family until answered.
question_meeting = link_table("question_meeting", "question", "meeting")


class Meeting(Record, Base):
    __tablename__ = "meeting"

    meeting_type: Mapped[MeetingType] = mapped_column(vocab(MeetingType))
    title: Mapped[str] = mapped_column(String(300))
    starts_at: Mapped[datetime | None] = mapped_column(index=True)
    ends_at: Mapped[datetime | None]
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    #: IANA zone the meeting is held in, for showing local times ("America/New_York").
    timezone: Mapped[str] = mapped_column(String(64), default="")
    place: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[MeetingStatus] = mapped_column(
        vocab(MeetingStatus), default=MeetingStatus.PLANNED
    )
    description: Mapped[str] = mapped_column(Text, default="")
    minutes: Mapped[str] = mapped_column(Text, default="")

    cases: Mapped[list["Serviceman"]] = relationship(secondary=meeting_case)
    attendances: Mapped[list["Attendance"]] = relationship(
        back_populates="meeting", order_by="Attendance.id", **_CHILDREN
    )
    agenda_items: Mapped[list["AgendaItem"]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position", **_CHILDREN
    )
    questions: Mapped[list["Question"]] = relationship(
        secondary=question_meeting, back_populates="meetings", order_by="Question.id"
    )
    tasks: Mapped[list["Task"]] = relationship(back_populates="meeting")
    attachments: Mapped[list["Attachment"]] = relationship(back_populates="meeting", **_CHILDREN)
    tags: Mapped[list["Tag"]] = relationship(secondary=meeting_tag, order_by="Tag.name")


class Attendance(Record, Base):
    __tablename__ = "attendance"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[AttendanceRole] = mapped_column(
        vocab(AttendanceRole), default=AttendanceRole.OTHER
    )
    invited: Mapped[bool] = mapped_column(Boolean, default=True)
    attended: Mapped[bool] = mapped_column(Boolean, default=False)

    meeting: Mapped[Meeting] = relationship(back_populates="attendances")
    contact: Mapped["Contact"] = relationship()


class AgendaItem(Record, Base):
    __tablename__ = "agenda_item"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300))
    presenter_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))
    minutes: Mapped[str] = mapped_column(Text, default="")

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")
    presenter: Mapped["Contact | None"] = relationship()


class Question(Record, Base):
    """A question for officials, carried from meeting to meeting until it is answered."""

    __tablename__ = "question"

    serviceman_id: Mapped[int | None] = mapped_column(
        ForeignKey("serviceman.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    addressed_to_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL")
    )
    asked_at_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    answer: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[QuestionStatus] = mapped_column(
        vocab(QuestionStatus), default=QuestionStatus.OPEN, index=True
    )

    serviceman: Mapped["Serviceman | None"] = relationship()
    addressed_to: Mapped["Contact | None"] = relationship()
    asked_at: Mapped[Meeting | None] = relationship(foreign_keys=[asked_at_id])
    meetings: Mapped[list[Meeting]] = relationship(
        secondary=question_meeting, back_populates="questions"
    )


class Task(Record, Base):
    __tablename__ = "task"

    title: Mapped[str] = mapped_column(String(300))
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    done: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    serviceman_id: Mapped[int | None] = mapped_column(
        ForeignKey("serviceman.id", ondelete="CASCADE"), index=True
    )

    assignee: Mapped["Contact | None"] = relationship()
    meeting: Mapped[Meeting | None] = relationship(back_populates="tasks")
    serviceman: Mapped["Serviceman | None"] = relationship()
