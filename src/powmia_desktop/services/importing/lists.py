"""Importing a list of servicemen (DPAA's list, a family group's spreadsheet, an old roster).

Each row is mapped, checked and matched against the archive's cases (list_matching): a new
case, an update of a case, a possible duplicate held for review, or rejected with its row
number and reason. Every row is kept "as printed" as a ListMembership on one Source that
stands for the list, so nothing in the file is lost, rejected rows included. The import is
one ImportBatch, written with Core statements in batches (never an ORM object per row), and
compared with the previous batch of the same list: who was added, who left, whose status
changed.

The row loop is the cost of a large list, so it keeps to plain values: each distinct cell
text of a field is checked once (RowReader), each row becomes tuples in column order (no
dict or ORM object per row), the row as printed is written as JSON text made straight from
the cells, and the rows go in by ``executemany`` through the session's connection, with the
full-text index filled in one statement at the end.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Sequence
from json.encoder import encode_basestring_ascii as _json_text
from pathlib import Path
from typing import Any, Final

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.memory import collector_paused
from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.core.vocab import ClaimProperty, NameVariantKind
from powmia_desktop.db.models import (
    ChangeLogEntry,
    Citation,
    Claim,
    ListMembership,
    NameVariant,
    Serviceman,
    StatusChange,
)
from powmia_desktop.db.tables import raw_table, table_of
from powmia_desktop.db.types import utcnow
from powmia_desktop.services.importing import list_diff
from powmia_desktop.services.importing.list_candidates import write_candidates
from powmia_desktop.services.importing.list_matching import CaseIndex, KnownCase, Match
from powmia_desktop.services.importing.list_plan import (
    CASE_COLUMNS,
    CASE_SHARED,
    CONFIRMED,
    MEMBERSHIP_COLUMNS,
    STATUS_COLUMNS,
    STATUS_SHARED,
    SUGGESTED,
    UNMATCHED,
    Plan,
    case_values,
    new_case,
    plan_update,
    status_change,
)
from powmia_desktop.services.importing.list_rows import (
    LIST_FIELDS,
    RowReader,
    cells_of,
    field_columns,
)
from powmia_desktop.services.importing.outcome import (
    HeldRow,
    ImportResult,
    recorded_batch,
)
from powmia_desktop.services.importing.records import (
    TagLinker,
    bulk_insert,
    find_or_create_source,
    index_after_insert,
    insert_tuples,
    new_uids_in_order,
    next_ids,
    record_defaults,
    stored,
)
from powmia_desktop.services.importing.tabular import (
    Table,
    read_table,
    require_one_of,
    resolve_mapping,
)

KIND: Final = "cases"
#: Rows written per executemany; large enough to be fast, small enough to report progress.
CHUNK: Final = 5000


def import_list(
    session: Session,
    path: Path,
    *,
    mapping: dict[str, str | None] | None = None,
    list_title: str | None = None,
    as_of: FuzzyDate | None = None,
    dry_run: bool = False,
    progress: Progress = no_progress,
) -> ImportResult:
    """Import the list at ``path`` (CSV/TSV) into the session's archive (not committed).

    ``list_title`` names the list (the Source its rows are kept on; default: the file's
    name without extension); importing a later edition under the same title reports the
    difference. ``as_of`` dates the status changes the list brings (default: today).
    """
    table = read_table(path)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    return import_list_table(
        session,
        table,
        file_name=path.name,
        sha256=sha,
        mapping=mapping,
        list_title=list_title or path.stem,
        as_of=as_of,
        dry_run=dry_run,
        progress=progress,
    )


def import_list_table(
    session: Session,
    table: Table,
    *,
    file_name: str,
    list_title: str,
    sha256: str = "",
    mapping: dict[str, str | None] | None = None,
    as_of: FuzzyDate | None = None,
    dry_run: bool = False,
    progress: Progress = no_progress,
) -> ImportResult:
    columns_map = resolve_mapping(table.headers, LIST_FIELDS, mapping)
    require_one_of(columns_map, ("surname", "name"), table.headers, file_name, "the surname")
    result = ImportResult(KIND, file_name, dry_run)
    result.warn(table.warning)
    batch_mapping = {"columns": columns_map, "list": list_title}
    with (
        collector_paused(),
        recorded_batch(session, result, KIND, batch_mapping, sha256) as batch_id,
    ):
        source_id = find_or_create_source(session, list_title)
        previous = list_diff.previous_batch(session, source_id, batch_id)
        index = CaseIndex.load(session)
        when = as_of or FuzzyDate.from_date(dt.date.today())
        plan = _plan_rows(
            session, table, columns_map, index, result, when, progress, previous is not None
        )
        claims = _write(session, plan, source_id, batch_id, list_title, progress)
        result.add("facts kept as claims", claims)
        if previous is not None:
            result.diff = list_diff.compare(session, previous, plan.current)
            result.add("added since last edition", len(result.diff.added))
            result.add("left since last edition", len(result.diff.left))
            result.add("changed status since last edition", len(result.diff.status_changed))
    return result


def printed_json(headers: list[str]) -> Callable[[list[str]], str]:
    """The JSON text of a row as printed (header -> cell, blank cells left out), exactly as
    ``json.dumps`` of that dict gives it, made from the cells without building the dict."""
    keys = [json.dumps(h) + ": " for h in headers]

    def printed(values: list[str]) -> str:
        return (
            "{"
            + ", ".join([k + _json_text(v) for k, v in zip(keys, values, strict=True) if v])
            + "}"
        )

    return printed


def _plan_rows(
    session: Session,
    table: Table,
    mapping: dict[str, str],
    index: CaseIndex,
    result: ImportResult,
    when: FuzzyDate,
    progress: Progress,
    compare: bool,
) -> Plan:
    """Check, match and plan every row; ``compare`` keeps what list_diff needs."""
    plan = Plan()
    columns = field_columns(table.headers, mapping)
    singles = [(name, indexes[0]) for name, indexes in columns.items() if len(indexes) == 1]
    several = len(singles) < len(columns)
    reader = RowReader()
    printed = printed_json(table.headers)
    total = len(table)
    new_ids = next_ids(session, table_of(Serviceman))
    new_cases, memberships, status_changes = plan.new_cases, plan.memberships, plan.status_changes
    for position, values in enumerate(table.rows):
        if position % 2000 == 0:
            progress(position, total, f"Checking row {position + 1:,} of {total:,}")
        number = table.row_numbers[position]
        if several:
            cells = cells_of(values, columns)
        else:
            cells = {name: text for name, i in singles if (text := values[i].strip())}
        try:
            row = reader.read(cells)
        except ValidationError as error:
            result.reject(number, str(error))
            name = cells.get("name") or " ".join(v for v in values if v != "")
            memberships.append(
                (number, printed(values), None, UNMATCHED, name[:300], f"Rejected: {error}")
            )
            continue
        keys = index.keys(row.surname, row.given_names)
        match = index.match(row, keys)
        if match is not None and match.verdict == "confirmed":
            match = _claimed_twice(match, number)
        notes = ""
        if match is None:
            case_id = next(new_ids)
            new_cases.append(new_case(row, case_id))
            index.add(
                KnownCase(case_id, "", case_values(row), from_row=number), row.loss_date, keys
            )
            if row.casualty_status:
                status_changes.append(status_change(case_id, row, when))
            if row.tags:
                plan.tags.append((case_id, row.tags))
            result.add("new")
            status = CONFIRMED
        elif match.verdict == "confirmed":
            case_id = match.case.id
            match.case.matched_by_row = number
            changed = plan_update(plan, match.case, row, when, utcnow(), number)
            result.add("updated" if changed else "unchanged")
            if row.tags:
                plan.tags.append((case_id, row.tags))
            if row.name_as_printed and row.sort_name != match.case.sort_name:
                plan.variants.append({"serviceman_id": case_id, "name": row.name_as_printed})
            status = CONFIRMED
        else:
            case_id = match.case.id
            result.held.append(
                HeldRow(
                    number,
                    row.sort_name,
                    case_id,
                    match.case.sort_name,
                    match.reason,
                    len(match.others),
                )
            )
            plan.candidates.extend(
                (number, other.case.id, rank, other.reason[:200])
                for rank, other in enumerate(match.others, 1)
            )
            result.add("held for review")
            status = SUGGESTED
            notes = f"Held for review: {match.reason}"
        memberships.append(
            (number, printed(values), case_id, status, row.name_as_printed[:300], notes)
        )
        if compare:
            plan.current.append(list_diff.entry(case_id, status, row))
    progress(total, total, "Writing")
    result.counts = {"rows": total, **result.counts}
    return plan


def _claimed_twice(match: Match, number: int) -> Match:
    """A second row of the same file matching the same case is held, never merged silently."""
    case = match.case
    earlier = case.from_row or case.matched_by_row
    if earlier is None:
        return match
    return Match(case, "possible", f"row {earlier} of this file is the same man ({match.reason})")


def _write(
    session: Session,
    plan: Plan,
    source_id: int,
    batch_id: int,
    list_title: str,
    progress: Progress,
) -> int:
    connection = session.connection()
    now = utcnow()
    total = len(plan.new_cases) + len(plan.memberships)
    done = 0

    def chunks(table: Any, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        nonlocal done
        for start in range(0, len(rows), CHUNK):
            insert_tuples(session, table, columns, rows[start : start + CHUNK])
            done += min(CHUNK, len(rows) - start)
            progress(min(done, total), total, "Writing cases and list rows")

    cases = table_of(Serviceman)
    stamp = stored(session, cases, "created_at", now)
    shared = (*CASE_SHARED.values(), stamp, stamp)
    case_rows = [
        (*case, *shared, uid)
        for case, uid in zip(plan.new_cases, new_uids_in_order(len(plan.new_cases)), strict=True)
    ]
    case_columns = (*CASE_COLUMNS, *CASE_SHARED, "created_at", "updated_at", "uid")
    with index_after_insert(session, cases) as reindex:
        chunks(cases, case_columns, case_rows)
        if case_rows:
            reindex(case_rows[0][0], case_rows[-1][0])
    del case_rows
    raw = raw_table(cases)
    for columns, changes in plan.updates.items():
        statement = (
            update(raw)
            .where(raw.c.id == bindparam("_id"))
            .values(
                {
                    **{c: bindparam(c) for c in columns},
                    "updated_at": bindparam("_now"),
                    "row_version": raw.c.row_version + 1,
                }
            )
        )
        connection.execute(statement, changes)
    if plan.status_changes:
        shared = (*STATUS_SHARED.values(), stamp, stamp)
        uids = new_uids_in_order(len(plan.status_changes))
        insert_tuples(
            session,
            table_of(StatusChange),
            (*STATUS_COLUMNS, *STATUS_SHARED, "created_at", "updated_at", "uid"),
            [(*c, *shared, uid) for c, uid in zip(plan.status_changes, uids, strict=True)],
        )
    if plan.changes:
        connection.execute(insert(table_of(ChangeLogEntry)), plan.changes)
    TagLinker(session, now).link(plan.tags)
    if plan.variants:
        _write_variants(session, plan.variants, list_title, now)
    claims = _write_claims(session, plan.claims, source_id, now)
    memberships = table_of(ListMembership)
    written = stored(session, memberships, "created_at", now)
    shared = (
        source_id,
        batch_id,
        written,
        written,
        1,
        int(ListMembership.default_sensitivity),
    )
    uids = new_uids_in_order(len(plan.memberships))
    rows = [(*m, *shared, uid) for m, uid in zip(plan.memberships, uids, strict=True)]
    membership_columns = (
        *MEMBERSHIP_COLUMNS,
        "source_id",
        "import_batch_id",
        "created_at",
        "updated_at",
        "row_version",
        "sensitivity",
        "uid",
    )
    chunks(memberships, membership_columns, rows)
    write_candidates(session, plan.candidates, batch_id)
    return claims


def _write_claims(
    session: Session, claims: list[dict[str, Any]], source_id: int, now: dt.datetime
) -> int:
    """Facts the list gives differently from the case, as claims citing the list's row."""
    if not claims:
        return 0
    cases = {c["serviceman_id"] for c in claims}
    known = {
        tuple(row)
        for row in session.execute(
            select(Claim.serviceman_id, Claim.fact, Claim.fact_text, Claim.value).where(
                Claim.serviceman_id.in_(cases)
            )
        )
    }
    ids = next_ids(session, table_of(Claim))
    rows, citations = [], []
    for claim in claims:
        key = (
            claim["serviceman_id"],
            ClaimProperty(claim["fact"]),
            claim["fact_text"],
            claim["value"],
        )
        if key in known:
            continue
        known.add(key)
        record = record_defaults(now, Claim.default_sensitivity)
        record.update(
            id=next(ids),
            serviceman_id=claim["serviceman_id"],
            fact=claim["fact"],
            fact_text=claim["fact_text"],
            value=claim["value"],
            status="asserted",
        )
        rows.append(record)
        citation = record_defaults(now, Citation.default_sensitivity)
        citation.update(
            source_id=source_id, locator=f"row {claim['row_number']}", quote="",
            confidence="secondary", serviceman_id=None, status_change_id=None,
            claim_id=record["id"], timeline_event_id=None, captivity_id=None,
            incident_id=None, live_sighting_report_id=None,
        )  # fmt: skip
        citations.append(citation)
    bulk_insert(session, raw_table(table_of(Claim)), rows)
    bulk_insert(session, raw_table(table_of(Citation)), citations)
    return len(rows)


def _write_variants(
    session: Session, variants: list[dict[str, Any]], where: str, now: dt.datetime
) -> None:
    ids = {v["serviceman_id"] for v in variants}
    known = {
        (sid, name.casefold())
        for sid, name in session.execute(
            select(NameVariant.serviceman_id, NameVariant.name).where(
                NameVariant.serviceman_id.in_(ids)
            )
        )
    }
    rows = []
    for variant in variants:
        key = (variant["serviceman_id"], variant["name"].casefold())
        if key in known:
            continue
        known.add(key)
        record = record_defaults(now, NameVariant.default_sensitivity)
        record.update(variant, kind=NameVariantKind.AS_PRINTED.value, where_seen=where[:300])
        rows.append(record)
    if rows:
        session.connection().execute(insert(raw_table(table_of(NameVariant))), rows)


__all__ = ["LIST_FIELDS", "import_list", "import_list_table"]
