"""Reading a source into form values and saving the form back.

A source's citations belong to the records they support (a status change, a claim, an
event) and are edited there; the source editor shows them read-only (services/sources.py).
"""

from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.validation import clean_text
from powmia_desktop.core.vocab import SourceType
from powmia_desktop.db.models import Source
from powmia_desktop.services.editing import RecordForm, record_values, text_of
from powmia_desktop.services.editing_support import apply_form, record_for_save
from powmia_desktop.services.record_schemas import SOURCE
from powmia_desktop.services.sources import get_source

SourceForm = RecordForm


def read_source_form(session: Session, source_id: int) -> SourceForm:
    source = get_source(session, source_id)
    return SourceForm(record_values(source, SOURCE), {}, source.row_version)


def save_source(session: Session, source_id: int | None, form: SourceForm) -> Source:
    """Create (``source_id`` None) or change a source from its form, in the caller's
    transaction; a source saved elsewhere since it was read is refused."""
    if form.children:
        raise ValidationError("A source's citations are edited on the records they support")
    source = record_for_save(
        session,
        Source,
        source_id,
        form,
        what="source",
        name=lambda s: s.title,
        make=lambda: Source(title="", source_type=SourceType.OTHER),
    )
    values = dict(form.values)
    if "url" in values:
        values["url"] = clean_url(text_of(values["url"]))
    with session.no_autoflush:
        apply_form(source, values, SOURCE)
    session.flush()
    return source


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
