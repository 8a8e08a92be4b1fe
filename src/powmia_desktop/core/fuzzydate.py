"""Historical dates as people write them: "about 1953", "bef. 1960", "1954-7", "Nov 1950".

Records of the missing rarely carry an exact day, so a date is a *modifier* (about, before,
between...), a *quality* (estimated, calculated), one or two partial dates (year, month and day,
the later parts optional) and the text as typed. The design follows the Gramps date model.

Principles:

* Never guess. What is not understood is kept verbatim as a text-only date (``parse``) or
  refused with a message saying why (``parse_strict``). Two-digit years, decades ("1950s") and
  words such as "mid-1953" or "early 1950s" stay text.
* Never drop a qualifier: ``format`` always shows the modifier and quality, and
  ``parse(d.format())`` gives back the same value.
* Every value knows the range of days it can denote (``earliest``/``latest``), as ``yyyymmdd``
  integer keys too, so "what happened in 1953?" is a plain integer comparison in SQL.

Reading conventions (documented because they are choices, not guesses):

* ``11/4/1950`` is US order, month/day/year (4 November 1950); ``11/1950`` is November 1950.
* ``1950-11`` is ISO year-month (two-digit month 01-12, no spaces). Any other "A-B" is a
  span from A to B; a one- or two-digit B after a bare year replaces that year's last digits,
  as in the records' "1954-7" (1954 to 1957) and "1954-57". A span that would end before it
  starts (``1958-2``) is not read as crossing a decade: it stays text.
* "A-B" and "from A to B" are spans (``SPAN``: something that lasted); "between A and B" is one
  uncertain moment in that range (``BETWEEN``).
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, replace
from typing import Any, Final

from powmia_desktop.core.date_json import JSON_VERSION, json_part, json_problem, preview
from powmia_desktop.core.date_kinds import DateModifier, DateQuality, FuzzyDateError
from powmia_desktop.core.date_reading import (
    HINT,
    MAX_DATE_LENGTH,
    Impossible,
    NotUnderstood,
    normalize,
    read,
)
from powmia_desktop.core.partial_date import PartialDate, shift_years

__all__ = [
    "ABOUT_MARGIN_YEARS",
    "KEY_MAX",
    "KEY_MIN",
    "MAX_DATE_LENGTH",
    "TEXT_ONLY_EARLIEST_KEY",
    "TEXT_ONLY_LATEST_KEY",
    "TEXT_ONLY_SORT_KEY",
    "DateModifier",
    "DateQuality",
    "FuzzyDate",
    "FuzzyDateError",
    "PartialDate",
    "date_key",
]

#: "about X" can mean up to this many calendar years either side of X (bounds and overlaps).
ABOUT_MARGIN_YEARS: Final = 1
#: ``earliest_key`` of a date with no lower bound ("before 1960").
KEY_MIN: Final = 0
#: ``latest_key`` of a date with no upper bound ("after 1954"); also the key of 31 Dec 9999.
KEY_MAX: Final = 99991231
#: Text-only dates get an empty key range (earliest above every real key, latest below every
#: real key), so ``earliest_key <= :end AND latest_key >= :start`` never matches them, even
#: with only one side bounded, and ordering by ``earliest_key`` puts them last.
TEXT_ONLY_EARLIEST_KEY: Final = 99999999
TEXT_ONLY_LATEST_KEY: Final = -1
#: ``sort_key`` is ``yyyymmdd * 100 + tie-break``; text-only dates sort after everything.
TEXT_ONLY_SORT_KEY: Final = 99999999_99

_ONE_DAY: Final = datetime.timedelta(days=1)


def date_key(day: datetime.date) -> int:
    """A day as the ``yyyymmdd`` integer used by the key columns (for query bounds too)."""
    return day.year * 10000 + day.month * 100 + day.day


def _read(text: str) -> FuzzyDate:
    """Read stripped, non-blank ``text``; raises NotUnderstood or Impossible."""
    modifier, quality, start, end = read(text)
    try:
        return FuzzyDate(modifier, quality, start, end, text)
    except FuzzyDateError as exc:  # a reversed range, "before 1 Jan 0001"...
        raise Impossible(str(exc)) from None


#: Tie-break ranks within one anchor day (see ``FuzzyDate.sort_key``).
_SORT_RANK: Final = {
    DateModifier.ABOUT: 1,
    DateModifier.NONE: 2,
    DateModifier.BETWEEN: 3,
    DateModifier.SPAN: 4,
}


@dataclass(frozen=True)
class FuzzyDate:
    """A historical date: modifier + quality + start (+ end for ranges) + the text typed.

    ``text`` is what the person typed; it does not take part in ``same_value`` but is kept
    so nothing they wrote is lost. Equality (``==``) compares all fields, text included.
    """

    modifier: DateModifier
    quality: DateQuality = DateQuality.REGULAR
    start: PartialDate | None = None
    end: PartialDate | None = None
    text: str = ""

    def __post_init__(self) -> None:
        # Plain strings ("about") are accepted for the enums: database rows and forms have them.
        for name, enum in (("modifier", DateModifier), ("quality", DateQuality)):
            value = getattr(self, name)
            if not isinstance(value, enum):
                try:
                    object.__setattr__(self, name, enum(value))
                except ValueError:
                    choices = ", ".join(member.value for member in enum)
                    raise FuzzyDateError(
                        f"'{value}' is not a date {name}; use one of: {choices}"
                    ) from None
        problem = self._problem()
        if problem is not None:
            raise FuzzyDateError(problem)

    def _problem(self) -> str | None:
        """Why the fields do not make a date, or None; the invariants in one place."""
        start, end, modifier = self.start, self.end, self.modifier
        if not isinstance(self.text, str):
            return "the text of a date must be a string"
        for part in (start, end):
            if part is not None and not isinstance(part, PartialDate):
                return "start and end must be PartialDate values"
        if modifier is DateModifier.TEXT_ONLY:
            if start is not None or end is not None:
                return "a text-only date has no start or end"
            if not self.text.strip():
                return "a text-only date needs its text"
            if self.quality is not DateQuality.REGULAR:
                return "a text-only date cannot be estimated or calculated"
            return None
        if start is None:
            return f"a '{modifier.value}' date needs a start"
        if modifier in (DateModifier.BETWEEN, DateModifier.SPAN):
            if end is None:
                return f"a '{modifier.value}' date needs an end"
            if end.last_day() < start.first_day():
                return f"the range ends ({end.format()}) before it starts ({start.format()})"
            return None
        if end is not None:
            return f"a '{modifier.value}' date has no end"
        if modifier is DateModifier.BEFORE and start.first_day() == datetime.date.min:
            return "there is no date before 1 Jan 0001"
        if modifier is DateModifier.AFTER and start.last_day() == datetime.date.max:
            return "there is no date after 31 Dec 9999"
        return None

    # -- construction ------------------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> FuzzyDate:
        """Read what a person typed; what is not understood is kept as text, never guessed.

        Raises FuzzyDateError only for blank text (there is nothing to keep).
        """
        stripped = cls._stripped(text)
        try:
            return _read(stripped)
        except (NotUnderstood, Impossible):
            return cls(DateModifier.TEXT_ONLY, text=stripped)

    @classmethod
    def parse_strict(cls, text: str) -> FuzzyDate:
        """Like ``parse`` but refuses text it would keep as text-only, saying why."""
        stripped = cls._stripped(text)
        try:
            return _read(stripped)
        except NotUnderstood as exc:
            # "'mid-1953' is not a date I can read: 'mid-1953' is not..." says nothing twice.
            said = "" if not exc.reason and exc.part == normalize(stripped) else f": {exc}"
            raise FuzzyDateError(f"'{stripped}' is not a date I can read{said}; {HINT}") from None
        except Impossible as exc:
            raise FuzzyDateError(f"'{stripped}' is not a date: {exc}") from None

    @classmethod
    def parse_optional(cls, text: str | None) -> FuzzyDate | None:
        """``parse`` for optional fields: None or blank means "no date"."""
        if text is None or (isinstance(text, str) and not text.strip()):
            return None
        return cls.parse(text)

    @staticmethod
    def _stripped(text: str) -> str:
        if not isinstance(text, str):
            raise FuzzyDateError(f"a date must be text, not {type(text).__name__}")
        stripped = text.strip()
        if not stripped:
            raise FuzzyDateError("the date is empty")
        return stripped

    @classmethod
    def exact(cls, year: int, month: int | None = None, day: int | None = None) -> FuzzyDate:
        return cls(DateModifier.NONE, start=PartialDate(year, month, day))

    @classmethod
    def from_date(cls, day: datetime.date) -> FuzzyDate:
        return cls.exact(day.year, day.month, day.day)

    def with_quality(self, quality: DateQuality | str) -> FuzzyDate:
        """The same date, estimated/calculated/regular (text-only dates stay regular)."""
        try:
            quality = DateQuality(quality)
        except ValueError:
            raise FuzzyDateError(f"'{quality}' is not a date quality") from None
        return replace(self, quality=quality)

    # -- display -----------------------------------------------------------------------------

    def format(self) -> str:
        """The canonical display; every qualifier shown, and ``parse`` reads it back."""
        # Kept on the (immutable) value: a list of 100,000 cases shows few distinct dates.
        shown: str | None = self.__dict__.get("_shown")
        if shown is None:
            shown = self._format()
            object.__setattr__(self, "_shown", shown)
        return shown

    def _format(self) -> str:
        if self.modifier is DateModifier.TEXT_ONLY:
            return self.text
        start = self._start()
        if self.modifier is DateModifier.NONE:
            core = start.format()
        elif self.modifier is DateModifier.BETWEEN:
            core = f"between {start.format()} and {self._end().format()}"
        elif self.modifier is DateModifier.SPAN:
            core = f"from {start.format()} to {self._end().format()}"
        else:
            core = f"{self.modifier.value} {start.format()}"
        if self.quality is DateQuality.REGULAR:
            return core
        return f"{self.quality.value} {core}"

    def __str__(self) -> str:
        return self.format()

    # -- bounds and ordering -----------------------------------------------------------------

    @property
    def earliest(self) -> datetime.date | None:
        """First day this date can denote; None when unbounded (or text-only)."""
        if self.modifier in (DateModifier.TEXT_ONLY, DateModifier.BEFORE):
            return None
        start = self._start()
        if self.modifier is DateModifier.AFTER:
            return start.last_day() + _ONE_DAY
        if self.modifier is DateModifier.ABOUT:
            return shift_years(start.first_day(), -ABOUT_MARGIN_YEARS)
        return start.first_day()

    @property
    def latest(self) -> datetime.date | None:
        """Last day this date can denote; None when unbounded (or text-only)."""
        if self.modifier in (DateModifier.TEXT_ONLY, DateModifier.AFTER):
            return None
        start = self._start()
        if self.modifier is DateModifier.BEFORE:
            return start.first_day() - _ONE_DAY
        if self.modifier is DateModifier.ABOUT:
            return shift_years(start.last_day(), ABOUT_MARGIN_YEARS)
        if self.modifier in (DateModifier.BETWEEN, DateModifier.SPAN):
            return self._end().last_day()
        return start.last_day()

    @property
    def earliest_key(self) -> int:
        """``earliest`` as yyyymmdd; KEY_MIN when unbounded, TEXT_ONLY_EARLIEST_KEY for text."""
        if self.modifier is DateModifier.TEXT_ONLY:
            return TEXT_ONLY_EARLIEST_KEY
        earliest = self.earliest
        return KEY_MIN if earliest is None else date_key(earliest)

    @property
    def latest_key(self) -> int:
        """``latest`` as yyyymmdd; KEY_MAX when unbounded, TEXT_ONLY_LATEST_KEY for text."""
        if self.modifier is DateModifier.TEXT_ONLY:
            return TEXT_ONLY_LATEST_KEY
        latest = self.latest
        return KEY_MAX if latest is None else date_key(latest)

    @property
    def sort_key(self) -> int:
        """``yyyymmdd * 100 + tie-break``, for chronological lists.

        The yyyymmdd part is the start's first day ("Nov 1950" -> 19501101); "before X" uses
        the day before X and "after X" the day after X, so they sort just before/after X and
        everything within it. On the same day "after" comes first, then the less precise
        before the more precise (1950 < Jan 1950 < 1 Jan 1950), then "before". ``sort_key //
        100`` always lies within ``earliest_key..latest_key``. Text-only dates sort last.
        """
        if self.modifier is DateModifier.TEXT_ONLY:
            return TEXT_ONLY_SORT_KEY
        start = self._start()
        if self.modifier is DateModifier.BEFORE:
            anchor, tie = start.first_day() - _ONE_DAY, 90 + start.precision
        elif self.modifier is DateModifier.AFTER:
            anchor, tie = start.last_day() + _ONE_DAY, start.precision
        else:
            anchor, tie = start.first_day(), 10 * start.precision + _SORT_RANK[self.modifier]
        return date_key(anchor) * 100 + tie

    def overlaps(self, start: datetime.date | None, end: datetime.date | None) -> bool:
        """Can this date fall within the closed range [start, end]? None means unbounded.

        Text-only dates overlap nothing: we cannot know when they were.
        """
        if self.modifier is DateModifier.TEXT_ONLY:
            return False
        if isinstance(start, datetime.datetime):
            start = start.date()
        if isinstance(end, datetime.datetime):
            end = end.date()
        if start is not None and end is not None and start > end:
            return False
        earliest, latest = self.earliest, self.latest
        if end is not None and earliest is not None and earliest > end:
            return False
        return not (start is not None and latest is not None and latest < start)

    def overlaps_date(self, other: FuzzyDate) -> bool:
        """Could the two dates be the same day? False if either is text-only."""
        if other.modifier is DateModifier.TEXT_ONLY:
            return False
        return self.overlaps(other.earliest, other.latest)

    def same_value(self, other: object) -> bool:
        """Equal as dates, whatever text was typed ("c. 1953" and "about 1953").

        Text-only dates have nothing but their text, so for them this is plain equality.
        """
        if not isinstance(other, FuzzyDate):
            return False
        if self.modifier is DateModifier.TEXT_ONLY or other.modifier is DateModifier.TEXT_ONLY:
            return self == other
        return (self.modifier, self.quality, self.start, self.end) == (
            other.modifier,
            other.quality,
            other.start,
            other.end,
        )

    # -- storage -----------------------------------------------------------------------------

    def to_json(self) -> str:
        """Compact, stable JSON (sorted keys, defaults left out, ASCII-only) for a TEXT column.

        ``{"mod":"about","start":[1953],"text":"c. 1953","v":1}``; parts are
        ``[year]``, ``[year, month]`` or ``[year, month, day]``.
        """
        data: dict[str, Any] = {"v": JSON_VERSION, "mod": self.modifier.value}
        if self.quality is not DateQuality.REGULAR:
            data["q"] = self.quality.value
        if self.start is not None:
            data["start"] = self.start._parts()
        if self.end is not None:
            data["end"] = self.end._parts()
        if self.text:
            data["text"] = self.text
        return json.dumps(data, separators=(",", ":"), sort_keys=True)

    @classmethod
    def from_json(cls, stored: str) -> FuzzyDate:
        """Read ``to_json`` output; anything else raises FuzzyDateError, never another error."""
        # Values are immutable, so one read of each stored text serves every row holding it.
        known = _READ.get(stored) if isinstance(stored, str) and cls is FuzzyDate else None
        if known is not None:
            return known
        value = cls._read_json(stored)
        if isinstance(stored, str) and cls is FuzzyDate:
            if len(_READ) >= _READ_MAX:
                _READ.clear()
            _READ[stored] = value
        return value

    @classmethod
    def _read_json(cls, stored: str) -> FuzzyDate:
        try:
            data = json.loads(stored) if isinstance(stored, str | bytes) else None
        except (ValueError, RecursionError):  # JSONDecodeError, too many digits, bad UTF-8
            data = None
        if not isinstance(data, dict):
            raise FuzzyDateError(f"stored date is not a JSON object: {preview(stored)}")
        problem = json_problem(data)
        if problem is not None:
            raise FuzzyDateError(f"stored date {preview(stored)} is invalid: {problem}")
        try:
            return cls(
                DateModifier(data["mod"]),
                DateQuality(data.get("q", DateQuality.REGULAR.value)),
                json_part(data.get("start")),
                json_part(data.get("end")),
                data.get("text", ""),
            )
        except FuzzyDateError as exc:
            raise FuzzyDateError(f"stored date {preview(stored)} is invalid: {exc}") from None

    # -- helpers -----------------------------------------------------------------------------

    def _start(self) -> PartialDate:
        if self.start is None:  # excluded by __post_init__ for every modifier that asks
            raise FuzzyDateError(f"a '{self.modifier.value}' date has no start")
        return self.start

    def _end(self) -> PartialDate:
        if self.end is None:
            raise FuzzyDateError(f"a '{self.modifier.value}' date has no end")
        return self.end


#: Stored texts already read by ``from_json`` (bounded: cleared when full).
_READ: dict[str, FuzzyDate] = {}
_READ_MAX: Final = 20_000
