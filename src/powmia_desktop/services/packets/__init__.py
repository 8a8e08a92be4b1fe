"""Briefing packets: templates, audiences, gathering what a packet shows, and the run log.

A template is an ordered list of sections, each with options, like a Gramps book
(``templates``); it is built for an audience (``audiences``). A packet is built in three
steps, so the person can read what will be withheld before any file is written:

1. :func:`gather_packet` (``gathering``) asks services/audience for the redacted view of
   everything the template's sections need and returns it as :class:`PacketData` with its
   redaction log;
2. a renderer (``reports.packet.render_packet``, passed in: services do not import reports)
   turns that data into PDF bytes;
3. :func:`save_pdf` writes the file atomically and :func:`record_run` logs a PacketRun
   (template, audience, meeting, time, file, SHA-256, page count, redaction log)
   (``writing``).

:func:`build_packet` does all three for the command line and the GUI's background job.
"""

from powmia_desktop.services.choices import DEFAULT_TEMPLATE_NAME
from powmia_desktop.services.packets.audiences import (
    DEFAULT_AUDIENCES,
    ensure_default_audiences,
    find_audience,
    list_audiences,
)
from powmia_desktop.services.packets.gathering import (
    PacketData,
    PacketRequest,
    cited_source_ids,
    gather_packet,
)
from powmia_desktop.services.packets.review import SectionContents, section_contents
from powmia_desktop.services.packets.templates import (
    SECTION_KINDS,
    Section,
    SectionKind,
    Template,
    default_template,
    delete_template,
    find_template,
    list_templates,
    save_template,
)
from powmia_desktop.services.packets.writing import (
    PacketResult,
    RenderedPdf,
    Renderer,
    build_packet,
    record_run,
    save_pdf,
)

__all__ = [
    "DEFAULT_AUDIENCES",
    "DEFAULT_TEMPLATE_NAME",
    "SECTION_KINDS",
    "PacketData",
    "PacketRequest",
    "PacketResult",
    "RenderedPdf",
    "Renderer",
    "Section",
    "SectionContents",
    "SectionKind",
    "Template",
    "build_packet",
    "cited_source_ids",
    "default_template",
    "delete_template",
    "ensure_default_audiences",
    "find_audience",
    "find_template",
    "gather_packet",
    "list_audiences",
    "list_templates",
    "record_run",
    "save_pdf",
    "save_template",
    "section_contents",
]
