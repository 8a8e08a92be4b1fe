"""Cases: listing, reading, creating and changing servicemen and their status history."""

import json
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import Select, String, delete, func, or_, select, type_coerce
from sqlalchemy.orm import Session, selectinload

from powmia_desktop.core.errors import NotFoundError, ValidationError
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.validation import (
    clean_service_number,
    clean_state,
    clean_text,
    require_text,
)
from powmia_desktop.core.vocab import (
    AccountingStatus,
    Branch,
    CasualtyStatus,
    StatusAuthority,
    StatusMethod,
    Vocabulary,
)
from powmia_desktop.db.changelog import conflict_error
from powmia_desktop.db.models import (
    Captivity,
    Citation,
    Claim,
    Serviceman,
    StatusChange,
    Tag,
    serviceman_tag,
)
from powmia_desktop.services.record_schemas import CASE
from powmia_desktop.services.rows import count_rows, plain_rows

V = TypeVar("V", bound=Vocabulary)


class CaseRow(NamedTuple):
    """One line of the case list, straight from SQL (dates still as stored JSON)."""

    id: int
    surname: str
    given_names: str
    rank: str
    unit: str
    loss_date: str | None
    loss_date_sort: int | None
    accounting_status: str
    current_status: str | None
    last_seen_alive: bool
    tags: str
    service_number: str
    home_state: str
    branch: str | None

    @property
    def sort_name(self) -> str:
        return f"{self.surname}, {self.given_names}" if self.given_names else self.surname


@dataclass(frozen=True)
class CaseFilter:
    """What the case list is narrowed to; empty means everything."""

    text: str = ""
    accounting_status: AccountingStatus | None = None
    current_status: CasualtyStatus | None = None
    tag: str | None = None
    last_seen_alive: bool | None = None
    #: Only these cases: the rows a list shows after its own filters (Export this list).
    ids: tuple[int, ...] | None = None


def case_list_query(case_filter: CaseFilter | None = None) -> Select[Any]:
    """The case list as columns in ``CaseRow`` order (tags joined by ", ")."""
    return _list_query(case_filter, with_tags=True)


def _list_query(
    case_filter: CaseFilter | None, *, with_tags: bool, order: str = "name"
) -> Select[Any]:
    """``order``: "name" (surname, given names, id), "name_index" (the same, walking the
    surname index: best for the first rows), or "id" (no sort: whoever sorts the rows)."""
    sm = Serviceman.__table__.c
    tags = (
        select(func.aggregate_strings(Tag.name, ", "))
        .select_from(serviceman_tag.join(Tag.__table__))
        .where(serviceman_tag.c.serviceman_id == sm.id)
        .scalar_subquery()
    )
    columns: list[Any] = [
        sm.id,
        sm.surname,
        sm.given_names,
        sm.rank,
        sm.unit,
        type_coerce(sm.loss_date, String),
        sm.loss_date_sort,
        type_coerce(sm.accounting_status, String),
        type_coerce(sm.current_status, String),
        sm.last_seen_alive,
        func.coalesce(tags, ""),
        sm.service_number,
        sm.home_state,
        type_coerce(sm.branch, String),
    ]
    if not with_tags:
        del columns[10]
    # "surname || ''" orders exactly as surname does, but keeps SQLite from walking the
    # surname index and looking up every row by id (100,000 random reads): reading the table
    # in order and sorting it is twice as fast for a whole list. For the first rows only
    # (a LIMIT), walking the index is what makes them come at once.
    if order == "id":
        query = select(*columns).order_by(sm.id)
    elif order == "name_index":
        query = select(*columns).order_by(sm.surname, sm.given_names, sm.id)
    else:
        query = select(*columns).order_by(sm.surname + "", sm.given_names, sm.id)
    f = case_filter or CaseFilter()
    if f.text.strip():
        like = f"%{_escape_like(f.text.strip())}%"
        query = query.where(
            or_(
                sm.surname.ilike(like, escape="\\"),
                sm.given_names.ilike(like, escape="\\"),
                sm.unit.ilike(like, escape="\\"),
                sm.service_number.ilike(like, escape="\\"),
            )
        )
    if f.accounting_status is not None:
        query = query.where(sm.accounting_status == f.accounting_status.value)
    if f.current_status is not None:
        query = query.where(sm.current_status == f.current_status.value)
    if f.last_seen_alive is not None:
        query = query.where(sm.last_seen_alive == f.last_seen_alive)
    if f.ids is not None:
        # One JSON parameter, however many ids: SQLite caps the number of "?" in a statement.
        chosen = func.json_each(json.dumps(list(f.ids))).table_valued("value")
        query = query.where(sm.id.in_(select(chosen.c.value)))
    if f.tag:
        query = query.where(
            sm.id.in_(
                select(serviceman_tag.c.serviceman_id)
                .join(Tag.__table__)
                .where(func.lower(Tag.name) == f.tag.strip().lower())
            )
        )
    return query


