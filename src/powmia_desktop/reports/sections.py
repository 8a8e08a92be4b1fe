"""The sections of a briefing packet, each a function from redacted data to flowables.

Every function here takes the :class:`PacketData` that services/packets gathered for
the audience and the template's :class:`Section` (for its options); none reads the archive.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PyPdfError
from reportlab.platypus import Flowable, PageBreak, Spacer
from reportlab.platypus.tableofcontents import TableOfContents

from powmia_desktop.reports.chart import TimelineChart, chart_rows
from powmia_desktop.reports.citing import SourceNumbers, Tally, TallyNote
from powmia_desktop.reports.crossref import crossref_section
from powmia_desktop.reports.document import FRAME_HEIGHT, FRAME_WIDTH, Heading, ReservedPage
from powmia_desktop.reports.flowables import (
    data_table,
    end_of_section,
    fields_table,
    gap,
    keep_short,
    lines,
    none_recorded,
    para,
    paragraphs,
    section,
    small_text,
)
from powmia_desktop.reports.styles import centered, markup, paragraph, styles
from powmia_desktop.reports.summary import case_story, fitted_image, summary_options
from powmia_desktop.services.audience import AttachmentView, CitationView, ContactView
from powmia_desktop.services.packets import PacketData, Section, audience_banner, short_id

SectionWriter = Callable[[PacketData, Section, Tally], list[Flowable]]


def title_page(data: PacketData, options: Section, tally: Tally) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = [Spacer(1, 1.6 * 72), para(data.title, s.title)]
    if data.subtitle:
        story.append(para(data.subtitle, s.subtitle))
    m = data.meeting
    if m is not None:
        story.append(
            para(" · ".join(t for t in (m.meeting_type, m.when, m.place) if t), s.subtitle)
        )
    story.append(Spacer(1, 0.5 * 72))
    day = data.prepared_on
    rows: list[tuple[str, str | Flowable]] = [
        ("Cases", "; ".join(c.name for c in data.cases)),
        ("Prepared by", data.prepared_by or "(not named)"),
        ("Prepared on", f"{day.day} {day:%B %Y}"),
        ("Prepared for", audience_banner(data.audience)),
        ("Run", short_id(data.run_uid) if data.run_uid else ""),
    ]
    story.append(fields_table(rows))
    level = data.audience.effective_ceiling
    story += [
        Spacer(1, 0.6 * 72),
        para(
            f"This packet holds only records marked {level.label} or below"
            + (" (public records only)." if level.value == 0 else ".")
            + " Anything marked more sensitive was left out entirely.",
            s.small,
        ),
        PageBreak(),
    ]
    return story


def contents(data: PacketData, options: Section, tally: Tally) -> list[Flowable]:
    s = styles()
    toc = TableOfContents(dotsMinLevel=0)
    toc.levelStyles = [s.toc1, s.toc2]
    day = data.prepared_on
    who = data.prepared_by or "(preparer not named)"
    made = f"Prepared by {who} for {data.audience.name}, {day.day} {day:%B %Y}"
    if data.run_uid:
        made += f" · run {short_id(data.run_uid)}"
    return [
        para("Contents", s.toc_title),
        gap(4),
        para(made, s.small),
        TallyNote(tally),
        gap(10),
        toc,
        PageBreak(),
    ]


def meeting(data: PacketData, options: Section, tally: Tally) -> list[Flowable]:
    m = data.meeting
    if m is None:
        return []
    story = [Heading("Meeting", 0, key="meeting"), para(m.title, styles().h2)]
    story.append(
        fields_table(
            [
                ("Kind", m.meeting_type),
                ("When", m.when),
                ("Where", m.place),
                ("Status", m.status),
            ]
        )
    )
    if m.description:
        story += [gap(), *paragraphs(m.description)]
    if m.attendees:
        rows = [[a.name, a.role, "attended" if a.attended else "invited"] for a in m.attendees]
        table = data_table(["Who", "Role", "Attendance"], rows, [5, 3, 2])
        story += section(Heading("Who takes part", 1, toc=False), table)
    if m.agenda:
        minutes = bool(options.option("minutes"))
        rows = [
            [
                str(i),
                item.title + (f"\n{item.minutes}" if minutes and item.minutes else ""),
                item.presenter,
            ]
            for i, item in enumerate(m.agenda, 1)
        ]
        table = data_table(["#", "Agenda item", "Presenter"], rows, [0.5, 7, 2.5])
        story += section(Heading("Agenda", 1, toc=False), table)
    if options.option("minutes") and m.minutes:
        story += section(Heading("Minutes", 1, toc=False), *paragraphs(m.minutes))
    return [keep_short(*story), *end_of_section()]


def case_summaries(data: PacketData, options: Section, tally: Tally) -> list[Flowable]:
    summary = summary_options(options)
    story: list[Flowable] = [Heading("Case summaries", 0, key="cases")]
    if not data.cases:
        return [*story, none_recorded("case is"), *end_of_section()]
    numbers = source_numbers(data) or None
    for i, case in enumerate(data.cases):
        if i:
            story.append(PageBreak())
        story += case_story(case, level=1, options=summary, source_numbers=numbers, tally=tally)
    return [*story, *end_of_section()]


def questions(data: PacketData, options: Section, tally: Tally) -> list[Flowable]:
    title = "Questions for this meeting" if data.meeting else "Open questions"
    story: list[Flowable] = [Heading(title, 0, key="questions")]
    if not data.questions:
        return [*story, none_recorded("open question is"), *end_of_section()]
    groups: dict[str, list[list[str | Flowable]]] = {}
    numbers = SourceNumbers({}, tally)
    for q in data.questions:
        rows = groups.setdefault(q.case_name or "General", [])
        asked = f"First asked: {q.asked_at}" if q.asked_at else ""
        status = "\n".join(t for t in (q.status, asked) if t)
        text = _with_answer(q.text, q.answer, numbers)
        rows.append([str(len(rows) + 1), text, q.addressed_to, status])
    for name, rows in groups.items():
        table = data_table(["#", "Question", "Addressed to", "Status"], rows, [0.45, 5.4, 2, 2.4])
        story += section(Heading(name, 1, key=f"questions-{len(story)}"), table)
    return [keep_short(*story), *end_of_section()]


def _with_answer(question: str, answer: str, numbers: SourceNumbers) -> Flowable:
    """The question, and the answer so far marked uncited (answers carry no citations)."""
    shown = markup(question)
    if answer:
        said = small_text(markup(f"Answer so far: {answer}"))
        shown += f"<br/>{said} {numbers.uncited_mark()}"
    return paragraph(shown, styles().cell)


def timeline(data: PacketData, options: Section, tally: Tally) -> list[Flowable]:
    story: list[Flowable] = [Heading("Timeline", 0, key="timeline")]
    if not data.events:
        return [*story, none_recorded("dated event is"), *end_of_section()]
    fixed = source_numbers(data)
    if options.option("chart"):
        dated = chart_rows(data.events)
        if dated:
            story += section(Heading("Timeline chart", 1), TimelineChart(dated), gap(10))
    if options.option("table"):
        numbers = SourceNumbers(fixed, tally)
        rows: list[list[str | Flowable]] = []
        for e in data.events:
            what = e.title + (f"\n{e.description}" if e.description else "")
            if fixed:  # numbers refer to the packet's Sources section
                cell = _event_cell(what, e.people)
                cited = paragraph(numbers.sources(e.citations).strip("[]"), styles().cell)
                rows.append([e.date, cell, e.place, cited])
            else:  # no Sources section to refer to: the sources are named in the cell
                rows.append([e.date, _event_cell(what, e.people, numbers, e.citations), e.place])
        if fixed:
            headers, widths = ["Date", "Event", "Place", "Sources"], [1.6, 5.4, 1.8, 1.2]
        else:
            headers, widths = ["Date", "Event", "Place"], [1.6, 6.2, 2.2]
        table = data_table(headers, rows, widths)
        story += section(Heading("Events in date order", 1), table)
    return [*story, *end_of_section()]


def _event_cell(
    what: str,
    people: tuple[str, ...],
    numbers: SourceNumbers | None = None,
    citations: tuple[CitationView, ...] = (),
) -> Flowable:
    """The event's title, description and people; with ``numbers``, its sources by title
    (or the "uncited" mark), for a packet without a Sources section."""
    title, _, description = what.partition("\n")
    people_line = "People: " + "; ".join(people) if people else ""
    shown = lines((title, "bold"), (description, "body"), (people_line, "small"))
    if numbers is None:
        return shown
    titles = "; ".join(dict.fromkeys(c.source_title for c in citations))
    said = small_text(markup(f"Sources: {titles}")) if titles else numbers.uncited_mark()
    return paragraph(f"{shown.text}<br/>{said}", styles().cell)


def source_numbers(data: PacketData) -> dict[int, int]:
    """Source id → its number in the packet's Sources section (empty when there is none)."""
    if not data.template.has("sources"):
        return {}
    return {source.id: i for i, source in enumerate(data.sources, 1)}


