"""Properties of FuzzyDate that must hold for every value and every text, not just examples."""

import calendar
import datetime
import json

from hypothesis import assume, given
from hypothesis import strategies as st

from powmia_desktop.core.fuzzydate import (
    KEY_MAX,
    KEY_MIN,
    DateModifier,
    DateQuality,
    FuzzyDate,
    FuzzyDateError,
    PartialDate,
    date_key,
)

M = DateModifier
RANGES = (M.BETWEEN, M.SPAN)

# Mostly the years this archive lives in, but the whole calendar too.
years = st.one_of(st.integers(1900, 2030), st.integers(1, 9999))


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    year = draw(years)
    precision = draw(st.integers(1, 3))
    if precision == 1:
        return PartialDate(year)
    month = draw(st.integers(1, 12))
    if precision == 2:
        return PartialDate(year, month)
    return PartialDate(year, month, draw(st.integers(1, calendar.monthrange(year, month)[1])))


NO_TEXT = st.just("")


@st.composite
def fuzzy_dates(draw: st.DrawFn, text: st.SearchStrategy[str] = NO_TEXT) -> FuzzyDate:
    """Any valid date that is not text-only."""
    modifier = draw(st.sampled_from([m for m in DateModifier if m is not M.TEXT_ONLY]))
    start = draw(partial_dates())
    end = None
    if modifier in RANGES:
        end = draw(partial_dates())
        if end.last_day() < start.first_day():
            start, end = end, start
    if modifier is M.BEFORE:
        assume(start.first_day() != datetime.date.min)
    if modifier is M.AFTER:
        assume(start.last_day() != datetime.date.max)
    quality = draw(st.sampled_from(DateQuality))
    return FuzzyDate(modifier, quality, start, end, draw(text))


text_only_dates = (
    st.text(min_size=1).filter(str.strip).map(lambda t: FuzzyDate(M.TEXT_ONLY, text=t))
)
any_dates = st.one_of(fuzzy_dates(text=st.text()), text_only_dates)

# Text that looks like dates, so the parser's paths are exercised, not just its first check.
date_words = st.sampled_from(
    [
        "about", "c.", "~", "est.", "calc", "before", "bef.", "after", "between", "bet", "and",
        "from", "to", "until", "-", "–", "/", ",", ".", "1950", "1953", "0001", "9999", "0000",
        "4", "29", "31", "11", "2", "57", "7", "Nov", "november", "Feb", "sept", "mid", "1950s",
        "4th", "of", "", " ",
    ]
)  # fmt: skip
date_like_text = st.one_of(
    st.lists(date_words, max_size=8).map(" ".join),
    st.lists(date_words, max_size=8).map("".join),
    st.text(alphabet="0123456789-/ .,~", max_size=20),
)
any_text = st.one_of(st.text(), date_like_text)


def days_denoted(date: FuzzyDate) -> st.SearchStrategy[datetime.date]:
    """Days the value can mean (for ABOUT: the days of the named period itself)."""
    assert date.start is not None
    low, high = date.start.first_day(), date.start.last_day()
    if date.modifier in RANGES:
        assert date.end is not None
        high = date.end.last_day()
    elif date.modifier is M.BEFORE:
        low, high = datetime.date.min, low - datetime.timedelta(days=1)
    elif date.modifier is M.AFTER:
        low, high = high + datetime.timedelta(days=1), datetime.date.max
    return st.dates(low, high)


# (a) format is read back as the same value ---------------------------------------------------


@given(fuzzy_dates())
def test_format_parses_back(date: FuzzyDate) -> None:
    shown = date.format()
    assert FuzzyDate.parse(shown).same_value(date)
    assert FuzzyDate.parse_strict(shown).same_value(date)
    assert str(date) == shown


@given(any_text)
def test_parsed_values_format_stably(text: str) -> None:
    assume(text.strip())
    date = FuzzyDate.parse(text)
    if date.modifier is not M.TEXT_ONLY:
        again = FuzzyDate.parse(date.format())
        assert again.same_value(date)
        assert again.format() == date.format()


# (b) bounds, keys and sort keys agree ----------------------------------------------------------


@given(st.data(), fuzzy_dates())
def test_every_day_denoted_is_within_bounds(data: st.DataObject, date: FuzzyDate) -> None:
    day = data.draw(days_denoted(date))
    earliest, latest = date.earliest, date.latest
    assert earliest is None or earliest <= day
    assert latest is None or day <= latest
    assert date.earliest_key <= date_key(day) <= date.latest_key
    assert date.overlaps(day, day)
    assert date.overlaps_date(FuzzyDate.from_date(day))


