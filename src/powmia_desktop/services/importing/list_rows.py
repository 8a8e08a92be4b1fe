"""Reading one row of a list of servicemen: mapped cells -> checked values, or a reason.

The field names are those of a case (surname, rank, unit, loss_date...). ``name`` takes a
whole name as printed ("DUMAS ROGER A", "Dumas, Roger A.", "Roger A. Dumas"); ``status``
takes either kind of status word (MIA, POW... or accounted for / unaccounted for).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Final

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.validation import MAX_LINE, clean_service_number, clean_state
from powmia_desktop.core.validation import clean_text as _clean_text
from powmia_desktop.core.vocab import AccountingStatus, Branch, CasualtyStatus
from powmia_desktop.db.models import fuzzy_date_values
from powmia_desktop.services.importing.tabular import fold
from powmia_desktop.services.record_schemas import CASE

#: Case fields and the header names that map to them by themselves (each case field's
#: label in the case schema too: see the end of this table).
_ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "name": ("Name", "Full Name", "Serviceman", "Service Member", "Soldier", "Member Name"),
    "surname": ("Last Name", "Surname", "Last", "Family Name", "LName", "Name Last"),
    "given_names": ("First Name", "First", "Given Name", "Given Names", "Forename", "FName"),
    "middle_name": ("Middle", "Middle Name", "Middle Initial", "MI"),
    "suffix": ("Suffix", "Name Suffix"),
    "service_number": (
        "Service Number", "Serial Number", "Service No", "Serial No", "Svc No", "SN", "Serial",
        "Service ID",
    ),
    "branch": ("Service", "Branch", "Service Branch", "Branch of Service"),
    "rank": ("Rank", "Grade", "Rank at Loss", "Grade at Loss", "Pay Grade"),
    "unit": ("Unit", "Unit at Loss", "Organization", "Regiment"),
    "loss_date": (
        "Date of Loss", "Loss Date", "Incident Date", "Casualty Date", "Date Missing",
        "Date", "DOL",
    ),
    "loss_place": ("Place of Loss", "Loss Place", "Location", "Incident Location", "Country"),
    "home_city": ("Home City", "City", "Hometown", "Home Town"),
    "home_county": ("Home County", "County"),
    "home_state": ("Home State", "State", "Home of Record State", "State of Residence"),
    "birth_date": ("Birth Date", "Date of Birth", "DOB", "Born", "Birth"),
    "circumstances": ("Circumstances", "Casualty Details", "Details", "Remarks"),
    "status": ("Status",),
    "accounting_status": ("Accounting", "Accounting Status"),
    "casualty_status": ("Casualty Status", "Casualty Type", "Status Code"),
    "last_seen_alive": ("Last Seen Alive", "LSA"),
    "tags": ("Tags", "Tag"),
    "notes": ("Notes", "Comments"),
}  # fmt: skip


def _with_schema_labels(aliases: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Each field also known by its label on the case form, so that a case list exported
    with the schema's columns ("Home of record: city") imports back."""
    labels = {f.name: f.label for f in CASE.fields}
    labels["loss_place"] = labels["loss_place_text"]
    return {
        name: (*words, labels[name])
        if name in labels and fold(labels[name]) not in {fold(w) for w in words}
        else words
        for name, words in aliases.items()
    }


LIST_FIELDS: Final = _with_schema_labels(_ALIASES)

_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})
_YES: Final = frozenset({"yes", "y", "true", "1", "x", "lsa"})
_NO: Final = frozenset({"no", "n", "false", "0", "-"})
_SPLIT_TAGS: Final = re.compile(r"\s*[;,]\s*")


@dataclass(slots=True)
class ListRow:
    """One row, checked: stored values of a serviceman plus what goes elsewhere."""

    surname: str
    given_names: str = ""
    suffix: str = ""
    service_number: str = ""
    branch: str | None = None
    rank: str = ""
    unit: str = ""
    home_city: str = ""
    home_county: str = ""
    home_state: str = ""
    birth_date: FuzzyDate | None = None
    loss_date: FuzzyDate | None = None
    loss_place_text: str = ""
    circumstances: str = ""
    accounting_status: str | None = None
    casualty_status: str | None = None
    status_text: str = ""
    last_seen_alive: bool | None = None
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    name_as_printed: str = ""

    @property
    def sort_name(self) -> str:
        return f"{self.surname}, {self.given_names}" if self.given_names else self.surname


