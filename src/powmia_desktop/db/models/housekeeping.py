"""What the archive remembers about itself: its settings, a change log and import batches."""

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from powmia_desktop.db.models.base import Base, Record
from powmia_desktop.db.types import utcnow


class ArchiveSetting(Base):
    """One named value about the archive itself, such as its ``archive_uid``.

    The uid is made once, when the archive is created (or upgraded to revision 0003), and
    travels with every backup copy: a backup whose uid differs belongs to another archive.
    """

    __tablename__ = "archive_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class MergeBase(Base):
    """What this archive and another (``peer_uid``) last agreed a record held: its digest.

    Written by the archive-zip import for every record both sides then hold alike; the next
    import from the same archive tells from it which side changed the record since.
    """

    __tablename__ = "merge_base"

    peer_uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(60), primary_key=True)
    record_uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))


class MergeConflict(Base):
    """A record both archives changed since they last agreed: the incoming version, kept.

    ``incoming`` is the other archive's row (stored values, references already translated
    to this archive's ids) until a person keeps this archive's version or takes it.
    """

    __tablename__ = "merge_conflict"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    peer_uid: Mapped[str] = mapped_column(String(36), default="")
    source_file: Mapped[str] = mapped_column(String(1000), default="")
    table_name: Mapped[str] = mapped_column(String(60))
    record_uid: Mapped[str] = mapped_column(String(36), index=True)
    incoming: Mapped[dict[str, Any]] = mapped_column(JSON)
    incoming_digest: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    resolved_at: Mapped[datetime | None]


class ChangeLogEntry(Base):
    """One changed field (or a created/deleted record); written by db/changelog.py."""

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    changed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    table_name: Mapped[str] = mapped_column(String(60))
    record_id: Mapped[int] = mapped_column(Integer)
    record_uid: Mapped[str] = mapped_column(String(36), default="")
    action: Mapped[str] = mapped_column(String(10))
    field: Mapped[str] = mapped_column(String(60), default="")
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    #: Who made the change: the database user on a server, the login on this computer.
    changed_by: Mapped[str] = mapped_column(String(120), default="", server_default="")


class ImportBatch(Record, Base):
    """One import of one file, so the next edition of a list can be compared with this one."""

    __tablename__ = "import_batch"

    file_name: Mapped[str] = mapped_column(String(1000))
    file_sha256: Mapped[str] = mapped_column(String(64), default="")
    kind: Mapped[str] = mapped_column(String(40))
    column_mapping: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    counts: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(20), default="running")
