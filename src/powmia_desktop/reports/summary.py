"""The case summary: one serviceman on one or two pages, every fact with its source.

Built from a :class:`CaseView` (already redacted for the audience by services/audience);
this module never reads the archive. ``case_story`` gives the flowables (the packet uses
them too); ``render_case_summary`` makes a stand-alone PDF.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable, Image, KeepTogether, Table, TableStyle

from powmia_desktop.core.progress import Progress
from powmia_desktop.reports.citing import (
    SourceNumbers,
    Tally,
    TallyNote,
    field_claims,
    is_disputed,
)
from powmia_desktop.reports.document import FRAME_WIDTH, Heading, PageFurniture, Rendered, render
from powmia_desktop.reports.flowables import (
    data_table,
    fields_table,
    gap,
    keep,
    none_recorded,
    para,
    paragraphs,
    quoted,
    section,
    small_text,
)
from powmia_desktop.reports.identity import packet_furniture, run_stamp
from powmia_desktop.reports.styles import RULE, SHADE, markup, paragraph, styles
from powmia_desktop.services.audience import Audience, CaseView, CitationView, ClaimView
from powmia_desktop.services.packets import PacketData, Section

#: Versions of one fact shown side by side in a row before the next row starts.
CLAIMS_PER_ROW = 3


@dataclass(frozen=True)
class SummaryOptions:
    """What a case summary shows; the packet's "case summaries" section sets these."""

    status_history: bool = True
    claims: bool = True
    timeline: bool = True
    sources: bool = True
    photo: bool = True
    notes: bool = True


def case_story(
    case: CaseView,
    *,
    level: int = 0,
    options: SummaryOptions | None = None,
    source_numbers: dict[int, int] | None = None,
    tally: Tally | None = None,
) -> list[Flowable]:
    """The flowables of one case summary; its heading is at ``level`` in the contents.

    ``source_numbers`` makes the citations refer to a packet's Sources section instead of a
    list of the case's own; uncited facts are counted in ``tally``.
    """
    o = options or SummaryOptions()
    s = styles()
    numbers = SourceNumbers(source_numbers, tally)
    story: list[Flowable] = [Heading(case.name or case.sort_name, level, key=f"case-{case.id}")]
    flags = [case.branch, case.accounting_status, case.current_status]
    if case.last_seen_alive:
        flags.append("Last Seen Alive")
    story.append(para(" · ".join(f for f in flags if f), s.subtitle))
    story.append(_identity(case, numbers, photo=o.photo))
    sub = min(level + 1, 2)

    loss = fields_table(
        [
            ("Date of loss", _fact(case, numbers, "loss_date", case.loss_date)),
            ("Place of loss", _fact(case, numbers, "loss_place", case.loss_place)),
            ("Circumstances", numbers.cited(case.circumstances, case.citations)),
        ]
    )
    story.append(keep(Heading("Loss", sub, toc=False), loss))
    story.append(keep(Heading("Accounting", sub, toc=False), _accounting(case, numbers)))
    if case.summary:
        story += section(Heading("Summary", sub, toc=False), *_cited_paragraphs(case, numbers))
    if o.status_history:
        story += section(Heading("Status history", sub, toc=False), _status_history(case, numbers))
    if case.captivities:
        story += section(Heading("Captivity", sub, toc=False), _captivity(case, numbers))
    story += section(Heading("DNA reference samples", sub, toc=False), _samples(case))
    if o.claims and case.claims:
        story += section(Heading("Claims: what each source says", sub, toc=False))
        story += _claims(case.claims, numbers)
    if case.live_sightings:
        story += section(
            Heading("Live sighting reports", sub, toc=False), _sightings(case, numbers)
        )
    if case.people:
        rows = [[p.name, f"{p.words} {case.name}", p.notes] for p in case.people]
        table = data_table(["Person", "Connection", "Notes"], rows, [2.6, 3.2, 4.2])
        story += section(Heading("Family and contacts", sub, toc=False), table)
    if o.timeline and case.events:
        rows = [[e.date, numbers.cited(e.title, e.citations), e.place] for e in case.events]
        table = data_table(["Date", "Event", "Place"], rows, [2.2, 5.5, 2.3])
        story += section(Heading("Timeline", sub, toc=False), table)
    if o.notes and case.notes:
        story += section(Heading("Notes", sub, toc=False), *paragraphs(case.notes))
    if o.sources and source_numbers is None:
        story += section(Heading("Sources", sub, toc=False), *_source_list(numbers))
    return story


