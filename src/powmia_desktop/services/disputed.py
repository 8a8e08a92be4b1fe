"""Disputed facts across the archive: every fact of a case on which the sources disagree.

A case's claims about one fact (his rank, the place of capture, "Date of the court order"…)
conflict when at least two different versions of it are not rejected: an accepted version
beside a still-asserted other one is a dispute too; once every other version is rejected it
is settled. Versions are compared without regard to case or spacing.
"""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from powmia_desktop.core.vocab import ClaimProperty, ClaimStatus
from powmia_desktop.db.models import Citation, Claim, Serviceman
from powmia_desktop.services.pickers import case_name


@dataclass(frozen=True)
class DisputedFact:
    """One fact of one case with conflicting versions (the list's row; ``id`` is the case)."""

    id: int
    case: str
    fact: str
    #: each version as the sources give it, in the order recorded
    versions: tuple[str, ...]
    #: "2 disputed, 1 accepted": the standing of the versions not rejected
    standing: str
    first_claim_id: int


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _fact_name(fact: str, fact_text: str) -> str:
    if fact == ClaimProperty.OTHER.value and fact_text.strip():
        return fact_text.strip()
    return ClaimProperty(fact).label


def list_disputed(session: Session, case_id: int | None = None) -> list[DisputedFact]:
    """Every disputed fact (of one case, with ``case_id``), by case name then fact."""
    c, s = Claim.__table__.c, Serviceman.__table__.c
    query = (
        select(
            c.id, c.serviceman_id, c.fact, c.fact_text, c.value, c.status,
            s.surname, s.given_names, s.suffix,
        )
        .join(Serviceman.__table__, s.id == c.serviceman_id)
        .where(c.status != ClaimStatus.REJECTED.value)
        .order_by(c.serviceman_id, c.id)
    )  # fmt: skip
    if case_id is not None:
        query = query.where(c.serviceman_id == case_id)
    groups: dict[tuple[int, str], list[tuple[int, str, str]]] = {}
    names: dict[int, str] = {}
    for cid, sid, fact, fact_text, value, status, surname, given, suffix in session.execute(query):
        name = _fact_name(fact, fact_text or "")
        groups.setdefault((sid, name.casefold()), []).append((cid, value, status))
        names[sid] = case_name(surname, given, suffix)
        names[-cid] = name
    out = []
    for (sid, _), claims in groups.items():
        if len({_fold(v) for _, v, _ in claims}) < 2:
            continue
        counts: dict[str, int] = {}
        for _, _, status in claims:
            label = ClaimStatus(status).label.lower()
            counts[label] = counts.get(label, 0) + 1
        out.append(
            DisputedFact(
                sid,
                names[sid],
                names[-claims[0][0]],
                tuple(v for _, v, _ in claims),
                ", ".join(f"{n} {label}" for label, n in counts.items()),
                claims[0][0],
            )
        )
    return sorted(out, key=lambda d: (d.case.casefold(), d.id, d.fact.casefold()))


@dataclass(frozen=True)
class Version:
    """One version of a disputed fact: what it says, its standing, the sources cited."""

    value: str
    standing: str
    #: "Hartford Courant, 12 Nov 1992: “near the village of Anju”"
    sources: tuple[str, ...]


def case_disputes(session: Session, case_id: int) -> list[tuple[str, list[Version]]]:
    """The case's disputed facts by name, each with every version not rejected."""
    disputed = {d.fact.casefold() for d in list_disputed(session, case_id)}
    claims = session.scalars(
        select(Claim)
        .where(Claim.serviceman_id == case_id)
        .options(selectinload(Claim.citations).selectinload(Citation.source))
        .order_by(Claim.id)
    ).all()
    facts: dict[str, tuple[str, list[Version]]] = {}
    for claim in claims:
        name = _fact_name(claim.fact.value, claim.fact_text)
        if name.casefold() not in disputed:
            continue
        sources = tuple(
            f"{c.source.title}: “{' '.join(c.quote.split())}”" if c.quote else c.source.title
            for c in claim.citations
            if c.source is not None
        )
        version = Version(claim.value, claim.status.label.lower(), sources)
        facts.setdefault(name.casefold(), (name, []))[1].append(version)
    return sorted(facts.values(), key=lambda f: f[0].casefold())
