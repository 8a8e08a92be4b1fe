"""The demo archive: the Dumas case as the family's own text and the public sources tell it.

The content lives in ``resources/demo/dumas.json`` (format ``powmia-demo``, version 1), where
records refer to each other by local keys. ``load_demo`` checks the whole document, resolves
the keys and creates every record through the ORM in the caller's session; the caller owns the
transaction, so a failed load leaves nothing behind. Every demo record gets a uid derived from
its place in the document, so loading the demo twice is refused instead of doubling it.
"""

import json
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ArchiveError, ValidationError
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import (
    AccountingStatus,
    AttendanceRole,
    Branch,
    CasualtyStatus,
    ClaimProperty,
    ClaimStatus,
    Confidence,
    ContactKind,
    EventCategory,
    ListMatchStatus,
    MeetingStatus,
    MeetingType,
    NameVariantKind,
    OrganizationType,
    ParticipantRole,
    PlaceType,
    QuestionStatus,
    RelationshipKind,
    SourceType,
    StatusAuthority,
    StatusMethod,
    Vocabulary,
)
from powmia_desktop.db.models import (
    AgendaItem,
    Attendance,
    AudienceProfile,
    Base,
    Captivity,
    Citation,
    Claim,
    Contact,
    ContactAddress,
    ContactEmail,
    ContactPhone,
    EventParticipant,
    ExternalId,
    ListMembership,
    LiveSightingReport,
    Meeting,
    NameVariant,
    Place,
    PlaceName,
    Question,
    Record,
    Relationship,
    Serviceman,
    Source,
    StatusChange,
    Tag,
    Task,
    TimelineEvent,
)
from powmia_desktop.resources import resource_path

__all__ = [
    "DEMO_FORMAT",
    "DEMO_VERSION",
    "DemoSummary",
    "demo_is_loaded",
    "demo_path",
    "load_demo",
    "uid_for",
]

DEMO_FORMAT = "powmia-demo"
DEMO_VERSION = 1
_UID_PREFIX = "powmia-demo:"
#: An all-day meeting (a date without a time) is stored at noon UTC: the same calendar day
#: in every time zone from UTC-11 to UTC+11.
_ALL_DAY_HOUR = 12

B = TypeVar("B", bound=Base)
V = TypeVar("V", bound=Vocabulary)
T = TypeVar("T")


