"""The occurrences of a recurring calendar event, within limits a hostile file cannot pass.

A repeat rule can be written so that it never produces a date (``FREQ=SECONDLY;BYMONTH=2;
BYMONTHDAY=30``): dateutil then searches every second up to the year 9999, which takes
minutes. Here each rule is searched only within ``HORIZON_YEARS`` of the event's start
(its COUNT applied by us, so that it needs no UNTIL of its own), at most ``limit``
occurrences are taken, and an EXDATE that cannot be read is reported and ignored.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import re
import time
from collections.abc import Iterable, Iterator
from typing import Any, Final

from dateutil.rrule import DAILY, rrule, rrulestr

#: How far past its start a series is followed: no meeting repeats for a century...
HORIZON_YEARS: Final = 100
#: ... nor for more than this many of its periods (a rule every second is searched for two
#: days, one every minute for four months).
MAX_PERIODS: Final = 200_000
_PERIOD: Final = {"HOURLY": dt.timedelta(hours=1), "MINUTELY": dt.timedelta(minutes=1),
                  "SECONDLY": dt.timedelta(seconds=1)}  # fmt: skip
#: Time spent searching series, for the whole file, after which the remaining recurring
#: events are imported once each (with a note): a file of ten thousand hostile rules.
MAX_SECONDS: Final = 10.0


class Budget:
    """The time a file's recurring events may take to expand, together."""

    def __init__(self, seconds: float = MAX_SECONDS) -> None:
        self.ends = time.monotonic() + seconds

    def spent(self) -> bool:
        return time.monotonic() > self.ends


def occurrences(
    event: Any,
    start: dt.datetime,
    limit: int,
    notes: list[str],
    label: str,
    budget: Budget | None = None,
) -> Iterator[dt.datetime]:
    """The UTC starts of an event: itself, or its series (EXDATEs left out) up to ``limit``."""
    rule = event.get("RRULE")
    if rule is None:
        yield start
        return
    if budget is not None and budget.spent():
        notes.append(f"{label}: the file's repeat rules took too long to follow; imported once")
        yield start
        return
    try:
        streams = [_bounded(r, start) for r in (rule if isinstance(rule, list) else [rule])]
    except (ValueError, TypeError, AttributeError, OverflowError) as error:
        notes.append(f"{label}: its repeat rule could not be read ({error}); imported once")
        yield start
        return
    skipped = _exdates(event, notes, label)
    count = 0
    for moment in _merged(streams):
        if moment in skipped:
            continue
        if count == limit:
            notes.append(f"{label}: repeats beyond {limit} times; the first {limit} were imported")
            return
        count += 1
        yield moment
    if count == 0:
        notes.append(
            f"{label}: its repeat rule gives no date (within {HORIZON_YEARS} years); imported once"
        )
        yield start


def _bounded(rule: Any, start: dt.datetime) -> Iterable[dt.datetime]:
    weeks = [int(n) for n in rule.get("BYWEEKNO", [])]
    if any(n == 0 or abs(n) > 53 for n in weeks):
        raise ValueError("its BYWEEKNO must be 1 to 53 or -53 to -1")
    if "COUNT" in rule and "UNTIL" in rule:
        raise ValueError("it has both COUNT and UNTIL")
    for part, top in (("BYHOUR", 23), ("BYMINUTE", 59), ("BYSECOND", 60)):
        if any(not 0 <= int(n) <= top for n in rule.get(part, [])):
            raise ValueError(f"its {part} must be 0 to {top}")  # dateutil fails on BYHOUR=-1
    rule = _within_months(rule)
    if rule is None:
        return ()  # only days no month has, such as a 6th Sunday
    parsed = rrulestr("RRULE:" + rule.to_ical().decode(), dtstart=start)
    if not isinstance(parsed, rrule):
        raise ValueError("not a single rule")
    try:
        horizon = start.replace(year=start.year + HORIZON_YEARS)
    except ValueError:  # 29 February, or beyond the year 9999
        horizon = dt.datetime.max.replace(tzinfo=start.tzinfo) - dt.timedelta(days=1)
    period = _PERIOD.get(str(rule.get("FREQ", [""])[0]).upper())
    if period is not None:
        interval = max(int(getattr(parsed, "_interval", 1) or 1), 1)
        horizon = min(horizon, start + period * interval * MAX_PERIODS)
    count = getattr(parsed, "_count", None)
    if (count is not None and count < 1) or getattr(parsed, "_interval", 1) < 1:
        raise ValueError("its COUNT and INTERVAL must be 1 or more")
    if getattr(parsed, "_bysetpos", None) and getattr(parsed, "_freq", 0) >= DAILY:
        raise ValueError("BYSETPOS is only followed in weekly, monthly and yearly rules")
    until = getattr(parsed, "_until", None)
    horizon = min(until, horizon) if until else horizon
    if not _some_day(parsed, start.date(), horizon.date()):
        return ()  # dateutil would search every day up to the year 9999
    bounded = parsed.replace(count=None, until=horizon)
    return itertools.islice(bounded, count) if count else bounded


