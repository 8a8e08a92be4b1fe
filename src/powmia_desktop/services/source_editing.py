"""Reading a source into form values and saving the form back.

A source's citations belong to the records they support (a status change, a claim, an
event) and are edited there; the source editor shows them read-only (services/sources.py).
"""

from dataclasses import replace

from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.validation import clean_text
from powmia_desktop.core.vocab import SourceType
from powmia_desktop.db.models import Source
from powmia_desktop.services.editing import RecordForm, text_of
from powmia_desktop.services.editing_support import read_form, save_form
from powmia_desktop.services.record_schemas import SOURCE
from powmia_desktop.services.sources import get_source

SourceForm = RecordForm


def read_source_form(session: Session, source_id: int) -> SourceForm:
    return read_form(get_source(session, source_id), SOURCE)


def save_source(session: Session, source_id: int | None, form: SourceForm) -> Source:
    """Create (``source_id`` None) or change a source from its form, in the caller's
    transaction; a source saved elsewhere since it was read is refused."""
    if form.children:
        raise ValidationError("A source's citations are edited on the records they support")
    if "url" in form.values:
        form = replace(form, values={**form.values, "url": clean_url(text_of(form.values["url"]))})
    return save_form(
        session,
        Source,
        SOURCE,
        source_id,
        form,
        name=lambda s: s.title,
        make=lambda: Source(title="", source_type=SourceType.OTHER),
    )


def clean_url(value: str | None) -> str:
    """A web address; "www.dpaa.mil/…" gets its https://, text with spaces is refused."""
    text = clean_text(value, field="url")
    if not text:
        return ""
    if " " in text:
        raise ValidationError(f"'{text}' is not a web address (it has spaces in it)", "url")
    if "://" not in text and not text.startswith("mailto:"):
        if "." not in text.split("/")[0]:
            raise ValidationError(
                f"'{text}' is not a web address; type it as https://www.dpaa.mil/…", "url"
            )
        text = "https://" + text
    return text
