"""The briefing packet: the template's sections in order, laid out, with PDFs appended.

``render_packet`` is the renderer services/packets' ``build_packet`` takes: it turns
already-redacted :class:`PacketData` into PDF bytes. Attached PDFs are placed on pages that
the layout reserved for them (so "Page N of M", the running header and the table of contents
stay right), each scaled into the page's text area with pypdf.
"""

import io

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.errors import PyPdfError
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer

from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.reports.citing import Tally
from powmia_desktop.reports.document import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_X,
    Rendered,
    render,
)
from powmia_desktop.reports.flowables import para
from powmia_desktop.reports.identity import packet_furniture, run_stamp
from powmia_desktop.reports.sections import WRITERS, PdfPages, attachments
from powmia_desktop.services.packets import PacketData


def packet_story(data: PacketData, appended: list[PdfPages]) -> list[Flowable]:
    """The flowables of every section in template order (no trailing page break)."""
    story: list[Flowable] = []
    tally = Tally()
    for section in data.template.sections:
        if section.kind == "attachments":
            story += attachments(data, section, appended)
        else:
            story += WRITERS[section.kind](data, section, tally)
    while story and isinstance(story[-1], PageBreak | CondPageBreak | Spacer):
        story.pop()
    if not story:
        story = [para(f"There is nothing in this packet that {data.audience.name} may see.")]
    return story


def render_packet(data: PacketData, progress: Progress = no_progress) -> Rendered:
    """Lay out the packet and fill the pages reserved for attached PDFs."""
    appended: list[PdfPages] = []
    story = packet_story(data, appended)
    first = data.template.sections[0].kind if data.template.sections else ""
    rendered = render(
        story,
        packet_furniture(data, skip_first_page=first == "title_page"),
        title=data.title,
        author=data.prepared_by,
        subject=f"Briefing packet prepared for {data.audience.name}",
        multi_pass=data.template.has("contents"),
        progress=progress,
        **run_stamp(data),
    )
    if rendered.reserved:
        progress(0, 1, "Appending attached PDFs")
        rendered.pdf = _fill_reserved(rendered, appended)
    return rendered


def _fill_reserved(rendered: Rendered, appended: list[PdfPages]) -> bytes:
    """Draw each attached PDF's pages, scaled to the text area, onto its reserved pages."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(rendered.pdf)))
    readers: dict[str, PdfWriter | None] = {}
    paths = {p.key: p.path for p in appended}
    for page_number, key, index in rendered.reserved:
        if key not in readers:
            readers[key] = _open(paths[key]) if key in paths else None
        reader = readers[key]
        if reader is None or index >= len(reader.pages):
            continue
        _place(writer.pages[page_number - 1], reader.pages[index])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _open(path: object) -> PdfWriter | None:
    """The attached PDF, its pages held by a writer so they can be turned upright."""
    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return None
        return PdfWriter(clone_from=reader)
    except (PyPdfError, OSError, ValueError):
        return None


def _place(target: PageObject, source: PageObject) -> None:
    if source.rotation:
        source.transfer_rotation_to_content()
    box = source.mediabox
    width, height = float(box.width), float(box.height)
    if width <= 0 or height <= 0:
        return
    scale = min(FRAME_WIDTH / width, FRAME_HEIGHT / height)
    x = MARGIN_X + (FRAME_WIDTH - width * scale) / 2
    y = MARGIN_BOTTOM + (FRAME_HEIGHT - height * scale) / 2
    transform = (
        Transformation()
        .translate(-float(box.left), -float(box.bottom))
        .scale(scale, scale)
        .translate(x, y)
    )
    target.merge_transformed_page(source, transform)
