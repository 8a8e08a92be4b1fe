"""Examples of FuzzyDate: the forms people type, what they mean, and how they print."""

import datetime
import json
import random
import re

import pytest

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.fuzzydate import (
    KEY_MAX,
    KEY_MIN,
    TEXT_ONLY_EARLIEST_KEY,
    TEXT_ONLY_LATEST_KEY,
    DateModifier,
    DateQuality,
    FuzzyDate,
    FuzzyDateError,
    PartialDate,
    date_key,
)

D = datetime.date
M = DateModifier
Q = DateQuality
P = PartialDate

# (typed, modifier, quality, start, end, canonical format)
PARSED = [
    ("1950-11-04", M.NONE, Q.REGULAR, P(1950, 11, 4), None, "4 Nov 1950"),
    ("1950-11", M.NONE, Q.REGULAR, P(1950, 11), None, "Nov 1950"),
    ("4 Nov 1950", M.NONE, Q.REGULAR, P(1950, 11, 4), None, "4 Nov 1950"),
    ("4 November 1950", M.NONE, Q.REGULAR, P(1950, 11, 4), None, "4 Nov 1950"),
    ("November 4, 1950", M.NONE, Q.REGULAR, P(1950, 11, 4), None, "4 Nov 1950"),
    ("Nov 4 1950", M.NONE, Q.REGULAR, P(1950, 11, 4), None, "4 Nov 1950"),
    ("Nov. 1950", M.NONE, Q.REGULAR, P(1950, 11), None, "Nov 1950"),
    ("November 1950", M.NONE, Q.REGULAR, P(1950, 11), None, "Nov 1950"),
    ("11/4/1950", M.NONE, Q.REGULAR, P(1950, 11, 4), None, "4 Nov 1950"),  # US: M/D/Y
    ("11/1950", M.NONE, Q.REGULAR, P(1950, 11), None, "Nov 1950"),
    ("1950", M.NONE, Q.REGULAR, P(1950), None, "1950"),
    ("Oct 2006", M.NONE, Q.REGULAR, P(2006, 10), None, "Oct 2006"),
    ("26 Feb 1954", M.NONE, Q.REGULAR, P(1954, 2, 26), None, "26 Feb 1954"),
    ("4-NOV-1950", M.NONE, Q.REGULAR, P(1950, 11, 4), None, "4 Nov 1950"),
    ("Sept. 5th, 1950", M.NONE, Q.REGULAR, P(1950, 9, 5), None, "5 Sep 1950"),
    ("4th of November 1950", M.NONE, Q.REGULAR, P(1950, 11, 4), None, "4 Nov 1950"),
    ("  NOVEMBER   4 ,  1950 ", M.NONE, Q.REGULAR, P(1950, 11, 4), None, "4 Nov 1950"),
    ("29 Feb 1952", M.NONE, Q.REGULAR, P(1952, 2, 29), None, "29 Feb 1952"),
    ("0950", M.NONE, Q.REGULAR, P(950), None, "0950"),
    ("c. 1953", M.ABOUT, Q.REGULAR, P(1953), None, "about 1953"),
    ("ca. 1953", M.ABOUT, Q.REGULAR, P(1953), None, "about 1953"),
    ("circa 1953", M.ABOUT, Q.REGULAR, P(1953), None, "about 1953"),
    ("abt 1953", M.ABOUT, Q.REGULAR, P(1953), None, "about 1953"),
    ("about 1953", M.ABOUT, Q.REGULAR, P(1953), None, "about 1953"),
    ("approx. 1953", M.ABOUT, Q.REGULAR, P(1953), None, "about 1953"),
    ("~1953", M.ABOUT, Q.REGULAR, P(1953), None, "about 1953"),
    ("About Nov 1950", M.ABOUT, Q.REGULAR, P(1950, 11), None, "about Nov 1950"),
    ("before 1960", M.BEFORE, Q.REGULAR, P(1960), None, "before 1960"),
    ("bef. 1960", M.BEFORE, Q.REGULAR, P(1960), None, "before 1960"),
    ("before 1923", M.BEFORE, Q.REGULAR, P(1923), None, "before 1923"),
    ("after 1954", M.AFTER, Q.REGULAR, P(1954), None, "after 1954"),
    ("aft 1954", M.AFTER, Q.REGULAR, P(1954), None, "after 1954"),
    ("AFT. 4 Nov 1950", M.AFTER, Q.REGULAR, P(1950, 11, 4), None, "after 4 Nov 1950"),
    ("1954-1957", M.SPAN, Q.REGULAR, P(1954), P(1957), "from 1954 to 1957"),
    ("1954–1957", M.SPAN, Q.REGULAR, P(1954), P(1957), "from 1954 to 1957"),
    ("1954 - 1957", M.SPAN, Q.REGULAR, P(1954), P(1957), "from 1954 to 1957"),
    ("1954-7", M.SPAN, Q.REGULAR, P(1954), P(1957), "from 1954 to 1957"),
    ("1954-57", M.SPAN, Q.REGULAR, P(1954), P(1957), "from 1954 to 1957"),
    ("between 1954 and 1957", M.BETWEEN, Q.REGULAR, P(1954), P(1957), "between 1954 and 1957"),
    ("bet 1954 and 1957", M.BETWEEN, Q.REGULAR, P(1954), P(1957), "between 1954 and 1957"),
    ("between 1954-1957", M.BETWEEN, Q.REGULAR, P(1954), P(1957), "between 1954 and 1957"),
    ("from 1996 to 2005", M.SPAN, Q.REGULAR, P(1996), P(2005), "from 1996 to 2005"),
    ("from 1996 until 2005", M.SPAN, Q.REGULAR, P(1996), P(2005), "from 1996 to 2005"),
    ("from 1996-2005", M.SPAN, Q.REGULAR, P(1996), P(2005), "from 1996 to 2005"),
    (
        "from 5 Aug 1953 to 6 Sep 1953",
        M.SPAN,
        Q.REGULAR,
        P(1953, 8, 5),
        P(1953, 9, 6),
        "from 5 Aug 1953 to 6 Sep 1953",
    ),
    (
        "between Nov 1950 and Feb 1951",
        M.BETWEEN,
        Q.REGULAR,
        P(1950, 11),
        P(1951, 2),
        "between Nov 1950 and Feb 1951",
    ),
    (
        "1950-11-04 – 1950-11-06",
        M.SPAN,
        Q.REGULAR,
        P(1950, 11, 4),
        P(1950, 11, 6),
        "from 4 Nov 1950 to 6 Nov 1950",
    ),
    ("estimated 1953", M.NONE, Q.ESTIMATED, P(1953), None, "estimated 1953"),
    ("est. 1953", M.NONE, Q.ESTIMATED, P(1953), None, "estimated 1953"),
    ("calculated 1954", M.NONE, Q.CALCULATED, P(1954), None, "calculated 1954"),
    ("calc 1954", M.NONE, Q.CALCULATED, P(1954), None, "calculated 1954"),
    ("estimated about 1953", M.ABOUT, Q.ESTIMATED, P(1953), None, "estimated about 1953"),
    ("est. c. 1953", M.ABOUT, Q.ESTIMATED, P(1953), None, "estimated about 1953"),
    (
        "calc between 1954 and 1957",
        M.BETWEEN,
        Q.CALCULATED,
        P(1954),
        P(1957),
        "calculated between 1954 and 1957",
    ),
]

