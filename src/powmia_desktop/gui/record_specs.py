"""Small adapters every EditorSpec needs: the heading taken from the record's fields, a
service's save returning the id, and how citations show wherever a record has them."""

from collections.abc import Callable

from sqlalchemy.orm import Session

from powmia_desktop.db.models import Record
from powmia_desktop.services.editing import RecordForm
from powmia_desktop.services.schema import Values

Save = Callable[[Session, int | None, RecordForm], Record]

#: How a citation reads wherever a record cites its sources (cases, timeline events).
CITATION_PLACEHOLDERS = {"citations.locator": "e.g. page, box, folder"}
CITATION_COLUMNS = {"citations": ("source_id", "locator", "confidence")}


def title_of(field: str, limit: int = 0) -> Callable[[Values], str]:
    """The editor's heading: one field's text on one line, shortened past ``limit``."""

    def title(values: Values) -> str:
        text = " ".join(str(values.get(field) or "").split())
        return text[: limit - 1].rstrip() + "…" if limit and len(text) > limit else text

    return title


def joined(*fields: str) -> Callable[[Values], str]:
    """The editor's heading: several fields' text in a row ("Cpl. Roger A. Dumas")."""

    def title(values: Values) -> str:
        return " ".join(" ".join(str(values.get(f) or "") for f in fields).split())

    return title


def returning_id(save: Save) -> Callable[[Session, int | None, RecordForm], int]:
    """A service's ``save_*`` (which returns the record) as the id an editor reloads."""
    return lambda session, record_id, form: save(session, record_id, form).id