@dataclass(frozen=True)
class DemoSummary:
    """What ``load_demo`` created: the main case's id and a count of each kind of record."""

    serviceman_id: int
    cases: int
    name_variants: int
    external_ids: int
    status_changes: int
    captivities: int
    claims: int
    list_memberships: int
    live_sightings: int
    places: int
    sources: int
    citations: int
    contacts: int
    relationships: int
    meetings: int
    attendances: int
    agenda_items: int
    questions: int
    tasks: int
    events: int
    tags: int
    audience_profiles: int

    def counts(self) -> dict[str, int]:
        """The counts by kind, in declaration order, without the case id."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "serviceman_id"}

    def describe(self) -> str:
        """One line for people: "1 case, 3 status changes, ..." (kinds with none left out)."""
        return ", ".join(
            f"{count} {_singular(name) if count == 1 else name.replace('_', ' ')}"
            for name, count in self.counts().items()
            if count
        )


def _singular(name: str) -> str:
    words = name.replace("_", " ")
    for plural, singular in (("ies", "y"), ("s", "")):
        if words.endswith(plural):
            return words[: -len(plural)] + singular
    return words


#: Which DemoSummary field counts each model class.
_COUNTED: dict[type[Record], str] = {
    Serviceman: "cases",
    NameVariant: "name_variants",
    ExternalId: "external_ids",
    StatusChange: "status_changes",
    Captivity: "captivities",
    Claim: "claims",
    ListMembership: "list_memberships",
    LiveSightingReport: "live_sightings",
    Place: "places",
    Source: "sources",
    Citation: "citations",
    Contact: "contacts",
    Relationship: "relationships",
    Meeting: "meetings",
    Attendance: "attendances",
    AgendaItem: "agenda_items",
    Question: "questions",
    Task: "tasks",
    TimelineEvent: "events",
    Tag: "tags",
    AudienceProfile: "audience_profiles",
}


def demo_path() -> Path:
    """The bundled demo document."""
    return resource_path("demo", "dumas.json")


def load_demo(session: Session, path: Path | None = None) -> DemoSummary:
    """Create the demo records in ``session`` (not committed) and say what was created.

    Raises ArchiveError when the demo is already in the archive, or when the document is
    unreadable or refers to a key it does not define.
    """
    file = demo_path() if path is None else path
    return _Loader(session).load(_Obj(_read(file), file.name))


def demo_is_loaded(session: Session, path: Path | None = None) -> bool:
    """Whether a case of the demo content is already in the archive."""
    return _loaded_case(session, _read(demo_path() if path is None else path)) is not None


def _read(file: Path) -> object:
    try:
        return json.loads(file.read_text(encoding="utf-8"))
    except OSError as error:
        raise ArchiveError(f"Cannot read the demo content {file}: {error.strerror}") from None
    except ValueError as error:
        raise ArchiveError(f"The demo content {file} is not valid JSON: {error}") from None


def _loaded_case(session: Session, document: object) -> Serviceman | None:
    """The first demo case (by its deterministic uid) already in the archive, if any."""
    cases = document.get("cases") if isinstance(document, dict) else None
    keys = [c.get("key") for c in cases if isinstance(c, dict)] if isinstance(cases, list) else []
    uids = [uid_for(f"case/{key}") for key in keys if isinstance(key, str)]
    return session.scalars(select(Serviceman).where(Serviceman.uid.in_(uids))).first()


def uid_for(path: str) -> str:
    """The deterministic uid of the demo record at ``path`` (e.g. ``case/dumas``)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, _UID_PREFIX + path))


