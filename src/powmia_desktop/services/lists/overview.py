"""Every list in the archive, each list's rows as printed with their match, and the lists a
case appears on. Read with Core statements as row tuples (a list may have 100,000 rows).

A list is a Source with ListMembership rows; each import of a list is an edition (an
ImportBatch). A row's match, as a person reads it:

* **matched**: the row is a case the archive already had;
* **new**: the row made a new case (at import, or by a person at review);
* **possible duplicate**: held at import as perhaps a case already there; in the review queue;
* **unmatched**: rejected at import (its reason in the row's notes) or at review — or matched
  or held, but its case (every case it may be) has been deleted since. That is decided when
  the row is read, not written to it: undoing a case's deletion puts the case and the row's
  link back, and the row is matched (or held) again exactly as it was. Until then the row
  can be matched again at review (services/lists/review.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final, NamedTuple

from sqlalchemy import String, case, distinct, exists, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import NotFoundError
from powmia_desktop.core.vocab import ListMatchStatus
from powmia_desktop.db.models import ListMembership, Serviceman, Source, list_candidate
from powmia_desktop.services.importing.tabular import fold
from powmia_desktop.services.lists.printed import as_dict

CONFIRMED: Final = ListMatchStatus.CONFIRMED.value
SUGGESTED: Final = ListMatchStatus.SUGGESTED.value
UNMATCHED: Final = ListMatchStatus.UNMATCHED.value
#: How a row's notes begin when a person decided it at review.
NEW_AT_REVIEW: Final = "New case made at review"
CONFIRMED_AT_REVIEW: Final = "Confirmed at review"
REJECTED_AT_REVIEW: Final = "Rejected at review"
MATCHED, NEW, POSSIBLE, NOT_MATCHED = "matched", "new", "possible duplicate", "unmatched"
#: How a held row's notes begin (the import's reason follows).
HELD_FOR_REVIEW: Final = "Held for review: "
#: What a held row whose every case was deleted says before its import's reason.
CASES_DELETED: Final = "Every case it was held beside was deleted"
#: What a matched row whose case was deleted says before how it was matched.
CASE_DELETED: Final = "Its case was deleted"


class ListSummary(NamedTuple):
    """One list: its rows counted by match."""

    id: int
    title: str
    rows: int
    matched: int
    new: int
    held: int
    unmatched: int
    editions: int
    latest: dt.datetime | None


class ListRowView(NamedTuple):
    """One row of a list as printed, and whom it matches."""

    id: int
    row_number: int | None
    name_as_printed: str
    match: str
    case_id: int | None
    case_name: str
    notes: str
    batch_id: int | None
    #: the row as printed, as stored (JSON text): parsed only for the rows shown
    printed: str = ""
    #: it reads as unmatched only because its case (every case it may be) was deleted: it
    #: may be matched again (services/lists/review.py)
    case_deleted: bool = False


class Appearance(NamedTuple):
    """A case on a list: the list, the row as printed and the name as the list spells it."""

    membership_id: int
    source_id: int
    list_title: str
    row_number: int | None
    name_as_printed: str
    match: str
    printed: dict[str, Any]
    #: True when the list spells the name otherwise than the case
    spelled_otherwise: bool


def _is_new() -> Any:
    """SQL: the row made its case (the import writes both with one timestamp)."""
    m, s = ListMembership.__table__.c, Serviceman.__table__.c
    return or_(s.created_at == m.created_at, m.notes.startswith(NEW_AT_REVIEW))


def still_held() -> Any:
    """SQL: the row is held for review and some case it may be is still there — its best
    case (``serviceman_id``; emptied when that case is deleted) or one of the others
    (``list_candidate``; its rows go with their case). A held row with neither is read as
    unmatched: the review queue has nothing to put beside it."""
    m, c = ListMembership.__table__.c, list_candidate.c
    others = exists().where(c.list_membership_id == m.id)
    return (m.match_status == SUGGESTED) & (m.serviceman_id.is_not(None) | others)


def still_matched() -> Any:
    """SQL: the row is matched (confirmed) and its case is still there. Deleting the case
    empties ``serviceman_id``; the row is then read as unmatched (and is left out of the
    matched side of every count and cross-reference) but not rewritten, so undoing the
    deletion matches it again."""
    m = ListMembership.__table__.c
    return (m.match_status == CONFIRMED) & m.serviceman_id.is_not(None)


def match_lost() -> Any:
    """SQL: the row was matched, but its case has been deleted since (``still_matched``)."""
    m = ListMembership.__table__.c
    return (m.match_status == CONFIRMED) & m.serviceman_id.is_(None)


def _match_word(status: Any, is_new: bool, held: bool, matched: bool) -> str:
    value = getattr(status, "value", status)
    if value == CONFIRMED and matched:
        return NEW if is_new else MATCHED
    return POSSIBLE if held else NOT_MATCHED


def _notes(notes: str | None, status: Any, held: bool, matched: bool) -> str:
    value = getattr(status, "value", status)
    if value == CONFIRMED and not matched:
        return deleted_note(notes)
    if value != SUGGESTED or held:
        return notes or ""
    reason = (notes or "").removeprefix(HELD_FOR_REVIEW)
    return f"{CASES_DELETED} (held as: {reason})" if reason else CASES_DELETED


def deleted_note(notes: str | None) -> str:
    """What a matched row whose case was deleted says: that, and how it had been matched
    (its notes; a row the import matched has none)."""
    how = (notes or "").strip()
    return f"{CASE_DELETED} (matched as: {how})" if how else f"{CASE_DELETED} (matched at import)"


def list_lists(session: Session) -> list[ListSummary]:
    """Every Source that has rows, by title."""
    m, s = ListMembership.__table__.c, Serviceman.__table__.c
    matched = case((still_matched(), 1), else_=0)
    new = case((still_matched() & _is_new(), 1), else_=0)
    held = case((still_held(), 1), else_=0)
    query = (
        select(
            Source.id,
            Source.title,
            func.count(m.id),
            func.sum(matched) - func.sum(new),
            func.sum(new),
            func.sum(held),
            # rejected, or matched or held with every case it may be deleted since
            func.count(m.id) - func.sum(matched) - func.sum(held),
            func.count(distinct(m.import_batch_id)),
            func.max(m.created_at),
        )
        .join(ListMembership.__table__, m.source_id == Source.id)
        .outerjoin(Serviceman.__table__, s.id == m.serviceman_id)
        .group_by(Source.id, Source.title)
        .order_by(Source.title, Source.id)
    )
    return [
        ListSummary(i, t, n, int(a or 0), int(b or 0), int(c or 0), int(d or 0), e, when)
        for i, t, n, a, b, c, d, e, when in session.execute(query)
    ]


def list_names(session: Session) -> list[tuple[int, str]]:
    """(id, title) of every Source that has rows, by title: without counting the rows, so a
    chooser of lists opens at once however long the lists are."""
    has_rows = exists().where(ListMembership.__table__.c.source_id == Source.id)
    query = select(Source.id, Source.title).where(has_rows).order_by(Source.title, Source.id)
    return [(i, t) for i, t in session.execute(query)]


def count_lists(session: Session) -> int:
    return session.scalar(select(func.count(distinct(ListMembership.source_id)))) or 0


def list_title(session: Session, source_id: int) -> str:
    title = session.scalar(select(Source.title).where(Source.id == source_id))
    if title is None:
        raise NotFoundError(f"There is no list with id {source_id}")
    return title


def list_rows(session: Session, source_id: int) -> list[ListRowView]:
    """Every row of the list (all editions), in edition and row order."""
    m, s = ListMembership.__table__.c, Serviceman.__table__.c
    query = (
        select(
            m.id,
            m.row_number,
            m.name_as_printed,
            m.match_status,
            _is_new(),
            still_held(),
            still_matched(),
            m.serviceman_id,
            s.surname,
            s.given_names,
            m.notes,
            m.import_batch_id,
            type_coerce(m.row_as_printed, String),
        )
        .outerjoin(Serviceman.__table__, s.id == m.serviceman_id)
        .where(m.source_id == source_id)
        .order_by(m.import_batch_id, m.row_number, m.id)
    )
    return [
        ListRowView(
            i,
            number,
            printed,
            _match_word(status, bool(new), bool(held), bool(matched)),
            case_id,
            (f"{surname}, {given}" if given else surname) if surname else "",
            _notes(notes, status, bool(held), bool(matched)),
            batch,
            text or "",
            getattr(status, "value", status) != UNMATCHED and not (held or matched),
        )
        for (
            i,
            number,
            printed,
            status,
            new,
            held,
            matched,
            case_id,
            surname,
            given,
            notes,
            batch,
            text,
        ) in session.execute(query)
    ]


def appears_on(session: Session, case_id: int) -> list[Appearance]:
    """The lists the case is on: each row as printed and how that list spells the name."""
    m, s = ListMembership.__table__.c, Serviceman.__table__.c
    names = session.execute(select(s.surname, s.given_names).where(s.id == case_id)).first()
    if names is None:
        raise NotFoundError(f"There is no case with id {case_id}")
    ours = {fold(f"{names[0]}, {names[1]}"), fold(f"{names[1]} {names[0]}"), fold(names[0])}
    query = (
        select(
            m.id,
            m.source_id,
            Source.title,
            m.row_number,
            m.name_as_printed,
            m.match_status,
            _is_new(),
            m.row_as_printed,
        )
        .join(Source, Source.id == m.source_id)
        .join(Serviceman.__table__, s.id == m.serviceman_id)
        .where(m.serviceman_id == case_id)
        .order_by(Source.title, m.import_batch_id, m.row_number)
    )
    return [
        Appearance(
            i,
            source,
            title,
            number,
            printed_name or "",
            # on the case: its link is there
            _match_word(status, bool(new), held=True, matched=True),
            as_dict(printed),
            bool(printed_name) and fold(printed_name) not in ours,
        )
        for i, source, title, number, printed_name, status, new, printed in session.execute(query)
    ]


#: Rows looked at for a list's column headings (blank cells are not kept, so one row may
#: lack a heading another has).
HEADER_SAMPLE: Final = 500


def list_headers(session: Session, source_id: int) -> list[str]:
    """The list's column headings as printed, in the order its rows give them."""
    m = ListMembership.__table__.c
    seen: dict[str, None] = {}
    for (text,) in session.execute(
        select(type_coerce(m.row_as_printed, String))
        .where(m.source_id == source_id)
        .order_by(m.import_batch_id.desc(), m.row_number)
        .limit(HEADER_SAMPLE)
    ):
        seen.update(dict.fromkeys(as_dict(text)))
    return list(seen)
