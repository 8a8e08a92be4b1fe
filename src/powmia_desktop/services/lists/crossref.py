"""Cross-referencing lists, the job families and organizers do by hand with binders:

* who is on list A but not on list B, who is on B but not on A, and whose status the two
  lists print differently (``against``);
* who was added to a list, who left it and whose status changed between its two latest
  editions (``editions``; an edition is one import of the list);
* who is on a list yet carried with a status (``with_status``): the men on the Last Seen
  Alive list whom the archive carries as presumed dead.

A row matched to a case is that case on every list; a row held for review is known by its
name as printed, and so is a row whose case has been deleted since it was matched (it reads
as unmatched: services/lists/overview.py), so it is never on a list's matched side. Rejected
rows take no part. Each list is taken in its latest edition, with
the rows entered by hand (no import) that belong to it as it stands. Statuses as printed are
read again with the mapping each row was imported with (services/lists/printed.py), and only
for the men on both sides, so a cross-reference of two lists of 100,000 rows reads each list
with one Core statement and parses only what it compares.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final

from sqlalchemy import Integer, String, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import NotFoundError, ValidationError
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import AccountingStatus, CasualtyStatus, ListMatchStatus
from powmia_desktop.db.models import ListMembership, Serviceman, Source
from powmia_desktop.services.importing.list_diff import Entry, changed_status, status_words
from powmia_desktop.services.importing.tabular import fold
from powmia_desktop.services.lists.overview import still_matched
from powmia_desktop.services.lists.printed import PrintedReader

#: The statuses "presumed dead" stands for: the missing presumed dead, a finding of death,
#: a declaration of death. The words a person may type for the group.
PRESUMED_DEAD: Final = (
    CasualtyStatus.MISSING_PRESUMED_DEAD,
    CasualtyStatus.FOD,
    CasualtyStatus.DECLARED_DEAD,
)
_PRESUMED_DEAD_WORDS: Final = frozenset({"presumeddead", "presumed"})
#: Short names a person uses for a list, and words its title holds.
_SHORT_NAMES: Final = {"lsa": "lastseenalive"}
_KEPT: Final = (ListMatchStatus.CONFIRMED.value, ListMatchStatus.SUGGESTED.value)
_LEVELS: Final = {int(level): level for level in Sensitivity}


@dataclass(frozen=True)
class ListRef:
    source_id: int
    title: str


@dataclass(frozen=True)
class CrossRow:
    name: str
    case_id: int | None
    row_number: int | None
    first: str = ""
    second: str = ""
    #: the case's level (the row's own when it matches no case), for restrict()
    sensitivity: Sensitivity = Sensitivity.OFFICIALS


@dataclass
class Group:
    key: str
    heading: str
    rows: list[CrossRow] = field(default_factory=list)


@dataclass
class CrossRef:
    """A cross-reference's result: groups of men, each row with two statuses side by side."""

    title: str
    #: what the two status columns hold
    first_label: str
    second_label: str
    groups: list[Group]

    def group(self, key: str) -> Group:
        return next(g for g in self.groups if g.key == key)

    def names(self, key: str) -> list[str]:
        return [r.name for r in self.group(key).rows]


@dataclass(frozen=True)
class _Member:
    key: tuple[str, Any]
    name: str
    case_id: int | None
    row_number: int | None
    batch_id: int | None
    #: the row as printed, its stored JSON text (two rows print the same when it is equal)
    printed: str | None
    sensitivity: Sensitivity


def find_list(session: Session, ref: str) -> ListRef:
    """The list a person names: its number, its title, or a word of its title ("LSA")."""
    lists = session.execute(
        select(Source.id, Source.title)
        .where(Source.id.in_(select(ListMembership.source_id).distinct()))
        .order_by(Source.title)
    ).all()
    text = ref.strip()
    if text.isdigit():
        found = [r for r in lists if r[0] == int(text)]
    else:
        key = fold(text)
        found = [r for r in lists if fold(r[1]) == key]
        if not found and key:
            words = _SHORT_NAMES.get(key, key)
            found = [r for r in lists if words in fold(r[1])]
    if len(found) == 1:
        return ListRef(found[0][0], found[0][1])
    known = "; ".join(f"{i}: {t}" for i, t in lists) or "(none: import a list first)"
    if found:
        names = "; ".join(t for _, t in found)
        raise ValidationError(f"'{ref}' names more than one list ({names}); give its number")
    raise NotFoundError(f"There is no list '{ref}'. The lists: {known}")


