"""What a list import will write, gathered row by row before anything is written.

The rows are stored values (dates as their JSON, vocabulary words as their values) ready
for bulk inserts and updates: new cases, the status changes a list brings, changed fields of
matched cases (with a change-log entry for each), tags and list memberships. New cases,
status changes and memberships are plain tuples in the column order below (what varies
from row to row; the columns every row shares and the uid are added when written), because
a dict per row is a noticeable share of a 100,000-row import.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Final

from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.vocab import ClaimProperty, ListMatchStatus
from powmia_desktop.db.models import Serviceman, StatusChange
from powmia_desktop.services.importing import list_diff
from powmia_desktop.services.importing.list_matching import KnownCase
from powmia_desktop.services.importing.list_rows import ListRow, date_columns

#: The columns of a new case's tuple (then, when written: CASE_SHARED, then the uid).
CASE_COLUMNS: Final = (
    "id", "surname", "given_names", "suffix", "service_number", "branch", "rank", "unit",
    "home_city", "home_county", "home_state", "birth_date", "loss_place_text",
    "circumstances", "accounting_status", "current_status", "last_seen_alive", "notes",
    "loss_date", "loss_date_sort", "loss_date_earliest", "loss_date_latest",
)  # fmt: skip
#: Columns every new case has alike: no place or incident links, no rosette, no summary.
CASE_SHARED: Final = {
    "loss_place_id": None,
    "incident_id": None,
    "accounted_for_date": None,
    "rosette_placed": False,
    "summary": "",
    "row_version": 1,
    "sensitivity": int(Serviceman.default_sensitivity),
}
#: The columns of a status change's tuple (then STATUS_SHARED, then the uid).
STATUS_COLUMNS: Final = ("serviceman_id", "status", "status_text", "date", "date_sort")
STATUS_SHARED: Final = {
    "authority": None,
    "method": "report",
    "notes": "As printed on an imported list",
    "row_version": 1,
    "sensitivity": int(StatusChange.default_sensitivity),
}
#: The columns of a list membership's tuple (then the list's, the batch's, then the uid).
MEMBERSHIP_COLUMNS: Final = (
    "row_number", "row_as_printed", "serviceman_id", "match_status", "name_as_printed",
    "notes",
)  # fmt: skip
CONFIRMED: Final = ListMatchStatus.CONFIRMED.value
SUGGESTED: Final = ListMatchStatus.SUGGESTED.value
UNMATCHED: Final = ListMatchStatus.UNMATCHED.value


@dataclass
class Plan:
    """What the import will write, gathered row by row and written in bulk at the end."""

    new_cases: list[tuple[Any, ...]] = field(default_factory=list)
    updates: dict[tuple[str, ...], list[dict[str, Any]]] = field(default_factory=dict)
    status_changes: list[tuple[Any, ...]] = field(default_factory=list)
    memberships: list[tuple[Any, ...]] = field(default_factory=list)
    variants: list[dict[str, Any]] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)
    tags: list[tuple[int, list[str]]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    #: The other cases a held row may be: (row number, case id, rank, reason).
    candidates: list[tuple[int, int, int, str]] = field(default_factory=list)
    current: list[list_diff.Entry] = field(default_factory=list)


def new_case(row: ListRow, case_id: int) -> tuple[Any, ...]:
    """A new case's tuple (CASE_COLUMNS) from a checked row."""
    loss = date_columns("loss_date", row.loss_date)
    return (
        case_id,
        row.surname,
        row.given_names,
        row.suffix,
        row.service_number,
        row.branch,
        row.rank,
        row.unit,
        row.home_city,
        row.home_county,
        row.home_state,
        date_columns("birth_date", row.birth_date)["birth_date"],
        row.loss_place_text,
        row.circumstances,
        row.accounting_status or "unaccounted_for",
        row.casualty_status,
        bool(row.last_seen_alive),
        row.notes,
        loss["loss_date"],
        loss["loss_date_sort"],
        loss["loss_date_earliest"],
        loss["loss_date_latest"],
    )


def case_values(row: ListRow) -> dict[str, object]:
    """What the index keeps of a case this import creates (CASE_COLUMNS of list_matching
    that a later row of the same file is compared with)."""
    return {
        "surname": row.surname,
        "given_names": row.given_names,
        "service_number": row.service_number,
        "unit": row.unit,
    }