def _identity(case: CaseView, numbers: SourceNumbers, *, photo: bool) -> Flowable:
    variants = "; ".join(_variant(name, where) for name, _kind, where in case.name_variants)
    ids = "; ".join(f"{issuer} {value}" for issuer, value, _url in case.external_ids)
    cited = case.citations
    rows: list[tuple[str, str | Flowable]] = [
        ("Name", numbers.cited(case.name, cited)),
        ("Also recorded as", numbers.cited(variants, cited)),
        ("Rank", _fact(case, numbers, "rank", case.rank)),
        ("Service number", numbers.cited(case.service_number, cited)),
        ("Branch", numbers.cited(case.branch, cited)),
        ("Unit", _fact(case, numbers, "unit", case.unit)),
        ("Home of record", numbers.cited(case.home_of_record, cited)),
        ("Born", numbers.cited(case.birth_date, cited)),
        ("Identifiers", ids),
    ]
    image = _photo(case) if photo else None
    if image is None:
        return fields_table(rows)
    width = FRAME_WIDTH - 1.75 * 72
    table = fields_table(rows, width=width)
    outer = Table([[table, image]], colWidths=[width, FRAME_WIDTH - width], hAlign="LEFT")
    outer.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return outer


def _variant(name: str, where: str) -> str:
    """ "Roger A. Dumas, in the Peace Treaty Initiative" — never brackets within brackets."""
    if not where:
        return name
    if any(mark in where for mark in "()[]"):
        return f"{name} — {where}"
    return f"{name} ({where})"


def _fact(case: CaseView, numbers: SourceNumbers, field: str, value: str) -> Flowable | str:
    """A case field cited by the claims about it (else by the case's own citations), marked
    disputed when those claims disagree."""
    claims = field_claims(case.claims, field)
    cited = [c for k in claims for c in k.citations] or list(case.citations)
    return numbers.cited(value, cited, disputed=is_disputed(claims))


def _cited_paragraphs(case: CaseView, numbers: SourceNumbers) -> list[Flowable]:
    """The summary's paragraphs, the last one carrying the case's source numbers."""
    blocks = [b.strip() for b in case.summary.replace("\r\n", "\n").split("\n\n") if b.strip()]
    story: list[Flowable] = [para(b) for b in blocks[:-1]]
    if blocks:
        story.append(paragraph(numbers.cite(blocks[-1], case.citations), styles().body))
    return story


def _row_sources(numbers: SourceNumbers, text: str, citations: Sequence[CitationView]) -> Flowable:
    """A row's last cell: its notes with the row's sources (or the "uncited" mark)."""
    shown = numbers.cite(text, citations) if text else numbers.sources(citations)
    return paragraph(shown, styles().cell)


def _photo(case: CaseView) -> Flowable | None:
    if case.photo is None or case.photo.path is None:
        return None
    return fitted_image(case.photo.path, 1.6 * 72, 2.1 * 72)


def fitted_image(path: Path, max_width: float, max_height: float) -> Image | None:
    """An image scaled to fit the box, keeping its shape; None when it cannot be read."""
    try:
        image = Image(str(path))
    except (OSError, ValueError):
        return None
    width, height = image.imageWidth, image.imageHeight
    if not width or not height:
        return None
    scale = min(max_width / width, max_height / height, 1.0)
    image.drawWidth, image.drawHeight = width * scale, height * scale
    image.hAlign = "CENTER"
    return image