def parse_statuses(text: str) -> tuple[str, str, list[str]]:
    """A status a person typed (a casualty or accounting status, or "presumed dead") as
    (its words, the case column it is kept in, the stored values it stands for)."""
    key = fold(text)
    if key in _PRESUMED_DEAD_WORDS:
        return "presumed dead", "current_status", [s.value for s in PRESUMED_DEAD]
    for column, vocabulary in (
        ("current_status", CasualtyStatus),
        ("accounting_status", AccountingStatus),
    ):
        try:
            status = vocabulary.parse(text)
        except ValidationError:
            continue
        return status.label, column, [status.value]
    raise ValidationError(
        f"'{text}' is not a status; use 'presumed dead', a casualty status (MIA, POW, KIA, "
        "missing presumed dead…) or an accounting status (unaccounted for, accounted for)"
    )


def editions(session: Session, source_id: int) -> list[int]:
    """The list's import batches, oldest first."""
    return list(
        session.scalars(
            select(ListMembership.import_batch_id)
            .distinct()
            .where(
                ListMembership.source_id == source_id,
                ListMembership.import_batch_id.is_not(None),
            )
            .order_by(ListMembership.import_batch_id)
        )
    )


def _members(session: Session, source_id: int, batch_id: int | None) -> dict[Any, _Member]:
    m, s = ListMembership.__table__.c, Serviceman.__table__.c
    query = (
        select(
            m.serviceman_id,
            still_matched(),
            m.name_as_printed,
            s.surname,
            s.given_names,
            m.row_number,
            m.import_batch_id,
            type_coerce(m.row_as_printed, String),
            type_coerce(func.coalesce(s.sensitivity, m.sensitivity), Integer),
        )
        .outerjoin(Serviceman.__table__, s.id == m.serviceman_id)
        .where(m.source_id == source_id, m.match_status.in_(_KEPT))
        .order_by(m.row_number, m.id)
    )
    if batch_id is not None:
        query = query.where(or_(m.import_batch_id == batch_id, m.import_batch_id.is_(None)))
    members: dict[Any, _Member] = {}
    for (
        case_id,
        matched,
        printed_name,
        surname,
        given,
        number,
        batch,
        printed,
        level,
    ) in session.execute(query):
        if matched:
            key: tuple[str, Any] = ("case", case_id)
            name = f"{surname}, {given}" if given else surname
        else:
            name = printed_name or _unprinted(surname, given)
            key, case_id = ("name", fold(name)), None
        members.setdefault(key, _Member(key, name, case_id, number, batch, printed, _LEVELS[level]))
    return members


def _unprinted(surname: str | None, given: str | None) -> str:
    """How a row without its printed name is shown: by the case it may be."""
    if not surname:
        return "(no name printed)"
    return f"{surname}, {given} (possible match)" if given else f"{surname} (possible match)"


def _latest(session: Session, source_id: int) -> int | None:
    batches = editions(session, source_id)
    return batches[-1] if batches else None


def _entry(reader: PrintedReader, member: _Member) -> Entry:
    accounting, casualty = reader.status(member.batch_id, member.printed)
    return Entry(member.key, member.name, accounting, casualty)


def _printed_status(reader: PrintedReader, member: _Member) -> str:
    entry = _entry(reader, member)
    return (
        status_words(entry.accounting, entry.casualty) if entry.casualty or entry.accounting else ""
    )


def _row(member: _Member, first: str = "", second: str = "") -> CrossRow:
    return CrossRow(
        member.name, member.case_id, member.row_number, first, second, member.sensitivity
    )


