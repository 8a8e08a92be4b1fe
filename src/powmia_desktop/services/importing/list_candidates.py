"""The other cases a held list row may be (table ``list_candidate``): written by the list
import beside the row's best candidate (``list_membership.serviceman_id``), read by the
review queue. A row held before candidates were kept has only its best one."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from powmia_desktop.core.vocab import ListMatchStatus
from powmia_desktop.db.models import ListMembership, list_candidate


def write_candidates(
    session: Session, candidates: list[tuple[int, int, int, str]], batch_id: int
) -> None:
    """Link each (row number, case id, rank, reason) to the held row of ``batch_id``
    written with that number."""
    if not candidates:
        return
    query = select(ListMembership.row_number, ListMembership.id).where(
        ListMembership.import_batch_id == batch_id,
        ListMembership.match_status == ListMatchStatus.SUGGESTED,
    )
    ids = {number: membership_id for number, membership_id in session.execute(query)}
    rows = [
        {"list_membership_id": ids[number], "serviceman_id": case, "rank": rank, "reason": why}
        for number, case, rank, why in candidates
    ]
    session.connection().execute(insert(list_candidate), rows)


def other_candidates(
    session: Session, membership_ids: Iterable[int]
) -> dict[int, list[tuple[int, str]]]:
    """Row id -> its other candidates as (case id, reason), best first."""
    ids = list(membership_ids)
    found: dict[int, list[tuple[int, str]]] = {}
    c = list_candidate.c
    for start in range(0, len(ids), 500):
        query = (
            select(c.list_membership_id, c.serviceman_id, c.reason)
            .where(c.list_membership_id.in_(ids[start : start + 500]))
            .order_by(c.list_membership_id, c.rank)
        )
        for membership_id, case_id, reason in session.execute(query):
            found.setdefault(membership_id, []).append((case_id, reason))
    return found