#: Kept as text by ``parse``: not understood, never guessed.
NOT_UNDERSTOOD = [
    "mid-1953",
    "early 1950s",
    "1950s",
    "4 Nov 50",
    "11/4/50",
    "Nov 50",
    "50",
    "c1953",
    "from 1996",
    "between 1954",
    "between foo and 1957",
    "Spring 1951",
    "4.11.1950",
    "11-4-1950",
    "about before 1950",
    "estimated mid-1953",
    "Smarch 1950",
    "unknown",
]

#: Date-shaped but impossible: text in ``parse``, an error naming the problem in strict.
IMPOSSIBLE = [
    ("Nov 31 1950", "November has 30 days"),
    ("31 Nov 1950", "November has 30 days"),
    ("29 Feb 1951", "1951 is not a leap year"),
    ("1950-02-30", "February has at most 29 days"),
    ("13/1/1950", "no month 13"),
    ("1950-11-00", "no day 0"),
    ("1957-1954", "ends (1954) before it starts (1957)"),
    ("between 1957 and 1954", "ends (1954) before it starts (1957)"),
    ("from 6 Sep 1953 to 5 Aug 1953", "before it starts"),
    ("1958-2", "ends (1952) before it starts (1958)"),
    ("before 0001", "no date before 1 Jan 0001"),
    ("after 31 Dec 9999", "no date after 31 Dec 9999"),
    ("0000", "year 0 is outside 1-9999"),
]