def _compare(
    session: Session, a: dict[Any, _Member], b: dict[Any, _Member], groups: list[Group]
) -> None:
    """Fill groups (first only in ``a``, second only in ``b``, third changed) in name order."""
    only_a, only_b, changed = groups
    reader = PrintedReader(session)
    only_a.rows = [_row(m) for k, m in a.items() if k not in b]
    only_b.rows = [_row(m) for k, m in b.items() if k not in a]
    for key, new in b.items():
        old = a.get(key)
        if old is None or old.printed == new.printed:  # the same row: the same status
            continue
        delta = changed_status(_entry(reader, old), _entry(reader, new))
        if delta is not None:
            changed.rows.append(_row(new, delta.before, delta.after))
    for group in groups:
        group.rows.sort(key=lambda r: (r.name.casefold(), r.row_number or 0))


def against(session: Session, first: ListRef, second: ListRef) -> CrossRef:
    """Who is on one list and not the other, and whose status they print differently."""
    a = _members(session, first.source_id, _latest(session, first.source_id))
    b = _members(session, second.source_id, _latest(session, second.source_id))
    groups = [
        Group("only_first", f"On {first.title}, not on {second.title}"),
        Group("only_second", f"On {second.title}, not on {first.title}"),
        Group("changed", "Status printed differently"),
    ]
    _compare(session, a, b, groups)
    return CrossRef(
        f"{first.title} against {second.title}",
        f"On {first.title}",
        f"On {second.title}",
        groups,
    )


def between_editions(session: Session, ref: ListRef) -> CrossRef:
    """Who was added, who left and whose status changed between the two latest editions."""
    batches = editions(session, ref.source_id)
    if len(batches) < 2:
        raise ValidationError(
            f"{ref.title} has {len(batches) or 'no'} imported edition"
            f"{'' if len(batches) == 1 else 's'}; import a later one under the same title, "
            "or compare it with another list (--against LIST)"
        )
    previous, latest = batches[-2], batches[-1]
    groups = [
        Group("added", "Added since the previous edition"),
        Group("left", "Left since the previous edition"),
        Group("changed", "Changed status"),
    ]
    later = _members(session, ref.source_id, latest)
    earlier = _members(session, ref.source_id, previous)
    only_b, only_a, changed = groups
    _compare(session, earlier, later, [only_a, only_b, changed])
    return CrossRef(
        f"{ref.title}: the latest edition against the one before",
        "Previous edition",
        "Latest edition",
        groups,
    )


def with_status(session: Session, ref: ListRef, status: str) -> CrossRef:
    """The men on the list whose case is carried with ``status`` (see parse_statuses)."""
    words, column, values = parse_statuses(status)
    members = _members(session, ref.source_id, _latest(session, ref.source_id))
    ids = [m.case_id for m in members.values() if m.case_id is not None]
    kept = Serviceman.__table__.c[column]
    vocabulary = CasualtyStatus if column == "current_status" else AccountingStatus
    carried: dict[int, str] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        for case_id, value in session.execute(
            select(Serviceman.__table__.c.id, kept).where(
                Serviceman.__table__.c.id.in_(chunk), kept.in_(values)
            )
        ):
            carried[case_id] = vocabulary(getattr(value, "value", value)).label
    reader = PrintedReader(session)
    group = Group("with_status", f"On {ref.title}, carried as {words}")
    group.rows = sorted(
        (
            _row(m, _printed_status(reader, m), carried[m.case_id])
            for m in members.values()
            if m.case_id in carried
        ),
        key=lambda r: (r.name.casefold(), r.row_number or 0),
    )
    return CrossRef(
        f"{ref.title}: carried as {words}", f"As printed on {ref.title}", "Carried as", [group]
    )


def restrict(result: CrossRef, allows: Callable[[Sensitivity], bool]) -> int:
    """Leave out the rows an audience may not read (``allows`` is its test of a level);
    returns how many were left out."""
    withheld = 0
    for group in result.groups:
        kept = [r for r in group.rows if allows(r.sensitivity)]
        withheld += len(group.rows) - len(kept)
        group.rows = kept
    return withheld
