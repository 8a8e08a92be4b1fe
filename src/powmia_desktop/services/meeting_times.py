"""When a meeting starts and ends, as a person types it: "2006-10-15 09:00" in its time zone.

Meetings are stored in UTC with the IANA zone they are held in (``Meeting.timezone``); the
form shows and takes local wall-clock times in that zone, so "09:00" at a Washington
briefing stays 09:00 whoever opens the archive. All-day meetings keep only their day.
"""

import datetime as dt
import re
import zoneinfo
from functools import cache

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.services.editing import parse_day

#: Hour at which an all-day meeting's day is stored (UTC noon is the same day everywhere
#: in the Americas and in Korea), as the demo content does.
ALL_DAY_HOUR = 12
#: Words people use for the zones American families meet in.
ZONE_ALIASES = {
    "eastern": "America/New_York",
    "et": "America/New_York",
    "est": "America/New_York",
    "edt": "America/New_York",
    "washington": "America/New_York",
    "central": "America/Chicago",
    "ct": "America/Chicago",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "mountain": "America/Denver",
    "mt": "America/Denver",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "arizona": "America/Phoenix",
    "pacific": "America/Los_Angeles",
    "pt": "America/Los_Angeles",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "alaska": "America/Anchorage",
    "hawaii": "Pacific/Honolulu",
    "korea": "Asia/Seoul",
    "kst": "Asia/Seoul",
    "seoul": "Asia/Seoul",
    "utc": "UTC",
    "gmt": "UTC",
}
EXAMPLE = "2006-10-15 09:00"
_TIME = re.compile(
    r"(?:^|[\sT,]+)(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<half>[ap])?\.?\s*(?:m\.?)?\s*$",
    re.IGNORECASE,
)


@cache
def _known_zones() -> dict[str, str]:
    return {name.casefold(): name for name in zoneinfo.available_timezones()}


def clean_zone(value: str | None) -> str:
    """An IANA zone name ("America/New_York") from what was typed; blank means UTC."""
    text = " ".join(str(value or "").split())
    if not text:
        return ""
    key = text.casefold()
    name = ZONE_ALIASES.get(key.removesuffix(" time")) or _known_zones().get(key)
    if name is None:
        raise ValidationError(
            f"'{text}' is not a time zone this program knows; type Eastern, Central, "
            "Mountain, Pacific, Hawaii, Korea or a name such as America/New_York",
            "timezone",
        )
    return name


def zone_of(name: str) -> dt.tzinfo:
    if not name:
        return dt.UTC
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def moment_text(value: dt.datetime | None, zone: str, all_day: bool) -> str:
    """A stored moment as the form shows it: local "2006-10-15 09:00", or the day alone."""
    if value is None:
        return ""
    if all_day:
        return value.astimezone(dt.UTC).date().isoformat()
    return value.astimezone(zone_of(zone)).strftime("%Y-%m-%d %H:%M")


def parse_moment(
    value: str | None,
    zone: str,
    all_day: bool,
    field: str,
    *,
    same_day_as: dt.datetime | None = None,
) -> dt.datetime | None:
    """What was typed as an aware UTC moment; blank is None.

    ``same_day_as`` (the start) lets an end be typed as a time alone ("16:00").
    """
    text = " ".join(str(value or "").split())
    if not text:
        return None
    match = _TIME.search(text)
    if match is not None and not (match["minute"] or match["half"]):
        match = None  # "Oct 15" ends in a number, not a time
    day_text = text[: match.start()].strip() if match else text
    tz = zone_of(zone)
    if day_text:
        try:
            day = parse_day(day_text, field)
        except ValidationError:
            raise ValidationError(
                f"'{text}' is not a day and time; type it as {EXAMPLE}", field
            ) from None
        assert day is not None
    elif same_day_as is not None and not all_day:
        day = same_day_as.astimezone(tz).date()
    else:
        raise ValidationError(f"'{text}' needs its day too; type it as {EXAMPLE}", field)
    if all_day:
        return dt.datetime(day.year, day.month, day.day, ALL_DAY_HOUR, tzinfo=dt.UTC)
    if match is None:
        raise ValidationError(
            f"'{text}' has no time of day; type it as {EXAMPLE}, or tick All day", field
        )
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    half = (match["half"] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            raise ValidationError(f"'{text}': {hour} is not an hour on a 12-hour clock", field)
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        raise ValidationError(f"'{text}' is not a time of day; type it as {EXAMPLE}", field)
    local = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
    return local.astimezone(dt.UTC)


def same_moment(stored: dt.datetime | None, typed: dt.datetime | None, all_day: bool) -> bool:
    """Whether the typed moment is what the form showed for the stored one.

    The form shows minutes (or, all day, the day), so an imported 09:00:30 or an all-day
    day stored at midnight is left as it is when the form is saved unchanged.
    """
    if stored is None or typed is None:
        return stored is typed
    if all_day:
        return stored.astimezone(dt.UTC).date() == typed.astimezone(dt.UTC).date()
    return stored.replace(second=0, microsecond=0) == typed