@pytest.mark.parametrize(("typed", "modifier", "quality", "start", "end", "shown"), PARSED)
def test_parse_forms(
    typed: str,
    modifier: DateModifier,
    quality: DateQuality,
    start: PartialDate,
    end: PartialDate | None,
    shown: str,
) -> None:
    date = FuzzyDate.parse(typed)
    assert (date.modifier, date.quality, date.start, date.end) == (modifier, quality, start, end)
    assert date.text == typed.strip()
    assert date.format() == shown
    assert str(date) == shown
    assert FuzzyDate.parse_strict(typed) == date
    assert FuzzyDate.parse(shown).same_value(date)


@pytest.mark.parametrize("typed", NOT_UNDERSTOOD)
def test_not_understood_is_kept_as_text(typed: str) -> None:
    date = FuzzyDate.parse(typed)
    assert date == FuzzyDate(DateModifier.TEXT_ONLY, text=typed)
    assert date.format() == typed
    with pytest.raises(FuzzyDateError, match="is not a date I can read"):
        FuzzyDate.parse_strict(typed)


def test_long_text_is_kept_as_text_and_read_quickly() -> None:
    for long_text in ["a-" * 50_000, "1950-" * 20_000, "between " + "1950 and " * 10_000]:
        date = FuzzyDate.parse(long_text)
        assert date.modifier is DateModifier.TEXT_ONLY and date.text == long_text.strip()
        with pytest.raises(FuzzyDateError, match="longer than"):
            FuzzyDate.parse_strict(long_text)
    longest = "estimated between 26th of September 1950 and 30th of November 1953"
    assert (
        FuzzyDate.parse_strict(longest).format() == "estimated between 26 Sep 1950 and 30 Nov 1953"
    )


def test_text_only_keeps_inner_spacing_but_strips_ends() -> None:
    assert FuzzyDate.parse("  early   1950s \n").text == "early   1950s"


@pytest.mark.parametrize(("typed", "problem"), IMPOSSIBLE)
def test_impossible_dates(typed: str, problem: str) -> None:
    assert FuzzyDate.parse(typed).modifier is DateModifier.TEXT_ONLY
    with pytest.raises(FuzzyDateError, match=re.escape(problem)) as caught:
        FuzzyDate.parse_strict(typed)
    assert str(caught.value).startswith(f"'{typed}' is not a date")


def test_error_message_example_from_the_brief() -> None:
    with pytest.raises(FuzzyDateError) as caught:
        FuzzyDate.parse_strict("Nov 31 1950")
    assert str(caught.value) == "'Nov 31 1950' is not a date: November has 30 days"


def test_strict_messages_say_what_was_not_understood() -> None:
    with pytest.raises(FuzzyDateError, match="two-digit years are not guessed"):
        FuzzyDate.parse_strict("4 Nov 50")
    with pytest.raises(FuzzyDateError, match="'smarch' is not a month"):
        FuzzyDate.parse_strict("Smarch 1950")
    with pytest.raises(FuzzyDateError, match="decade"):
        FuzzyDate.parse_strict("early 1950s")
    with pytest.raises(FuzzyDateError, match="'from 1996 to 2005'"):
        FuzzyDate.parse_strict("from 1996")


