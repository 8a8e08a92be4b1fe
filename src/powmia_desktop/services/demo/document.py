"""The demo document read field by field: every field checked, unknown fields refused.

The document (``resources/demo/dumas.json``, format ``powmia-demo``) names its records by
local keys; each record's uid is derived from its place in the document (``uid_for``).
"""

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TypeVar

from powmia_desktop.core.errors import ArchiveError, ValidationError
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import Vocabulary

DEMO_FORMAT = "powmia-demo"
DEMO_VERSION = 1
_UID_PREFIX = "powmia-demo:"
#: An all-day meeting (a date without a time) is stored at noon UTC: the same calendar day
#: in every time zone from UTC-11 to UTC+11.
_ALL_DAY_HOUR = 12

V = TypeVar("V", bound=Vocabulary)


def read_document(file: Path) -> object:
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except OSError as error:
        raise ArchiveError(f"Cannot read the demo content {file}: {error.strerror}") from None
    except ValueError as error:
        raise ArchiveError(f"The demo content {file} is not valid JSON: {error}") from None


def uid_for(path: str) -> str:
    """The deterministic uid of the demo record at ``path`` (e.g. ``case/dumas``)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, _UID_PREFIX + path))


class DocObject:
    """One JSON object of the document, read field by field; unknown fields are refused."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise damaged(where, "must be a JSON object")
        self.data: dict[str, object] = data
        self.where = where
        self._used: set[str] = set()

    def at(self, name: str) -> str:
        return f"{self.where}.{name}"

    def raw(self, name: str) -> object:
        self._used.add(name)
        return self.data.get(name)

    def text(self, name: str, default: str | None = None) -> str:
        value = self.raw(name)
        if value is None:
            if default is None:
                raise damaged(self.at(name), "is required")
            return default
        if not isinstance(value, str):
            raise damaged(self.at(name), "must be text")
        return value

    def optional(self, name: str) -> str | None:
        value = self.text(name, "")
        return value or None

    def flag(self, name: str, default: bool) -> bool:
        value = self.raw(name)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise damaged(self.at(name), "must be true or false")
        return value

    def texts(self, name: str) -> list[str]:
        values = self.raw(name)
        if values is None:
            return []
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise damaged(self.at(name), "must be a list of texts")
        return [str(v) for v in values]

    def objects(self, name: str) -> Iterator[tuple[int, "DocObject"]]:
        """The objects of a list field with their positions; each is checked when done."""
        values = self.raw(name)
        if values is None:
            return
        if not isinstance(values, list):
            raise damaged(self.at(name), "must be a list")
        for index, value in enumerate(values):
            item = DocObject(value, f"{self.at(name)}[{index}]")
            yield index, item
            item.finish()

    def vocab(self, enum: type[V], name: str, default: V | None = None) -> V:
        text = self.optional(name)
        if text is None:
            if default is None:
                raise damaged(self.at(name), "is required")
            return default
        try:
            return enum.parse(text)
        except ValidationError as error:
            raise damaged(self.at(name), str(error)) from None

    def optional_vocab(self, enum: type[V], name: str) -> V | None:
        return None if self.optional(name) is None else self.vocab(enum, name)

    def fuzzy_date(self, name: str) -> FuzzyDate | None:
        text = self.optional(name)
        if text is None:
            return None
        try:
            return FuzzyDate.parse_strict(text)
        except ValidationError as error:
            raise damaged(self.at(name), str(error)) from None

    def sensitivity(self, name: str) -> Sensitivity | None:
        text = self.optional(name)
        if text is None:
            return None
        try:
            return Sensitivity.parse(text)
        except ValidationError as error:
            raise damaged(self.at(name), str(error)) from None

    def finish(self) -> None:
        unknown = sorted(set(self.data) - self._used)
        if unknown:
            raise damaged(self.where, f"has unknown field(s): {', '.join(unknown)}")


def damaged(where: str, problem: str) -> ArchiveError:
    return ArchiveError(f"The demo content is damaged: {where} {problem}")


def meeting_moment(obj: DocObject, name: str) -> tuple[datetime | None, bool]:
    """A meeting time: ISO date and time with its UTC offset, or a date alone (all day)."""
    text = obj.optional(name)
    if text is None:
        return None, False
    try:
        if "T" not in text:
            day = date.fromisoformat(text)
            return datetime(day.year, day.month, day.day, _ALL_DAY_HOUR, tzinfo=UTC), True
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise damaged(obj.at(name), f"'{text}' is not an ISO date or date and time") from None
    if moment.tzinfo is None:
        raise damaged(obj.at(name), f"'{text}' needs its UTC offset (e.g. -04:00)")
    return moment.astimezone(UTC), False
