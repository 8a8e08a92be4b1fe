"""Reading a date as a person typed it into its modifier, quality, start and end.

Kept apart from ``FuzzyDate`` (which builds the value and says what a refusal means) because
the patterns and their order are a job of their own. The reading conventions are set out in
the docstring of ``core.fuzzydate``. Nothing is guessed: text without a known shape raises
``NotUnderstood``, a known shape naming a day that cannot exist raises ``Impossible``.
"""

from __future__ import annotations

import re
from typing import Final

from powmia_desktop.core.date_kinds import DateModifier, DateQuality
from powmia_desktop.core.partial_date import MONTH_NAMES, PartialDate, date_problem

__all__ = ["HINT", "MAX_DATE_LENGTH", "Impossible", "NotUnderstood", "normalize", "read"]

#: Longer text is not read as a date at all (it is kept as text): the longest form,
#: "estimated between 26th of September 1950 and 30th of November 1953", is 67 characters,
#: and capping the length keeps reading pasted paragraphs cheap.
MAX_DATE_LENGTH: Final = 120
# English on purpose: calendar.month_name follows the process locale.
_MONTH_WORDS: Final[dict[str, int]] = {
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)},
    **{name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, 1)},
    "sept": 9,
}
# All patterns run on normalize()d text: lower case, ASCII-only \d and \s,
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
HINT: Final = (
    "try forms such as '4 Nov 1950', 'Nov 1950', 'about 1953', 'before 1960', "
    "'between 1954 and 1957' or 'from 1996 to 2005'"
)


class NotUnderstood(Exception):
    """The text has no date shape we know (becomes text-only, never a guess).

    ``reason`` is empty when the only thing to say is that ``part`` is not a date form.
    """

    def __init__(self, reason: str = "", part: str = "") -> None:
        super().__init__(reason or f"'{part}' is not a date form I know")
        self.reason, self.part = reason, part


class Impossible(Exception):
    """The text has a date shape but names a day or range that cannot exist."""


def normalize(text: str) -> str:
    text = text.lower().translate(_PUNCTUATION)
    text = _DOT_AFTER_LETTER.sub(" ", text)
    return " ".join(text.split())


def _partial(year: int, month: int | None, day: int | None) -> PartialDate:
    problem = date_problem(year, month, day)
    if problem is not None:
        raise Impossible(problem)
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
                raise NotUnderstood(f"'{groups['mon']}' is not a month")
        else:
            month = None if groups.get("m") is None else int(groups["m"])
        day = None if groups.get("d") is None else int(groups["d"])
        return _partial(int(groups["y"]), month, day)
    if _DECADE.search(part):
        raise NotUnderstood(
            "a decade such as '1950s' is kept as text; for a searchable date write "
            "'between 1950 and 1959'"
        )
    if not _BARE_YEAR.search(part):
        raise NotUnderstood(f"'{part}' has no four-digit year (two-digit years are not guessed)")
    raise NotUnderstood(part=part)


def _dash_range(text: str) -> tuple[PartialDate, PartialDate]:
    """Read "A-B" with A and B dates, or B the last digits of A's year ("1954-7").

    Every hyphen is tried as the separator; exactly one must give two dates, otherwise the
    text is ambiguous and not read.
    """
    found: list[tuple[PartialDate, PartialDate]] = []
    impossible: Impossible | None = None
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
        except NotUnderstood:
            continue
        except Impossible as exc:
            impossible = exc
            continue
        found.append((start, end))
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise NotUnderstood("it can be split into two dates in more than one way")
    if impossible is not None:
        raise impossible
    raise NotUnderstood(part=text)


def _two_dates(body: str, joiner: re.Pattern[str], shape: str) -> tuple[PartialDate, PartialDate]:
    """Start and end of "between A and B" / "from A to B" (or "A-B" after the keyword)."""
    match = joiner.fullmatch(body)
    if match is None:
        if "-" not in body:
            raise NotUnderstood(f"a range needs two dates, as in '{shape}'")
        return _dash_range(body)
    return _simple(match["a"]), _simple(match["b"])


def read(text: str) -> tuple[DateModifier, DateQuality, PartialDate, PartialDate | None]:
    """Modifier, quality, start and end of stripped, non-blank ``text``.

    Raises NotUnderstood or Impossible. Whether the parts make a date (a range that ends
    before it starts, "before 1 Jan 0001") is for ``FuzzyDate`` to say.
    """
    if len(text) > MAX_DATE_LENGTH:
        raise NotUnderstood(f"it is longer than {MAX_DATE_LENGTH} characters")
    body = normalize(text)
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
        except NotUnderstood as not_simple:
            if "-" not in body:
                raise
            try:
                start, end = _dash_range(body)
            except NotUnderstood:
                raise not_simple from None
            modifier = DateModifier.SPAN
    else:
        start = _simple(body)
    return modifier, quality, start, end
