"""Small adapters every EditorSpec of the contact, meeting, timeline, source and work
editors needs: the heading taken from one field, and a service's save returning the id."""

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from powmia_desktop.db.models import Record
from powmia_desktop.services.editing import RecordForm

Save = Callable[[Session, int | None, RecordForm], Record]


def title_of(field: str, limit: int = 0) -> Callable[[dict[str, Any]], str]:
    """The editor's heading: one field's text on one line, shortened past ``limit``."""

    def title(values: dict[str, Any]) -> str:
        text = " ".join(str(values.get(field) or "").split())
        return text[: limit - 1].rstrip() + "…" if limit and len(text) > limit else text

    return title


def returning_id(save: Save) -> Callable[[Session, int | None, RecordForm], int]:
    """A service's ``save_*`` (which returns the record) as the id an editor reloads."""
    return lambda session, record_id, form: save(session, record_id, form).id
