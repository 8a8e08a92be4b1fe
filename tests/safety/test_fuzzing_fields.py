"""Hypothesis on single fields, as a person could type them or another program write them.

Dates, repeat rules, service numbers, mapping files and spreadsheet cells: each reader
answers with a value or a PowmiaError (one clear line), never another exception; repeat
rules are followed in bounded time, whatever their filters; a cell written to CSV comes
back as it was and never as a formula.
"""

import contextlib
import datetime as dt
import json
import time

import icalendar
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.core.formula_guard import guard, unguard
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.validation import clean_service_number
from powmia_desktop.services.importing.recurrence import occurrences
from powmia_desktop.services.importing.tabular import parse_mapping

FIELDS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: Text a person types into a date cell, or another program writes there.
digits = st.integers(-99999, 99999).map(str) | st.sampled_from(["0", "00", "000000", "1e10"])
date_words = st.sampled_from(
    ["about", "before", "after", "between", "and", "from", "to", "circa", "c.", "?", "/", "-",
     "Feb", "February", "Smarch", "T", "Z", "+99:00", ":", ".", ",", "年", "월", " ", "\u200b"]
)  # fmt: skip
date_text = st.lists(digits | date_words, max_size=8).map(" ".join) | st.text(max_size=30)
#: RRULE parts, valid and not: frequencies, intervals, counts and filters that never match.
rrule_text = st.builds(
    lambda freq, parts: ";".join([f"FREQ={freq}", *parts]),
    st.sampled_from(["SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"]),
    st.lists(
        st.one_of(
            st.integers(-3, 5).map(lambda n: f"INTERVAL={n}"),
            st.integers(-2, 10**9).map(lambda n: f"COUNT={n}"),
            st.integers(-14, 14).map(lambda n: f"BYMONTH={n}"),
            st.integers(-32, 32).map(lambda n: f"BYMONTHDAY={n}"),
            st.integers(-367, 367).map(lambda n: f"BYYEARDAY={n}"),
            st.integers(-2, 25).map(lambda n: f"BYHOUR={n}"),
            st.integers(-400, 400).map(lambda n: f"BYSETPOS={n}"),
            st.sampled_from(["BYDAY=MO", "BYDAY=-1FR", "BYDAY=XX", "BYDAY=53SU", "WKST=SU"]),
            st.sampled_from(["UNTIL=19500101T000000Z", "UNTIL=99991231", "UNTIL=banana"]),
        ),
        max_size=4,
    ),
)
service_number = st.text(st.characters(codec="utf-8"), max_size=24) | st.from_regex(
    r"\A[A-Z]{0,3}[- ]?\d{0,12}\Z"
)
json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda kids: st.lists(kids, max_size=3)
    | st.dictionaries(st.text(max_size=8), kids, max_size=2),
    max_leaves=12,
)  # fmt: skip


@FIELDS
@given(date_text)
def test_any_date_text_is_a_date_or_a_clear_refusal(text: str) -> None:
    with contextlib.suppress(PowmiaError):
        FuzzyDate.parse_strict(text)
    if text.strip():
        FuzzyDate.parse(text)  # the forgiving reader keeps what it cannot read as text


@FIELDS
@given(rrule_text, st.datetimes(dt.datetime(1, 1, 2), dt.datetime(9999, 12, 30)))
@example("FREQ=MONTHLY;BYDAY=53SU", dt.datetime(2000, 1, 1))  # dateutil's IndexError
@example("FREQ=YEARLY;BYMONTH=2;BYDAY=53SU", dt.datetime(2000, 1, 1))  # within February
@example("FREQ=MINUTELY;BYHOUR=-1", dt.datetime(2000, 1, 1))  # an hour no day has
@example("FREQ=SECONDLY;BYMINUTE=60;BYSECOND=-5", dt.datetime(2000, 1, 1))
def test_any_repeat_rule_is_followed_in_bounded_time(rule: str, start: dt.datetime) -> None:
    start = start.replace(tzinfo=dt.UTC)
    event = icalendar.Event.from_ical(
        f"BEGIN:VEVENT\r\nSUMMARY:x\r\nRRULE:{rule}\r\nEND:VEVENT\r\n"
    )
    notes: list[str] = []
    began = time.process_time()  # CPU time: other programs on the machine do not count
    found = list(occurrences(event, start, 52, notes, "Event 1"))
    assert 1 <= len(found) <= 52
    assert time.process_time() - began < 30, rule  # minutes, before: the year 9999 searched
    assert all(isinstance(n, str) and "\n" not in n for n in notes)


def test_a_monthly_rule_keeps_the_weekdays_a_month_has() -> None:
    """BYDAY=20SU is no day of any month; the first Mondays beside it still repeat."""
    event = icalendar.Event.from_ical(
        "BEGIN:VEVENT\r\nSUMMARY:x\r\nRRULE:FREQ=MONTHLY;COUNT=3;BYDAY=20SU,1MO\r\nEND:VEVENT\r\n"
    )
    start = dt.datetime(2026, 1, 5, 10, tzinfo=dt.UTC)
    found = list(occurrences(event, start, 52, [], "Event 1"))
    assert [d.date() for d in found] == [
        dt.date(2026, 1, 5),
        dt.date(2026, 2, 2),
        dt.date(2026, 3, 2),
    ]


@FIELDS
@given(service_number)
def test_any_service_number_is_kept_or_refused_plainly(text: str) -> None:
    try:
        cleaned = clean_service_number(text)
    except PowmiaError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert len(cleaned) <= len(text) + 1 and "\x00" not in cleaned


@FIELDS
@given(json_value)
def test_any_json_as_a_mapping_is_read_or_refused_plainly(value: object) -> None:
    text = json.dumps(value)
    try:
        parse_mapping(json.loads(text), "m.json")
    except PowmiaError as error:
        assert "\n" not in str(error)


@FIELDS
@given(st.text(st.sampled_from("'=+-@\t\r \uff1dAa1\n\""), max_size=8))
def test_cells_made_of_formula_signs_round_trip_and_never_start_a_formula(text: str) -> None:
    written = guard(text)
    assert unguard(written) == text
    first = written.lstrip(" \t\r\n")[:1]
    assert written[:1] == "'" or first not in set("=+-@\uff1d")