def _accounting(case: CaseView, numbers: SourceNumbers) -> Flowable:
    lists = "; ".join(
        f"{entry.list_title} — {entry.match_status.lower()} match"
        + (f", printed as {quoted(entry.name_as_printed)}" if entry.name_as_printed else "")
        for entry in case.lists
    )
    # The status is what the status history says; its rows' sources are the status's.
    cited = [c for change in case.status_history for c in change.citations] or case.citations
    return fields_table(
        [
            ("Accounting status", numbers.cited(case.accounting_status, cited)),
            ("Current status", numbers.cited(case.current_status, cited)),
            ("Accounted for", numbers.cited(case.accounted_for_date, cited)),
            ("Rosette placed", "Yes" if case.rosette_placed else ""),
            (
                "Last seen alive",
                "Yes — on the Last Seen Alive list" if case.last_seen_alive else "No",
            ),
            ("On lists", lists),
            ("Tags", ", ".join(case.tags)),
        ]
    )


def _status_history(case: CaseView, numbers: SourceNumbers) -> Flowable:
    if not case.status_history:
        return none_recorded("status change is")
    rows = []
    for c in case.status_history:
        status = c.status_text if c.status_text and c.status_text != c.status else c.status
        detail = _row_sources(numbers, c.notes, c.citations)
        rows.append([c.date, status, c.authority, c.method, detail])
    return data_table(
        ["Date", "Status", "Authority", "Method", "Notes and sources"], rows, [1.9, 2, 1.6, 1.8, 4]
    )


def _captivity(case: CaseView, numbers: SourceNumbers) -> Flowable:
    rows = []
    for k in case.captivities:
        camp = k.camp + (
            f"\nalso called {', '.join(k.camp_other_names)}" if k.camp_other_names else ""
        )
        held = " – ".join(d for d in (k.held_from, k.held_to) if d)
        rows.append([camp, held, _row_sources(numbers, k.remarks, k.citations)])
    return data_table(["Camp", "Held", "Remarks and sources"], rows, [3, 1.6, 5.4])


def _samples(case: CaseView) -> Flowable:
    if not case.reference_samples:
        return none_recorded("family reference sample is")
    rows = []
    for r in case.reference_samples:
        dates = "; ".join(
            f"{what} {day}"
            for what, day in (
                ("requested", r.requested_on),
                ("submitted", r.submitted_on),
                ("on file since", r.on_file_since),
            )
            if day
        )
        rows.append([r.line, r.status, r.donor, dates, r.casualty_office])
    return data_table(
        ["Line", "Status", "Donor", "Dates", "Taken at or through"], rows, [1.5, 1.4, 2.2, 2.6, 2.3]
    )


def _claims(claims: Sequence[ClaimView], numbers: SourceNumbers) -> list[Flowable]:
    """Each fact with its versions side by side, each version with its status and sources."""
    s = styles()
    groups: dict[str, list[ClaimView]] = {}
    for claim in claims:
        groups.setdefault(claim.fact, []).append(claim)
    story: list[Flowable] = []
    for fact, versions in groups.items():
        columns = min(len(versions), CLAIMS_PER_ROW)
        cells = [_claim_cell(v, numbers) for v in versions]
        rows: list[list[Flowable | str]] = [[para(fact, s.label)] + [""] * (columns - 1)]
        for start in range(0, len(cells), columns):
            row: list[Flowable | str] = list(cells[start : start + columns])
            rows.append(row + [""] * (columns - len(row)))
        table = Table(rows, colWidths=[FRAME_WIDTH / columns] * columns, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("SPAN", (0, 0), (-1, 0)),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.4, RULE),
                    ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                    ("LINEBEFORE", (1, 1), (-1, -1), 0.4, RULE),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        story += [KeepTogether([table]), gap(4)]
    return story


