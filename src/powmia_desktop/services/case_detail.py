"""One case as plain JSON-able data (``powmia show case --json``)."""

from typing import Any

from powmia_desktop.db.models import Citation, Serviceman
from powmia_desktop.services.values import date_json, vocab_json


def case_detail(case: Serviceman) -> dict[str, Any]:
    """Everything about one case as plain JSON-able data (``powmia show case --json``)."""
    return {
        "id": case.id,
        "uid": case.uid,
        "name": case.full_name,
        "sort_name": case.sort_name,
        "surname": case.surname,
        "given_names": case.given_names,
        "suffix": case.suffix,
        "service_number": case.service_number,
        "branch": vocab_json(case.branch),
        "rank": case.rank,
        "unit": case.unit,
        "home_of_record": {
            "city": case.home_city,
            "county": case.home_county,
            "state": case.home_state,
        },
        "birth_date": date_json(case.birth_date),
        "loss_date": date_json(case.loss_date),
        "loss_place": case.loss_place_text,
        "circumstances": case.circumstances,
        "accounting_status": vocab_json(case.accounting_status),
        "current_status": vocab_json(case.current_status),
        "accounted_for_date": date_json(case.accounted_for_date),
        "rosette_placed": case.rosette_placed,
        "last_seen_alive": case.last_seen_alive,
        "summary": case.summary,
        "notes": case.notes,
        "sensitivity": case.sensitivity.name.lower(),
        "tags": [t.name for t in case.tags],
        "name_variants": [
            {"name": v.name, "kind": vocab_json(v.kind), "where_seen": v.where_seen}
            for v in case.name_variants
        ],
        "external_ids": [
            {"issuer": x.issuer, "value": x.value, "url": x.url} for x in case.external_ids
        ],
        "status_history": [
            {
                "id": c.id,
                "date": date_json(c.date),
                "status": vocab_json(c.status),
                "status_text": c.status_text,
                "authority": vocab_json(c.authority),
                "method": vocab_json(c.method),
                "notes": c.notes,
                "citations": [_citation_json(x) for x in c.citations],
            }
            for c in case.status_changes
        ],
        "captivity": [
            {
                "camp": c.camp.name if c.camp else c.camp_text,
                "camp_other_names": [n.name for n in c.camp.alternate_names] if c.camp else [],
                "from": date_json(c.held_from),
                "to": date_json(c.held_to),
                "remarks": c.remarks,
            }
            for c in case.captivities
        ],
        "claims": [
            {
                "fact": vocab_json(c.fact),
                "value": c.value,
                "status": vocab_json(c.status),
                "citations": [_citation_json(x) for x in c.citations],
            }
            for c in case.claims
        ],
        "citations": [_citation_json(x) for x in case.citations],
    }


def _citation_json(citation: Citation) -> dict[str, Any]:
    return {
        "source": citation.source.title,
        "source_id": citation.source_id,
        "locator": citation.locator,
        "quote": citation.quote,
        "confidence": vocab_json(citation.confidence),
    }
