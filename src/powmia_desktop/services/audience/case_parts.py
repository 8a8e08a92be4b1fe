"""The parts of a case as an audience may see them, one function per part.

Each admits (or logs as withheld) the records of one kind that a case holds. A withheld
item is named by what and whose it is, never by its (private) words.
"""

from pathlib import Path

from powmia_desktop.db.models import FamilyReferenceSample, LiveSightingReport, Serviceman
from powmia_desktop.services.audience.files import attachment_view
from powmia_desktop.services.audience.gate import Gate, other_names, place_name
from powmia_desktop.services.audience.views import (
    AttachmentView,
    CaptivityView,
    ClaimView,
    LinkView,
    ListEntryView,
    LiveSightingView,
    ReferenceSampleView,
    StatusChangeView,
)
from powmia_desktop.services.values import date_text, label


def status_history(gate: Gate, c: Serviceman, who: str) -> tuple[StatusChangeView, ...]:
    return tuple(
        gate.view(
            s,
            StatusChangeView(
                date_text(s.date),
                label(s.status),
                s.status_text,
                label(s.authority),
                label(s.method),
                gate.notes(s, f"{who}, status change"),
                gate.citations(s.citations, f"{who}, status {label(s.status)}"),
            ),
            who,
        )
        for s in c.status_changes
        if gate.admit(s, "status change", f"{who}: {label(s.status)} {date_text(s.date)}")
    )


def captivities(gate: Gate, c: Serviceman, who: str) -> tuple[CaptivityView, ...]:
    return tuple(
        gate.view(
            k,
            CaptivityView(
                place_name(gate, k.camp, k.camp_text),
                other_names(gate, k.camp, k.camp_text),
                date_text(k.held_from),
                date_text(k.held_to),
                gate.text(k, k.remarks, "remarks", f"{who}, captivity"),
                gate.citations(k.citations, f"{who}, captivity"),
            ),
            who,
        )
        for k in c.captivities
        if gate.admit(k, "captivity", f"{who}: captivity {date_text(k.held_from)}".strip())
    )


def claims(gate: Gate, c: Serviceman, who: str) -> tuple[ClaimView, ...]:
    return tuple(
        gate.view(
            k,
            ClaimView(
                k.fact_text or label(k.fact),
                k.value,
                label(k.status),
                gate.notes(k, f"{who}, claim"),
                gate.citations(k.citations, f"{who}, claim {k.fact_text or label(k.fact)}"),
                key=str(k.fact.value),
            ),
            who,
        )
        for k in c.claims
        if gate.admit(k, "claim", f"{who}: what sources say of {k.fact_text or label(k.fact)}")
    )


def reference_samples(gate: Gate, c: Serviceman, who: str) -> tuple[ReferenceSampleView, ...]:
    return tuple(
        gate.view(
            s,
            ReferenceSampleView(
                label(s.line),
                label(s.status),
                _donor(gate, s, who),
                date_text(s.requested_on),
                date_text(s.submitted_on),
                date_text(s.on_file_since),
                s.casualty_office,
                gate.notes(s, f"{who}, DNA sample"),
            ),
            who,
        )
        for s in c.reference_samples
        if gate.admit(s, "DNA reference sample", f"{who}: {label(s.line)} sample")
    )


def live_sightings(gate: Gate, c: Serviceman, who: str) -> tuple[LiveSightingView, ...]:
    return tuple(
        gate.view(
            r,
            LiveSightingView(
                date_text(r.reported_on),
                date_text(r.sighting_date),
                place_name(gate, r.sighting_place, r.sighting_place_text),
                gate.name(r.reporter, f"reporter of a sighting of {who}"),
                gate.text(r, r.content, "report", f"{who}, live sighting"),
                gate.text(r, r.government_evaluation, "evaluation", f"{who}, live sighting"),
                gate.text(r, r.follow_up, "follow-up", f"{who}, live sighting"),
                gate.citations(r.citations, f"{who}, live sighting"),
            ),
            who,
        )
        for r in c.live_sightings
        if gate.admit(r, "live sighting report", f"{who}: {_sighting(r)}")
    )


def people(gate: Gate, c: Serviceman, who: str) -> tuple[LinkView, ...]:
    return tuple(
        gate.view(
            r,
            LinkView(r.from_contact_id, name, r.forward_words, gate.notes(r, f"{name} – {who}")),
            who,
        )
        for r in c.relationships
        if gate.admit(r, "relationship", f"{r.from_contact.display_name} – {who}")
        and (name := gate.name(r.from_contact, f"{r.forward_words} {who}"))
    )


def files(
    gate: Gate, c: Serviceman, who: str, attachments_dir: Path | None
) -> tuple[AttachmentView, ...]:
    return tuple(
        attachment_view(gate, a, who, attachments_dir)
        for a in c.attachments
        if gate.admit(a, "attachment", f"{who}: {a.original_name}")
    )


def lists(gate: Gate, c: Serviceman, who: str) -> tuple[ListEntryView, ...]:
    return tuple(
        gate.view(m, ListEntryView(m.source.title, m.name_as_printed, label(m.match_status)), who)
        for m in c.list_memberships
        if gate.admit(m, "list entry", f"{who}: {m.source.title}")
        and gate.admit(m.source, "source", m.source.title)
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
