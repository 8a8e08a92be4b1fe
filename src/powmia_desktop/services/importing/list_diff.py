"""What changed between two editions of one list: who was added, who left, whose status.

A row matched to a case is that case in both editions; a row held for review is known by
its name, and so is a row whose case has been deleted since. Rejected rows take no part.
The previous edition's rows are read again with the mapping that edition was imported
with, so a changed layout does not matter.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.vocab import AccountingStatus, CasualtyStatus, ListMatchStatus
from powmia_desktop.db.models import ImportBatch, ListMembership
from powmia_desktop.services.importing.list_rows import ListRow, RowReader, printed_cells
from powmia_desktop.services.importing.outcome import ListDiff, StatusDelta
from powmia_desktop.services.importing.tabular import fold


@dataclass(frozen=True)
class Entry:
    key: tuple[str, Any]
    name: str
    accounting: str | None
    casualty: str | None


@dataclass(frozen=True)
class Previous:
    batch_id: int
    mapping: dict[str, str]


def _accounting(row: ListRow) -> str | None:
    """The accounting status a row states or implies: a man listed MIA or POW is unaccounted
    for, so a list that only gives casualty statuses still shows who became accounted for."""
    if row.accounting_status:
        return row.accounting_status
    if row.casualty_status in ("accounted_for", "non_recoverable"):
        return row.casualty_status
    return "unaccounted_for" if row.casualty_status else None


def entry(case_id: int | None, status: str, row: ListRow) -> Entry:
    matched = status == "confirmed" and case_id is not None  # (its case not deleted since)
    key: tuple[str, Any] = ("case", case_id) if matched else ("name", fold(row.sort_name))
    return Entry(key, row.sort_name, _accounting(row), row.casualty_status)


def previous_batch(session: Session, source_id: int, current_batch_id: int) -> Previous | None:
    """The latest finished import of the same list before this one."""
    batches = select(ListMembership.import_batch_id).where(ListMembership.source_id == source_id)
    found = session.execute(
        select(ImportBatch.id, ImportBatch.column_mapping)
        .where(
            ImportBatch.id.in_(batches),
            ImportBatch.id != current_batch_id,
            ImportBatch.status == "done",
        )
        .order_by(ImportBatch.id.desc())
        .limit(1)
    ).first()
    if found is None:
        return None
    mapping = found[1].get("columns", {}) if isinstance(found[1], dict) else {}
    return Previous(found[0], {str(k): str(v) for k, v in mapping.items() if v})


def _previous_entries(session: Session, previous: Previous) -> list[Entry]:
    m = ListMembership.__table__.c
    rows = session.execute(
        select(m.serviceman_id, m.match_status, type_coerce(m.row_as_printed, String)).where(
            m.import_batch_id == previous.batch_id,
            m.match_status.in_([ListMatchStatus.CONFIRMED.value, ListMatchStatus.SUGGESTED.value]),
        )
    )
    reader = RowReader()
    targets = previous.mapping
    entries = []
    for case_id, status, text in rows:
        # A file stores JSON as text; a server hands it back already read.
        printed = json.loads(text) if isinstance(text, str) and text else text or None
        cells = printed_cells(printed, targets)
        try:
            row = reader.read(cells)
        except ValidationError:
            continue
        status_value = status.value if hasattr(status, "value") else str(status)
        entries.append(entry(case_id, status_value, row))
    return entries


def status_words(accounting: str | None, casualty: str | None) -> str:
    """A status as a person reads it: "Unaccounted for / POW"."""
    words = []
    if accounting:
        words.append(AccountingStatus(accounting).label)
    if casualty and CasualtyStatus(casualty).label not in words:
        words.append(CasualtyStatus(casualty).label)
    return " / ".join(words) or "(none)"


def changed_status(old: Entry, new: Entry) -> StatusDelta | None:
    """The change of status from ``old`` to ``new`` (the same man), None when neither of
    the two statuses both rows state differs."""
    accounting_changed = old.accounting and new.accounting and old.accounting != new.accounting
    casualty_changed = old.casualty and new.casualty and old.casualty != new.casualty
    if not (accounting_changed or casualty_changed):
        return None
    return StatusDelta(
        new.name,
        status_words(old.accounting, old.casualty),
        status_words(new.accounting, new.casualty),
    )


def diff_entries(
    before: dict[tuple[str, Any], Entry], now: dict[tuple[str, Any], Entry], diff: ListDiff
) -> ListDiff:
    """Fill ``diff`` with who is in ``now`` only (added), in ``before`` only (left) and
    whose status changed."""
    diff.added = sorted(e.name for key, e in now.items() if key not in before)
    diff.left = sorted(e.name for key, e in before.items() if key not in now)
    for key, new in now.items():
        old = before.get(key)
        delta = changed_status(old, new) if old is not None else None
        if delta is not None:
            diff.status_changed.append(delta)
    diff.status_changed.sort(key=lambda d: d.name)
    return diff


def compare(session: Session, previous: Previous, current: list[Entry]) -> ListDiff:
    before = {e.key: e for e in _previous_entries(session, previous)}
    now = {e.key: e for e in current}
    return diff_entries(before, now, ListDiff(previous.batch_id))