def test_errors_are_validation_errors() -> None:
    assert issubclass(FuzzyDateError, ValidationError)
    assert issubclass(FuzzyDateError, ValueError)


@pytest.mark.parametrize("blank", ["", "   ", "\t\n", "\u00a0"])
def test_blank_text(blank: str) -> None:
    with pytest.raises(FuzzyDateError, match="empty"):
        FuzzyDate.parse(blank)
    with pytest.raises(FuzzyDateError, match="empty"):
        FuzzyDate.parse_strict(blank)
    assert FuzzyDate.parse_optional(blank) is None


def test_parse_optional() -> None:
    assert FuzzyDate.parse_optional(None) is None
    assert FuzzyDate.parse_optional(" 1950 ") == FuzzyDate.parse("1950")
    assert FuzzyDate.parse_optional("mid-1953") == FuzzyDate.parse("mid-1953")


# -- PartialDate ---------------------------------------------------------------------------------


def test_partial_date_days_and_format() -> None:
    assert (P(1950).first_day(), P(1950).last_day()) == (D(1950, 1, 1), D(1950, 12, 31))
    assert (P(1952, 2).first_day(), P(1952, 2).last_day()) == (D(1952, 2, 1), D(1952, 2, 29))
    assert P(1951, 2).last_day() == D(1951, 2, 28)
    assert P(1950, 11, 4).first_day() == P(1950, 11, 4).last_day() == D(1950, 11, 4)
    assert [P(1950, 11, 4).format(), P(1950, 11).format(), P(1950).format()] == [
        "4 Nov 1950",
        "Nov 1950",
        "1950",
    ]


@pytest.mark.parametrize(
    ("year", "month", "day", "problem"),
    [
        (0, None, None, "outside 1-9999"),
        (10000, None, None, "outside 1-9999"),
        (1950, 0, None, "no month 0"),
        (1950, 13, None, "no month 13"),
        (1950, None, 4, "a day needs a month"),
        (1950, 11, 31, "November has 30 days"),
        (1900, 2, 29, "1900 is not a leap year"),
        (1950, 1, 0, "no day 0"),
        (True, None, None, "whole numbers"),
        (1950.0, None, None, "whole numbers"),
        ("1950", None, None, "whole numbers"),
    ],
)
def test_partial_date_validation(year: object, month: object, day: object, problem: str) -> None:
    with pytest.raises(FuzzyDateError, match=problem):
        PartialDate(year, month, day)  # type: ignore[arg-type]


def test_partial_date_leap_day_2000() -> None:
    assert P(2000, 2, 29).first_day() == D(2000, 2, 29)


# -- FuzzyDate invariants and constructors -------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"modifier": M.TEXT_ONLY, "text": ""}, "needs its text"),
        ({"modifier": M.TEXT_ONLY, "text": "   "}, "needs its text"),
        ({"modifier": M.TEXT_ONLY, "text": "x", "start": P(1950)}, "no start or end"),
        ({"modifier": M.TEXT_ONLY, "text": "x", "quality": Q.ESTIMATED}, "cannot be estimated"),
        ({"modifier": M.NONE}, "needs a start"),
        ({"modifier": M.ABOUT, "start": P(1950), "end": P(1951)}, "has no end"),
        ({"modifier": M.BETWEEN, "start": P(1950)}, "needs an end"),
        ({"modifier": M.SPAN, "start": P(1951), "end": P(1950)}, "before it starts"),
        ({"modifier": "sometime", "start": P(1950)}, "not a date modifier"),
        ({"modifier": M.NONE, "start": P(1950), "quality": "guessed"}, "not a date quality"),
        ({"modifier": M.NONE, "start": (1950,)}, "PartialDate"),
    ],
)
def test_invariants(kwargs: dict[str, object], problem: str) -> None:
    with pytest.raises(FuzzyDateError, match=problem):
        FuzzyDate(**kwargs)  # type: ignore[arg-type]


