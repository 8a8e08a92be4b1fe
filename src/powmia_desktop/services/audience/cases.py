"""A case as an audience may see it: identity, loss, status history, claims, people, files."""

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from powmia_desktop.core.errors import NotFoundError
from powmia_desktop.db.models import (
    Captivity,
    Citation,
    Claim,
    FamilyReferenceSample,
    ListMembership,
    LiveSightingReport,
    Place,
    Relationship,
    Serviceman,
    StatusChange,
)
from powmia_desktop.services.audience import case_parts as parts
from powmia_desktop.services.audience.gate import Gate, case_name, place_name
from powmia_desktop.services.audience.log import RedactionLog
from powmia_desktop.services.audience.profile import Audience
from powmia_desktop.services.audience.reading import CHUNK
from powmia_desktop.services.audience.timeline import event_views
from powmia_desktop.services.audience.views import (
    CaseView,
    EventView,
)
from powmia_desktop.services.values import date_text, label

_CITED = (selectinload(Citation.source),)
_CASE_OPTIONS = (
    selectinload(Serviceman.name_variants),
    selectinload(Serviceman.external_ids),
    selectinload(Serviceman.status_changes).selectinload(StatusChange.citations).options(*_CITED),
    selectinload(Serviceman.captivities)
    .selectinload(Captivity.camp)
    .options(selectinload(Place.alternate_names)),
    selectinload(Serviceman.captivities).selectinload(Captivity.citations).options(*_CITED),
    selectinload(Serviceman.claims).selectinload(Claim.citations).options(*_CITED),
    selectinload(Serviceman.reference_samples).selectinload(FamilyReferenceSample.donor),
    selectinload(Serviceman.live_sightings).options(
        selectinload(LiveSightingReport.reporter),
        selectinload(LiveSightingReport.citations).options(*_CITED),
    ),
    selectinload(Serviceman.relationships).selectinload(Relationship.from_contact),
    selectinload(Serviceman.list_memberships).selectinload(ListMembership.source),
    selectinload(Serviceman.citations).options(*_CITED),
    selectinload(Serviceman.attachments),
    selectinload(Serviceman.tags),
    selectinload(Serviceman.loss_place),
)


def case_view(
    session: Session,
    case_id: int,
    audience: Audience,
    log: RedactionLog,
    *,
    attachments_dir: Path | None = None,
) -> CaseView | None:
    """One case as the audience may see it; None (and logged) when the case is withheld."""
    if session.get(Serviceman, case_id) is None:
        raise NotFoundError(f"There is no case with id {case_id}")
    views = case_views(session, [case_id], audience, log, attachments_dir=attachments_dir)
    return views[0] if views else None


def case_views(
    session: Session,
    case_ids: Sequence[int],
    audience: Audience,
    log: RedactionLog,
    *,
    attachments_dir: Path | None = None,
    with_events: bool = True,
) -> list[CaseView]:
    """The cases, in the order given, that the audience may see (loaded in few queries)."""
    gate = Gate(audience, log)
    loaded: dict[int, Serviceman] = {}
    for start in range(0, len(case_ids), CHUNK):
        chunk = list(case_ids[start : start + CHUNK])
        query = select(Serviceman).where(Serviceman.id.in_(chunk)).options(*_CASE_OPTIONS)
        loaded.update((case.id, case) for case in session.scalars(query))
    shown = [loaded[i] for i in case_ids if i in loaded]
    shown = [c for c in shown if gate.admit(c, "case", c.sort_name)]
    events: dict[int, list[EventView]] = {c.id: [] for c in shown}
    if with_events and shown:
        for event in event_views(session, audience, log, case_ids=list(events)):
            for case_id in event.case_ids:
                if case_id in events:
                    events[case_id].append(event)
    return [_case(gate, c, tuple(events[c.id]), attachments_dir) for c in shown]


def _case(
    gate: Gate, c: Serviceman, events: tuple[EventView, ...], attachments_dir: Path | None
) -> CaseView:
    """The view of one admitted case, part by part (case_parts.py), in a fixed order: the
    redaction log lists what was left out in the order a reader meets it."""
    who = c.sort_name
    admit = gate.admit
    changes = parts.status_history(gate, c, who)
    captivities = parts.captivities(gate, c, who)
    claims = parts.claims(gate, c, who)
    samples = parts.reference_samples(gate, c, who)
    sightings = parts.live_sightings(gate, c, who)
    people = parts.people(gate, c, who)
    files = parts.files(gate, c, who, attachments_dir)
    photo = next((a for a in files if a.role == "photo" and a.mime_type.startswith("image/")), None)
    home = ", ".join(p for p in (c.home_city, c.home_county, c.home_state) if p)
    case = CaseView(
        id=c.id,
        name=case_name(c),
        sort_name=c.sort_name,
        rank=c.rank,
        service_number=c.service_number,
        branch=label(c.branch),
        unit=c.unit,
        home_of_record=home,
        birth_date=date_text(c.birth_date),
        loss_date=date_text(c.loss_date),
        loss_place=c.loss_place_text or place_name(gate, c.loss_place, ""),
        circumstances=gate.text(c, c.circumstances, "circumstances", who),
        accounting_status=label(c.accounting_status),
        current_status=label(c.current_status),
        accounted_for_date=date_text(c.accounted_for_date),
        rosette_placed=c.rosette_placed,
        last_seen_alive=c.last_seen_alive,
        summary=gate.text(c, c.summary, "summary", who),
        notes=gate.notes(c, who),
        sensitivity=c.sensitivity,
        tags=tuple(t.name for t in c.tags if admit(t, "tag", f"{who}: {t.name}")),
        name_variants=tuple(
            (v.name, label(v.kind), v.where_seen)
            for v in c.name_variants
            if admit(v, "name variant", f"{who}: {label(v.kind)}")
        ),
        external_ids=tuple(
            (x.issuer, x.value, x.url)
            for x in c.external_ids
            if admit(x, "external id", f"{who}: {x.issuer} number")
        ),
        status_history=changes,
        captivities=captivities,
        claims=claims,
        reference_samples=samples,
        live_sightings=sightings,
        lists=parts.lists(gate, c, who),
        people=people,
        citations=gate.citations(c.citations, who),
        events=events,
        photo=photo,
        attachments=tuple(a for a in files if a is not photo),
    )
    return gate.view(c, case, who)
