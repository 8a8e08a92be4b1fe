"""Is this row a case the archive already has? Service number first, then name, unit, date.

Cases are blocked by surname sound (Soundex) so a row is compared with a handful of
cases, never with all of them; within a block rapidfuzz scores the names and units. A block
is split further by what can never match, so that a list whose surnames all sound alike
stays linear: by whether the case has a service number (a row with a number never matches
a case with another one) and by when the loss happened (a row is compared only with cases
whose loss date could be the same day, and with those whose date is unknown or vague).

* Same service number: the same man (a different one on both sides: never the same man).
* Same surname, given names that agree, and loss date or unit that agrees with nothing
  contradicting: the same man (the case is updated).
* A similar name that nothing contradicts: a possible duplicate, held for a person, with
  every other case that could be him too (``Match.others``, best first).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process
from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.db.models import Serviceman
from powmia_desktop.db.tables import table_of
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
#: Cases a held row is shown beside at most (its best candidate and the next ones).
MAX_HELD: Final = 5
#: Soundex digits; vowels (and y) become "0" and separate letters, h and w vanish.
_SOUNDEX: Final = str.maketrans("bfpvcgjkqsxzdtlmnraeiouy", "111122222222334556000000", "hw")


@lru_cache(maxsize=262144)
def soundex(name: str) -> str:
    """American Soundex of a surname ("Dumas" -> D520), the classic blocking key."""
    if name.isascii() and name.isalpha():  # most surnames: nothing to fold away
        letters = name.lower()
    else:
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


@dataclass(slots=True)
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
    #: For a possible match: the other cases the row could be, best first.
    others: tuple[Match, ...] = ()


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


#: Where a case's loss date puts it within a block: ("d", day), ("m", year, month),
#: ("y", year), or WIDE for a date unknown, text only, open-ended or spanning years.
DateShelf = tuple[Any, ...]
WIDE: Final[DateShelf] = ()
#: A row whose date spans more days than this is compared with cases shelved by year.
_FEW_DAYS: Final = 62
#: ... and one that spans more years than this with every case of the block.
_FEW_YEARS: Final = 10


def date_shelf(date: FuzzyDate | None) -> DateShelf:
    """The finest shelf that holds every day ``date`` can denote."""
    if date is None:
        return WIDE
    first, last = date.earliest, date.latest
    if first is None or last is None:
        return WIDE
    if first == last:
        return ("d", first.toordinal())
    if first.year == last.year:
        if first.month == last.month:
            return ("m", first.year, first.month)
        return ("y", first.year)
    return WIDE


class _Block:
    """The cases of one Soundex code, shelved by service number (has one or not) and loss
    date; each shelf keeps case ids and name keys in step, in the order cases came."""

    __slots__ = ("numbered", "unnumbered", "years")

    def __init__(self) -> None:
        self.numbered: dict[DateShelf, tuple[list[int], list[str]]] = {}
        self.unnumbered: dict[DateShelf, tuple[list[int], list[str]]] = {}
        #: Year -> the day, month and year shelves of that year that hold a case.
        self.years: dict[int, set[DateShelf]] = {}

    def add(self, case_id: int, name: str, numbered: bool, shelf: DateShelf) -> None:
        shelves = self.numbered if numbered else self.unnumbered
        found = shelves.get(shelf)
        if found is None:
            found = shelves[shelf] = ([], [])
            if shelf:
                year = dt.date.fromordinal(shelf[1]).year if shelf[0] == "d" else shelf[1]
                self.years.setdefault(year, set()).add(shelf)
        found[0].append(case_id)
        found[1].append(name)

    def shelves(
        self, numbered: bool, wanted: list[DateShelf] | None
    ) -> list[tuple[list[int], list[str]]]:
        """The shelves a row must look at: unnumbered cases, and numbered ones too when the
        row has no number; only the ``wanted`` date shelves (None: all of them)."""
        kinds = (self.unnumbered,) if numbered else (self.unnumbered, self.numbered)
        out: list[tuple[list[int], list[str]]] = []
        for shelves in kinds:
            if wanted is None:
                out.extend(shelves.values())
            else:
                for shelf in wanted:
                    found = shelves.get(shelf)
                    if found is not None:
                        out.append(found)
        return out


@lru_cache(maxsize=4096)
def _near_shelves(date: FuzzyDate) -> tuple[DateShelf, ...] | None:
    """Every shelf a case whose loss could fall on a day of ``date`` can be on, when that
    date spans at most a few weeks; None when it is longer or unbounded."""
    first, last = date.earliest, date.latest
    if first is None or last is None or (last - first).days > _FEW_DAYS:
        return None
    shelves: list[DateShelf] = [WIDE]
    days = range(first.toordinal(), last.toordinal() + 1)
    shelves += [("d", day) for day in days]
    months = sorted({(d.year, d.month) for d in map(dt.date.fromordinal, days)})
    shelves += [("m", year, month) for year, month in months]
    shelves += [("y", year) for year in sorted({year for year, _ in months})]
    return tuple(shelves)


class CaseIndex:
    """The archive's cases (and those this import creates) looked up as a row needs them."""

    def __init__(self) -> None:
        self.cases: dict[int, KnownCase] = {}
        self._by_number: dict[str, int] = {}
        self._blocks: dict[str, _Block] = {}
        self._dates: dict[int, FuzzyDate | None] = {}
        self._soundex: dict[str, str] = {}

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
        query = select(table.c.id, table.c.uid, *columns).order_by(table.c.id)
        #: Stored loss date text -> (the date, its shelf): read once per distinct date.
        dates: dict[str | None, tuple[FuzzyDate | None, DateShelf]] = {None: (None, WIDE)}
        for row in session.execute(query).all():
            values = dict(zip(CASE_COLUMNS, row[2:], strict=True))
            text = values["loss_date"] or None
            known = dates.get(text)
            if known is None:
                date = _stored_date(str(text))
                known = dates[text] = (date, date_shelf(date))
            case = KnownCase(row[0], row[1], values)
            keys = index.keys(str(values["surname"]), str(values["given_names"] or ""))
            index._file(case, known[0], known[1], keys)
        return index

    def keys(self, surname: str, given: str) -> tuple[str, str]:
        """(Soundex of the surname, name key) as the index files and looks them up."""
        code = self._soundex.get(surname)
        if code is None:
            code = self._soundex[surname] = soundex(surname)
        return code, _name_key(surname, given)

    def add(
        self,
        case: KnownCase,
        loss_date: FuzzyDate | None = None,
        keys: tuple[str, str] | None = None,
    ) -> None:
        values = case.values
        if keys is None:
            keys = self.keys(str(values["surname"]), str(values["given_names"] or ""))
        if loss_date is None and values.get("loss_date"):
            loss_date = _stored_date(str(values["loss_date"]))
        self._file(case, loss_date, _shelf_of(loss_date), keys)

    def _file(
        self, case: KnownCase, loss_date: FuzzyDate | None, shelf: DateShelf, keys: tuple[str, str]
    ) -> None:
        self.cases[case.id] = case
        number = str(case.values["service_number"] or "")
        if number:
            self._by_number.setdefault(number, case.id)
        block = self._blocks.get(keys[0])
        if block is None:
            block = self._blocks[keys[0]] = _Block()
        block.add(case.id, keys[1], bool(number), shelf)
        self._dates[case.id] = loss_date

    def _candidates(self, row: ListRow, block: _Block, name: str) -> list[tuple[float, int]]:
        """(name score, case id) of the closest names a row could match, best first."""
        date = row.loss_date
        wanted: list[DateShelf] | None = None
        if date is not None:
            near = _near_shelves(date)
            if near is not None:
                wanted = list(near)
            else:
                first, last = date.earliest, date.latest
                if first is not None and last is not None and last.year - first.year <= _FEW_YEARS:
                    wanted = [WIDE]
                    for year in range(first.year, last.year + 1):
                        wanted.extend(block.years.get(year, ()))
        hits: list[tuple[float, int]] = []
        for ids, names in block.shelves(bool(row.service_number), wanted):
            # Names are scored in C over the whole shelf; only the close ones are looked at.
            for _, score, position in process.extract(
                name,
                names,
                scorer=fuzz.ratio,
                processor=None,
                score_cutoff=POSSIBLE_NAME,
                limit=MAX_CANDIDATES,
            ):
                hits.append((score, ids[position]))
        if len(hits) > 1:
            hits.sort(key=lambda hit: (-hit[0], hit[1]))
        return hits[:MAX_CANDIDATES]

    def match(self, row: ListRow, keys: tuple[str, str] | None = None) -> Match | None:
        if row.service_number:
            case_id = self._by_number.get(row.service_number)
            if case_id is not None:
                return Match(self.cases[case_id], "confirmed", "same service number")
        if keys is None:
            keys = self.keys(row.surname, row.given_names)
        block = self._blocks.get(keys[0])
        if block is None:
            return None
        hits = self._candidates(row, block, keys[1])
        if not hits:
            return None
        row_surname = fold(row.surname)
        strong: list[Match] = []
        possible: list[tuple[float, Match]] = []
        for name, case_id in hits:
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
        # Held: every case that could be him, those that fit equally well first, then by
        # name score (a stable sort keeps the index's order among equals).
        possible.sort(key=lambda p: -p[0])
        held = [
            Match(m.case, "possible", f"{m.reason}, one of {len(strong)} that fit equally")
            for m in strong
        ] + [m for _, m in possible]
        if not held:
            return None
        best, *others = held[:MAX_HELD]
        if strong:
            best = Match(best.case, "possible", f"{len(strong)} cases fit this row equally")
        return Match(best.case, "possible", best.reason, tuple(others))


#: Shelves of the dates seen so far: a list repeats the same few hundred dates.
_SHELVES: dict[FuzzyDate | None, DateShelf] = {}


def _shelf_of(date: FuzzyDate | None) -> DateShelf:
    found = _SHELVES.get(date)
    if found is None:
        if len(_SHELVES) > 65536:
            _SHELVES.clear()
        found = _SHELVES[date] = date_shelf(date)
    return found