def sources(data: PacketData, options: Section, tally: Tally) -> list[Flowable]:
    story: list[Flowable] = [Heading("Sources", 0, key="sources")]
    if not data.sources:
        return [*story, none_recorded("source is"), *end_of_section()]
    rows = []
    for i, src in enumerate(data.sources, 1):
        line = ". ".join(t for t in (src.author, src.date, src.source_type) if t)
        where = ", ".join(t for t in (src.repository, src.locator) if t)
        parts = [(src.title, "bold"), (line, "small"), (where, "small"), (src.url, "small")]
        rows.append([str(i), lines(*parts, (src.notes, "small"))])
    story.append(data_table(["#", "Source"], rows, [0.5, 9.5]))
    return [keep_short(*story), *end_of_section()]


def contacts(data: PacketData, options: Section, tally: Tally) -> list[Flowable]:
    story: list[Flowable] = [Heading("Contacts", 0, key="contacts")]
    if not data.contacts:
        return [*story, none_recorded("contact is"), *end_of_section()]
    rows = []
    numbers = SourceNumbers({}, tally)
    for c in data.contacts:
        who = lines(
            (c.name, "bold"),
            (c.title, "small"),
            (c.organization, "small"),
            ("" if c.living else "deceased", "small"),
        )
        reach = [
            (f"{label}: {value}" if label else value, "body")
            for label, value in (*c.phones, *c.emails, *c.addresses)
        ]
        rows.append([who, lines(*reach) if reach else "", _connection(c, numbers)])
    if any(row[1] for row in rows):
        table = data_table(["Name", "How to reach", "Connection and notes"], rows, [3.2, 2.8, 4])
    else:  # every way to reach them is withheld or unknown: no empty column
        table = data_table(["Name", "Connection and notes"], [[r[0], r[2]] for r in rows], [4, 6])
    story.append(table)
    return [keep_short(*story), *end_of_section()]


