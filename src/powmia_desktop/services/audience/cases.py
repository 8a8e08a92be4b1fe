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
from powmia_desktop.services.audience.files import attachment_view
from powmia_desktop.services.audience.gate import Gate, case_name, other_names, place_name
from powmia_desktop.services.audience.log import RedactionLog
from powmia_desktop.services.audience.profile import Audience
from powmia_desktop.services.audience.reading import CHUNK
from powmia_desktop.services.audience.timeline import event_views
from powmia_desktop.services.audience.views import (
    CaptivityView,
    CaseView,
    ClaimView,
    EventView,
    LinkView,
    ListEntryView,
    LiveSightingView,
    ReferenceSampleView,
    StatusChangeView,
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
    who = c.sort_name
    admit = gate.admit
    # A withheld item is named by what and whose it is, never by its (private) words.
    changes = [
        StatusChangeView(
            date_text(s.date),
            label(s.status),
            s.status_text,
            label(s.authority),
            label(s.method),
            gate.notes(s, f"{who}, status change"),
            gate.citations(s.citations, f"{who}, status {label(s.status)}"),
        )
        for s in c.status_changes
        if admit(s, "status change", f"{who}: {label(s.status)} {date_text(s.date)}")
    ]
    captivities = [
        CaptivityView(
            place_name(gate, k.camp, k.camp_text),
            other_names(gate, k.camp, k.camp_text),
            date_text(k.held_from),
            date_text(k.held_to),
            gate.text(k, k.remarks, "remarks", f"{who}, captivity"),
            gate.citations(k.citations, f"{who}, captivity"),
        )
        for k in c.captivities
        if admit(k, "captivity", f"{who}: captivity {date_text(k.held_from)}".strip())
    ]
    claims = [
        ClaimView(
            k.fact_text or label(k.fact),
            k.value,
            label(k.status),
            gate.notes(k, f"{who}, claim"),
            gate.citations(k.citations, f"{who}, claim {k.fact_text or label(k.fact)}"),
            key=str(k.fact.value),
        )
        for k in c.claims
        if admit(k, "claim", f"{who}: what sources say of {k.fact_text or label(k.fact)}")
    ]
    samples = [
        ReferenceSampleView(
            label(s.line),
            label(s.status),
            _donor(gate, s, who),
            date_text(s.requested_on),
            date_text(s.submitted_on),
            date_text(s.on_file_since),
            s.casualty_office,
            gate.notes(s, f"{who}, DNA sample"),
        )
        for s in c.reference_samples
        if admit(s, "DNA reference sample", f"{who}: {label(s.line)} sample")
    ]
    sightings = [
        LiveSightingView(
            date_text(r.reported_on),
            date_text(r.sighting_date),
            place_name(gate, r.sighting_place, r.sighting_place_text),
            gate.name(r.reporter, f"reporter of a sighting of {who}"),
            gate.text(r, r.content, "report", f"{who}, live sighting"),
            gate.text(r, r.government_evaluation, "evaluation", f"{who}, live sighting"),
            gate.text(r, r.follow_up, "follow-up", f"{who}, live sighting"),
            gate.citations(r.citations, f"{who}, live sighting"),
        )
        for r in c.live_sightings
        if admit(r, "live sighting report", f"{who}: {_sighting(r)}")
    ]
    people = [
        LinkView(r.from_contact_id, name, r.forward_words, gate.notes(r, f"{name} – {who}"))
        for r in c.relationships
        if admit(r, "relationship", f"{r.from_contact.display_name} – {who}")
        and (name := gate.name(r.from_contact, f"{r.forward_words} {who}"))
    ]
    files = [
        attachment_view(a, who, attachments_dir)
        for a in c.attachments
        if admit(a, "attachment", f"{who}: {a.original_name}")
    ]
    photo = next((a for a in files if a.role == "photo" and a.mime_type.startswith("image/")), None)
    home = ", ".join(p for p in (c.home_city, c.home_county, c.home_state) if p)
    return CaseView(
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
        status_history=tuple(changes),
        captivities=tuple(captivities),
        claims=tuple(claims),
        reference_samples=tuple(samples),
        live_sightings=tuple(sightings),
        lists=tuple(
            ListEntryView(m.source.title, m.name_as_printed, label(m.match_status))
            for m in c.list_memberships
            if admit(m, "list entry", f"{who}: {m.source.title}")
            and admit(m.source, "source", m.source.title)
        ),
        people=tuple(people),
        citations=gate.citations(c.citations, who),
        events=events,
        photo=photo,
        attachments=tuple(a for a in files if a is not photo),
    )


def _sighting(report: LiveSightingReport) -> str:
    """ "live sighting reported 1993": names the report without its private words."""
    when = date_text(report.reported_on) or date_text(report.sighting_date)
    return f"live sighting reported {when}" if when else "a live sighting report"


def _donor(gate: Gate, sample: FamilyReferenceSample, who: str) -> str:
    if sample.donor is None:
        return ""
    what = f"{who}: {label(sample.line)} donor {sample.donor.display_name}"
    if not gate.rule("hide_dna_donors", sample, "DNA donor name", what):
        return ""
    return gate.name(sample.donor, f"DNA donor for {who}")