class _Obj:
    """One JSON object of the document, read field by field; unknown fields are refused."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise _damaged(where, "must be a JSON object")
        self.data: dict[str, object] = data
        self.where = where
        self._used: set[str] = set()

    def at(self, name: str) -> str:
        return f"{self.where}.{name}"

    def raw(self, name: str) -> object:
        self._used.add(name)
        return self.data.get(name)

    def text(self, name: str, default: str | None = None) -> str:
        value = self.raw(name)
        if value is None:
            if default is None:
                raise _damaged(self.at(name), "is required")
            return default
        if not isinstance(value, str):
            raise _damaged(self.at(name), "must be text")
        return value

    def optional(self, name: str) -> str | None:
        value = self.text(name, "")
        return value or None

    def flag(self, name: str, default: bool) -> bool:
        value = self.raw(name)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise _damaged(self.at(name), "must be true or false")
        return value

    def texts(self, name: str) -> list[str]:
        values = self.raw(name)
        if values is None:
            return []
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise _damaged(self.at(name), "must be a list of texts")
        return [str(v) for v in values]

    def objects(self, name: str) -> Iterator[tuple[int, "_Obj"]]:
        """The objects of a list field with their positions; each is checked when done."""
        values = self.raw(name)
        if values is None:
            return
        if not isinstance(values, list):
            raise _damaged(self.at(name), "must be a list")
        for index, value in enumerate(values):
            item = _Obj(value, f"{self.at(name)}[{index}]")
            yield index, item
            item.finish()

    def vocab(self, enum: type[V], name: str, default: V | None = None) -> V:
        text = self.optional(name)
        if text is None:
            if default is None:
                raise _damaged(self.at(name), "is required")
            return default
        try:
            return enum.parse(text)
        except ValidationError as error:
            raise _damaged(self.at(name), str(error)) from None

    def optional_vocab(self, enum: type[V], name: str) -> V | None:
        return None if self.optional(name) is None else self.vocab(enum, name)

    def fuzzy_date(self, name: str) -> FuzzyDate | None:
        text = self.optional(name)
        if text is None:
            return None
        try:
            return FuzzyDate.parse_strict(text)
        except ValidationError as error:
            raise _damaged(self.at(name), str(error)) from None

    def sensitivity(self, name: str) -> Sensitivity | None:
        text = self.optional(name)
        if text is None:
            return None
        try:
            return Sensitivity.parse(text)
        except ValidationError as error:
            raise _damaged(self.at(name), str(error)) from None

    def finish(self) -> None:
        unknown = sorted(set(self.data) - self._used)
        if unknown:
            raise _damaged(self.where, f"has unknown field(s): {', '.join(unknown)}")


def _damaged(where: str, problem: str) -> ArchiveError:
    return ArchiveError(f"The demo content is damaged: {where} {problem}")


class _Loader:
    """Builds the records of one document, unattached, then adds them all at once."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.created: list[Record] = []
        self.level = Sensitivity.PUBLIC
        self.tags: dict[str, Tag] = {}
        self.places: dict[str, Place] = {}
        self.sources: dict[str, Source] = {}
        self.contacts: dict[str, Contact] = {}
        self.cases: dict[str, Serviceman] = {}
        self.meetings: dict[str, Meeting] = {}
        self.keys_seen: set[str] = set()

    # -- the document ------------------------------------------------------------------------

    def load(self, doc: _Obj) -> DemoSummary:
        if doc.raw("format") != DEMO_FORMAT:
            raise ArchiveError(f"The demo content is not a '{DEMO_FORMAT}' document")
        version = doc.raw("version")
        if version != DEMO_VERSION:
            raise ArchiveError(
                f"The demo content has version {version!r}; this program reads version "
                f"{DEMO_VERSION}"
            )
        doc.text("title", "")
        doc.text("description", "")
        self.level = doc.sensitivity("default_sensitivity") or Sensitivity.PUBLIC
        self._refuse_if_loaded(doc)

        for _, obj in doc.objects("tags"):
            self._tag(obj)
        for _, obj in doc.objects("places"):
            self._place(obj)
        for _, obj in doc.objects("sources"):
            self._source(obj)
        for _, obj in doc.objects("contacts"):
            self._contact(obj)
        for _, obj in doc.objects("cases"):
            self._case(obj)
        for index, obj in doc.objects("relationships"):
            self._relationship(obj, f"relationship/{index}")
        for _, obj in doc.objects("meetings"):
            self._meeting(obj)
        for _, obj in doc.objects("questions"):
            self._question(obj)
        for _, obj in doc.objects("tasks"):
            self._task(obj)
        for _, obj in doc.objects("events"):
            self._event(obj)
        for _, obj in doc.objects("audience_profiles"):
            self._audience(obj)
        doc.finish()
        if not self.cases:
            raise _damaged(doc.at("cases"), "holds no case")

        self._refuse_collisions()
        self.session.add_all(self.created)
        self.session.flush()
        return self._summary()

    def _refuse_if_loaded(self, doc: _Obj) -> None:
        """Refuse before building anything when a demo case is already in the archive."""
        found = _loaded_case(self.session, doc.data)
        if found is not None:
            raise ArchiveError(
                f"The demo content is already in this archive (the case of {found.full_name}, "
                f"id {found.id}); it is loaded only once"
            )

    def _refuse_collisions(self) -> None:
        """Refuse when any other demo record is already present (say, left after a delete)."""
        by_kind: dict[type[Record], list[str]] = {}
        for record in self.created:
            by_kind.setdefault(type(record), []).append(record.uid)
        for kind, uids in by_kind.items():
            taken = self.session.scalars(select(kind.uid).where(kind.uid.in_(uids))).all()
            if taken:
                table = getattr(kind, "__tablename__", kind.__name__)
                raise ArchiveError(
                    f"The demo content is already in this archive in part ({len(taken)} "
                    f"{table} record(s)); remove them before loading the demo again"
                )

    def _summary(self) -> DemoSummary:
        counts: Counter[str] = Counter()
        for record in self.created:
            counts[_COUNTED.get(type(record), "")] += 1
        first_case = next(iter(self.cases.values()))
        values = {name: counts[name] for name in _COUNTED.values()}
        return DemoSummary(serviceman_id=first_case.id, **values)

    # -- helpers -----------------------------------------------------------------------------

    def _new(self, cls: type[B], obj: _Obj, path: str, inherited: Sensitivity, **values: Any) -> B:
        """A new record with its demo uid, notes and sensitivity (given, or inherited)."""
        level = obj.sensitivity("sensitivity")
        if level is None:
            own = getattr(cls, "default_sensitivity", Sensitivity.OFFICIALS)
            # A kind with its own stricter default (phones, live sightings) keeps it.
            level = max(own, inherited) if own is not Sensitivity.OFFICIALS else inherited
        record = cls(uid=uid_for(path), sensitivity=level, notes=obj.text("notes", ""), **values)
        assert isinstance(record, Record)
        self.created.append(record)
        return record

    def _key(self, obj: _Obj, kind: str) -> str:
        key = obj.text("key")
        if not key.strip():
            raise _damaged(obj.at("key"), "is empty")
        if f"{kind}/{key}" in self.keys_seen:
            raise _damaged(obj.at("key"), f"repeats the {kind} key '{key}'")
        self.keys_seen.add(f"{kind}/{key}")
        return key

    @staticmethod
    def _ref(table: dict[str, T], kind: str, key: str, where: str) -> T:
        try:
            return table[key]
        except KeyError:
            raise _damaged(where, f"refers to an unknown {kind} '{key}'") from None

    def _optional_ref(self, table: dict[str, T], kind: str, obj: _Obj, name: str) -> T | None:
        key = obj.optional(name)
        return None if key is None else self._ref(table, kind, key, obj.at(name))

    def _refs(self, table: dict[str, T], kind: str, obj: _Obj, name: str) -> list[T]:
        return [self._ref(table, kind, key, obj.at(name)) for key in obj.texts(name)]

    def _tag_list(self, obj: _Obj) -> list[Tag]:
        return self._refs(self.tags, "tag", obj, "tags")

    def _citations(self, obj: _Obj, path: str, inherited: Sensitivity) -> list[Citation]:
        citations = []
        for index, item in obj.objects("citations"):
            source = self._ref(self.sources, "source", item.text("source"), item.at("source"))
            citations.append(
                self._new(
                    Citation,
                    item,
                    f"{path}/citations/{index}",
                    inherited,
                    source=source,
                    locator=item.text("locator", ""),
                    quote=item.text("quote", ""),
                    confidence=item.vocab(Confidence, "confidence", Confidence.SECONDARY),
                )
            )
        return citations

    def _children(self, obj: _Obj, name: str, path: str, make: Callable[[_Obj, str], B]) -> list[B]:
        return [make(item, f"{path}/{name}/{index}") for index, item in obj.objects(name)]

    # -- kinds of record ---------------------------------------------------------------------

    def _tag(self, obj: _Obj) -> None:
        key = self._key(obj, "tag")
        name = obj.text("name")
        existing = self.session.scalars(select(Tag).where(Tag.name == name)).first()
        if existing is not None:  # a tag the family already uses is shared, not duplicated
            obj.raw("color")
            obj.raw("notes")
            obj.raw("sensitivity")
            self.tags[key] = existing
            return
        self.tags[key] = self._new(
            Tag, obj, f"tag/{key}", self.level, name=name, color=obj.text("color", "")
        )

    def _place(self, obj: _Obj) -> None:
        key = self._key(obj, "place")
        path = f"place/{key}"
        place = self._new(
            Place,
            obj,
            path,
            self.level,
            name=obj.text("name"),
            place_type=obj.vocab(PlaceType, "type", PlaceType.OTHER),
            country=obj.text("country", ""),
            ambiguity_warning=obj.text("ambiguity_warning", ""),
        )
        place.alternate_names = self._children(
            obj,
            "alternate_names",
            path,
            lambda item, p: self._new(
                PlaceName,
                item,
                p,
                place.sensitivity,
                name=item.text("name"),
                language=item.text("language", ""),
                period=item.text("period", ""),
            ),
        )
        self.places[key] = place

    def _source(self, obj: _Obj) -> None:
        key = self._key(obj, "source")
        self.sources[key] = self._new(
            Source,
            obj,
            f"source/{key}",
            self.level,
            title=obj.text("title"),
            author=obj.text("author", ""),
            date=obj.fuzzy_date("date"),
            source_type=obj.vocab(SourceType, "type", SourceType.OTHER),
            repository=obj.text("repository", ""),
            locator=obj.text("locator", ""),
            url=obj.text("url", ""),
            tags=self._tag_list(obj),
        )

    def _contact(self, obj: _Obj) -> None:
        key = self._key(obj, "contact")
        path = f"contact/{key}"
        contact = self._new(
            Contact,
            obj,
            path,
            self.level,
            kind=obj.vocab(ContactKind, "kind", ContactKind.PERSON),
            display_name=obj.text("display_name"),
            surname=obj.text("surname", ""),
            given_names=obj.text("given_names", ""),
            honorific=obj.text("honorific", ""),
            organization=obj.text("organization", ""),
            organization_type=obj.optional_vocab(OrganizationType, "organization_type"),
            title=obj.text("title", ""),
            living=obj.flag("living", True),
            tags=self._tag_list(obj),
        )
        level = contact.sensitivity
        contact.phones = self._children(
            obj,
            "phones",
            path,
            lambda item, p: self._new(
                ContactPhone,
                item,
                p,
                level,
                label=item.text("label", ""),
                number=item.text("number"),
            ),
        )
        contact.emails = self._children(
            obj,
            "emails",
            path,
            lambda item, p: self._new(
                ContactEmail,
                item,
                p,
                level,
                label=item.text("label", ""),
                address=item.text("address"),
            ),
        )
        contact.addresses = self._children(
            obj,
            "addresses",
            path,
            lambda item, p: self._new(
                ContactAddress,
                item,
                p,
                level,
                label=item.text("label", ""),
                street=item.text("street", ""),
                city=item.text("city", ""),
                region=item.text("region", ""),
                postal_code=item.text("postal_code", ""),
                country=item.text("country", ""),
            ),
        )
        self.contacts[key] = contact

    def _case(self, obj: _Obj) -> None:
        key = self._key(obj, "case")
        path = f"case/{key}"
        case = self._new(
            Serviceman,
            obj,
            path,
            self.level,
            surname=obj.text("surname"),
            given_names=obj.text("given_names", ""),
            suffix=obj.text("suffix", ""),
            service_number=obj.text("service_number", ""),
            branch=obj.optional_vocab(Branch, "branch"),
            rank=obj.text("rank", ""),
            unit=obj.text("unit", ""),
            home_city=obj.text("home_city", ""),
            home_county=obj.text("home_county", ""),
            home_state=obj.text("home_state", ""),
            birth_date=obj.fuzzy_date("birth_date"),
            loss_date=obj.fuzzy_date("loss_date"),
            loss_place=self._optional_ref(self.places, "place", obj, "loss_place"),
            loss_place_text=obj.text("loss_place_text", ""),
            circumstances=obj.text("circumstances", ""),
            accounting_status=obj.vocab(
                AccountingStatus, "accounting_status", AccountingStatus.UNACCOUNTED_FOR
            ),
            accounted_for_date=obj.fuzzy_date("accounted_for_date"),
            rosette_placed=obj.flag("rosette_placed", False),
            last_seen_alive=obj.flag("last_seen_alive", False),
            summary=obj.text("summary", ""),
            tags=self._tag_list(obj),
        )
        level = case.sensitivity
        self.cases[key] = case
        case.citations = self._citations(obj, path, level)
        case.name_variants = self._children(
            obj,
            "name_variants",
            path,
            lambda item, p: self._new(
                NameVariant,
                item,
                p,
                level,
                name=item.text("name"),
                kind=item.vocab(NameVariantKind, "kind", NameVariantKind.AS_PRINTED),
                where_seen=item.text("where_seen", ""),
            ),
        )
        case.external_ids = self._children(
            obj,
            "external_ids",
            path,
            lambda item, p: self._new(
                ExternalId,
                item,
                p,
                level,
                issuer=item.text("issuer"),
                value=item.text("value"),
                url=item.text("url", ""),
            ),
        )
        case.status_changes = self._children(obj, "status_history", path, self._status_change)
        case.captivities = self._children(obj, "captivities", path, self._captivity)
        case.claims = self._children(obj, "claims", path, self._claim)
        case.live_sightings = self._children(obj, "live_sightings", path, self._live_sighting)
        memberships = self._children(obj, "list_memberships", path, self._list_membership)
        for membership in memberships:
            membership.serviceman = case
        case.current_status = _latest_status(case.status_changes)

    def _status_change(self, obj: _Obj, path: str) -> StatusChange:
        change = self._new(
            StatusChange,
            obj,
            path,
            self.level,
            date=obj.fuzzy_date("date"),
            status=obj.vocab(CasualtyStatus, "status"),
            status_text=obj.text("status_text", ""),
            authority=obj.optional_vocab(StatusAuthority, "authority"),
            method=obj.optional_vocab(StatusMethod, "method"),
        )
        change.citations = self._citations(obj, path, change.sensitivity)
        return change

    def _captivity(self, obj: _Obj, path: str) -> Captivity:
        captivity = self._new(
            Captivity,
            obj,
            path,
            self.level,
            camp=self._optional_ref(self.places, "place", obj, "camp"),
            camp_text=obj.text("camp_text", ""),
            held_from=obj.fuzzy_date("held_from"),
            held_to=obj.fuzzy_date("held_to"),
            remarks=obj.text("remarks", ""),
        )
        captivity.citations = self._citations(obj, path, captivity.sensitivity)
        return captivity

    def _claim(self, obj: _Obj, path: str) -> Claim:
        claim = self._new(
            Claim,
            obj,
            path,
            self.level,
            fact=obj.vocab(ClaimProperty, "fact"),
            fact_text=obj.text("fact_text", ""),
            value=obj.text("value"),
            status=obj.vocab(ClaimStatus, "status", ClaimStatus.ASSERTED),
        )
        claim.citations = self._citations(obj, path, claim.sensitivity)
        if not claim.citations:
            raise _damaged(obj.where, "is a claim without a citation")
        return claim

    def _live_sighting(self, obj: _Obj, path: str) -> LiveSightingReport:
        report = self._new(
            LiveSightingReport,
            obj,
            path,
            self.level,
            reported_on=obj.fuzzy_date("reported_on"),
            sighting_date=obj.fuzzy_date("sighting_date"),
            sighting_place=self._optional_ref(self.places, "place", obj, "sighting_place"),
            sighting_place_text=obj.text("sighting_place_text", ""),
            reporter=self._optional_ref(self.contacts, "contact", obj, "reporter"),
            content=obj.text("content", ""),
            government_evaluation=obj.text("government_evaluation", ""),
            follow_up=obj.text("follow_up", ""),
        )
        report.citations = self._citations(obj, path, report.sensitivity)
        return report

    def _list_membership(self, obj: _Obj, path: str) -> ListMembership:
        row = obj.raw("row_as_printed")
        if row is None:
            row = {}
        if not isinstance(row, dict):
            raise _damaged(obj.at("row_as_printed"), "must be a JSON object")
        row_number = obj.raw("row_number")
        if row_number is not None and (
            isinstance(row_number, bool) or not isinstance(row_number, int)
        ):
            raise _damaged(obj.at("row_number"), "must be a whole number")
        return self._new(
            ListMembership,
            obj,
            path,
            self.level,
            source=self._ref(self.sources, "source", obj.text("source"), obj.at("source")),
            row_number=row_number,
            row_as_printed=row,
            name_as_printed=obj.text("name_as_printed", ""),
            match_status=obj.vocab(ListMatchStatus, "match_status", ListMatchStatus.UNMATCHED),
        )

    def _relationship(self, obj: _Obj, path: str) -> None:
        source = self._ref(self.contacts, "contact", obj.text("from"), obj.at("from"))
        to_contact = self._optional_ref(self.contacts, "contact", obj, "to_contact")
        to_case = self._optional_ref(self.cases, "case", obj, "to_case")
        if (to_contact is None) == (to_case is None):
            raise _damaged(obj.where, "needs exactly one of to_contact and to_case")
        self._new(
            Relationship,
            obj,
            path,
            self.level,
            from_contact=source,
            to_contact=to_contact,
            to_serviceman=to_case,
            kind=obj.vocab(RelationshipKind, "kind"),
            label=obj.text("label", ""),
            reverse_label=obj.text("reverse_label", ""),
            valid_from=obj.fuzzy_date("valid_from"),
            valid_to=obj.fuzzy_date("valid_to"),
        )

    def _meeting(self, obj: _Obj) -> None:
        key = self._key(obj, "meeting")
        path = f"meeting/{key}"
        starts_at, all_day = _moment(obj, "starts_at")
        ends_at, _ = _moment(obj, "ends_at")
        meeting = self._new(
            Meeting,
            obj,
            path,
            self.level,
            meeting_type=obj.vocab(MeetingType, "type"),
            title=obj.text("title"),
            starts_at=starts_at,
            ends_at=ends_at,
            all_day=all_day,
            timezone=obj.text("timezone", ""),
            place=obj.text("place", ""),
            status=obj.vocab(MeetingStatus, "status", MeetingStatus.PLANNED),
            description=obj.text("description", ""),
            minutes=obj.text("minutes", ""),
            cases=self._refs(self.cases, "case", obj, "cases"),
            tags=self._tag_list(obj),
        )
        level = meeting.sensitivity
        meeting.attendances = self._children(
            obj,
            "attendances",
            path,
            lambda item, p: self._new(
                Attendance,
                item,
                p,
                level,
                contact=self._ref(
                    self.contacts, "contact", item.text("contact"), item.at("contact")
                ),
                role=item.vocab(AttendanceRole, "role", AttendanceRole.OTHER),
                invited=item.flag("invited", True),
                attended=item.flag("attended", False),
            ),
        )
        meeting.agenda_items = [
            self._new(
                AgendaItem,
                item,
                f"{path}/agenda/{index}",
                level,
                position=index + 1,
                title=item.text("title"),
                presenter=self._optional_ref(self.contacts, "contact", item, "presenter"),
                minutes=item.text("minutes", ""),
            )
            for index, item in obj.objects("agenda")
        ]
        self.meetings[key] = meeting

    def _question(self, obj: _Obj) -> None:
        key = self._key(obj, "question")
        self._new(
            Question,
            obj,
            f"question/{key}",
            self.level,
            serviceman=self._optional_ref(self.cases, "case", obj, "case"),
            text=obj.text("text"),
            addressed_to=self._optional_ref(self.contacts, "contact", obj, "addressed_to"),
            asked_at=self._optional_ref(self.meetings, "meeting", obj, "asked_at"),
            meetings=self._refs(self.meetings, "meeting", obj, "meetings"),
            answer=obj.text("answer", ""),
            status=obj.vocab(QuestionStatus, "status", QuestionStatus.OPEN),
        )

    def _task(self, obj: _Obj) -> None:
        key = self._key(obj, "task")
        due = obj.optional("due_on")
        try:
            due_on = None if due is None else date.fromisoformat(due)
        except ValueError:
            raise _damaged(obj.at("due_on"), f"'{due}' is not a date (YYYY-MM-DD)") from None
        self._new(
            Task,
            obj,
            f"task/{key}",
            self.level,
            title=obj.text("title"),
            due_on=due_on,
            done=obj.flag("done", False),
            assignee=self._optional_ref(self.contacts, "contact", obj, "assignee"),
            meeting=self._optional_ref(self.meetings, "meeting", obj, "meeting"),
            serviceman=self._optional_ref(self.cases, "case", obj, "case"),
        )

    def _event(self, obj: _Obj) -> None:
        key = self._key(obj, "event")
        path = f"event/{key}"
        event = self._new(
            TimelineEvent,
            obj,
            path,
            self.level,
            date=obj.fuzzy_date("date"),
            title=obj.text("title"),
            description=obj.text("description", ""),
            category=obj.vocab(EventCategory, "category", EventCategory.OTHER),
            place=self._optional_ref(self.places, "place", obj, "place"),
            place_text=obj.text("place_text", ""),
            tags=self._tag_list(obj),
        )
        level = event.sensitivity
        event.participants = self._children(
            obj, "participants", path, lambda item, p: self._participant(item, p, level)
        )
        event.citations = self._citations(obj, path, level)
        if not event.citations:
            raise _damaged(obj.where, "is an event without a citation")

    def _participant(self, obj: _Obj, path: str, level: Sensitivity) -> EventParticipant:
        case = self._optional_ref(self.cases, "case", obj, "case")
        contact = self._optional_ref(self.contacts, "contact", obj, "contact")
        if (case is None) == (contact is None):
            raise _damaged(obj.where, "needs exactly one of case and contact")
        return self._new(
            EventParticipant,
            obj,
            path,
            level,
            serviceman=case,
            contact=contact,
            role=obj.vocab(ParticipantRole, "role", ParticipantRole.SUBJECT),
        )

    def _audience(self, obj: _Obj) -> None:
        key = self._key(obj, "audience profile")
        name = obj.text("name")
        ceiling = obj.sensitivity("ceiling")
        if ceiling is None:
            raise _damaged(obj.at("ceiling"), "is required")
        rules = obj.texts("field_rules")
        description = obj.text("description", "")
        existing = self.session.scalars(
            select(AudienceProfile).where(AudienceProfile.name == name)
        ).first()
        if existing is not None:  # the family's own profile of that name is kept as it is
            obj.raw("notes")
            obj.raw("sensitivity")
            return
        self._new(
            AudienceProfile,
            obj,
            f"audience/{key}",
            self.level,
            name=name,
            ceiling=ceiling,
            field_rules=rules,
            description=description,
        )


def _moment(obj: _Obj, name: str) -> tuple[datetime | None, bool]:
    """A meeting time: ISO date and time with its UTC offset, or a date alone (all day)."""
    text = obj.optional(name)
    if text is None:
        return None, False
    try:
        if "T" not in text:
            day = date.fromisoformat(text)
            return datetime(day.year, day.month, day.day, _ALL_DAY_HOUR, tzinfo=UTC), True
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise _damaged(obj.at(name), f"'{text}' is not an ISO date or date and time") from None
    if moment.tzinfo is None:
        raise _damaged(obj.at(name), f"'{text}' needs its UTC offset (e.g. -04:00)")
    return moment.astimezone(UTC), False


def _latest_status(changes: list[StatusChange]) -> CasualtyStatus | None:
    """The status of the latest dated entry (undated entries count only when none is dated)."""
    dated = [(c.date.sort_key, i) for i, c in enumerate(changes) if c.date is not None]
    if dated:
        return changes[max(dated)[1]].status
    return changes[-1].status if changes else None