def test_enum_strings_are_coerced() -> None:
    date = FuzzyDate("about", "estimated", P(1953))  # type: ignore[arg-type]
    assert date.modifier is M.ABOUT and date.quality is Q.ESTIMATED


def test_ranges_may_share_a_period() -> None:
    """End may be less precise than start, as long as it does not lie wholly before it."""
    date = FuzzyDate(M.BETWEEN, start=P(1950, 11, 4), end=P(1950, 11))
    assert (date.earliest, date.latest) == (D(1950, 11, 4), D(1950, 11, 30))
    assert FuzzyDate.parse("from 1950 to 1950").same_value(
        FuzzyDate(M.SPAN, start=P(1950), end=P(1950))
    )


def test_exact_and_from_date() -> None:
    assert FuzzyDate.exact(1950) == FuzzyDate(M.NONE, start=P(1950))
    assert FuzzyDate.exact(1950, 11, 4).format() == "4 Nov 1950"
    assert FuzzyDate.from_date(D(1950, 11, 4)) == FuzzyDate.exact(1950, 11, 4)
    assert FuzzyDate.from_date(datetime.datetime(1950, 11, 4, 13, 5)) == FuzzyDate.exact(
        1950, 11, 4
    )
    with pytest.raises(FuzzyDateError):
        FuzzyDate.exact(1950, 2, 30)


def test_with_quality() -> None:
    date = FuzzyDate.parse("about 1953")
    assert date.with_quality(Q.ESTIMATED).format() == "estimated about 1953"
    assert date.with_quality("calculated").quality is Q.CALCULATED
    assert date.with_quality(Q.ESTIMATED).with_quality(Q.REGULAR) == date
    with pytest.raises(FuzzyDateError):
        date.with_quality("wild guess")
    with pytest.raises(FuzzyDateError, match="text-only"):
        FuzzyDate.parse("mid-1953").with_quality(Q.ESTIMATED)


def test_same_value_ignores_text_only() -> None:
    a, b = FuzzyDate.parse("c. 1953"), FuzzyDate.parse("about 1953")
    assert a != b and a.same_value(b)
    assert not a.same_value(FuzzyDate.parse("est. about 1953"))
    assert not a.same_value(FuzzyDate.parse("1953"))
    assert not a.same_value("about 1953")
    assert FuzzyDate.parse("mid-1953").same_value(FuzzyDate.parse(" mid-1953 "))
    assert not FuzzyDate.parse("mid-1953").same_value(FuzzyDate.parse("late 1953"))


def test_qualifiers_are_never_dropped() -> None:
    for typed in ["before 1923", "after 1954", "about 1953", "estimated 1953", "calc 1954"]:
        date = FuzzyDate.parse(typed)
        assert date.start is not None
        assert date.format() != date.start.format()
    assert FuzzyDate.parse("before 1923").format() == "before 1923"
    assert FuzzyDate.parse("est. bef. 1923").format() == "estimated before 1923"


def test_values_are_hashable_and_frozen() -> None:
    date = FuzzyDate.parse("1950")
    assert {date, FuzzyDate.parse("1950")} == {date}
    with pytest.raises(AttributeError):
        date.text = "x"  # type: ignore[misc]


# -- bounds, keys and overlaps -------------------------------------------------------------------

YEAR_1953 = (D(1953, 1, 1), D(1953, 12, 31))


@pytest.mark.parametrize(
    ("typed", "earliest", "latest"),
    [
        ("4 Nov 1950", D(1950, 11, 4), D(1950, 11, 4)),
        ("Nov 1950", D(1950, 11, 1), D(1950, 11, 30)),
        ("1950", D(1950, 1, 1), D(1950, 12, 31)),
        ("about 1953", D(1952, 1, 1), D(1954, 12, 31)),
        ("about 29 Feb 1952", D(1951, 2, 28), D(1953, 2, 28)),
        ("before 1950", None, D(1949, 12, 31)),
        ("before 4 Nov 1950", None, D(1950, 11, 3)),
        ("after 1954", D(1955, 1, 1), None),
        ("after Feb 1952", D(1952, 3, 1), None),
        ("between 1952 and 1954", D(1952, 1, 1), D(1954, 12, 31)),
        ("from 5 Aug 1953 to 6 Sep 1953", D(1953, 8, 5), D(1953, 9, 6)),
        ("mid-1953", None, None),
    ],
)
def test_bounds(typed: str, earliest: datetime.date | None, latest: datetime.date | None) -> None:
    date = FuzzyDate.parse(typed)
    assert (date.earliest, date.latest) == (earliest, latest)


