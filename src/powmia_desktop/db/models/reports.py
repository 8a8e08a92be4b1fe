"""What packets are built from and what was built: audiences, templates and runs."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.models.base import Base, Record
from powmia_desktop.db.types import SensitivityType, utcnow


class AudienceProfile(Record, Base):
    """Who a packet is for: a ceiling of sensitivity and field rules (hide phone numbers)."""

    __tablename__ = "audience_profile"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    ceiling: Mapped[Sensitivity] = mapped_column(SensitivityType())
    field_rules: Mapped[list[str]] = mapped_column(JSON, default=list)
    description: Mapped[str] = mapped_column(Text, default="")


class PacketTemplate(Record, Base):
    """An ordered list of sections, each with its options, like a Gramps book."""

    __tablename__ = "packet_template"

    name: Mapped[str] = mapped_column(String(120), unique=True)
    sections: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)


class PacketRun(Record, Base):
    """A packet as built: for whom, from what, the file's hash and what was withheld."""

    __tablename__ = "packet_run"

    template_name: Mapped[str] = mapped_column(String(120))
    template_sections: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    audience_id: Mapped[int | None] = mapped_column(
        ForeignKey("audience_profile.id", ondelete="SET NULL")
    )
    audience_name: Mapped[str] = mapped_column(String(120))
    ceiling: Mapped[Sensitivity] = mapped_column(SensitivityType())
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    built_at: Mapped[datetime] = mapped_column(default=utcnow)
    output_path: Mapped[str] = mapped_column(String(2000))
    sha256: Mapped[str] = mapped_column(String(64))
    page_count: Mapped[int] = mapped_column(Integer, default=0)
    redaction_log: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    #: "packet" or "summary" (a case summary printed on its own).
    kind: Mapped[str] = mapped_column(String(20), default="packet", server_default="packet")
    title: Mapped[str] = mapped_column(String(500), default="", server_default="")
    preparer: Mapped[str] = mapped_column(String(200), default="", server_default="")
    prepared_on: Mapped[date | None] = mapped_column(Date)
    #: The cases asked for, in order (what a rebuild asks for again).
    case_ids: Mapped[list[int]] = mapped_column(JSON, default=list, server_default="[]")
    audience_rules: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    include_private: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    #: A digest of each part's content (a case, the questions …) to say what changed since.
    contents: Mapped[dict[str, str]] = mapped_column(JSON, default=dict, server_default="{}")

    audience: Mapped[AudienceProfile | None] = relationship()
