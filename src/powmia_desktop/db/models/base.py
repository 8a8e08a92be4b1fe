"""The declarative base and what every record has (docs/data-model.md, first paragraph).

Every record: integer id, a stable ``uid`` (so archives exchanged between people merge by
identity, not by row number), created/updated timestamps, a sensitivity level, notes and a
row version that SQLAlchemy checks on every UPDATE (two editors never silently overwrite
each other: the second gets ``StaleDataError``).
"""

import uuid
from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import Column, ForeignKey, Integer, MetaData, String, Table, Text, event
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.types import FuzzyDateType, SensitivityType, UTCDateTime, utcnow

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        FuzzyDate: FuzzyDateType(),
        Sensitivity: SensitivityType(),
        str: String(500),
    }


def new_uid() -> str:
    return str(uuid.uuid4())


class Record:
    """Columns shared by every record table."""

    #: FuzzyDate attributes whose ``<name>_sort``/``_earliest``/``_latest`` columns are derived.
    __fuzzy_dates__: ClassVar[tuple[str, ...]] = ()
    #: Sensitivity a new record of this kind gets when none is given.
    default_sensitivity: ClassVar[Sensitivity] = Sensitivity.OFFICIALS

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    notes: Mapped[str] = mapped_column(Text, default="")
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    @declared_attr
    def sensitivity(cls) -> Mapped[Sensitivity]:
        return mapped_column(SensitivityType(), default=cls.default_sensitivity, index=True)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.row_version}

    def __repr__(self) -> str:
        return f"<{type(self).__name__} id={self.id}>"


def fuzzy_date_values(name: str, value: FuzzyDate | None) -> dict[str, Any]:
    """The stored column values for one FuzzyDate attribute, for Core bulk inserts."""
    if value is None:
        return {name: None, f"{name}_sort": None, f"{name}_earliest": None, f"{name}_latest": None}
    return {
        name: value.to_json(),
        f"{name}_sort": value.sort_key,
        f"{name}_earliest": value.earliest_key,
        f"{name}_latest": value.latest_key,
    }


@event.listens_for(Base, "before_insert", propagate=True)
@event.listens_for(Base, "before_update", propagate=True)
def _derive_date_columns(mapper: Any, connection: Any, target: Any) -> None:
    """Keep the sort/bounds columns of each FuzzyDate in step with the value itself."""
    for name in getattr(target, "__fuzzy_dates__", ()):
        value: FuzzyDate | None = getattr(target, name)
        for suffix, attr in (
            ("_sort", "sort_key"),
            ("_earliest", "earliest_key"),
            ("_latest", "latest_key"),
        ):
            column = name + suffix
            if hasattr(target, column):
                setattr(target, column, None if value is None else getattr(value, attr))


def link_table(name: str, left: str, right: str) -> Table:
    """A many-to-many link (tags, meeting cases) whose rows vanish with either side."""
    return Table(
        name,
        Base.metadata,
        Column(f"{left}_id", ForeignKey(f"{left}.id", ondelete="CASCADE"), primary_key=True),
        Column(
            f"{right}_id",
            ForeignKey(f"{right}.id", ondelete="CASCADE"),
            primary_key=True,
            index=True,
        ),
    )
