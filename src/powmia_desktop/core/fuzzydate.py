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

import calendar
import datetime
import json
import re
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any, Final

from powmia_desktop.core.errors import ValidationError

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
#: Longer text is not read as a date at all (it is kept as text): the longest form,
#: "estimated between 26th of September 1950 and 30th of November 1953", is 67 characters,
#: and capping the length keeps reading pasted paragraphs cheap.
MAX_DATE_LENGTH: Final = 120
#: ``sort_key`` is ``yyyymmdd * 100 + tie-break``; text-only dates sort after everything.
TEXT_ONLY_SORT_KEY: Final = 99999999_99

_ONE_DAY: Final = datetime.timedelta(days=1)
_MONTH_NAMES: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# English on purpose: calendar.month_name follows the process locale.
_MONTH_WORDS: Final[dict[str, int]] = {
    **{name.lower(): number for number, name in enumerate(_MONTH_NAMES, 1)},
    **{name[:3].lower(): number for number, name in enumerate(_MONTH_NAMES, 1)},
    "sept": 9,
}


def date_key(day: datetime.date) -> int:
    """A day as the ``yyyymmdd`` integer used by the key columns (for query bounds too)."""
    return day.year * 10000 + day.month * 100 + day.day


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _date_problem(year: int, month: int | None, day: int | None) -> str | None:
    """Why (year, month, day) is not a date, in words, or None if it is one."""
    if not 1 <= year <= 9999:
        return f"year {year} is outside 1-9999"
    if month is None:
        return None if day is None else "a day needs a month"
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if day is None:
        return None
    length = _days_in_month(year, month)
    if 1 <= day <= length:
        return None
    if day < 1:
        return f"there is no day {day}"
    if month == 2 and day == 29:
        return f"February {year:04d} has 28 days ({year:04d} is not a leap year)"
    if month == 2:
        return "February has at most 29 days"
    return f"{_MONTH_NAMES[month - 1]} has {length} days"


def _shift_years(day: datetime.date, years: int) -> datetime.date:
    """Same month and day ``years`` later, clamped to the calendar (29 Feb -> 28 Feb)."""
    year = day.year + years
    if year < datetime.MINYEAR:
        return datetime.date.min
    if year > datetime.MAXYEAR:
        return datetime.date.max
    return datetime.date(year, day.month, min(day.day, _days_in_month(year, day.month)))


