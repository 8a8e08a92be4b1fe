"""The review queue: rows a list import held as possible duplicates, and what a person
decides for each — it is that case (confirm), it is a man the archive does not have yet
(a new case from the row), or it is nothing to keep (reject).

Each decision changes one ListMembership (and, for a new case, creates that case), so the
window can undo it as one step. A held row keeps its best candidate case in
``serviceman_id`` and the import's reason in its notes, and the other cases it may be in
``list_candidate`` (best first); confirming one of those makes it the row's case. The
decision's notes keep the reason the chosen case was held for.

A row whose case (or every case it was held beside) has been deleted since reads as
unmatched (services/lists/overview.py) and is out of the queue, but takes the same three
decisions (``lost``): confirmed, it is matched to any case a person chooses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from powmia_desktop.core.errors import NotFoundError, ValidationError
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.vocab import (
    AccountingStatus,
    Branch,
    CasualtyStatus,
    ListMatchStatus,
    NameVariantKind,
)
from powmia_desktop.db.models import ListMembership, NameVariant, Serviceman, Source
from powmia_desktop.services.cases import add_status_change, create_case
from powmia_desktop.services.importing.list_candidates import other_candidates
from powmia_desktop.services.importing.list_rows import ListRow
from powmia_desktop.services.importing.tabular import fold
from powmia_desktop.services.lists.overview import (
    CONFIRMED_AT_REVIEW,
    HELD_FOR_REVIEW,
    NEW_AT_REVIEW,
    REJECTED_AT_REVIEW,
    SUGGESTED,
    still_held,
)
from powmia_desktop.services.lists.printed import PrintedReader, as_dict


@dataclass(frozen=True)
class Difference:
    """One fact side by side: as the list prints it and as the case has it."""

    field: str
    on_list: str
    on_case: str

    @property
    def differs(self) -> bool:
        return bool(self.on_list) and bool(self.on_case) and self.on_list != self.on_case


@dataclass(frozen=True)
class Candidate:
    """A case a held row may be, why the import thought so, and the facts side by side."""

    case_id: int
    name: str
    reason: str
    facts: list[Difference]

    @property
    def differences(self) -> list[Difference]:
        return [f for f in self.facts if f.differs]


@dataclass(frozen=True)
class FactRow:
    """One fact as the list prints it and as each candidate case has it (in their order)."""

    field: str
    on_list: str
    on_cases: tuple[str, ...]

    def differs(self, position: int) -> bool:
        on_case = self.on_cases[position]
        return bool(self.on_list) and bool(on_case) and self.on_list != on_case


@dataclass(frozen=True)
class HeldItem:
    """A row waiting for a person, beside every case it may be (best first)."""

    membership_id: int
    source_id: int
    list_title: str
    row_number: int | None
    name_as_printed: str
    printed: dict[str, Any]
    candidates: list[Candidate]

    @property
    def best(self) -> Candidate:
        return self.candidates[0]

    @property
    def candidate_id(self) -> int:
        return self.best.case_id

    @property
    def candidate_name(self) -> str:
        return self.best.name

    @property
    def reason(self) -> str:
        return self.best.reason

    @property
    def facts(self) -> list[Difference]:
        return self.best.facts

    @property
    def differences(self) -> list[Difference]:
        return self.best.differences

    def side_by_side(self) -> list[FactRow]:
        """Each fact the list or any candidate has: the list's value, then each case's."""
        fields: dict[str, tuple[str, dict[int, str]]] = {}
        for position, candidate in enumerate(self.candidates):
            for fact in candidate.facts:
                fields.setdefault(fact.field, (fact.on_list, {}))[1][position] = fact.on_case
        return [
            FactRow(name, on_list, tuple(cases.get(i, "") for i in range(len(self.candidates))))
            for name, (on_list, cases) in fields.items()
        ]


def _date(value: FuzzyDate | None) -> str:
    return str(value) if value is not None else ""


def _label(cls: Any, value: Any) -> str:
    return cls(value).label if value else ""


def _facts(row: ListRow | None, case: Serviceman) -> list[Difference]:
    r = row or ListRow(surname="")
    pairs = [
        ("Surname", r.surname, case.surname),
        ("Given names", r.given_names, case.given_names),
        ("Service number", r.service_number, case.service_number),
        ("Branch", _label(Branch, r.branch), _label(Branch, case.branch)),
        ("Rank", r.rank, case.rank),
        ("Unit", r.unit, case.unit),
        ("Loss date", _date(r.loss_date), _date(case.loss_date)),
        ("Home state", r.home_state, case.home_state),
        (
            "Status",
            _label(CasualtyStatus, r.casualty_status),
            _label(CasualtyStatus, case.current_status),
        ),
        (
            "Accounting",
            _label(AccountingStatus, r.accounting_status),
            _label(AccountingStatus, case.accounting_status),
        ),
    ]
    return [Difference(f, a or "", b or "") for f, a, b in pairs if a or b]


def held_rows(session: Session, source_id: int | None = None) -> list[HeldItem]:
    """The review queue (of one list, or of every list), in list and row order."""
    query = (
        select(ListMembership, Source.title)
        .options(selectinload(ListMembership.serviceman))
        .join(Source, Source.id == ListMembership.source_id)
        # a row whose best case was deleted stays held while it has other cases; one whose
        # every case was deleted reads as unmatched (services/lists/overview.py)
        .where(still_held())
        .order_by(Source.title, ListMembership.import_batch_id, ListMembership.row_number)
    )
    if source_id is not None:
        query = query.where(ListMembership.source_id == source_id)
    reader = PrintedReader(session)
    found = session.execute(query).all()
    others = other_candidates(session, (m.id for m, _ in found))
    wanted = {case_id for pairs in others.values() for case_id, _ in pairs}
    cases = {c.id: c for c in session.scalars(select(Serviceman).where(Serviceman.id.in_(wanted)))}
    items = []
    for membership, title in found:
        case = membership.serviceman
        row = reader.read(membership.import_batch_id, membership.row_as_printed)
        candidates = []
        if case is not None:
            candidates.append(
                Candidate(case.id, case.sort_name, _reason(membership), _facts(row, case))
            )
        for case_id, reason in others.get(membership.id, []):
            other = cases.get(case_id)
            if other is not None and (case is None or case_id != case.id):
                candidates.append(Candidate(case_id, other.sort_name, reason, _facts(row, other)))
        if not candidates:
            continue
        items.append(
            HeldItem(
                membership.id,
                membership.source_id,
                title,
                membership.row_number,
                membership.name_as_printed,
                as_dict(membership.row_as_printed),
                candidates,
            )
        )
    return items


def _reason(membership: ListMembership) -> str:
    return membership.notes.removeprefix(HELD_FOR_REVIEW)


def _held(session: Session, membership_id: int) -> ListMembership:
    """The row, when a person may decide it: held for review beside a case still there, or
    read as unmatched because its case (every case it may be) was deleted since (``lost``)."""
    membership = session.get(ListMembership, membership_id)
    if membership is None:
        raise NotFoundError(f"There is no list row with id {membership_id}")
    if membership.match_status == ListMatchStatus.UNMATCHED or (
        membership.match_status == ListMatchStatus.CONFIRMED
        and membership.serviceman_id is not None
    ):
        where = f"Row {membership.row_number}" if membership.row_number else "This row"
        raise ValidationError(f"{where} of the list is not waiting for review (decided already)")
    return membership


def lost(session: Session, membership: ListMembership) -> bool:
    """Whether the row reads as unmatched only because its case, or every case it was held
    beside, was deleted: it is decided like a held row, but matched to any case chosen."""
    if membership.serviceman_id is not None:
        return False
    if membership.match_status == ListMatchStatus.UNMATCHED:
        return False
    held = membership.match_status == ListMatchStatus.SUGGESTED
    return not (held and other_candidates(session, [membership.id]).get(membership.id))


def _decided(membership: ListMembership, what: str, reason: str | None = None) -> str:
    """The decision's notes: what was decided and why the row was held (``_held`` leaves
    a matched row only when its case was deleted; call this before changing the status)."""
    if membership.match_status == ListMatchStatus.CONFIRMED:
        return f"{what} (its case had been deleted)"
    reason = _reason(membership) if reason is None else reason
    return f"{what} (held as: {reason})" if reason else what


def confirm_match(session: Session, membership_id: int, case_id: int | None = None) -> int:
    """The row is its best candidate case, or ``case_id``, one of the other cases it was
    held beside; returns the row's id. A spelling the case does not have yet is kept as one
    of its names (as the import keeps it for rows it matches). A row whose case (every case
    it may be) was deleted is matched to ``case_id``, any case the archive has."""
    membership = _held(session, membership_id)
    reason = None
    if lost(session, membership):
        chosen = session.get(Serviceman, case_id) if case_id is not None else None
        if chosen is None and case_id is not None:
            raise ValidationError(f"There is no case {case_id}")
        if chosen is None:
            held = membership.match_status == ListMatchStatus.SUGGESTED
            gone = "Every case it may be was deleted" if held else "Its case was deleted"
            raise ValidationError(f"{gone}: choose the case this row is")
        membership.serviceman = chosen
    elif membership.serviceman_id is None or case_id not in (None, membership.serviceman_id):
        # one of the other cases it was held beside: the one chosen, or (when its best case
        # was deleted) the next best
        others = dict(other_candidates(session, [membership.id]).get(membership.id, []))
        case_id = next(iter(others)) if case_id is None else case_id
        chosen = session.get(Serviceman, case_id) if case_id in others else None
        if chosen is None:
            raise ValidationError(f"Case {case_id} is not one of the cases this row may be")
        membership.serviceman = chosen
        reason = others[case_id]
    membership.notes = _decided(membership, CONFIRMED_AT_REVIEW, reason)
    membership.match_status = ListMatchStatus.CONFIRMED
    _keep_spelling(session, membership)
    session.flush()
    return membership.id


def _spelling_seen(session: Session, membership: ListMembership) -> str:
    title = session.scalar(select(Source.title).where(Source.id == membership.source_id))
    return f"{title}, row {membership.row_number} (confirmed at review)"[:300]


def _keep_spelling(session: Session, membership: ListMembership) -> None:
    name, case = membership.name_as_printed.strip(), membership.serviceman
    if not name or case is None:
        return
    known = {fold(case.sort_name), fold(f"{case.given_names} {case.surname}")}
    known |= {fold(v.name) for v in case.name_variants}
    if fold(name) in known:
        return
    session.add(
        NameVariant(
            serviceman_id=case.id,
            name=name[:300],
            kind=NameVariantKind.AS_PRINTED,
            where_seen=_spelling_seen(session, membership),
        )
    )


def reject_row(session: Session, membership_id: int) -> int:
    """The row matches no case and makes none; it stays on the list as printed."""
    membership = _held(session, membership_id)
    membership.notes = _decided(membership, REJECTED_AT_REVIEW)
    membership.match_status = ListMatchStatus.UNMATCHED
    membership.serviceman_id = None
    session.flush()
    return membership.id


def make_new_case(session: Session, membership_id: int) -> int:
    """A new case from the row as printed, and the row matched to it; returns the row's id
    (``made_case`` names the case)."""
    membership = _held(session, membership_id)
    row = PrintedReader(session).read(membership.import_batch_id, membership.row_as_printed)
    if row is None:
        raise ValidationError("The row as printed cannot be read as a case; reject it instead")
    case = create_case(
        session,
        surname=row.surname,
        given_names=row.given_names,
        suffix=row.suffix,
        service_number=row.service_number,
        branch=row.branch,
        rank=row.rank,
        unit=row.unit,
        home_city=row.home_city,
        home_county=row.home_county,
        home_state=row.home_state,
        birth_date=row.birth_date,
        loss_date=row.loss_date,
        loss_place_text=row.loss_place_text,
        circumstances=row.circumstances,
        accounting_status=row.accounting_status,
        last_seen_alive=bool(row.last_seen_alive),
        notes=row.notes,
    )
    if row.casualty_status:
        title = session.scalar(select(Source.title).where(Source.id == membership.source_id))
        add_status_change(
            session,
            case.id,
            status=row.casualty_status,
            method="report",
            notes=f"As printed on the list {title}, row {membership.row_number}",
        )
    membership.serviceman_id = case.id
    membership.notes = _decided(membership, NEW_AT_REVIEW)
    membership.match_status = ListMatchStatus.CONFIRMED
    session.flush()
    return membership.id


def decided_records(session: Session, membership_id: int) -> list[tuple[str, int]]:
    """What a decision on the row made besides changing it, as (table, id): the case made
    from it, or the spelling a confirmation kept. Undoing the decision removes them; for a
    row not decided at review, nothing."""
    membership = session.get(ListMembership, membership_id)
    if membership is None or membership.serviceman_id is None:
        return []
    if membership.notes.startswith(NEW_AT_REVIEW):
        return [("serviceman", membership.serviceman_id)]
    if membership.notes.startswith(CONFIRMED_AT_REVIEW):
        seen = _spelling_seen(session, membership)
        return [
            ("name_variant", i)
            for i in session.scalars(
                select(NameVariant.id).where(
                    NameVariant.serviceman_id == membership.serviceman_id,
                    NameVariant.where_seen == seen,
                )
            )
        ]
    return []


__all__ = [
    "SUGGESTED",
    "Candidate",
    "Difference",
    "FactRow",
    "HeldItem",
    "confirm_match",
    "decided_records",
    "held_rows",
    "lost",
    "make_new_case",
    "reject_row",
]
