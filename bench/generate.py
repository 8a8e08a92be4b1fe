"""A realistic archive at the scale of the whole war, generated fast for the benchmark.

N servicemen (varied names, ranks, units, branches, home states, loss dates from June 1950
to July 1953 with some "about" and "between" dates, accounting and casualty statuses, some
last seen alive, some tagged), five timeline events each with the serviceman as subject (some
with a witness) and a citation to a pool of sources, a status history entry each, family
contacts linked to their serviceman, officials, and meetings with attendees and cases.

Rows go in with Core ``INSERT`` statements and ``executemany`` of row tuples in storage form
(FuzzyDate columns from ``fuzzy_date_values``), in one transaction; the full-text index is
filled by the archive's own triggers, as it is for an import. Deterministic for a seed.

Usage: python bench/generate.py OUT.sqlite [--cases 100000] [--seed 1950]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, select
from words import (
    AUTHORITIES,
    BRANCHES,
    CAMPS,
    CIRCUMSTANCES,
    CITIES,
    EVENT_KINDS,
    GIVEN,
    INITIALS,
    PLACES,
    RANKS,
    RELATION_KINDS,
    RELATIONS,
    SOURCE_KINDS,
    STATES,
    STATUS_MIX,
    SURNAMES,
    TAGS,
    UNITS,
)

from powmia_desktop.core.fuzzydate import DateModifier, FuzzyDate, PartialDate
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path
from powmia_desktop.db.models import (
    Attendance,
    Citation,
    Contact,
    EventParticipant,
    Meeting,
    Relationship,
    Serviceman,
    Source,
    StatusChange,
    Tag,
    TimelineEvent,
    fuzzy_date_values,
    meeting_case,
    serviceman_tag,
)

EVENTS_PER_CASE = 5
BATCH = 5_000


@dataclass
class Generated:
    """What was made and how long it took."""

    path: Path
    cases: int
    seconds: float
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]


class _DatePool:
    """Every loss date of the war, as stored columns, built once and picked by index."""

    def __init__(self, rng: random.Random) -> None:
        war = _days(dt.date(1950, 6, 25), dt.date(1953, 7, 27))
        self.exact = [FuzzyDate.from_date(d) for d in war]
        months = sorted({(d.year, d.month) for d in war})
        self.about = [FuzzyDate(DateModifier.ABOUT, start=PartialDate(y, m)) for y, m in months]
        self.month = [FuzzyDate(DateModifier.NONE, start=PartialDate(y, m)) for y, m in months]
        self.between = []
        for _ in range(200):
            a = rng.randrange(len(war) - 40)
            b = a + rng.randint(2, 40)
            self.between.append(
                FuzzyDate(
                    DateModifier.BETWEEN,
                    start=PartialDate(war[a].year, war[a].month, war[a].day),
                    end=PartialDate(war[b].year, war[b].month, war[b].day),
                )
            )
        self._values: dict[tuple[str, FuzzyDate], tuple[Any, ...]] = {}

    def loss(self, rng: random.Random) -> FuzzyDate:
        roll = rng.random()
        if roll < 0.08:
            return rng.choice(self.about)
        if roll < 0.13:
            return rng.choice(self.between)
        if roll < 0.18:
            return rng.choice(self.month)
        return rng.choice(self.exact)

    def values(self, name: str, value: FuzzyDate) -> tuple[Any, ...]:
        """``(json, sort, earliest, latest)`` of one date, computed once per distinct date."""
        key = (name, value)
        stored = self._values.get(key)
        if stored is None:
            columns = fuzzy_date_values(name, value)
            stored = (
                columns[name],
                columns[f"{name}_sort"],
                columns[f"{name}_earliest"],
                columns[f"{name}_latest"],
            )
            self._values[key] = stored
        return stored


def _later(loss: FuzzyDate, rng: random.Random, low: int, high: int) -> FuzzyDate:
    """An exact date ``low``..``high`` days after the first day the loss date names."""
    base = loss.start.first_day() if loss.start else dt.date(1951, 1, 1)
    return FuzzyDate.from_date(base + dt.timedelta(days=rng.randint(low, high)))


class _Writer:
    """Batched Core inserts of row tuples, with running row counts."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.rows: dict[str, int] = {}
        self.now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(" ")

    def insert(self, table: Table, columns: Sequence[str], rows: Iterable[tuple[Any, ...]]) -> None:
        """Insert ``rows`` (values of ``columns``); other columns get their scalar defaults."""
        extra = _defaults(table, columns)
        keys = [*columns, *extra]
        for key in keys:
            table.c[key]
        quote = self.connection.dialect.identifier_preparer
        sql = (
            f"INSERT INTO {quote.format_table(table)} ({', '.join(map(quote.quote, keys))}) "
            f"VALUES ({', '.join('?' for _ in keys)})"
        )
        tail = tuple(extra.values())
        batch: list[tuple[Any, ...]] = []
        for row in rows:
            batch.append(row + tail if tail else row)
            if len(batch) >= BATCH:
                self._flush(table, sql, batch)
                batch = []
        if batch:
            self._flush(table, sql, batch)

    def _flush(self, table: Table, sql: str, batch: list[tuple[Any, ...]]) -> None:
        self.connection.exec_driver_sql(sql, batch)
        self.rows[table.name] = self.rows.get(table.name, 0) + len(batch)


