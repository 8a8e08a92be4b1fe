"""Reading a case into form values and saving the form back, children included.

The case editor shows one serviceman with his status history, name variants, captivity,
claims (each with its citations) and the contacts related to him; ``save_case`` writes all
of that in the caller's single transaction, so a save is one undoable step.
"""

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ConflictError, NotFoundError
from powmia_desktop.core.vocab import (
    AccountingStatus,
    Branch,
    CasualtyStatus,
    ClaimProperty,
    ClaimStatus,
    Confidence,
    NameVariantKind,
    RelationshipKind,
    StatusAuthority,
    StatusMethod,
)
from powmia_desktop.db.models import (
    Captivity,
    Citation,
    Claim,
    Contact,
    NameVariant,
    Relationship,
    Serviceman,
    Source,
    StatusChange,
)
from powmia_desktop.services.cases import get_case, refresh_current_status
from powmia_desktop.services.editing import (
    Kinds,
    RecordForm,
    apply_values,
    record_values,
    sync_children,
)

CASE_KINDS: Kinds = {
    "surname": "required",
    "given_names": "text",
    "suffix": "text",
    "service_number": "service_number",
    "branch": Branch,
    "rank": "text",
    "unit": "text",
    "home_city": "text",
    "home_county": "text",
    "home_state": "state",
    "birth_date": "date",
    "loss_date": "date",
    "loss_place_text": "text",
    "circumstances": "long",
    "accounting_status": AccountingStatus,
    "accounted_for_date": "date",
    "rosette_placed": "bool",
    "last_seen_alive": "bool",
    "summary": "long",
    "notes": "long",
    "sensitivity": "sensitivity",
}
CITATION_KINDS: Kinds = {
    "source_id": "ref",
    "locator": "text",
    "quote": "long",
    "confidence": Confidence,
    "sensitivity": "sensitivity",
}
CHILD_KINDS: dict[str, Kinds] = {
    "status_changes": {
        "date": "date",
        "status": CasualtyStatus,
        "status_text": "text",
        "authority": StatusAuthority,
        "method": StatusMethod,
        "notes": "long",
        "sensitivity": "sensitivity",
    },
    "name_variants": {
        "name": "required",
        "kind": NameVariantKind,
        "where_seen": "text",
        "sensitivity": "sensitivity",
    },
    "captivities": {
        "camp_text": "required",
        "held_from": "date",
        "held_to": "date",
        "remarks": "long",
        "sensitivity": "sensitivity",
    },
    "claims": {
        "fact": ClaimProperty,
        "fact_text": "text",
        "value": "required",
        "status": ClaimStatus,
        "sensitivity": "sensitivity",
    },
    "relationships": {
        "from_contact_id": "ref",
        "kind": RelationshipKind,
        "label": "text",
        "sensitivity": "sensitivity",
    },
}
_MODELS: dict[str, type[Any]] = {
    "status_changes": StatusChange,
    "name_variants": NameVariant,
    "captivities": Captivity,
    "claims": Claim,
    "relationships": Relationship,
}
_WHAT = {
    "status_changes": "Status change",
    "name_variants": "Name variant",
    "captivities": "Captivity",
    "claims": "Claim",
    "relationships": "Related contact",
}
#: Children whose rows carry their own citations list.
_CITED = ("status_changes", "claims")


#: The case form is the generic record form; the name reads better in callers.
CaseForm = RecordForm


def read_case_form(session: Session, case_id: int) -> CaseForm:
    case = get_case(session, case_id)
    children: dict[str, list[dict[str, Any]]] = {}
    for name, kinds in CHILD_KINDS.items():
        rows = []
        for child in getattr(case, name):
            row = record_values(child, kinds)
            if name in _CITED:
                row["citations"] = [record_values(c, CITATION_KINDS) for c in child.citations]
            rows.append(row)
        children[name] = rows
    return CaseForm(record_values(case, CASE_KINDS), children, case.row_version)


def save_case(session: Session, case_id: int | None, form: CaseForm) -> Serviceman:
    """Create (``case_id`` None) or change a case from its form, in the caller's transaction.

    With ``form.row_version`` set, a case saved elsewhere since it was read is refused.
    """
    if case_id is None:
        case = Serviceman(surname="")
        session.add(case)
    else:
        found = session.get(Serviceman, case_id)
        if found is None:
            raise NotFoundError(f"There is no case with id {case_id}; it may have been deleted")
        case = found
        if form.row_version is not None and case.row_version != form.row_version:
            raise ConflictError(case.sort_name)
    apply_values(case, form.values, CASE_KINDS)
    for name, rows in form.children.items():
        model = _MODELS[name]
        parent_key = "to_serviceman" if name == "relationships" else "serviceman"
        sync_children(
            session,
            getattr(case, name),
            rows,
            _maker(model, parent_key, case),
            CHILD_KINDS[name],
            what=_WHAT[name],
            after_apply=_sync_citations if name in _CITED else None,
            nested=("citations",),
        )
    session.flush()
    refresh_current_status(session, case)
    session.flush()
    return case


def _maker(model: type[Any], key: str, parent: Any) -> Callable[[], Any]:
    """A factory for a new child row already attached to its parent."""
    return lambda: model(**{key: parent})


def _sync_citations(record: StatusChange | Claim, row: dict[str, Any]) -> None:
    if "citations" not in row:
        return
    session = Session.object_session(record)
    assert session is not None
    key = "status_change" if isinstance(record, StatusChange) else "claim"
    sync_children(
        session,
        list(record.citations),
        row["citations"],
        _maker(Citation, key, record),
        CITATION_KINDS,
        what="Citation",
    )


def contact_choices(session: Session) -> list[tuple[int, str]]:
    """(id, name) of every contact, for pickers."""
    return [
        (i, n)
        for i, n in session.execute(
            select(Contact.id, Contact.display_name).order_by(Contact.surname, Contact.display_name)
        )
    ]


def source_choices(session: Session) -> list[tuple[int, str]]:
    """(id, title) of every source, for citation pickers."""
    return [
        (i, t) for i, t in session.execute(select(Source.id, Source.title).order_by(Source.title))
    ]
