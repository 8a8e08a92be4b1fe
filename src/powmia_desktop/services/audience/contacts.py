"""Contacts as an audience may see them: the fields their rules let through, and their links."""

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy.orm import Session, selectinload

from powmia_desktop.core.errors import NotFoundError
from powmia_desktop.db.models import Contact, Relationship
from powmia_desktop.services.audience.gate import Gate, case_name
from powmia_desktop.services.audience.log import RedactionLog
from powmia_desktop.services.audience.profile import Audience
from powmia_desktop.services.audience.reading import loaded_by_id
from powmia_desktop.services.audience.views import ContactView, LinkView
from powmia_desktop.services.values import label


def contact_view(
    session: Session, contact_id: int, audience: Audience, log: RedactionLog
) -> ContactView | None:
    if session.get(Contact, contact_id) is None:
        raise NotFoundError(f"There is no contact with id {contact_id}")
    views = contact_views(session, [contact_id], audience, log)
    return views[0] if views else None


def contact_views(
    session: Session, contact_ids: Iterable[int], audience: Audience, log: RedactionLog
) -> list[ContactView]:
    """Contacts ordered by surname and name, each with only the fields the audience may see."""
    gate = Gate(audience, log)
    found: list[Contact] = list(
        loaded_by_id(
            session,
            Contact,
            contact_ids,
            selectinload(Contact.phones),
            selectinload(Contact.emails),
            selectinload(Contact.addresses),
            selectinload(Contact.relationships).options(
                selectinload(Relationship.to_contact), selectinload(Relationship.to_serviceman)
            ),
        ).values()
    )
    found.sort(key=lambda c: ((c.surname or c.display_name).casefold(), c.display_name, c.id))
    return [_contact(gate, c) for c in found if gate.admit(c, "contact", c.display_name)]


def _contact(gate: Gate, c: Contact) -> ContactView:
    who = c.display_name

    def fields(rows: Iterable[Any], rule: str, kind: str, value: Callable[[Any], str]) -> Any:
        # The log names the field ("Mary Dumas: phone number (home)"), never its value.
        return tuple(
            (r.label, value(r))
            for r in rows
            if gate.admit(
                r, kind, (named := f"{who}: {kind}" + (f" ({r.label})" if r.label else ""))
            )
            and gate.rule(rule, r, kind, named)
        )

    links = []
    for r in c.relationships:
        if not gate.admit(r, "relationship", f"{who} – {r.forward_words}"):
            continue
        if r.to_serviceman is not None:
            s = r.to_serviceman
            other = case_name(s) if gate.admit(s, "case", s.sort_name) else ""
        else:
            other = gate.name(r.to_contact, f"linked to {who}")
        if other:
            link = LinkView(r.to_contact_id, other, r.forward_words, gate.notes(r, who))
            links.append(gate.view(r, link, who))
    view = ContactView(
        c.id,
        c.display_name,
        label(c.kind),
        c.organization,
        label(c.organization_type),
        c.title,
        c.living,
        fields(c.phones, "hide_phones", "phone number", lambda p: p.number),
        fields(c.emails, "hide_emails", "email address", lambda e: e.address),
        fields(c.addresses, "hide_addresses", "postal address", lambda a: a.one_line()),
        gate.notes(c, who),
        tuple(links),
    )
    return gate.view(c, view, who)