def _connection(c: ContactView, numbers: SourceNumbers) -> Flowable:
    """How a contact is connected ("brother of Cpl. Roger A. Dumas") and the notes, which
    carry no citations and so are marked uncited."""
    shown = [markup(f"{link.words} {link.name}") for link in c.links]
    if c.notes:
        shown.append(f"{small_text(markup(c.notes))} {numbers.uncited_mark()}")
    return paragraph("<br/>".join(shown), styles().cell)


@dataclass(frozen=True)
class PdfPages:
    """An attached PDF to be placed on reserved pages after layout."""

    key: str
    path: Path
    pages: int


def pdf_page_count(path: Path) -> int | None:
    """How many pages an attached PDF has; None when it cannot be read (damaged, locked)."""
    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            return None
        return len(reader.pages)
    except (PyPdfError, OSError, ValueError):
        return None


def attachments(
    data: PacketData, options: Section, appended: list[PdfPages] | None = None
) -> list[Flowable]:
    """Images on pages; PDFs as reserved pages filled after layout (listed in ``appended``)."""
    shown = [a for a in data.attachments if _printable(a, options)]
    if not shown:
        return []  # nothing to print: no empty section, no contents entry
    story: list[Flowable] = [Heading("Attachments", 0, key="attachments")]
    for i, a in enumerate(shown, 1):
        if i > 1:
            story.append(PageBreak())
        story.append(Heading(f"Attachment {i}: {a.caption or a.name}", 1, key=f"attachment-{a.id}"))
        facts = [("File", a.name), ("Belongs to", a.belongs_to), ("Size", _size(a.size))]
        story.append(fields_table(facts))
        story.append(gap(8))
        story += _attachment_body(a, appended)
    return story


def _printable(a: AttachmentView, options: Section) -> bool:
    if a.mime_type == "application/pdf":
        return bool(options.option("pdfs"))
    if a.mime_type.startswith("image/"):
        return bool(options.option("images"))
    return False


def _attachment_body(a: AttachmentView, appended: list[PdfPages] | None) -> list[Flowable]:
    s = styles()
    if a.path is None:
        return [para("The file is missing from the archive's attachments folder.", s.small)]
    if a.mime_type.startswith("image/"):
        image = fitted_image(a.path, FRAME_WIDTH, FRAME_HEIGHT - 1.6 * 72)
        if image is None:
            return [para("This image could not be read.", s.small)]
        return [image]
    count = pdf_page_count(a.path)
    if count is None:
        return [para("This PDF could not be read (damaged or password-protected).", s.small)]
    key = f"attachment-{a.id}"
    if appended is not None:
        appended.append(PdfPages(key, a.path, count))
    noun = "page follows" if count == 1 else f"{count} pages follow"
    story: list[Flowable] = [para(f"Its {noun}.", centered(s.small))]
    for page in range(count):
        story += [PageBreak(), ReservedPage(key, page)]
    return story


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(size, 1) / 1024:.0f} KB"


def custom_text(data: PacketData, options: Section, tally: Tally) -> list[Flowable]:
    title = str(options.option("title") or "Notes")
    text = str(options.option("text") or "")
    return [Heading(title, 0), *paragraphs(text), *end_of_section()]


WRITERS: dict[str, SectionWriter] = {
    "title_page": title_page,
    "contents": contents,
    "meeting": meeting,
    "case_summaries": case_summaries,
    "questions": questions,
    "timeline": timeline,
    "sources": sources,
    "contacts": contacts,
    "custom_text": custom_text,
    "crossref": crossref_section,
}
