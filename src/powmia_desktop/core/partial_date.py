"""A partial date (a year, a month of a year or a day) and the calendar checks it needs.

Apart from ``FuzzyDate`` so the reading of typed text and of stored JSON can build partial
dates without importing ``FuzzyDate`` (no import loop). ``core.fuzzydate`` re-exports
``PartialDate``; import it from there.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from typing import Final

from powmia_desktop.core.date_kinds import FuzzyDateError

__all__ = ["MONTH_NAMES", "PartialDate", "date_problem", "days_in_month", "is_int", "shift_years"]

MONTH_NAMES: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def is_int(value: object) -> bool:
    """A whole number; True and False are ints to Python but not a year, month or day."""
    return isinstance(value, int) and not isinstance(value, bool)


def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def date_problem(year: int, month: int | None, day: int | None) -> str | None:
    """Why (year, month, day) is not a date, in words, or None if it is one."""
    if not 1 <= year <= 9999:
        return f"year {year} is outside 1-9999"
    if month is None:
        return None if day is None else "a day needs a month"
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if day is None:
        return None
    length = days_in_month(year, month)
    if 1 <= day <= length:
        return None
    if day < 1:
        return f"there is no day {day}"
    if month == 2 and day == 29:
        return f"February {year:04d} has 28 days ({year:04d} is not a leap year)"
    if month == 2:
        return "February has at most 29 days"
    return f"{MONTH_NAMES[month - 1]} has {length} days"


def shift_years(day: datetime.date, years: int) -> datetime.date:
    """Same month and day ``years`` later, clamped to the calendar (29 Feb -> 28 Feb)."""
    year = day.year + years
    if year < datetime.MINYEAR:
        return datetime.date.min
    if year > datetime.MAXYEAR:
        return datetime.date.max
    return datetime.date(year, day.month, min(day.day, days_in_month(year, day.month)))


@dataclass(frozen=True, order=False)
class PartialDate:
    """A year, a month of a year, or a day: the later parts are optional, never guessed."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not is_int(self.year) or not all(
            part is None or is_int(part) for part in (self.month, self.day)
        ):
            raise FuzzyDateError(
                f"year, month and day must be whole numbers, not {self.year!r}, "
                f"{self.month!r}, {self.day!r}"
            )
        problem = date_problem(self.year, self.month, self.day)
        if problem is not None:
            parts = "-".join(str(p) for p in (self.year, self.month, self.day) if p is not None)
            raise FuzzyDateError(f"{parts} is not a date: {problem}")

    @property
    def precision(self) -> int:
        """1 for a year, 2 for a month, 3 for a day (the tie-break in ``FuzzyDate.sort_key``)."""
        return 1 if self.month is None else 2 if self.day is None else 3

    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> datetime.date:
        month = self.month or 12
        return datetime.date(self.year, month, self.day or days_in_month(self.year, month))

    def format(self) -> str:
        """Display as 4 Nov 1950, Nov 1950 or 1950; years below 1000 keep four digits (0950)."""
        year = f"{self.year:04d}"
        if self.month is None:
            return year
        month = MONTH_NAMES[self.month - 1][:3]
        return f"{month} {year}" if self.day is None else f"{self.day} {month} {year}"

    def __str__(self) -> str:
        return self.format()

    def _parts(self) -> list[int]:
        return [p for p in (self.year, self.month, self.day) if p is not None]