def _claim_cell(v: ClaimView, numbers: SourceNumbers) -> Flowable:
    """One version: its value, status with sources, the quoted passages and notes."""
    small = [markup(quoted(c.quote)) for c in v.citations if c.quote]
    if v.notes:
        small.append(markup(v.notes))
    parts = [markup(v.value), f"{small_text(markup(v.status))} {numbers.sources(v.citations)}"]
    parts += [small_text(t) for t in small]
    return paragraph("<br/>".join(parts), styles().cell)


def _sightings(case: CaseView, numbers: SourceNumbers) -> Flowable:
    rows = []
    for r in case.live_sightings:
        when = "; ".join(
            f"{what} {day}"
            for what, day in (("reported", r.reported_on), ("seen", r.sighting_date))
            if day
        )
        what = "\n".join(
            t
            for t in (
                r.content,
                f"Evaluation: {r.government_evaluation}" if r.government_evaluation else "",
                f"Follow-up: {r.follow_up}" if r.follow_up else "",
            )
            if t
        )
        rows.append([when, r.place, r.reporter, numbers.cited(what, r.citations)])
    return data_table(["When", "Where", "Reported by", "Report"], rows, [2, 1.8, 1.8, 4.4])


def _source_list(numbers: SourceNumbers) -> list[Flowable]:
    """Each source once, with the passages cited from it (locator and quotation)."""
    s = styles()
    if not numbers.numbers:
        return [none_recorded("source is")]
    story: list[Flowable] = []
    for source_id, number in numbers.numbers.items():
        passages = numbers.passages[source_id]
        story.append(paragraph(markup(passages[0].source_title), s.numbered, bullet=f"[{number}]"))
        for c in passages:
            text = "; ".join(t for t in (c.locator, quoted(c.quote) if c.quote else "") if t)
            if text:
                story.append(para(f"{text} ({c.confidence.lower()})", s.passage))
    return story


def render_case_summary(
    case: CaseView,
    audience: Audience,
    *,
    options: SummaryOptions | None = None,
    prepared_on: dt.date | None = None,
    author: str = "",
    progress: Progress | None = None,
) -> Rendered:
    """A stand-alone PDF of one case summary for ``audience`` (bytes; the caller saves it)."""
    day = prepared_on or dt.date.today()
    furniture = PageFurniture(
        header_left=f"Case summary: {case.name}",
        header_right=f"For: {audience.name}",
        footer_left=f"Prepared {day.day} {day:%b %Y}",
    )
    story = case_story(case, options=options)
    story.insert(2, gap(2))
    return render(
        story,
        furniture,
        title=f"Case summary: {case.name}",
        author=author,
        subject=f"Prepared for {audience.name}",
        progress=progress,
    )


def summary_options(section: Section | None) -> SummaryOptions:
    """A template's case-summaries options as :class:`SummaryOptions`."""
    if section is None:
        return SummaryOptions()
    return SummaryOptions(
        status_history=bool(section.option("status_history")),
        claims=bool(section.option("claims")),
        timeline=bool(section.option("timeline")),
        sources=bool(section.option("sources")),
        photo=bool(section.option("photo")),
    )


def render_summary(data: PacketData, progress: Progress | None = None) -> Rendered:
    """A logged case summary (a one-case run): the case's summary with the run's banner,
    short id and stamp, so it rebuilds byte for byte."""
    case = data.cases[0]
    tally = Tally()
    story = case_story(
        case, options=summary_options(data.template.section("case_summaries")), tally=tally
    )
    story[2:2] = [gap(2), TallyNote(tally), gap(4)]
    return render(
        story,
        packet_furniture(data),
        title=data.title,
        author=data.prepared_by,
        subject=f"Prepared for {data.audience.name}",
        progress=progress,
        **run_stamp(data),
    )