def list_cases(
    session: Session,
    case_filter: CaseFilter | None = None,
    *,
    limit: int | None = None,
    ordered: bool = True,
) -> list[CaseRow]:
    """The case list by name; fast enough for 100,000 cases (bench/run.py measures it).

    With ``limit``, the first cases by name, read through the surname index (what a list
    shows while the rest is read). ``ordered=False`` leaves them in id order, for a caller
    that sorts them itself (the window's list), saving SQLite a sort of every case.

    The rows come as plain driver tuples (no per-value type processing: the list's columns
    are plain text and numbers) and each case's tags from one grouped read, not a subquery
    per case.
    """
    order = "name" if ordered else "id"
    if limit is not None and ordered:
        order = "name_index"
    query = _list_query(case_filter, with_tags=False, order=order)
    if limit is not None:
        query = query.limit(limit)
    found = plain_rows(session, query)
    # A few hundred cases: only their tags; every case: one read of all the tags.
    tags = _tags_by_case(session, [r[0] for r in found] if limit is not None else None).get
    make = tuple.__new__  # what CaseRow._make does, without a Python call per row
    return [
        make(CaseRow, (i, sn, gn, rk, un, ld, ls, ac, cs, bool(lsa), tags(i, ""), no, st, br))
        for i, sn, gn, rk, un, ld, ls, ac, cs, lsa, no, st, br in found
    ]


def _tags_by_case(session: Session, case_ids: list[int] | None = None) -> dict[int, str]:
    """Tagged cases' tag names (of ``case_ids``, or all), joined by ", " in creation order."""
    names: dict[int, list[str]] = {}
    query = (
        select(serviceman_tag.c.serviceman_id, Tag.__table__.c.name)
        .join(Tag.__table__)
        .order_by(serviceman_tag.c.serviceman_id, Tag.__table__.c.id)
    )
    if case_ids is not None:
        query = query.where(serviceman_tag.c.serviceman_id.in_(case_ids))
    for case_id, name in session.connection().execute(query):
        names.setdefault(case_id, []).append(name)
    return {case_id: ", ".join(found) for case_id, found in names.items()}


def count_cases(session: Session) -> int:
    """How many cases there are (Core, so a list can say so before its rows arrive)."""
    return count_rows(session, Serviceman)


def get_case(session: Session, case_id: int) -> Serviceman:
    """A serviceman with everything the case editor and summary show, loaded in few queries."""
    case = session.get(
        Serviceman,
        case_id,
        options=[
            selectinload(Serviceman.name_variants),
            selectinload(Serviceman.external_ids),
            selectinload(Serviceman.status_changes)
            .selectinload(StatusChange.citations)
            .selectinload(Citation.source),
            selectinload(Serviceman.captivities).selectinload(Captivity.camp),
            selectinload(Serviceman.claims)
            .selectinload(Claim.citations)
            .selectinload(Citation.source),
            selectinload(Serviceman.reference_samples),
            selectinload(Serviceman.live_sightings),
            selectinload(Serviceman.relationships),
            selectinload(Serviceman.citations).selectinload(Citation.source),
            selectinload(Serviceman.tags),
        ],
    )
    if case is None:
        raise NotFoundError(f"There is no case with id {case_id}")
    return case


CASE_TEXT_FIELDS = (
    "given_names",
    "suffix",
    "rank",
    "unit",
    "home_city",
    "home_county",
    "loss_place_text",
)
CASE_LONG_FIELDS = ("circumstances", "summary", "notes")


