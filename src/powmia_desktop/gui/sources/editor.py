"""The source editor: what the document is and where it is kept; what cites it and the
files of it are tabs beside the form."""

from powmia_desktop.core.vocab import SourceType
from powmia_desktop.gui.editor import EditorSpec
from powmia_desktop.gui.forms.fields import SENSITIVITY, FieldSpec, section
from powmia_desktop.gui.panels import AttachmentsPanel
from powmia_desktop.gui.record_specs import returning_id, title_of
from powmia_desktop.gui.sources.cited_by import CitedByPanel
from powmia_desktop.services import source_editing

SOURCE_FIELDS = (
    section("The document"),
    FieldSpec("title", "Title", required=True, placeholder="e.g. Army letter of 26 Feb 1954"),
    FieldSpec("author", "Author or agency", placeholder="e.g. Department of the Army"),
    FieldSpec("date", "Date", "date"),
    FieldSpec("source_type", "Kind of source", "choice", choices=SourceType, required=True),
    section("Where it is kept"),
    FieldSpec("repository", "Kept at", placeholder="e.g. NARA RG 407, family papers, DPAA"),
    FieldSpec("locator", "Box, folder or call number"),
    FieldSpec("url", "Web address", placeholder="e.g. https://www.dpaa.mil/…"),
    section("Notes"),
    FieldSpec("notes", "Notes", "long"),
    SENSITIVITY,
)


SOURCE_EDITOR = EditorSpec(
    table="source",
    noun="source",
    tabs=(("Source", SOURCE_FIELDS),),
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