def split_name(text: str) -> tuple[str, str, str]:
    """(surname, given names, suffix) of a name as printed on a list.

    "Dumas, Roger A." and "DUMAS ROGER A" (the casualty files' order: surname first, in
    capitals) put the surname first; "Roger A. Dumas" puts it last. A trailing Jr./III is
    the suffix.
    """
    text = " ".join(text.split())
    if "," in text:
        surname, _, rest = text.partition(",")
        words = rest.split()
        suffix = ""
        if words and fold(words[-1]) in _SUFFIXES:
            suffix = words.pop()
        return surname.strip(), " ".join(words), suffix
    words = text.split()
    suffix = ""
    if len(words) > 1 and fold(words[-1]) in _SUFFIXES:
        suffix = words.pop()
    if len(words) == 1:
        return words[0], "", suffix
    if text.isupper():
        return words[0], " ".join(words[1:]), suffix
    return words[-1], " ".join(words[:-1]), suffix


@lru_cache(maxsize=65536)
def _date(text: str) -> FuzzyDate:
    return FuzzyDate.parse(text)


@lru_cache(maxsize=65536)
def date_columns(name: str, value: FuzzyDate | None) -> dict[str, Any]:
    """``fuzzy_date_values`` remembered: a list repeats the same few hundred dates."""
    return fuzzy_date_values(name, value)


@lru_cache(maxsize=1024)
def _branch(text: str) -> str:
    return Branch.parse(text).value


@lru_cache(maxsize=1024)
def _accounting(text: str) -> str | None:
    try:
        return AccountingStatus.parse(text).value
    except ValidationError:
        return None


@lru_cache(maxsize=1024)
def _casualty(text: str) -> str | None:
    try:
        return CasualtyStatus.parse(text).value
    except ValidationError:
        return None


def read_status(cells: dict[str, str]) -> tuple[str | None, str | None, str]:
    """(accounting value, casualty value, status as printed) from the status cells.

    Raises ValidationError when a status cell holds a word of neither vocabulary.
    """
    accounting = casualty = None
    printed = []
    text = cells.get("accounting_status", "")
    if text:
        accounting = _accounting(text)
        if accounting is None:
            AccountingStatus.parse(text)  # raises with the list of accepted words
    text = cells.get("casualty_status", "")
    if text:
        printed.append(text)
        casualty = _casualty(text)
        if casualty is None:
            CasualtyStatus.parse(text)
    text = cells.get("status", "")
    if text:
        printed.append(text)
        either_casualty, either_accounting = _casualty(text), _accounting(text)
        if either_casualty is None and either_accounting is None:
            raise ValidationError(
                f"'{text}' is not a status word I know (MIA, POW, KIA, presumed dead, "
                "accounted for, unaccounted for...)",
                "status",
            )
        casualty = casualty or either_casualty
        if accounting is None:
            accounting = either_accounting
            if either_casualty in (AccountingStatus.ACCOUNTED_FOR, "non_recoverable"):
                accounting = either_casualty
    return accounting, casualty, " / ".join(printed)


def clean_text(value: str | None, *, multiline: bool = False, field: str = "text") -> str:
    """``validation.clean_text`` with a fast path for the plain ASCII most cells are."""
    if not value:
        return ""
    if (
        value.isascii()
        and value.isprintable()
        and len(value) <= MAX_LINE
        and "  " not in value
        and value[0] != " "
        and value[-1] != " "
    ):
        return value
    return _clean_text(value, multiline=multiline, field=field)


def read_row(cells: dict[str, str]) -> ListRow:
    """Check one row's mapped cells (field -> text); raises ValidationError saying why not."""
    return RowReader().read(cells)


def _line_cleaner(field: str) -> Callable[[str], str]:
    return lambda text: clean_text(text, field=field)


#: One-line fields a RowReader checks once per distinct text.
_LINE: Final = {
    name: _line_cleaner(name)
    for name in ("given_names", "suffix", "middle_name", "rank", "unit", "home_city",
                 "home_county", "loss_place")
}  # fmt: skip


def _tags(text: str) -> list[str]:
    if not text.strip():
        return []
    return sorted({clean_text(t, field="tags")[:80] for t in _SPLIT_TAGS.split(text) if t.strip()})


def _yes_no(text: str) -> bool | None:
    word = text.strip().casefold()
    if not word:
        return None
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise ValidationError(f"'{word}' is not yes or no (Last seen alive)", "last_seen_alive")


#: A service number already in its stored form (letters, then digits): nothing to clean.
_PLAIN_NUMBER: Final = re.compile(r"[A-Z]{0,3}[0-9]{4,10}")


