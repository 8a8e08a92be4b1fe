"""The words every date module shares: the error, the modifier and the quality.

In a module of their own so that the partial date, the reading of typed text, the stored JSON
and ``FuzzyDate`` can all use them without importing one another round a loop.
``core.fuzzydate`` re-exports them; import them from there.
"""

from __future__ import annotations

from enum import StrEnum

from powmia_desktop.core.errors import ValidationError

__all__ = ["DateModifier", "DateQuality", "FuzzyDateError"]


class FuzzyDateError(ValidationError):
    """A date that cannot be read or cannot exist; the message says which part and why."""


class DateModifier(StrEnum):
    """How the partial date(s) relate to the moment meant."""

    NONE = "none"
    BEFORE = "before"
    AFTER = "after"
    ABOUT = "about"
    BETWEEN = "between"  # one moment, somewhere from start to end: "between 1954 and 1957"
    SPAN = "span"  # something that lasted from start to end: "from 1996 to 2005"
    TEXT_ONLY = "text"  # not understood; only the text is kept


class DateQuality(StrEnum):
    """Whether the date was recorded, estimated by someone, or calculated from other facts."""

    REGULAR = "regular"
    ESTIMATED = "estimated"
    CALCULATED = "calculated"