@given(fuzzy_dates())
def test_keys_match_bounds(date: FuzzyDate) -> None:
    earliest, latest = date.earliest, date.latest
    assert date.earliest_key == (KEY_MIN if earliest is None else date_key(earliest))
    assert date.latest_key == (KEY_MAX if latest is None else date_key(latest))
    assert earliest is None or latest is None or earliest <= latest
    assert (earliest is None) == (date.modifier is M.BEFORE)
    assert (latest is None) == (date.modifier is M.AFTER)
    # The date part of sort_key is a real day the value can denote.
    assert date.earliest_key <= date.sort_key // 100 <= date.latest_key
    sort_day = date.sort_key // 100
    datetime.date(sort_day // 10000, sort_day // 100 % 100, sort_day % 100)  # a real day


@given(st.dates())
def test_exact_dates(day: datetime.date) -> None:
    date = FuzzyDate.from_date(day)
    assert date.earliest == date.latest == day
    assert date.earliest_key == date.latest_key == date.sort_key // 100 == date_key(day)
    assert FuzzyDate.parse(day.isoformat()).same_value(date)


@given(st.dates(max_value=datetime.date(9999, 12, 30)), st.data())
def test_sort_key_is_chronological_for_days(a: datetime.date, data: st.DataObject) -> None:
    b = data.draw(st.dates(min_value=a + datetime.timedelta(days=1)))
    assert FuzzyDate.from_date(a).sort_key < FuzzyDate.from_date(b).sort_key


@given(partial_dates())
def test_sort_key_puts_before_and_after_around_a_period(part: PartialDate) -> None:
    exact = FuzzyDate(M.NONE, start=part)
    first, last = FuzzyDate.from_date(part.first_day()), FuzzyDate.from_date(part.last_day())
    if part.first_day() != datetime.date.min:
        before = FuzzyDate(M.BEFORE, start=part)
        assert before.sort_key < exact.sort_key <= first.sort_key
    if part.last_day() != datetime.date.max:
        after = FuzzyDate(M.AFTER, start=part)
        assert last.sort_key < after.sort_key
        nxt = FuzzyDate.from_date(part.last_day() + datetime.timedelta(days=1))
        assert after.sort_key < nxt.sort_key


@given(any_dates, st.none() | st.dates(), st.none() | st.dates())
def test_overlaps_matches_the_sql_predicate(
    date: FuzzyDate, start: datetime.date | None, end: datetime.date | None
) -> None:
    assume(start is None or end is None or start <= end)
    low = KEY_MIN if start is None else date_key(start)
    high = KEY_MAX if end is None else date_key(end)
    assert date.overlaps(start, end) == (date.earliest_key <= high and date.latest_key >= low)


@given(any_dates, any_dates)
def test_overlaps_date_is_symmetric(a: FuzzyDate, b: FuzzyDate) -> None:
    assert a.overlaps_date(b) == b.overlaps_date(a)


@given(fuzzy_dates(), text_only_dates)
def test_text_only_sorts_last_and_overlaps_nothing(date: FuzzyDate, text: FuzzyDate) -> None:
    assert date.sort_key < text.sort_key
    assert not text.overlaps(None, None)
    assert not date.overlaps_date(text)


# (c) parsing any text raises nothing but FuzzyDateError, and only for blank text ---------------


@given(any_text)
def test_parse_never_fails_on_text(text: str) -> None:
    if not text.strip():
        try:
            FuzzyDate.parse(text)
        except FuzzyDateError:
            return
        raise AssertionError("blank text must be refused")
    date = FuzzyDate.parse(text)
    assert isinstance(date, FuzzyDate)
    assert date.text == text.strip()
    if date.modifier is M.TEXT_ONLY:
        assert date.format() == text.strip()


@given(any_text)
def test_parse_strict_only_raises_fuzzy_date_error(text: str) -> None:
    try:
        strict = FuzzyDate.parse_strict(text)
    except FuzzyDateError as exc:
        assert str(exc)
        assert not text.strip() or FuzzyDate.parse(text).modifier is M.TEXT_ONLY
    else:
        assert strict.modifier is not M.TEXT_ONLY
        assert strict == FuzzyDate.parse(text)


# (d) from_json of anything raises nothing but FuzzyDateError -----------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=10,
)
json_like = st.fixed_dictionaries(
    {},
    optional={
        "v": st.sampled_from([1, 2, True, 1.0, "1"]),
        "mod": st.sampled_from([m.value for m in DateModifier]) | json_values,
        "q": st.sampled_from([q.value for q in DateQuality]) | json_values,
        "start": st.lists(st.integers(-2, 10000), max_size=4) | json_values,
        "end": st.lists(st.integers(-2, 10000), max_size=4) | json_values,
        "text": st.text(max_size=10) | json_values,
    },
).map(json.dumps)


@given(st.one_of(st.text(), json_values.map(json.dumps), json_like))
def test_from_json_only_raises_fuzzy_date_error(stored: str) -> None:
    try:
        date = FuzzyDate.from_json(stored)
    except FuzzyDateError:
        return
    assert FuzzyDate.from_json(date.to_json()) == date


# (e) to_json/from_json is exact -----------------------------------------------------------------


@given(any_dates)
def test_json_round_trip_is_exact(date: FuzzyDate) -> None:
    stored = date.to_json()
    assert FuzzyDate.from_json(stored) == date
    assert FuzzyDate.from_json(stored).to_json() == stored
    assert stored.isascii()
