"""What an import did, in words and numbers: the same result for the CLI, the wizard and tests.

Every importer returns an ``ImportResult``: counts by name, the rows it rejected (with the
row number a person sees in a spreadsheet and the reason), the rows it held back as possible
duplicates, and for lists the difference from the previous edition of the same list.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from powmia_desktop.db.models import ImportBatch
from powmia_desktop.db.types import utcnow


def printable(text: str, limit: int = 500) -> str:
    """``text`` safe to show on one line: control characters (terminal escapes, NULs, line
    breaks) become "?", and it is cut at ``limit`` characters. Messages quote what a file
    contained, and a file may contain anything."""
    clean = "".join("?" if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


@dataclass(frozen=True)
class RowProblem:
    """A row (or card, or event) that was not imported, and why."""

    row: int
    reason: str
    what: str = "Row"

    def __str__(self) -> str:
        return f"{self.what} {self.row}: {self.reason}"


@dataclass(frozen=True)
class HeldRow:
    """A row that looks like a case already in the archive; kept for a person to decide."""

    row: int
    name: str
    candidate_id: int
    candidate_name: str
    reason: str
    #: How many other cases the row may be too (kept with the row for review).
    others: int = 0

    def __str__(self) -> str:
        also = ""
        if self.others:
            also = f" (or {self.others} other case{'s' if self.others != 1 else ''})"
        return (
            f"Row {self.row}: {self.name} may be {self.candidate_name} "
            f"(case {self.candidate_id}){also}: {self.reason}"
        )


@dataclass(frozen=True)
class StatusDelta:
    name: str
    before: str
    after: str


@dataclass
class ListDiff:
    """Who was added, who left and whose status changed since the previous edition."""

    previous_batch_id: int
    added: list[str] = field(default_factory=list)
    left: list[str] = field(default_factory=list)
    status_changed: list[StatusDelta] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"Since the previous import of this list (batch {self.previous_batch_id}): "
            f"{len(self.added)} added, {len(self.left)} left, "
            f"{len(self.status_changed)} changed status"
        ]
        out += [f"  added: {name}" for name in self.added]
        out += [f"  left: {name}" for name in self.left]
        out += [f"  {d.name}: {d.before} -> {d.after}" for d in self.status_changed]
        return out


@dataclass
class ImportResult:
    kind: str
    file_name: str
    dry_run: bool = False
    counts: dict[str, int] = field(default_factory=dict)
    rejected: list[RowProblem] = field(default_factory=list)
    held: list[HeldRow] = field(default_factory=list)
    diff: ListDiff | None = None
    notes: list[str] = field(default_factory=list)
    batch_id: int | None = None

    def add(self, name: str, count: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + count

    def warn(self, text: str) -> None:
        """Add ``text`` to the report's notes, unless it is empty."""
        if text:
            self.notes.append(text)

    def reject(self, row: int, reason: str, what: str = "Row") -> None:
        self.rejected.append(RowProblem(row, printable(reason), what))
        self.add("rejected")

    def summary(self) -> str:
        """One line: "Would import" in a dry run, then every non-zero count."""
        verb = "Would import" if self.dry_run else "Imported"
        parts = [f"{n:,} {name.replace('_', ' ')}" for name, n in self.counts.items() if n]
        return f"{verb} {self.file_name}: " + (", ".join(parts) if parts else "nothing")

    def lines(self) -> list[str]:
        """Everything a person should read, one item a line (the CLI prints these)."""
        out = [self.summary()]
        out += self.notes
        if self.diff is not None:
            out += self.diff.lines()
        out += [f"Held for review: {held}" for held in self.held]
        if self.held and not self.dry_run:
            out.append(
                "Decide each held row in the Lists section's review queue, or with "
                "'powmia review' (same man, new case, or reject)"
            )
        out += [f"Rejected: {problem}" for problem in self.rejected]
        return [printable(line, 2000) for line in out]


def start_batch(
    session: Session, path: Path | str, kind: str, mapping: dict[str, Any], sha256: str = ""
) -> int:
    """Record the start of one import (one ImportBatch row) and return its id.

    Written first, so the import's transaction takes the write lock before it reads ids.
    """
    now = utcnow()
    values = {
        "file_name": str(path),
        "file_sha256": sha256,
        "kind": kind,
        "column_mapping": mapping,
        "counts": {},
        "started_at": now,
        "created_at": now,
        "updated_at": now,
        "status": "running",
    }
    result = session.execute(insert(ImportBatch).values(**values).returning(ImportBatch.id))
    return int(result.scalar_one())


def finish_batch(session: Session, batch_id: int, result: ImportResult) -> None:
    result.batch_id = batch_id
    now = utcnow()
    session.execute(
        update(ImportBatch)
        .where(ImportBatch.id == batch_id)
        .values(counts=dict(result.counts), finished_at=now, updated_at=now, status="done")
    )


@contextmanager
def recorded_batch(
    session: Session,
    result: ImportResult,
    kind: str,
    mapping: dict[str, Any],
    sha256: str = "",
) -> Iterator[int]:
    """The frame of every import: one ImportBatch, finished with the result's counts, all
    inside a savepoint that is rolled back when ``result.dry_run``. Yields the batch id."""
    with dry_run_guard(session, result.dry_run):
        batch_id = start_batch(session, result.file_name, kind, mapping, sha256)
        yield batch_id
        finish_batch(session, batch_id, result)
    if result.dry_run:
        result.batch_id = None


@contextmanager
def dry_run_guard(session: Session, dry_run: bool) -> Iterator[None]:
    """Run the block in a savepoint rolled back at the end when ``dry_run``.

    The dry run therefore does exactly what the real run does and reports the same counts,
    but leaves nothing behind.
    """
    if not dry_run:
        yield
        return
    savepoint = session.begin_nested()
    try:
        yield
    finally:
        if savepoint.is_active:
            savepoint.rollback()
