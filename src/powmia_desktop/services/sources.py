"""Sources: the documents every fact comes from, and which records cite each one."""

from typing import NamedTuple

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import NotFoundError
from powmia_desktop.core.fuzzydate import FuzzyDate, FuzzyDateError
from powmia_desktop.core.vocab import Confidence
from powmia_desktop.db.models import (
    Captivity,
    Citation,
    Claim,
    Incident,
    LiveSightingReport,
    Serviceman,
    Source,
    StatusChange,
    TimelineEvent,
)
from powmia_desktop.services.pickers import case_name
from powmia_desktop.services.rows import count_rows
from powmia_desktop.services.values import label


class SourceRow(NamedTuple):
    id: int
    title: str
    author: str
    date: str | None
    source_type: str
    repository: str
    citations: int

    @property
    def date_sort(self) -> int | None:
        """Sources have no stored sort column; their dates are few enough to read here."""
        if not self.date:
            return None
        try:
            return FuzzyDate.from_json(self.date).sort_key
        except FuzzyDateError:
            return None


class CitingRow(NamedTuple):
    """One citation of a source and the record it supports, for the read-only list."""

    id: int
    record: str
    supports: str
    locator: str
    quote: str
    confidence: Confidence


def list_sources(session: Session, *, limit: int | None = None) -> list[SourceRow]:
    """Sources by title; ``limit`` keeps the first ones (through the title index)."""
    s = Source.__table__.c
    cited = (
        select(func.count())
        .select_from(Citation.__table__)
        .where(Citation.__table__.c.source_id == s.id)
        .scalar_subquery()
    )
    query = select(
        s.id,
        s.title,
        s.author,
        type_coerce(s.date, String),
        type_coerce(s.source_type, String),
        s.repository,
        cited,
    ).order_by(s.title, s.id)
    if limit is not None:
        query = query.limit(limit)
    return [SourceRow(*row) for row in session.execute(query)]


def count_sources(session: Session) -> int:
    return count_rows(session, Source)


def get_source(session: Session, source_id: int) -> Source:
    source = session.get(Source, source_id)
    if source is None:
        raise NotFoundError(f"There is no source with id {source_id}")
    return source


def list_citing(session: Session, source_id: int) -> list[CitingRow]:
    """Every citation of the source with the record it supports, in words."""
    c = Citation.__table__
    sc, cl, cap = StatusChange.__table__, Claim.__table__, Captivity.__table__
    lsr, te, inc = LiveSightingReport.__table__, TimelineEvent.__table__, Incident.__table__
    sm = Serviceman.__table__
    case_id = func.coalesce(
        c.c.serviceman_id,
        sc.c.serviceman_id,
        cl.c.serviceman_id,
        cap.c.serviceman_id,
        lsr.c.serviceman_id,
    )
    joined = (
        c.outerjoin(sc, sc.c.id == c.c.status_change_id)
        .outerjoin(cl, cl.c.id == c.c.claim_id)
        .outerjoin(cap, cap.c.id == c.c.captivity_id)
        .outerjoin(lsr, lsr.c.id == c.c.live_sighting_report_id)
        .outerjoin(te, te.c.id == c.c.timeline_event_id)
        .outerjoin(inc, inc.c.id == c.c.incident_id)
        .outerjoin(sm, sm.c.id == case_id)
    )
    rows = session.execute(
        select(
            c.c.id,
            sm.c.surname,
            sm.c.given_names,
            sc.c.status,
            cl.c.value,
            cap.c.camp_text,
            lsr.c.id,
            te.c.title,
            inc.c.title,
            c.c.locator,
            c.c.quote,
            c.c.confidence,
        )
        .select_from(joined)
        .where(c.c.source_id == source_id)
        .order_by(te.c.date_sort, sm.c.surname, c.c.id)
    )
    found = []
    for cid, surname, given, status, claim, camp, sighting, event, incident, *rest in rows:
        name = case_name(surname, given) if surname is not None else ""
        if event is not None:
            record, supports = "Timeline event", event
        elif incident is not None:
            record, supports = "Incident", incident
        elif status is not None:
            record, supports = "Status change", f"{name}: {label(status)}"
        elif claim is not None:
            record, supports = "Claim", f"{name}: {claim}"
        elif camp is not None:
            record, supports = "Captivity", f"{name}: {camp}"
        elif sighting is not None:
            record, supports = "Live-sighting report", name
        else:
            record, supports = "Case", name
        found.append(CitingRow(cid, record, supports, *rest))
    return found
