"""Column types that store our value types portably (plain TEXT/INTEGER, no SQLite tricks)."""

from datetime import UTC, datetime

from sqlalchemy import DateTime, Dialect, Enum, SmallInteger, Text, TypeDecorator

from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import Vocabulary


class FuzzyDateType(TypeDecorator[FuzzyDate]):
    """A FuzzyDate as its compact JSON (modifier, quality, parts and the text typed)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: FuzzyDate | None, dialect: Dialect) -> str | None:
        return None if value is None else value.to_json()

    def process_result_value(self, value: str | None, dialect: Dialect) -> FuzzyDate | None:
        return None if value is None else FuzzyDate.from_json(value)


class SensitivityType(TypeDecorator[Sensitivity]):
    """Stored as its number so an audience ceiling is a plain ``<=`` in SQL."""

    impl = SmallInteger
    cache_ok = True

    def process_bind_param(self, value: Sensitivity | int | None, dialect: Dialect) -> int | None:
        return None if value is None else int(value)

    def process_result_value(self, value: int | None, dialect: Dialect) -> Sensitivity | None:
        return None if value is None else Sensitivity(value)


class UTCDateTime(TypeDecorator[datetime]):
    """Timestamps kept in UTC; SQLite has no time zones, so store naive UTC, return aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def vocab(enum_cls: type[Vocabulary]) -> Enum:
    """A vocabulary column stored as its value text, without a CHECK constraint.

    No constraint, so a later release can add a word without a table rebuild; validation
    happens in the enum on the way in.
    """
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=40,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


def utcnow() -> datetime:
    return datetime.now(UTC)
