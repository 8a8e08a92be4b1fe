"""Tables as the importers and exporters read and write them: stored values, no conversions.

Each table is read and written through a "raw" copy of it whose columns have plain types, so
what comes out of one archive goes into the next unchanged, byte for byte: a FuzzyDate is its
stored JSON text, a vocabulary word its value, a sensitivity its number, a timestamp a plain
datetime. The whole-archive zip (services/exchange.py) is written and read this way, and the
bulk importers insert through the same raw tables.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Enum,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
)
from sqlalchemy.types import TypeEngine

from powmia_desktop.db.models import Base
from powmia_desktop.db.types import FuzzyDateType, SensitivityType, UTCDateTime

#: Tables that describe this computer's archive, not the records: not exchanged.
LOCAL_TABLES: Final = frozenset({"change_log", "archive_setting", "merge_base", "merge_conflict"})

_raw_metadata = MetaData()
_raw_tables: dict[str, Table] = {}


def exchanged_tables() -> list[Table]:
    """Every table an archive zip carries, parents before children."""
    return [t for t in Base.metadata.sorted_tables if t.name not in LOCAL_TABLES]


def _raw_type(kind: TypeEngine[Any]) -> TypeEngine[Any]:
    if isinstance(kind, FuzzyDateType):
        return Text()
    if isinstance(kind, SensitivityType):
        return SmallInteger()
    if isinstance(kind, UTCDateTime):
        return DateTime()
    if isinstance(kind, Enum):
        return String(kind.length or 40)
    return kind


def raw_table(table: Table) -> Table:
    """A twin of ``table`` whose values are the stored ones (see the module text)."""
    twin = _raw_tables.get(table.name)
    if twin is None:
        twin = Table(
            table.name,
            _raw_metadata,
            *(Column(c.name, _raw_type(c.type), primary_key=c.primary_key) for c in table.columns),
        )
        _raw_tables[table.name] = twin
    return twin


def to_json_value(value: Any) -> Any:
    """A stored value as JSON can hold it (timestamps and days as ISO text)."""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def is_datetime(column: Column[Any]) -> bool:
    return isinstance(column.type, DateTime)


def is_date(column: Column[Any]) -> bool:
    return isinstance(column.type, Date) and not isinstance(column.type, DateTime)


def is_json(column: Column[Any]) -> bool:
    return isinstance(column.type, JSON)


def is_text(column: Column[Any]) -> bool:
    return isinstance(column.type, String | Text)


def table_of(model: type[Any]) -> Table:
    """A mapped class's Table, typed as one (``__table__`` is typed as any FromClause)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table
