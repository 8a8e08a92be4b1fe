"""Turning stored values into what a person reads, in lists, JSON and reports alike."""

from datetime import date
from typing import Any

from powmia_desktop.core.fuzzydate import FuzzyDate, FuzzyDateError
from powmia_desktop.core.vocab import Vocabulary


def date_text(value: FuzzyDate | str | None) -> str:
    """A FuzzyDate (or its stored JSON, as list queries return it) formatted with qualifier."""
    if value is None or value == "":
        return ""
    if isinstance(value, FuzzyDate):
        return value.format()
    try:
        return FuzzyDate.from_json(value).format()
    except FuzzyDateError:
        return value


def date_json(value: FuzzyDate | None) -> dict[str, Any] | None:
    """A date for JSON output: what to show, what was typed and the bounds it stands for."""
    if value is None:
        return None
    return {
        "display": value.format(),
        "typed": value.text,
        "modifier": value.modifier.value,
        "quality": value.quality.value,
        "earliest": value.earliest.isoformat() if value.earliest else None,
        "latest": value.latest.isoformat() if value.latest else None,
    }


def label(value: Vocabulary | None) -> str:
    return value.label if value is not None else ""


def vocab_json(value: Vocabulary | None) -> dict[str, str] | None:
    return None if value is None else {"value": value.value, "label": value.label}


def stored_label(cls: type[Vocabulary], value: str | None) -> str:
    """The label of a vocabulary value as list queries return it (plain text); unknown
    values, such as a word a newer version added, are shown as stored."""
    if not value:
        return ""
    try:
        return cls(value).label
    except ValueError:
        return value


def day_text(value: date | None) -> str:
    """A calendar day as lists show it: "15 Oct 2006"."""
    return value.strftime("%d %b %Y").lstrip("0") if value else ""
