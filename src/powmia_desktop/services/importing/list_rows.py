"""Reading one row of a list of servicemen: mapped cells -> checked values, or a reason.

The field names are those of a case (surname, rank, unit, loss_date...). ``name`` takes a
whole name as printed ("DUMAS ROGER A", "Dumas, Roger A.", "Roger A. Dumas"); ``status``
takes either kind of status word (MIA, POW... or accounted for / unaccounted for).
"""

from __future__ import annotations

import re
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

#: Case fields and the header names that map to them by themselves.
LIST_FIELDS: Final[dict[str, tuple[str, ...]]] = {
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

_SUFFIXES: Final = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})
_YES: Final = frozenset({"yes", "y", "true", "1", "x", "lsa"})
_NO: Final = frozenset({"no", "n", "false", "0", "-"})
_SPLIT_TAGS: Final = re.compile(r"\s*[;,]\s*")


@dataclass
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
    name = clean_text(cells.get("name"), field="name")
    surname = clean_text(cells.get("surname"), field="surname")
    given = clean_text(cells.get("given_names"), field="given_names")
    suffix = clean_text(cells.get("suffix"), field="suffix")
    if name and not surname:
        surname, given_from_name, suffix_from_name = split_name(name)
        given = given or given_from_name
        suffix = suffix or suffix_from_name
    middle = clean_text(cells.get("middle_name"), field="middle_name")
    if middle:
        given = f"{given} {middle}".strip()
    if not surname:
        raise ValidationError("there is no surname (or name) in this row", "surname")
    accounting, casualty, status_text = read_status(cells)
    row = ListRow(
        surname=surname,
        given_names=given,
        suffix=suffix,
        service_number=clean_service_number(cells.get("service_number")),
        branch=_branch(cells["branch"]) if cells.get("branch") else None,
        rank=clean_text(cells.get("rank"), field="rank"),
        unit=clean_text(cells.get("unit"), field="unit"),
        home_city=clean_text(cells.get("home_city"), field="home_city"),
        home_county=clean_text(cells.get("home_county"), field="home_county"),
        home_state=clean_state(cells.get("home_state")),
        birth_date=_date(cells["birth_date"]) if cells.get("birth_date") else None,
        loss_date=_date(cells["loss_date"]) if cells.get("loss_date") else None,
        loss_place_text=clean_text(cells.get("loss_place"), field="loss_place"),
        circumstances=clean_text(cells.get("circumstances"), multiline=True, field="circumstances"),
        accounting_status=accounting,
        casualty_status=casualty,
        status_text=status_text,
        notes=clean_text(cells.get("notes"), multiline=True, field="notes"),
        name_as_printed=name or " ".join(p for p in (given, surname, suffix) if p),
    )
    text = cells.get("last_seen_alive", "").strip().casefold()
    if text:
        if text in _YES:
            row.last_seen_alive = True
        elif text in _NO:
            row.last_seen_alive = False
        else:
            raise ValidationError(f"'{text}' is not yes or no (Last seen alive)", "last_seen_alive")
    tags = cells.get("tags", "")
    if tags.strip():
        row.tags = sorted(
            {clean_text(t, field="tags")[:80] for t in _SPLIT_TAGS.split(tags) if t.strip()}
        )
    return row


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
