"""Layout a reader expects, read back from the PDF: symbols print, short sections share a
page, columns are headed, relationships say with whom, brackets never nest, and the
timeline chart marks the war and the long silences."""

import io
import re

import pytest
from pypdf import PdfReader
from tests.reports.pdfs import all_text, pdftotext_pages, squash

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.archive import Archive
from powmia_desktop.reports.chart import ChartRow, TimelineChart, chart_rows, silences
from powmia_desktop.reports.packet import render_packet
from powmia_desktop.reports.styles import fonts
from powmia_desktop.reports.summary import render_case_summary
from powmia_desktop.services import packets
from powmia_desktop.services.audience import Audience, EventView, RedactionLog, case_view
from powmia_desktop.services.cases import create_case

OFFICIALS = Audience("DPAA analyst", Sensitivity.OFFICIALS)


def _fonts_used(pdf: bytes) -> set[str]:
    used = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            used.add(str(font.get_object().get("/BaseFont")))
    return used


def test_emoji_and_symbols_print_in_the_fallback_font(archive: Archive) -> None:
    if not fonts().symbol:
        pytest.skip("no symbol font installed (Debian: fonts-symbola)")
    with archive.session() as session:
        case_id = create_case(
            session,
            surname="Keller",
            given_names="Anna",
            summary="Family reunion 🎖️ ★ ✔ ☮ — medals returned 🇺🇸",
            sensitivity=Sensitivity.PUBLIC,
        ).id
    with archive.reader() as session:
        view = case_view(session, case_id, OFFICIALS, RedactionLog())
    assert view is not None
    pdf = render_case_summary(view, OFFICIALS).pdf
    assert any("Symbol" in name for name in _fonts_used(pdf)), _fonts_used(pdf)
    pages = pdftotext_pages(pdf)
    text = squash(" ".join(pages)) if pages is not None else all_text(pdf)
    # Symbols read back; an emoji beyond the first 65,536 code points is drawn from the
    # fallback font (checked above) though ReportLab's text layer cannot name it.
    for symbol in ("★", "✔", "☮"):
        assert symbol in text, symbol
    assert "medals returned" in text


def test_the_demo_packet_reads_as_a_reader_expects(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        request = packets.PacketRequest(
            template=packets.default_template(),
            audience=packets.find_audience(session, "DPAA analyst"),
            case_ids=(1,),
            meeting_id=2,
        )
        data = packets.gather_packet(session, request)
    rendered = render_packet(data)
    pages = pdftotext_pages(rendered.pdf)
    if pages is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = squash(" ".join(pages))
    # The short meeting section shares its page with what follows.
    meeting_page = next(p for p in pages if "Who takes part" in p)
    assert "Case summaries" in meeting_page
    # Relationship words say with whom; the attendance column is headed.
    assert "brother of Cpl. Roger A. Dumas" in text
    assert re.search(r"Who\s+Role\s+Attendance", text)
    # No brackets inside brackets, no doubled quotation marks.
    assert not re.search(r"\([^()]*\(", text), re.search(r".{40}\([^()]*\(.{20}", text)
    assert "““" not in text and "””" not in text
    # The chart marks the war and the long silences, with the years below it too.
    chart_page = next(p for p in pages if "Timeline chart" in p and "Contents" not in p)
    assert "Korean War" in chart_page and "nothing recorded" in chart_page
    assert "Operation Big Switch" in chart_page
    assert "Joint recovery operations in North Korea" in chart_page
    assert len(re.findall(r"1950\s+1960\s+1970", chart_page)) == 2


def test_chart_labels_wrap_whole_and_silences_are_found() -> None:
    rows = [
        ChartRow("4 Nov 1950  Captured near the Yalu River by Chinese forces", 1950.8, 1950.9, "a"),
        ChartRow("1957  Last seen in a prison camp near the Yalu", 1957.0, 1958.0, "b"),
        ChartRow("20 Jul 1982  Court orders the Army to reclassify him", 1982.5, 1982.6, "c"),
    ]
    assert silences(rows) == [(1958.0, 1982.5)]
    chart = TimelineChart(rows)
    chart.wrap(300, 500)
    lines = chart._labels(300)
    assert all(len(label) <= 2 for label in lines)
    assert " ".join(lines[0]).split() == rows[0].label.split()  # wrapped, not cut


def test_chart_rows_fade_uncertain_ends_as_the_window_does() -> None:
    def event(date: str) -> EventView:
        return EventView(1, date, None, None, None, "t", "", "report", "", (), (), ())

    day, about, between = chart_rows(
        [event("about 1953"), event("between 1960 and 1970"), event("2 Nov 1950")]
    )
    assert day.solid_start == day.start and day.solid_end == day.end
    assert about.start < about.solid_start < about.solid_end < about.end
    assert round(about.solid_start, 3) == 1953.0 and round(about.start, 3) == 1952.0
    assert between.solid_start == between.solid_end
    assert abs(between.solid_start - (between.start + between.end) / 2) < 0.01