def status_change(case_id: int, row: ListRow, when: FuzzyDate) -> tuple[Any, ...]:
    """A status change's tuple (STATUS_COLUMNS): the status the list gives, as of ``when``."""
    date = date_columns("date", when)
    return (case_id, row.casualty_status, row.status_text[:200], date["date"], date["date_sort"])


#: Fields a matched row sets even when the case has a value: the statuses.
FOLLOW_THE_LIST: Final = frozenset({"accounting_status", "current_status", "last_seen_alive"})
_CLAIM_FACTS: Final = {
    "rank": ClaimProperty.RANK,
    "unit": ClaimProperty.UNIT,
    "loss_date": ClaimProperty.LOSS_DATE,
    "loss_place_text": ClaimProperty.LOSS_PLACE,
}


def _claim(case_id: int, name: str, value: Any, number: int) -> dict[str, Any]:
    """A fact as the list gives it, for the case's claims (cited to the list's row)."""
    fact = _CLAIM_FACTS.get(name, ClaimProperty.OTHER)
    if name in ("loss_date", "birth_date"):
        value = FuzzyDate.from_json(str(value)).format()
    return {
        "serviceman_id": case_id,
        "fact": fact.value,
        "fact_text": "" if fact is not ClaimProperty.OTHER else name.replace("_", " "),
        "value": str(value),
        "row_number": number,
    }


def plan_update(
    plan: Plan, case: KnownCase, row: ListRow, when: FuzzyDate, now: dt.datetime, number: int
) -> bool:
    """Plan the changes a matched row brings (see FOLLOW_THE_LIST); True if any."""
    new: dict[str, Any] = {
        "given_names": row.given_names,
        "suffix": row.suffix,
        "service_number": row.service_number,
        "branch": row.branch,
        "rank": row.rank,
        "unit": row.unit,
        "home_city": row.home_city,
        "home_county": row.home_county,
        "home_state": row.home_state,
        "birth_date": _json(row.birth_date),
        "loss_place_text": row.loss_place_text,
        "circumstances": row.circumstances,
        "accounting_status": row.accounting_status,
        "current_status": row.casualty_status,
        "last_seen_alive": row.last_seen_alive if row.last_seen_alive else None,
    }
    if row.loss_date is not None:
        new["loss_date"] = _json(row.loss_date)
    old = case.values
    differing = {
        k: v
        for k, v in new.items()
        if v not in (None, "") and old.get(k) != v and not same_date(k, old.get(k), v)
    }
    # What the archive lacks is filled in and the status the list gives is taken (that is
    # what a new edition is for); any other fact the list gives differently is kept as a
    # claim citing the list, never written over what the family recorded.
    changes = {
        k: v for k, v in differing.items() if k in FOLLOW_THE_LIST or old.get(k) in (None, "")
    }
    for name, value in differing.items():
        if name not in changes:
            plan.claims.append(_claim(case.id, name, value, number))
    if row.notes and row.notes not in str(old.get("notes") or ""):
        changes["notes"] = f"{old['notes']}\n{row.notes}".strip() if old.get("notes") else row.notes
    if not changes:
        return False
    for name, value in changes.items():
        plan.changes.append(
            {
                "changed_at": now,
                "table_name": "serviceman",
                "record_id": case.id,
                "record_uid": case.uid,
                "action": "update",
                "field": name,
                "old_value": None if old.get(name) is None else str(old.get(name))[:2000],
                "new_value": str(value)[:2000],
            }
        )
    if "current_status" in changes:
        plan.status_changes.append(status_change(case.id, row, when))
    if "loss_date" in changes:
        changes.update(date_columns("loss_date", row.loss_date))
        changes["loss_date"] = new["loss_date"]
    old.update(changes)
    key = tuple(sorted(changes))
    plan.updates.setdefault(key, []).append({"_id": case.id, "_now": now, **changes})
    return True


def _json(date: FuzzyDate | None) -> str | None:
    """The stored text of a date, remembered (a list repeats the same few hundred dates)."""
    return None if date is None else date_columns("date", date)["date"]


def same_date(name: str, old: object, new: object) -> bool:
    """Two stored dates that mean the same ("1950-11-28" and "28 Nov 1950") are no change."""
    if name not in ("loss_date", "birth_date") or not old or not new:
        return False
    return FuzzyDate.from_json(str(old)).same_value(FuzzyDate.from_json(str(new)))
