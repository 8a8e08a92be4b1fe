"""Is this row a case the archive already has? Service number first, then name, unit, date.

Cases are blocked by surname sound (Soundex) so a row is compared with a handful of
cases, never with all of them; within a block rapidfuzz scores the names and units.

* Same service number: the same man (a different one on both sides: never the same man).
* Same surname, given names that agree, and loss date or unit that agrees with nothing
  contradicting: the same man (the case is updated).
* A similar name that nothing contradicts: a possible duplicate, held for a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process
from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.db.models import Serviceman
from powmia_desktop.services.exporting.archive_format import table_of
from powmia_desktop.services.importing.list_rows import ListRow
from powmia_desktop.services.importing.tabular import fold

#: Stored columns an import may change, in the order the index keeps them.
CASE_COLUMNS: Final = (
    "surname",
    "given_names",
    "suffix",
    "service_number",
    "branch",
    "rank",
    "unit",
    "home_city",
    "home_county",
    "home_state",
    "birth_date",
    "loss_date",
    "loss_place_text",
    "circumstances",
    "accounting_status",
    "current_status",
    "last_seen_alive",
    "notes",
)
STRONG_NAME: Final = 90
POSSIBLE_NAME: Final = 85
SAME_UNIT: Final = 85
OTHER_UNIT: Final = 50
#: Closest names looked at per row.
MAX_CANDIDATES: Final = 25
#: Soundex digits; vowels (and y) become "0" and separate letters, h and w vanish.
_SOUNDEX: Final = str.maketrans("bfpvcgjkqsxzdtlmnraeiouy", "111122222222334556000000", "hw")


@lru_cache(maxsize=65536)
def soundex(name: str) -> str:
    """American Soundex of a surname ("Dumas" -> D520), the classic blocking key."""
    letters = "".join(c for c in fold(name) if c.isalpha())
    if not letters:
        return ""
    digits = letters.translate(_SOUNDEX)
    code = []
    previous = letters[0].translate(_SOUNDEX)
    for digit in digits[1:]:
        if digit != previous and digit != "0":
            code.append(digit)
        previous = digit
    return (letters[0].upper() + "".join(code) + "000")[:4]


@dataclass
class KnownCase:
    id: int
    uid: str
    values: dict[str, object]
    #: The file row that created it in this import (None for cases already there).
    from_row: int | None = None
    #: The file row that already matched it in this import.
    matched_by_row: int | None = None

    @property
    def sort_name(self) -> str:
        surname, given = self.values["surname"], self.values["given_names"]
        return f"{surname}, {given}" if given else str(surname)


@dataclass(frozen=True)
class Match:
    case: KnownCase
    #: "confirmed" (update the case) or "possible" (hold the row for review).
    verdict: str
    reason: str


def _name_key(surname: str, given: str) -> str:
    return default_process(f"{surname} {given}")


@lru_cache(maxsize=65536)
def _stored_date(text: str) -> FuzzyDate:
    return FuzzyDate.from_json(text)


def _dates_agree(a: FuzzyDate | None, b: FuzzyDate | None) -> bool | None:
    """True/False when both are known dates, None when either is missing or only text."""
    if a is None or b is None:
        return None
    if (a.earliest is None and a.latest is None) or (b.earliest is None and b.latest is None):
        return None if a != b else True
    return a.overlaps_date(b)


class CaseIndex:
    """The archive's cases (and those this import creates) looked up as a row needs them."""

    def __init__(self) -> None:
        self.cases: dict[int, KnownCase] = {}
        self._by_number: dict[str, int] = {}
        #: Soundex of the surname -> (case ids, "surname given" keys) in step.
        self._blocks: dict[str, tuple[list[int], list[str]]] = {}
        self._dates: dict[int, FuzzyDate | None] = {}

    @classmethod
    def load(cls, session: Session) -> CaseIndex:
        table = table_of(Serviceman)
        columns = [
            type_coerce(table.c[name], String).label(name)
            if name in ("birth_date", "loss_date", "branch", "accounting_status", "current_status")
            else table.c[name]
            for name in CASE_COLUMNS
        ]
        index = cls()
        for row in session.execute(select(table.c.id, table.c.uid, *columns)):
            values = dict(zip(CASE_COLUMNS, row[2:], strict=True))
            index.add(KnownCase(row[0], row[1], values))
        return index

    def add(self, case: KnownCase, loss_date: FuzzyDate | None = None) -> None:
        self.cases[case.id] = case
        number = str(case.values["service_number"] or "")
        if number:
            self._by_number.setdefault(number, case.id)
        surname, given = str(case.values["surname"]), str(case.values["given_names"] or "")
        ids, names = self._blocks.setdefault(soundex(surname), ([], []))
        ids.append(case.id)
        names.append(_name_key(surname, given))
        if loss_date is None and case.values.get("loss_date"):
            loss_date = _stored_date(str(case.values["loss_date"]))
        self._dates[case.id] = loss_date

    def match(self, row: ListRow) -> Match | None:
        if row.service_number:
            case_id = self._by_number.get(row.service_number)
            if case_id is not None:
                return Match(self.cases[case_id], "confirmed", "same service number")
        block = self._blocks.get(soundex(row.surname))
        if block is None:
            return None
        row_name = _name_key(row.surname, row.given_names)
        row_surname = fold(row.surname)
        strong: list[Match] = []
        possible: list[tuple[float, Match]] = []
        # Names are scored in C over the whole block; only the close ones are looked at.
        hits = process.extract(
            row_name,
            block[1],
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=POSSIBLE_NAME,
            limit=MAX_CANDIDATES,
        )
        for _, name, position in hits:
            case_id = block[0][position]
            case = self.cases[case_id]
            values = case.values
            number = str(values["service_number"] or "")
            if row.service_number and number and number != row.service_number:
                continue
            dates = _dates_agree(row.loss_date, self._dates.get(case_id))
            if dates is False:
                continue
            unit = str(values["unit"] or "")
            units = fuzz.token_set_ratio(row.unit, unit) if row.unit and unit else None
            if units is not None and units < OTHER_UNIT:
                continue
            same_surname = fold(str(values["surname"])) == row_surname
            agrees = dates is True or (units is not None and units >= SAME_UNIT)
            if same_surname and name >= STRONG_NAME and agrees:
                why = "same name, " + ("loss date" if dates else "unit")
                strong.append(Match(case, "confirmed", why))
            elif name >= POSSIBLE_NAME:
                why = f"similar name ({name:.0f}%)" + (", same loss date" if dates else "")
                possible.append((name, Match(case, "possible", why)))
        if len(strong) == 1:
            return strong[0]
        if strong:
            return Match(strong[0].case, "possible", f"{len(strong)} cases fit this row equally")
        if possible:
            return max(possible, key=lambda p: p[0])[1]
        return None
