"""What every part of the demo loader shares: the records made so far, keys and references."""

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import Confidence
from powmia_desktop.db.models import (
    Base,
    Campaign,
    Citation,
    Contact,
    Meeting,
    Place,
    Record,
    Serviceman,
    Source,
    Tag,
)
from powmia_desktop.services.demo.document import DocObject, damaged, uid_for

B = TypeVar("B", bound=Base)
T = TypeVar("T")


class LoaderBase:
    """The records of one document, built unattached, and the helpers that make them."""

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
        self.campaigns: dict[str, Campaign] = {}
        self.keys_seen: set[str] = set()

    # -- helpers -----------------------------------------------------------------------------

    def _new(
        self, cls: type[B], obj: DocObject, path: str, inherited: Sensitivity, **values: Any
    ) -> B:
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

    def _key(self, obj: DocObject, kind: str) -> str:
        key = obj.text("key")
        if not key.strip():
            raise damaged(obj.at("key"), "is empty")
        if f"{kind}/{key}" in self.keys_seen:
            raise damaged(obj.at("key"), f"repeats the {kind} key '{key}'")
        self.keys_seen.add(f"{kind}/{key}")
        return key

    @staticmethod
    def _ref(table: dict[str, T], kind: str, key: str, where: str) -> T:
        try:
            return table[key]
        except KeyError:
            raise damaged(where, f"refers to an unknown {kind} '{key}'") from None

    def _optional_ref(self, table: dict[str, T], kind: str, obj: DocObject, name: str) -> T | None:
        key = obj.optional(name)
        return None if key is None else self._ref(table, kind, key, obj.at(name))

    def _refs(self, table: dict[str, T], kind: str, obj: DocObject, name: str) -> list[T]:
        return [self._ref(table, kind, key, obj.at(name)) for key in obj.texts(name)]

    def _tag_list(self, obj: DocObject) -> list[Tag]:
        return self._refs(self.tags, "tag", obj, "tags")

    def _citations(self, obj: DocObject, path: str, inherited: Sensitivity) -> list[Citation]:
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

    def _children(
        self, obj: DocObject, name: str, path: str, make: Callable[[DocObject, str], B]
    ) -> list[B]:
        return [make(item, f"{path}/{name}/{index}") for index, item in obj.objects(name)]