def apply_case_fields(case: Serviceman, fields: dict[str, Any]) -> None:
    """Validate and set serviceman fields given as plain values (text, or parsed types)."""
    for name, value in fields.items():
        if name == "surname":
            case.surname = require_text(value, "surname", noun="case")
        elif name in CASE_TEXT_FIELDS:
            setattr(case, name, clean_text(value, field=name))
        elif name in CASE_LONG_FIELDS:
            setattr(case, name, clean_text(value, multiline=True, field=name))
        elif name == "service_number":
            case.service_number = clean_service_number(value)
        elif name == "home_state":
            case.home_state = clean_state(value)
        elif name in ("loss_date", "birth_date", "accounted_for_date"):
            setattr(case, name, _as_date(value))
        elif name == "branch":
            case.branch = _as_vocab(Branch, value)
        elif name == "accounting_status":
            status = _as_vocab(AccountingStatus, value)
            case.accounting_status = status or AccountingStatus.UNACCOUNTED_FOR
        elif name in ("last_seen_alive", "rosette_placed"):
            setattr(case, name, bool(value))
        elif name == "sensitivity":
            case.sensitivity = value if isinstance(value, Sensitivity) else Sensitivity.parse(value)
        else:
            raise ValidationError(f"A case has no field called '{name}'", name)


def create_case(session: Session, **fields: Any) -> Serviceman:
    if not clean_text(fields.get("surname")):
        raise ValidationError(CASE.field("surname").required_message("case"), "surname")
    case = Serviceman(surname="")
    apply_case_fields(case, fields)
    session.add(case)
    session.flush()
    return case


def update_case(
    session: Session, case_id: int, *, expected_version: int | None = None, **fields: Any
) -> Serviceman:
    """Change a case; with ``expected_version``, refuse if someone else saved it meanwhile."""
    case = session.get(Serviceman, case_id)
    if case is None:
        raise NotFoundError(f"There is no case with id {case_id}")
    if expected_version is not None and case.row_version != expected_version:
        raise conflict_error(session, case, case.sort_name)
    apply_case_fields(case, fields)
    session.flush()
    return case


def delete_case(session: Session, case_id: int) -> None:
    case = session.get(Serviceman, case_id)
    if case is None:
        raise NotFoundError(f"There is no case with id {case_id}")
    session.delete(case)
    session.flush()


def add_status_change(
    session: Session,
    case_id: int,
    *,
    status: CasualtyStatus | str,
    date: FuzzyDate | str | None = None,
    authority: StatusAuthority | str | None = None,
    method: StatusMethod | str | None = None,
    notes: str = "",
) -> StatusChange:
    case = session.get(Serviceman, case_id)
    if case is None:
        raise NotFoundError(f"There is no case with id {case_id}")
    parsed_status = _as_vocab(CasualtyStatus, status)
    if parsed_status is None:
        raise ValidationError("Choose the status the case changed to", "status")
    change = StatusChange(
        serviceman=case,
        status=parsed_status,
        date=_as_date(date),
        authority=_as_vocab(StatusAuthority, authority),
        method=_as_vocab(StatusMethod, method),
        notes=clean_text(notes, multiline=True, field="notes"),
    )
    session.add(change)
    session.flush()
    refresh_current_status(session, case)
    return change


def refresh_current_status(session: Session, case: Serviceman) -> None:
    """Keep ``current_status`` equal to the latest dated entry of the status history."""
    latest = session.scalars(
        select(StatusChange)
        .where(StatusChange.serviceman_id == case.id)
        .order_by(StatusChange.date_sort.desc().nulls_last(), StatusChange.id.desc())
        .limit(1)
    ).first()
    case.current_status = latest.status if latest else None


def delete_status_change(session: Session, change_id: int) -> None:
    change = session.get(StatusChange, change_id)
    if change is None:
        raise NotFoundError(f"There is no status change with id {change_id}")
    case = change.serviceman
    session.execute(delete(StatusChange).where(StatusChange.id == change_id))
    session.expire(case, ["status_changes"])
    refresh_current_status(session, case)


def _as_date(value: FuzzyDate | str | None) -> FuzzyDate | None:
    if value is None or isinstance(value, FuzzyDate):
        return value
    return FuzzyDate.parse_optional(value)


def _as_vocab(cls: type[V], value: V | str | None) -> V | None:
    if value is None or isinstance(value, cls):
        return value
    text = str(value).strip()
    return cls.parse(text) if text else None


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def tag_names(session: Session) -> list[str]:
    """Every tag in the archive, for the case list's tag filter."""
    tag = Tag.__table__.c
    return list(session.connection().execute(select(tag.name).order_by(tag.name)).scalars())