def test_about_is_clamped_to_the_calendar() -> None:
    assert FuzzyDate.parse("about 0001").earliest == datetime.date.min
    assert FuzzyDate.parse("about 9999").latest == datetime.date.max


def test_keys() -> None:
    assert (FuzzyDate.parse("Nov 1950").earliest_key, FuzzyDate.parse("Nov 1950").latest_key) == (
        19501101,
        19501130,
    )
    assert FuzzyDate.parse("before 1950").earliest_key == KEY_MIN == 0
    assert FuzzyDate.parse("after 1950").latest_key == KEY_MAX == 99991231
    assert date_key(D(1950, 11, 4)) == 19501104
    text = FuzzyDate.parse("mid-1953")
    assert (text.earliest_key, text.latest_key) == (TEXT_ONLY_EARLIEST_KEY, TEXT_ONLY_LATEST_KEY)


def _sql_overlaps(date: FuzzyDate, start: datetime.date | None, end: datetime.date | None) -> bool:
    """The SQL predicate the database layer uses on the key columns."""
    low = KEY_MIN if start is None else date_key(start)
    high = KEY_MAX if end is None else date_key(end)
    return date.earliest_key <= high and date.latest_key >= low


@pytest.mark.parametrize(
    ("typed", "in_1953"),
    [
        ("about 1953", True),
        ("between 1952 and 1954", True),
        ("Aug 1953", True),
        ("4 Aug 1953", True),
        ("about 1954", True),  # could be 1953
        ("about 1951", False),
        ("before 1950", False),
        ("before 1954", True),
        ("before 1953", False),
        ("after 1952", True),
        ("after 1953", False),
        ("1954-7", False),
        ("from 1950 to 1953", True),
        ("31 Dec 1952", False),
        ("1 Jan 1953", True),
        ("mid-1953", False),
        ("1953 or so", False),
    ],
)
def test_overlaps_1953(typed: str, in_1953: bool) -> None:
    date = FuzzyDate.parse(typed)
    assert date.overlaps(*YEAR_1953) is in_1953
    assert _sql_overlaps(date, *YEAR_1953) is in_1953


def test_overlaps_open_ranges() -> None:
    before_1950 = FuzzyDate.parse("before 1950")
    assert before_1950.overlaps(None, None)
    assert before_1950.overlaps(None, D(1900, 1, 1))
    assert not before_1950.overlaps(D(1950, 1, 1), None)
    assert FuzzyDate.parse("after 1950").overlaps(D(2000, 1, 1), None)
    assert not FuzzyDate.parse("1950").overlaps(D(1951, 1, 1), D(1950, 1, 1))  # empty query
    text = FuzzyDate.parse("mid-1953")
    assert not text.overlaps(None, None)
    for start, end in [(None, None), (D(1953, 1, 1), None), (None, D(1953, 1, 1))]:
        assert not _sql_overlaps(text, start, end)


def test_overlaps_date() -> None:
    about_1953 = FuzzyDate.parse("about 1953")
    assert about_1953.overlaps_date(FuzzyDate.parse("Nov 1954"))
    assert not about_1953.overlaps_date(FuzzyDate.parse("1955"))
    assert FuzzyDate.parse("before 1950").overlaps_date(FuzzyDate.parse("before 1940"))
    assert not FuzzyDate.parse("before 1950").overlaps_date(FuzzyDate.parse("after 1950"))
    assert not about_1953.overlaps_date(FuzzyDate.parse("mid-1953"))
    assert not FuzzyDate.parse("mid-1953").overlaps_date(about_1953)


