"""Checking the stored JSON of a date before ``FuzzyDate.from_json`` builds it.

Apart so ``fuzzydate.py`` keeps to the value itself; the checks exist so that nothing but
FuzzyDateError can come out of reading a stored date, however damaged the text.
"""

from __future__ import annotations

from typing import Any, Final

from powmia_desktop.core.date_kinds import DateModifier, DateQuality
from powmia_desktop.core.partial_date import PartialDate, is_int

__all__ = ["JSON_VERSION", "json_part", "json_problem", "preview"]

JSON_VERSION: Final = 1
_JSON_KEYS: Final = frozenset({"v", "mod", "q", "start", "end", "text"})


def preview(stored: object) -> str:
    text = repr(stored)
    return text if len(text) <= 80 else text[:77] + "..."


def json_problem(data: dict[Any, Any]) -> str | None:
    """Shape check of decoded JSON, so only FuzzyDateError can come out of ``from_json``."""
    unknown = set(data) - _JSON_KEYS
    if unknown:
        return f"unknown keys {sorted(map(str, unknown))}"
    version = data.get("v")
    if not is_int(version) or version != JSON_VERSION:
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
        if not isinstance(part, list) or not 1 <= len(part) <= 3 or not all(map(is_int, part)):
            return f"{key} must be [year], [year, month] or [year, month, day]"
    return None


def json_part(parts: list[int] | None) -> PartialDate | None:
    return None if parts is None else PartialDate(*parts)
