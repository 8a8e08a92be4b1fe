"""The demo's tags, places, sources, contacts, cases (with all they hold) and relationships."""

from sqlalchemy import select

from powmia_desktop.core.vocab import (
    AccountingStatus,
    Branch,
    CasualtyStatus,
    ClaimProperty,
    ClaimStatus,
    ContactKind,
    ListMatchStatus,
    NameVariantKind,
    OrganizationType,
    PlaceType,
    RelationshipKind,
    SourceType,
    StatusAuthority,
    StatusMethod,
)
from powmia_desktop.db.models import (
    Captivity,
    Claim,
    Contact,
    ContactAddress,
    ContactEmail,
    ContactPhone,
    ExternalId,
    ListMembership,
    LiveSightingReport,
    NameVariant,
    Place,
    PlaceName,
    Relationship,
    Serviceman,
    Source,
    StatusChange,
    Tag,
)
from powmia_desktop.services.demo.building import LoaderBase
from powmia_desktop.services.demo.document import DocObject, damaged


class CaseRecords(LoaderBase):
    """Tags, places, sources, contacts, cases with what they hold, and relationships."""

    def _tag(self, obj: DocObject) -> None:
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

    def _place(self, obj: DocObject) -> None:
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

    def _source(self, obj: DocObject) -> None:
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

    def _contact(self, obj: DocObject) -> None:
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

    def _case(self, obj: DocObject) -> None:
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
        case.current_status = latest_status(case.status_changes)

    def _status_change(self, obj: DocObject, path: str) -> StatusChange:
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

    def _captivity(self, obj: DocObject, path: str) -> Captivity:
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

    def _claim(self, obj: DocObject, path: str) -> Claim:
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
            raise damaged(obj.where, "is a claim without a citation")
        return claim

    def _live_sighting(self, obj: DocObject, path: str) -> LiveSightingReport:
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

    def _list_membership(self, obj: DocObject, path: str) -> ListMembership:
        row = obj.raw("row_as_printed")
        if row is None:
            row = {}
        if not isinstance(row, dict):
            raise damaged(obj.at("row_as_printed"), "must be a JSON object")
        row_number = obj.raw("row_number")
        if row_number is not None and (
            isinstance(row_number, bool) or not isinstance(row_number, int)
        ):
            raise damaged(obj.at("row_number"), "must be a whole number")
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

    def _relationship(self, obj: DocObject, path: str) -> None:
        source = self._ref(self.contacts, "contact", obj.text("from"), obj.at("from"))
        to_contact = self._optional_ref(self.contacts, "contact", obj, "to_contact")
        to_case = self._optional_ref(self.cases, "case", obj, "to_case")
        if (to_contact is None) == (to_case is None):
            raise damaged(obj.where, "needs exactly one of to_contact and to_case")
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


def latest_status(changes: list[StatusChange]) -> CasualtyStatus | None:
    """The status of the latest dated entry (undated entries count only when none is dated)."""
    dated = [(c.date.sort_key, i) for i, c in enumerate(changes) if c.date is not None]
    if dated:
        return changes[max(dated)[1]].status
    return changes[-1].status if changes else None