def _within_months(rule: Any) -> Any | None:
    """A rule counting weekdays within months (monthly, or yearly with BYMONTH) without its
    nth weekdays beyond the 5th (BYDAY=53SU: dateutil fails on them, and no month has one);
    None when nothing else is left of its BYDAY."""
    freq = str(rule.get("FREQ", [""])[0]).upper()
    in_months = freq == "MONTHLY" or (freq == "YEARLY" and "BYMONTH" in rule)
    if not in_months or "BYDAY" not in rule:
        return rule
    days = [str(day) for day in rule["BYDAY"]]
    kept = [day for day in days if _ordinal(day) <= 5]
    if len(kept) == len(days):
        return rule
    if not kept:
        return None
    trimmed = rule.copy()
    trimmed["BYDAY"] = kept
    return trimmed


def _ordinal(day: str) -> int:
    """How far into the month a BYDAY item counts, either way (0 for every such weekday)."""
    found = re.match(r"[+-]?\d+", day)
    return abs(int(found.group())) if found else 0


def _some_day(parsed: rrule, first: dt.date, last: dt.date) -> bool:
    """Whether a day from ``first`` to ``last`` passes the rule's month, day-of-month,
    day-of-year and weekday filters: never False where dateutil would find a date (filters
    it is not sure of, week numbers and Easter, let every day through)."""
    if getattr(parsed, "_byeaster", None):
        return True
    months = parsed._bymonth
    monthdays = set(parsed._bymonthday or ())
    negative = set(parsed._bynmonthday or ())
    yeardays = parsed._byyearday
    weekdays = set(parsed._byweekday or ()) | {w for w, _ in parsed._bynweekday or ()}
    day, step = first, dt.timedelta(days=1)
    while day <= last:
        if (
            (not months or day.month in months)
            and (not (monthdays or negative) or day.day in monthdays or _from_end(day) in negative)
            and (not yeardays or _in_year(day, yeardays))
            and (not weekdays or day.weekday() in weekdays)
        ):
            return True
        day += step
    return False


def _from_end(day: dt.date) -> int:
    """-1 for the last day of its month, -2 for the one before..."""
    following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return day.day - (following - dt.timedelta(days=1)).day - 1


def _in_year(day: dt.date, yeardays: Iterable[int]) -> bool:
    number = day.timetuple().tm_yday
    length = 366 if (day.replace(month=12, day=31)).timetuple().tm_yday == 366 else 365
    return any(n == number or n == number - length - 1 for n in yeardays)


def _merged(streams: list[Iterable[dt.datetime]]) -> Iterator[dt.datetime]:
    previous = None
    for moment in heapq.merge(*streams):
        if moment != previous:
            yield moment
        previous = moment


def _exdates(event: Any, notes: list[str], label: str) -> set[dt.datetime]:
    found: set[dt.datetime] = set()
    values = event.get("EXDATE")
    for entry in values if isinstance(values, list) else [values] if values is not None else []:
        try:
            items = list(entry.dts)
        except Exception:  # icalendar keeps an unreadable value as a "broken" property
            notes.append(f"{label}: an EXDATE could not be read and was ignored")
            continue
        for item in items:
            moment = item.dt
            if isinstance(moment, dt.datetime):
                found.add(
                    (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)
                )
            elif isinstance(moment, dt.date):
                found.add(dt.datetime(moment.year, moment.month, moment.day, tzinfo=dt.UTC))
    return found