def _defaults(table: Table, given: Sequence[str]) -> dict[str, Any]:
    """The stored default of each column not given (Python-side defaults are not in SQL)."""
    out: dict[str, Any] = {}
    for column in table.c:
        if column.name in given or column.default is None:
            continue
        default = column.default
        if not default.is_scalar:
            raise ValueError(f"{table.name}.{column.name} has a computed default: give it")
        value = default.arg  # type: ignore[attr-defined]
        out[column.name] = value.value if isinstance(value, Enum) else value
    return out


RECORD = ("id", "uid", "created_at", "updated_at", "notes", "row_version", "sensitivity")


def _record(writer: _Writer, kind: str, record_id: int, sensitivity: int = 1) -> tuple[Any, ...]:
    return (record_id, f"bench-{kind}-{record_id:012d}", writer.now, writer.now, "", 1, sensitivity)


def _next_id(connection: Connection, table: Table) -> int:
    return int(connection.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1


def generate(
    path: Path,
    cases: int,
    *,
    seed: int = 1950,
    progress: Callable[[str], None] | None = None,
) -> Generated:
    """Create the archive at ``path`` (which must not exist) holding ``cases`` generated cases."""
    if path.exists():
        raise FileExistsError(f"{path} already exists")
    say = progress or (lambda message: None)
    rng = random.Random(seed)
    start = time.perf_counter()
    archive = Archive.open(location_for_path(path), create=True)
    try:
        with archive.session() as session:
            writer = _Writer(session.connection())
            _fill(writer, rng, cases, say)
            rows = dict(writer.rows)
    finally:
        archive.close()
    return Generated(path, cases, time.perf_counter() - start, rows)


def _fill(writer: _Writer, rng: random.Random, cases: int, say: Callable[[str], None]) -> None:
    c = writer.connection
    dates = _DatePool(rng)

    tag_table, first_tag = Tag.__table__, _next_id(c, Tag.__table__)
    tag_ids = list(range(first_tag, first_tag + len(TAGS)))
    writer.insert(
        tag_table,
        (*RECORD, "name", "color"),
        ((*_record(writer, "tag", i), name, "") for i, name in zip(tag_ids, TAGS, strict=True)),
    )

    say("sources")
    source_table = Source.__table__
    first_source = _next_id(c, source_table)
    source_ids = list(range(first_source, first_source + max(20, cases // 50)))
    all_units = [u for units in UNITS.values() for u in units]

    def sources() -> Iterable[tuple[Any, ...]]:
        for n, source_id in enumerate(source_ids, 1):
            kind, title = SOURCE_KINDS[n % len(SOURCE_KINDS)]
            text = title.format(unit=rng.choice(all_units), state=rng.choice(STATES), n=n)
            when = dates.values("date", rng.choice(dates.exact))[0]
            yield (*_record(writer, "source", source_id, 0), text, "", when, kind,
                   "National Archives, College Park", f"RG 407, box {n}", "")  # fmt: skip

    writer.insert(
        source_table,
        (*RECORD, "title", "author", "date", "source_type", "repository", "locator", "url"),
        sources(),
    )

    say("servicemen")
    sm_table = Serviceman.__table__
    first_case = _next_id(c, sm_table)
    case_ids = range(first_case, first_case + cases)
    loss_of: dict[int, FuzzyDate] = {}
    status_of: dict[int, str] = {}
    authority_of: dict[int, str] = {}
    place_of: dict[int, str] = {}
    camp_of: dict[int, str] = {}

    def servicemen() -> Iterable[tuple[Any, ...]]:
        for n, case_id in enumerate(case_ids):
            branch = rng.choice(BRANCHES)
            loss = dates.loss(rng)
            status = rng.choice(STATUS_MIX)
            accounting = (
                "accounted_for"
                if status == "accounted_for"
                else "non_recoverable"
                if rng.random() < 0.04
                else "unaccounted_for"
            )
            place, camp = rng.choice(PLACES), rng.choice(CAMPS)
            loss_of[case_id], status_of[case_id] = loss, status
            authority_of[case_id] = AUTHORITIES[branch]
            place_of[case_id], camp_of[case_id] = place, camp
            circumstances = rng.choice(CIRCUMSTANCES).format(place=place, camp=camp)
            yield (
                *_record(writer, "case", case_id),
                rng.choice(SURNAMES),
                f"{rng.choice(GIVEN)} {rng.choice(INITIALS)}.",
                "",
                f"{'RA' if branch == 'army' else 'US'}{11_000_000 + n}",
                branch,
                rng.choice(RANKS[branch]),
                rng.choice(UNITS[branch]),
                rng.choice(CITIES),
                "",
                rng.choice(STATES),
                *dates.values("loss_date", loss),
                place.removeprefix("near ").removeprefix("at ").removeprefix("on "),
                circumstances,
                accounting,
                status,
                status == "accounted_for" and rng.random() < 0.5,
                rng.random() < 0.03,
                "",
            )

    writer.insert(
        sm_table,
        (
            *RECORD,
            "surname",
            "given_names",
            "suffix",
            "service_number",
            "branch",
            "rank",
            "unit",
            "home_city",
            "home_county",
            "home_state",
            "loss_date",
            "loss_date_sort",
            "loss_date_earliest",
            "loss_date_latest",
            "loss_place_text",
            "circumstances",
            "accounting_status",
            "current_status",
            "rosette_placed",
            "last_seen_alive",
            "summary",
        ),
        servicemen(),
    )

    writer.insert(
        serviceman_tag,
        ("serviceman_id", "tag_id"),
        (
            (case_id, tag_id)
            for case_id in case_ids
            if rng.random() < 0.3
            for tag_id in rng.sample(tag_ids, rng.choice((1, 1, 2)))
        ),
    )

    say("status history")
    sc_table = StatusChange.__table__
    first_sc = _next_id(c, sc_table)
    writer.insert(
        sc_table,
        (
            *RECORD,
            "serviceman_id",
            "date",
            "date_sort",
            "status",
            "status_text",
            "authority",
            "method",
        ),
        (
            (
                *_record(writer, "status", first_sc + n),
                case_id,
                *dates.values("date", _later(loss_of[case_id], rng, 20, 400))[:2],
                status_of[case_id],
                "",
                authority_of[case_id],
                "report",
            )
            for n, case_id in enumerate(case_ids)
        ),
    )

    say("contacts")
    contact_table = Contact.__table__
    first_contact = _next_id(c, contact_table)
    officials = [
        ("organization", "Defense POW/MIA Accounting Agency", "", "", "dpaa", ""),
        (
            "organization",
            "Army Casualty and Mortuary Affairs Operations Center",
            "",
            "",
            "service_casualty_office",
            "",
        ),
        ("organization", "Korean War Project", "", "", "family_organization", ""),
    ] + [
        (
            "person",
            f"{rng.choice(GIVEN)} {s}",
            s,
            "",
            "congressional_office",
            f"Caseworker, office of Senator {rng.choice(SURNAMES)}",
        )
        for s in rng.sample(SURNAMES, 20)
    ]
    family = max(10, cases // 10)
    contact_ids = list(range(first_contact, first_contact + len(officials) + family))
    family_of: dict[int, tuple[int, str]] = {}

    def contacts() -> Iterable[tuple[Any, ...]]:
        for n, contact_id in enumerate(contact_ids):
            record = _record(writer, "contact", contact_id)
            if n < len(officials):
                kind, name, surname, given, org_type, title = officials[n]
                yield (*record, kind, name, surname, given, name if kind == "organization"
                       else "", org_type, title)  # fmt: skip
                continue
            case_id = rng.choice(case_ids)
            relation = rng.choice(RELATIONS)
            family_of[contact_id] = (case_id, relation)
            surname, given = rng.choice(SURNAMES), rng.choice(GIVEN)
            yield (*record, "person", f"{given} {surname}", surname, given, "", None,
                   f"{relation.capitalize()} of a missing serviceman")  # fmt: skip

    writer.insert(
        contact_table,
        (
            *RECORD,
            "kind",
            "display_name",
            "surname",
            "given_names",
            "organization",
            "organization_type",
            "title",
        ),
        contacts(),
    )
    rel_table = Relationship.__table__
    first_rel = _next_id(c, rel_table)
    writer.insert(
        rel_table,
        (*RECORD, "from_contact_id", "to_serviceman_id", "kind"),
        (
            (
                *_record(writer, "rel", first_rel + n, 2),
                contact_id,
                case_id,
                RELATION_KINDS[relation],
            )
            for n, (contact_id, (case_id, relation)) in enumerate(family_of.items())
        ),
    )

    say("timeline events")
    event_table = TimelineEvent.__table__
    first_event = _next_id(c, event_table)
    witnesses = contact_ids[len(officials) :] or contact_ids

    def events() -> Iterable[tuple[Any, ...]]:
        event_id = first_event
        for case_id in case_ids:
            loss = loss_of[case_id]
            whens = (
                loss,
                _later(loss, rng, 10, 60),
                _later(loss, rng, 1200, 1500),
                _later(loss, rng, 800, 20000),
                _later(loss, rng, 16000, 25000),
            )
            for (category, title, text), when in zip(EVENT_KINDS, whens, strict=True):
                fill = {
                    "place": place_of[case_id],
                    "camp": camp_of[case_id],
                    "relation": rng.choice(RELATIONS),
                    "circumstances": "",
                }
                if category == "loss":
                    fill["circumstances"] = rng.choice(CIRCUMSTANCES).format(**fill)
                yield (
                    *_record(writer, "event", event_id),
                    *dates.values("date", when),
                    title.format(**fill),
                    text.format(**fill),
                    category,
                    place_of[case_id] if category == "loss" else "",
                )
                event_id += 1

    writer.insert(
        event_table,
        (
            *RECORD,
            "date",
            "date_sort",
            "date_earliest",
            "date_latest",
            "title",
            "description",
            "category",
            "place_text",
        ),
        events(),
    )
    event_count = cases * EVENTS_PER_CASE

    say("participants and citations")
    part_table = EventParticipant.__table__
    first_part = _next_id(c, part_table)

    def participants() -> Iterable[tuple[Any, ...]]:
        part_id = first_part
        for n in range(event_count):
            event_id = first_event + n
            case_id = first_case + n // EVENTS_PER_CASE
            yield (*_record(writer, "part", part_id), event_id, case_id, None, "subject")
            part_id += 1
            if rng.random() < 0.2:
                yield (*_record(writer, "part", part_id), event_id, None,
                       rng.choice(witnesses), "witness")  # fmt: skip
                part_id += 1

    writer.insert(
        part_table, (*RECORD, "event_id", "serviceman_id", "contact_id", "role"), participants()
    )
    cit_table = Citation.__table__
    first_cit = _next_id(c, cit_table)
    writer.insert(
        cit_table,
        (*RECORD, "source_id", "locator", "quote", "confidence", "timeline_event_id"),
        (
            (
                *_record(writer, "cit", first_cit + n),
                rng.choice(source_ids),
                f"p. {rng.randint(1, 240)}",
                "",
                rng.choice(("primary", "secondary")),
                first_event + n,
            )
            for n in range(event_count)
        ),
    )

    say("meetings")
    meeting_table = Meeting.__table__
    first_meeting = _next_id(c, meeting_table)
    meeting_ids = list(range(first_meeting, first_meeting + max(3, cases // 1000)))
    writer.insert(
        meeting_table,
        (
            *RECORD,
            "meeting_type",
            "title",
            "starts_at",
            "all_day",
            "timezone",
            "place",
            "status",
            "description",
            "minutes",
        ),
        (
            (
                *_record(writer, "meeting", meeting_id),
                "family_member_update",
                f"Family Member Update, {rng.choice(CITIES)}",
                dt.datetime(1996 + n % 28, 1 + n % 12, 1 + n % 28, 9).isoformat(" "),
                False,
                "America/New_York",
                f"Hotel conference room, {rng.choice(CITIES)}",
                "held",
                "Briefings by DPAA analysts and one-on-one case reviews.",
                "",
            )
            for n, meeting_id in enumerate(meeting_ids)
        ),
    )
    att_table = Attendance.__table__
    first_att = _next_id(c, att_table)
    attendances = [
        (meeting_id, contact_id)
        for meeting_id in meeting_ids
        for contact_id in rng.sample(contact_ids, min(8, len(contact_ids)))
    ]
    writer.insert(
        att_table,
        (*RECORD, "meeting_id", "contact_id", "role", "invited", "attended"),
        (
            (*_record(writer, "att", first_att + n), m, ct, "family", True, True)
            for n, (m, ct) in enumerate(attendances)
        ),
    )
    writer.insert(
        meeting_case,
        ("meeting_id", "serviceman_id"),
        (
            (meeting_id, case_id)
            for meeting_id in meeting_ids
            for case_id in rng.sample(case_ids, min(20, len(case_ids)))
        ),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the archive file to create (must not exist)")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1950)
    args = parser.parse_args(argv)
    try:
        made = generate(args.out, args.cases, seed=args.seed, progress=lambda m: print(m + "…"))
    except FileExistsError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{made.total_rows:,} rows in {made.seconds:.1f} s into {made.path}")
    for table, count in sorted(made.rows.items()):
        print(f"  {table:<20}{count:>10,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
