"""Tags: short labels a family puts on cases, contacts, meetings, events and sources."""

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from powmia_desktop.db.models.base import Base, Record, link_table


class Tag(Record, Base):
    __tablename__ = "tag"

    name: Mapped[str] = mapped_column(String(80), unique=True)
    color: Mapped[str] = mapped_column(String(9), default="")


serviceman_tag = link_table("serviceman_tag", "serviceman", "tag")
contact_tag = link_table("contact_tag", "contact", "tag")
meeting_tag = link_table("meeting_tag", "meeting", "tag")
timeline_event_tag = link_table("timeline_event_tag", "timeline_event", "tag")
source_tag = link_table("source_tag", "source", "tag")