def test_sort_order() -> None:
    expected = [
        "before 1950",
        "1950",
        "Nov 1950",
        "4 Nov 1950",
        "5 Nov 1950",
        "after Nov 1950",
        "Dec 1950",
        "after 1950",
        "1951",
        "about 1953",
        "1953",
        "between 1953 and 1955",
        "from 1953 to 1954",
        "Jan 1953",
        "before 1954",
        "1954",
        "early 1950s",
    ]
    shuffled = [FuzzyDate.parse(t) for t in expected]
    random.Random(1953).shuffle(shuffled)
    assert [d.text for d in sorted(shuffled, key=lambda d: d.sort_key)] == expected


def test_sort_key_lies_within_the_keys() -> None:
    for typed in ["before 1950", "after 1950", "about 1953", "1950", "1954-7", "mid-1953"]:
        date = FuzzyDate.parse(typed)
        if date.modifier is not DateModifier.TEXT_ONLY:
            assert date.earliest_key <= date.sort_key // 100 <= date.latest_key
    assert FuzzyDate.parse("4 Nov 1950").sort_key // 100 == 19501104


# -- JSON ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", [t[0] for t in PARSED] + NOT_UNDERSTOOD)
def test_json_round_trip(typed: str) -> None:
    date = FuzzyDate.parse(typed)
    stored = date.to_json()
    assert FuzzyDate.from_json(stored) == date
    assert stored == FuzzyDate.from_json(stored).to_json()


def test_json_is_compact_and_stable() -> None:
    assert FuzzyDate.parse("c. 1953").to_json() == (
        '{"mod":"about","start":[1953],"text":"c. 1953","v":1}'
    )
    assert FuzzyDate.exact(1950, 11, 4).to_json() == '{"mod":"none","start":[1950,11,4],"v":1}'
    assert json.loads(FuzzyDate.parse("est. 1954-7").to_json()) == {
        "mod": "span",
        "q": "estimated",
        "start": [1954],
        "end": [1957],
        "text": "est. 1954-7",
        "v": 1,
    }
    assert FuzzyDate(M.TEXT_ONLY, text="Ünknown ☃").to_json().isascii()


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "not json",
        "{",
        "null",
        "1950",
        '"1950"',
        "[]",
        "{}",
        '{"mod":"about","start":[1953]}',  # no version
        '{"mod":"about","start":[1953],"v":2}',
        '{"mod":"about","start":[1953],"v":true}',
        '{"mod":"about","start":[1953],"v":1.0}',
        '{"mod":"sometime","start":[1953],"v":1}',
        '{"mod":"about","q":"guessed","start":[1953],"v":1}',
        '{"mod":"about","start":1953,"v":1}',
        '{"mod":"about","start":[],"v":1}',
        '{"mod":"about","start":[1953,1,2,3],"v":1}',
        '{"mod":"about","start":["1953"],"v":1}',
        '{"mod":"about","start":[true],"v":1}',
        '{"mod":"about","start":[1953.0],"v":1}',
        '{"mod":"about","start":[1953,2,30],"v":1}',
        '{"mod":"about","start":[99999999999999999999999],"v":1}',
        '{"mod":"about","v":1}',
        '{"mod":"text","v":1}',
        '{"mod":"text","text":5,"v":1}',
        '{"mod":"span","start":[1957],"end":[1954],"v":1}',
        '{"mod":"about","start":[1953],"v":1,"extra":0}',
        '{"mod":"about","start":[NaN],"v":1}',
        "[" * 100_000,
        '{"mod":"about","start":[' + "9" * 10_000 + '],"v":1}',
    ],
)
def test_from_json_garbage(garbage: str) -> None:
    with pytest.raises(FuzzyDateError, match="stored date"):
        FuzzyDate.from_json(garbage)


def test_from_json_accepts_explicit_defaults() -> None:
    stored = '{"end":null,"mod":"about","q":"regular","start":[1953],"text":"","v":1}'
    assert FuzzyDate.from_json(stored) == FuzzyDate(M.ABOUT, start=P(1953))