def _service_number(text: str) -> str:
    if text.isascii() and _PLAIN_NUMBER.fullmatch(text):
        return text
    return clean_service_number(text)


class RowReader:
    """``read_row`` for the many rows of one file: each distinct cell text of a field is
    checked once (a list repeats the same ranks, units, states, dates and statuses), the
    checks run in the same order, so a bad row is refused with the same first reason."""

    def __init__(self) -> None:
        self._seen: dict[str, dict[Any, Any]] = {}

    def _once(self, field: str, check: Callable[[Any], Any], text: Any) -> Any:
        seen = self._seen.get(field)
        if seen is None:
            seen = self._seen[field] = {}
        try:
            return seen[text]
        except KeyError:
            value = seen[text] = check(text)
            return value

    def read(self, cells: dict[str, str]) -> ListRow:
        """Check one row's mapped cells (field -> text); raises ValidationError saying why."""
        get, once = cells.get, self._once

        def line(field: str) -> str:
            text = get(field)
            return once(field, _LINE[field], text) if text else ""

        name = clean_text(get("name"), field="name")
        surname = clean_text(get("surname"), field="surname")
        given = line("given_names")
        suffix = line("suffix")
        if name and not surname:
            surname, given_from_name, suffix_from_name = split_name(name)
            given = given or given_from_name
            suffix = suffix or suffix_from_name
        middle = line("middle_name")
        if middle:
            given = f"{given} {middle}".strip()
        if not surname:
            raise ValidationError("there is no surname (or name) in this row", "surname")
        statuses = (get("accounting_status", ""), get("casualty_status", ""), get("status", ""))
        if any(statuses):
            accounting, casualty, status_text = once("status", _read_statuses, statuses)
        else:
            accounting = casualty = None
            status_text = ""
        text = get("service_number")
        number = _service_number(text) if text else ""
        text = get("branch")
        branch = once("branch", _branch, text) if text else None
        rank = line("rank")
        unit = line("unit")
        city = line("home_city")
        county = line("home_county")
        text = get("home_state")
        state = once("home_state", clean_state, text) if text else ""
        text = get("birth_date")
        birth = _date(text) if text else None
        text = get("loss_date")
        loss = _date(text) if text else None
        place = line("loss_place")
        row = ListRow(
            surname,
            given,
            suffix,
            number,
            branch,
            rank,
            unit,
            city,
            county,
            state,
            birth,
            loss,
            place,
            clean_text(get("circumstances"), multiline=True, field="circumstances"),
            accounting,
            casualty,
            status_text,
            None,
            clean_text(get("notes"), multiline=True, field="notes"),
            [],
            name or " ".join(p for p in (given, surname, suffix) if p),
        )
        text = get("last_seen_alive")
        if text:
            row.last_seen_alive = once("last_seen_alive", _yes_no, text)
        text = get("tags")
        if text:
            row.tags = list(once("tags", _tags, text))
        return row


def _read_statuses(texts: tuple[str, str, str]) -> tuple[str | None, str | None, str]:
    accounting, casualty, status = texts
    cells = {"accounting_status": accounting, "casualty_status": casualty, "status": status}
    return read_status(cells)


def cells_of(values: list[str], columns: dict[str, list[int]]) -> dict[str, str]:
    """Field -> text of one row, several columns of one field joined with a space."""
    out: dict[str, str] = {}
    for name, indexes in columns.items():
        if len(indexes) == 1:
            text = values[indexes[0]].strip()
        else:
            text = " ".join(values[i].strip() for i in indexes if values[i].strip())
        if text:
            out[name] = text
    return out


def field_columns(headers: list[str], mapping: dict[str, str]) -> dict[str, list[int]]:
    columns: dict[str, list[int]] = {}
    for index, header in enumerate(headers):
        target = mapping.get(header)
        if target:
            columns.setdefault(target, []).append(index)
    return columns


def printed_cells(printed: object, mapping: dict[str, str]) -> dict[str, str]:
    """A row as printed (header -> cell, as kept on its ListMembership) as mapped cells
    (field -> text), cells mapped to one field joined as when the list was imported."""
    cells: dict[str, str] = {}
    for header, value in (printed if isinstance(printed, dict) else {}).items():
        target = mapping.get(header)
        if target and str(value).strip():
            joined = f"{cells[target]} {value}" if target in cells else str(value)
            cells[target] = joined.strip()
    return cells
