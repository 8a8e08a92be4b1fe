"""The demo loader: the whole document in order, refused when the demo is already there."""

from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ArchiveError
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.models import (
    Record,
    Serviceman,
)
from powmia_desktop.services.demo.campaigns import CampaignRecords
from powmia_desktop.services.demo.cases import CaseRecords
from powmia_desktop.services.demo.document import (
    DEMO_FORMAT,
    DEMO_VERSION,
    DocObject,
    damaged,
    uid_for,
)
from powmia_desktop.services.demo.summary import COUNTED, DemoSummary
from powmia_desktop.services.demo.work import WorkRecords


class Loader(CaseRecords, WorkRecords, CampaignRecords):
    """Builds the records of one document, unattached, then adds them all at once."""

    def load(self, doc: DocObject) -> DemoSummary:
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
        for _, obj in doc.objects("campaigns"):
            self._campaign(obj)
        for _, obj in doc.objects("correspondence"):
            self._letter(obj)
        doc.finish()
        if not self.cases:
            raise damaged(doc.at("cases"), "holds no case")

        self._refuse_collisions()
        self.session.add_all(self.created)
        self.session.flush()
        return self._summary()

    def _refuse_if_loaded(self, doc: DocObject) -> None:
        """Refuse before building anything when a demo case is already in the archive."""
        found = loaded_case(self.session, doc.data)
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
            counts[COUNTED.get(type(record), "")] += 1
        first_case = next(iter(self.cases.values()))
        values = {name: counts[name] for name in COUNTED.values()}
        return DemoSummary(serviceman_id=first_case.id, **values)


def loaded_case(session: Session, document: object) -> Serviceman | None:
    """The first demo case (by its deterministic uid) already in the archive, if any."""
    cases = document.get("cases") if isinstance(document, dict) else None
    keys = [c.get("key") for c in cases if isinstance(c, dict)] if isinstance(cases, list) else []
    uids = [uid_for(f"case/{key}") for key in keys if isinstance(key, str)]
    return session.scalars(select(Serviceman).where(Serviceman.uid.in_(uids))).first()
