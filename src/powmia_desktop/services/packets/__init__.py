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
   (template, audience and rules, cases, meeting, title, preparer, time, file, SHA-256,
   page count, redaction log, content digests) (``writing``).

Every run's uid and time are printed into its PDF, so ``runs`` can rebuild it byte for byte,
verify a file handed back against its hash, and say what changed since (``runs``).

:func:`build_packet` does all three for the command line and the GUI's background job; the
GUI's preview builds without logging and calls :func:`log_result` once the packet is printed
or saved from it.
"""

from powmia_desktop.services.choices import DEFAULT_TEMPLATE_NAME
from powmia_desktop.services.packets.audiences import (
    DEFAULT_AUDIENCES,
    audience_banner,
    audience_purpose,
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
from powmia_desktop.services.packets.runs import (
    RUN_KEYWORD,
    Rebuilt,
    RunRow,
    Verdict,
    find_run,
    list_runs,
    rebuild_run,
    short_id,
    summary_template,
    verify_file,
)
from powmia_desktop.services.packets.templates import (
    SECTION_KINDS,
    SUMMARY_TEMPLATE_NAME,
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
    build_summary,
    log_result,
    record_run,
    save_pdf,
)

__all__ = [
    "DEFAULT_AUDIENCES",
    "DEFAULT_TEMPLATE_NAME",
    "RUN_KEYWORD",
    "SECTION_KINDS",
    "SUMMARY_TEMPLATE_NAME",
    "PacketData",
    "PacketRequest",
    "PacketResult",
    "Rebuilt",
    "RenderedPdf",
    "Renderer",
    "RunRow",
    "Section",
    "SectionContents",
    "SectionKind",
    "Template",
    "Verdict",
    "audience_banner",
    "audience_purpose",
    "build_packet",
    "build_summary",
    "cited_source_ids",
    "default_template",
    "delete_template",
    "ensure_default_audiences",
    "find_audience",
    "find_run",
    "find_template",
    "gather_packet",
    "list_audiences",
    "list_runs",
    "list_templates",
    "log_result",
    "rebuild_run",
    "record_run",
    "save_pdf",
    "save_template",
    "section_contents",
    "short_id",
    "summary_template",
    "verify_file",
]