@dataclass(frozen=True, order=False)
class PartialDate:
    """A year, a month of a year, or a day: the later parts are optional, never guessed."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not _is_int(self.year) or not all(
            part is None or _is_int(part) for part in (self.month, self.day)
        ):
            raise FuzzyDateError(
                f"year, month and day must be whole numbers, not {self.year!r}, "
                f"{self.month!r}, {self.day!r}"
            )
        problem = _date_problem(self.year, self.month, self.day)
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
        return datetime.date(self.year, month, self.day or _days_in_month(self.year, month))

    def format(self) -> str:
        """Display as 4 Nov 1950, Nov 1950 or 1950; years below 1000 keep four digits (0950)."""
        year = f"{self.year:04d}"
        if self.month is None:
            return year
        month = _MONTH_NAMES[self.month - 1][:3]
        return f"{month} {year}" if self.day is None else f"{self.day} {month} {year}"

    def __str__(self) -> str:
        return self.format()

    def _parts(self) -> list[int]:
        return [p for p in (self.year, self.month, self.day) if p is not None]


# ---------------------------------------------------------------------------------------------
# Reading text. All patterns run on _normalize()d text: lower case, ASCII-only \d and \s,
# commas and dots after letters turned into spaces, all dashes turned into "-".

#: All dashes become "-" (so "1954–1957" is "1954-1957"); commas are only spacing.
_PUNCTUATION: Final = str.maketrans(
    {**dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"), ",": " "}
)
_DOT_AFTER_LETTER: Final = re.compile(r"(?<=[a-z])\.", re.ASCII)
_ORDINAL: Final = r"(?:st|nd|rd|th)?"
#: One partial date; tried in order. Named groups: y (year), m (month number), mon (month
#: word), d (day).
_FORMS: Final = tuple(
    re.compile(pattern, re.ASCII)
    for pattern in (
        r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})",  # 1950-11-04
        r"(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])",  # 1950-11 (ISO; "1954-7" is a span)
        r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})",  # 11/4/1950, US order
        r"(?P<m>\d{1,2})/(?P<y>\d{4})",  # 11/1950
        rf"(?P<d>\d{{1,2}}){_ORDINAL}(?: of)?[ -](?P<mon>[a-z]+)[ -](?P<y>\d{{4}})",  # 4 Nov 1950
        rf"(?P<mon>[a-z]+) (?P<d>\d{{1,2}}){_ORDINAL} (?P<y>\d{{4}})",  # Nov 4 1950
        r"(?P<mon>[a-z]+) (?P<y>\d{4})",  # Nov 1950
        r"(?P<y>\d{4})",  # 1950
    )
)
_QUALITY_PREFIX: Final = re.compile(
    r"(?:(?P<estimated>estimated|est)|(?P<calculated>calculated|calc))\b ?", re.ASCII
)
_MODIFIER_PREFIX: Final = re.compile(
    r"(?:(?P<between>between|betw|bet|btw)"
    r"|(?P<span>from)"
    r"|(?P<before>before|bef)"
    r"|(?P<after>after|aft)"
    r"|(?P<about>about|abt|approximately|approx|around|circa|ca|c))\b ?"
    r"|(?P<tilde>~) ?",
    re.ASCII,
)
_PREFIX_MODIFIERS: Final = {
    "between": DateModifier.BETWEEN,
    "span": DateModifier.SPAN,
    "before": DateModifier.BEFORE,
    "after": DateModifier.AFTER,
    "about": DateModifier.ABOUT,
    "tilde": DateModifier.ABOUT,
}
_AND: Final = re.compile(r"(?P<a>.+?) (?:and|&) (?P<b>.+)", re.ASCII)
_TO: Final = re.compile(r"(?P<a>.+?) (?:to|until|till|til|through|thru) (?P<b>.+)", re.ASCII)
_BARE_YEAR: Final = re.compile(r"\d{4}", re.ASCII)
_YEAR_TAIL: Final = re.compile(r"\d{1,2}", re.ASCII)
_DECADE: Final = re.compile(r"\d{3}0 ?'?s\b", re.ASCII)
_HINT: Final = (
    "try forms such as '4 Nov 1950', 'Nov 1950', 'about 1953', 'before 1960', "
    "'between 1954 and 1957' or 'from 1996 to 2005'"
)


class _NotUnderstood(Exception):
    """The text has no date shape we know (becomes text-only, never a guess).

    ``reason`` is empty when the only thing to say is that ``part`` is not a date form.
    """

    def __init__(self, reason: str = "", part: str = "") -> None:
        super().__init__(reason or f"'{part}' is not a date form I know")
        self.reason, self.part = reason, part


class _Impossible(Exception):
    """The text has a date shape but names a day or range that cannot exist."""


def _normalize(text: str) -> str:
    text = text.lower().translate(_PUNCTUATION)
    text = _DOT_AFTER_LETTER.sub(" ", text)
    return " ".join(text.split())


def _partial(year: int, month: int | None, day: int | None) -> PartialDate:
    problem = _date_problem(year, month, day)
    if problem is not None:
        raise _Impossible(problem)
    return PartialDate(year, month, day)


def _simple(part: str) -> PartialDate:
    """One partial date in one of ``_FORMS``."""
    for form in _FORMS:
        match = form.fullmatch(part)
        if match is None:
            continue
        groups = match.groupdict()
        month: int | None
        if groups.get("mon") is not None:
            month = _MONTH_WORDS.get(groups["mon"])
            if month is None:
                raise _NotUnderstood(f"'{groups['mon']}' is not a month")
        else:
            month = None if groups.get("m") is None else int(groups["m"])
        day = None if groups.get("d") is None else int(groups["d"])
        return _partial(int(groups["y"]), month, day)
    if _DECADE.search(part):
        raise _NotUnderstood(
            "a decade such as '1950s' is kept as text; for a searchable date write "
            "'between 1950 and 1959'"
        )
    if not _BARE_YEAR.search(part):
        raise _NotUnderstood(f"'{part}' has no four-digit year (two-digit years are not guessed)")
    raise _NotUnderstood(part=part)


def _dash_range(text: str) -> tuple[PartialDate, PartialDate]:
    """Read "A-B" with A and B dates, or B the last digits of A's year ("1954-7").

    Every hyphen is tried as the separator; exactly one must give two dates, otherwise the
    text is ambiguous and not read.
    """
    found: list[tuple[PartialDate, PartialDate]] = []
    impossible: _Impossible | None = None
    for index, char in enumerate(text):
        if char != "-":
            continue
        left, right = text[:index].strip(), text[index + 1 :].strip()
        try:
            start = _simple(left)
            if _BARE_YEAR.fullmatch(left) and _YEAR_TAIL.fullmatch(right):
                end = _partial(int(left[: 4 - len(right)] + right), None, None)
            else:
                end = _simple(right)
        except _NotUnderstood:
            continue
        except _Impossible as exc:
            impossible = exc
            continue
        found.append((start, end))
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise _NotUnderstood("it can be split into two dates in more than one way")
    if impossible is not None:
        raise impossible
    raise _NotUnderstood(part=text)


def _two_dates(body: str, joiner: re.Pattern[str], shape: str) -> tuple[PartialDate, PartialDate]:
    """Start and end of "between A and B" / "from A to B" (or "A-B" after the keyword)."""
    match = joiner.fullmatch(body)
    if match is None:
        if "-" not in body:
            raise _NotUnderstood(f"a range needs two dates, as in '{shape}'")
        return _dash_range(body)
    return _simple(match["a"]), _simple(match["b"])


def _read(text: str) -> FuzzyDate:
    """Read stripped, non-blank ``text``; raises _NotUnderstood or _Impossible."""
    if len(text) > MAX_DATE_LENGTH:
        raise _NotUnderstood(f"it is longer than {MAX_DATE_LENGTH} characters")
    body = _normalize(text)
    quality = DateQuality.REGULAR
    if (match := _QUALITY_PREFIX.match(body)) is not None:
        quality = DateQuality.CALCULATED if match["calculated"] else DateQuality.ESTIMATED
        body = body[match.end() :]
    modifier = DateModifier.NONE
    if (match := _MODIFIER_PREFIX.match(body)) is not None and match.lastgroup is not None:
        modifier = _PREFIX_MODIFIERS[match.lastgroup]
        body = body[match.end() :]
    end: PartialDate | None = None
    if modifier is DateModifier.BETWEEN:
        start, end = _two_dates(body, _AND, "between 1954 and 1957")
    elif modifier is DateModifier.SPAN:
        start, end = _two_dates(body, _TO, "from 1996 to 2005")
    elif modifier is DateModifier.NONE:
        try:
            start = _simple(body)
        except _NotUnderstood as not_simple:
            if "-" not in body:
                raise
            try:
                start, end = _dash_range(body)
            except _NotUnderstood:
                raise not_simple from None
            modifier = DateModifier.SPAN
    else:
        start = _simple(body)
    try:
        return FuzzyDate(modifier, quality, start, end, text)
    except FuzzyDateError as exc:  # a reversed range, "before 1 Jan 0001"...
        raise _Impossible(str(exc)) from None


# ---------------------------------------------------------------------------------------------

_JSON_VERSION: Final = 1
_JSON_KEYS: Final = frozenset({"v", "mod", "q", "start", "end", "text"})
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
        except (_NotUnderstood, _Impossible):
            return cls(DateModifier.TEXT_ONLY, text=stripped)

    @classmethod
    def parse_strict(cls, text: str) -> FuzzyDate:
        """Like ``parse`` but refuses text it would keep as text-only, saying why."""
        stripped = cls._stripped(text)
        try:
            return _read(stripped)
        except _NotUnderstood as exc:
            # "'mid-1953' is not a date I can read: 'mid-1953' is not..." says nothing twice.
            said = "" if not exc.reason and exc.part == _normalize(stripped) else f": {exc}"
            raise FuzzyDateError(f"'{stripped}' is not a date I can read{said}; {_HINT}") from None
        except _Impossible as exc:
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
            return _shift_years(start.first_day(), -ABOUT_MARGIN_YEARS)
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
            return _shift_years(start.last_day(), ABOUT_MARGIN_YEARS)
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
        data: dict[str, Any] = {"v": _JSON_VERSION, "mod": self.modifier.value}
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
            raise FuzzyDateError(f"stored date is not a JSON object: {_preview(stored)}")
        problem = _json_problem(data)
        if problem is not None:
            raise FuzzyDateError(f"stored date {_preview(stored)} is invalid: {problem}")
        try:
            return cls(
                DateModifier(data["mod"]),
                DateQuality(data.get("q", DateQuality.REGULAR.value)),
                _json_part(data.get("start")),
                _json_part(data.get("end")),
                data.get("text", ""),
            )
        except FuzzyDateError as exc:
            raise FuzzyDateError(f"stored date {_preview(stored)} is invalid: {exc}") from None

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


def _preview(stored: object) -> str:
    text = repr(stored)
    return text if len(text) <= 80 else text[:77] + "..."


def _json_problem(data: dict[Any, Any]) -> str | None:
    """Shape check of decoded JSON, so only FuzzyDateError can come out of ``from_json``."""
    unknown = set(data) - _JSON_KEYS
    if unknown:
        return f"unknown keys {sorted(map(str, unknown))}"
    version = data.get("v")
    if not _is_int(version) or version != _JSON_VERSION:
        return f"unsupported version {version!r}"
    modifier, quality = data.get("mod"), data.get("q", DateQuality.REGULAR.value)
    if not isinstance(modifier, str) or modifier not in {m.value for m in DateModifier}:
        return f"unknown modifier {modifier!r}"
    if not isinstance(quality, str) or quality not in {q.value for q in DateQuality}:
        return f"unknown quality {quality!r}"
    if not isinstance(data.get("text", ""), str):
        return "text must be a string"
    for key in ("start", "end"):
        part = data.get(key)
        if part is None:
            continue
        if not isinstance(part, list) or not 1 <= len(part) <= 3 or not all(map(_is_int, part)):
            return f"{key} must be [year], [year, month] or [year, month, day]"
    return None


def _json_part(parts: list[int] | None) -> PartialDate | None:
    return None if parts is None else PartialDate(*parts)
