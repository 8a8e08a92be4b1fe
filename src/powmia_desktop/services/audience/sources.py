"""Sources as an audience may see them."""

from collections.abc import Iterable

from sqlalchemy.orm import Session

from powmia_desktop.db.models import Source
from powmia_desktop.services.audience.gate import Gate
from powmia_desktop.services.audience.log import RedactionLog
from powmia_desktop.services.audience.profile import Audience
from powmia_desktop.services.audience.reading import loaded_by_id
from powmia_desktop.services.audience.views import SourceView
from powmia_desktop.services.values import date_text, label


def source_views(
    session: Session, source_ids: Iterable[int], audience: Audience, log: RedactionLog
) -> list[SourceView]:
    """The sources named, ordered by title, that the audience may see."""
    gate = Gate(audience, log)
    found: list[Source] = list(loaded_by_id(session, Source, source_ids).values())
    found.sort(key=lambda s: (s.title.casefold(), s.id))
    return [
        gate.view(
            s,
            SourceView(
                s.id,
                s.title,
                s.author,
                date_text(s.date),
                label(s.source_type),
                s.repository,
                s.locator,
                s.url,
                gate.notes(s, s.title),
            ),
            s.title,
        )
        for s in found
        if gate.admit(s, "source", s.title)
    ]
