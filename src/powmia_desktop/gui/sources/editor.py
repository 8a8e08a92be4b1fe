"""The source editor: what the document is and where it is kept; what cites it and the
files of it are tabs beside the form. The fields are the source schema's
(services/record_schemas.py); this module says only how they are shown."""

from powmia_desktop.core.vocab import SourceType
from powmia_desktop.gui.editor import EditorSpec
from powmia_desktop.gui.forms.layout import REST, Look, form_tabs
from powmia_desktop.gui.panels import AttachmentsPanel
from powmia_desktop.gui.record_specs import returning_id, title_of
from powmia_desktop.gui.sources.cited_by import CitedByPanel
from powmia_desktop.services import source_editing
from powmia_desktop.services.record_schemas import SOURCE

SOURCE_LOOK = Look(
    tabs=(("Source", (REST,)),),
    headings={"title": "The document", "repository": "Where it is kept", "notes": "Notes"},
    placeholders={
        "title": "e.g. Army letter of 26 Feb 1954",
        "author": "e.g. Department of the Army",
        "repository": "e.g. NARA RG 407, family papers, DPAA",
        "url": "e.g. https://www.dpaa.mil/…",
    },
)


SOURCE_EDITOR = EditorSpec(
    table="source",
    noun="source",
    tabs=form_tabs(SOURCE, SOURCE_LOOK),
    read=source_editing.read_source_form,
    save=returning_id(source_editing.save_source),
    title=title_of("title"),
    lookups=lambda session: {},
    defaults=lambda: {"source_type": SourceType.OTHER},
    panels=(
        ("Cited by", CitedByPanel),
        ("Attachments", lambda ops: AttachmentsPanel(ops, "source_id")),
    ),
)
