"""Briefing packets read back from the PDF: what is in them, what is not, and where."""

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from tests.reports.pdfs import (
    add_generated_cases,
    all_text,
    make_pdf,
    make_png,
    metadata,
    page_texts,
    squash,
    withheld_demo_texts,
)

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Meeting, Serviceman
from powmia_desktop.reports.document import Rendered
from powmia_desktop.reports.packet import render_packet
from powmia_desktop.services import packets
from powmia_desktop.services.attachments import attach_file


def _fmu_2027(archive: Archive) -> int:
    with archive.reader() as session:
        return session.scalar(select(Meeting.id).where(Meeting.title.like("Family Member Update%")))


def _render(
    archive: Archive, audience: str, *, template: packets.Template | None = None, **request: object
) -> tuple[packets.PacketData, Rendered]:
    with archive.reader() as session:
        req = packets.PacketRequest(
            template=template or packets.default_template(),
            audience=packets.find_audience(session, audience),
            **request,  # type: ignore[arg-type]
        )
        data = packets.gather_packet(session, req, attachments_dir=archive.location.attachments_dir)
    return data, render_packet(data)


def test_officials_packet_holds_no_family_or_private_text(demo_archive: Archive) -> None:
    data, rendered = _render(demo_archive, "officials", meeting_id=_fmu_2027(demo_archive))
    text = all_text(rendered.pdf)
    assert "Cpl. Roger A. Dumas" in text and "Questions for this meeting" in text
    # Every text of the demo's family/private records: the businessman's report, the
    # family's question about it, the private event and relationship, the family task…
    secrets = withheld_demo_texts("family", "private")
    assert len(secrets) >= 5
    leaked = sorted(s for s in secrets if s in text)
    assert leaked == []
    for needle in ("555-0142", "bill.dumas@example.org", "businessman says he met Roger"):
        assert needle not in text
    kinds = {e.kind for e in data.log.entries}
    assert {"phone number", "email address", "live sighting report", "question"} <= kinds
    assert {"timeline event", "relationship"} <= kinds
    assert all(
        e.sensitivity is not None and e.sensitivity.name in ("FAMILY", "PRIVATE")
        for e in data.log.entries
    )
    info = " ".join(metadata(rendered.pdf).values())
    assert not [s for s in secrets if s in squash(info)]


def test_family_packet_shows_family_records_but_never_private_ones(demo_archive: Archive) -> None:
    _data, rendered = _render(demo_archive, "Extended family", meeting_id=_fmu_2027(demo_archive))
    text = all_text(rendered.pdf)
    assert "555-0142" in text
    assert "Was the report of a businessman" in text  # the family's own question
    assert [s for s in withheld_demo_texts("private") if s in text] == []


def _lines(pdf: bytes) -> list[list[str]]:
    """Each page as its lines (layout mode keeps a contents line on one line)."""
    reader = PdfReader(io.BytesIO(pdf))
    return [
        [squash(line) for line in page.extract_text(extraction_mode="layout").splitlines()]
        for page in reader.pages
    ]


def _toc_entries(pdf: bytes) -> list[tuple[str, int]]:
    """(title, page) pairs read from the Contents page: "Timeline . . . . 9"."""
    pages = _lines(pdf)
    first = next(i for i, p in enumerate(pages) if "Contents" in p)
    entries: list[tuple[str, int]] = []
    for page in pages[first:]:  # the contents may run over several pages
        found = [
            (m.group(1).strip(" ."), int(m.group(2)))
            for line in page
            if " . ." in line and (m := re.match(r"^(.*?)[\s.]+(\d+)$", line))
        ]
        if not found:
            break
        entries += found
    return entries


def test_table_of_contents_names_the_pages_the_headings_are_on(demo_archive: Archive) -> None:
    data, rendered = _render(demo_archive, "officials", meeting_id=_fmu_2027(demo_archive))
    pages = _lines(rendered.pdf)
    entries = _toc_entries(rendered.pdf)
    titles = [t for t, _ in entries]
    for expected in ("Meeting", "Case summaries", "Timeline", "Sources", "Contacts"):
        assert expected in titles
    assert titles.count("Cpl. Roger A. Dumas") == 2  # his summary and his questions
    for title, page in entries:
        assert title in pages[page - 1], (title, page)  # a heading line on that very page
    # Sections start on their own page: the page before does not hold the heading.
    for title in ("Meeting", "Case summaries", "Timeline", "Sources", "Contacts"):
        page = dict(entries)[title]
        assert title not in pages[page - 2] or page - 1 == 2, title
    # What the contents say is what the layout recorded.
    recorded = {(t, p) for level, t, p in rendered.headings if level == 0}
    assert {(t, p) for t, p in entries if t in dict(recorded)} == recorded
    # The running header and "Page N of M" are on every page but the title page.
    total = len(pages)
    texts = [" ".join(p) for p in pages]
    assert all(f"Page {n} of {total}" in texts[n - 1] for n in range(1, total + 1))
    assert all("For Officials — not for release" in texts[n - 1] for n in range(1, total + 1))
    assert "For: Officials" not in texts[0]
    assert data.title in texts[1]


def test_metadata_has_title_and_author(demo_archive: Archive) -> None:
    _data, rendered = _render(
        demo_archive, "press", title="Dumas case packet", prepared_by="Bill Dumas"
    )
    info = metadata(rendered.pdf)
    assert info["/Title"] == "Dumas case packet"
    assert info["/Author"] == "Bill Dumas"


def test_attachments_are_appended_and_placed(archive: Archive, tmp_path: Path) -> None:
    court_order = make_pdf(tmp_path / "order.pdf", ["COURT ORDER PAGE ONE", "COURT ORDER PAGE TWO"])
    with archive.session() as session:
        case = Serviceman(surname="Attached", given_names="Case")
        session.add(case)
        session.flush()
        folder = archive.location.attachments_dir
        attach_file(session, folder, court_order, caption="Court order", serviceman_id=case.id)
        attach_file(session, folder, make_png(tmp_path / "scan.png"), serviceman_id=case.id)
        notes = tmp_path / "x.txt"
        notes.write_text("plain text", encoding="utf-8")
        attach_file(session, folder, notes, serviceman_id=case.id)
        case_id = case.id
    _data, rendered = _render(archive, "officials", case_ids=(case_id,))
    pages = page_texts(rendered.pdf)
    total = len(pages)
    assert rendered.pages == total
    one = next(i for i, p in enumerate(pages) if "COURT ORDER PAGE ONE" in p)
    assert "COURT ORDER PAGE TWO" in pages[one + 1]
    # Appended pages keep the packet's header and numbering.
    assert f"Page {one + 1} of {total}" in pages[one]
    assert "Attachment 1: Court order" in squash(" ".join(pages))
    reader = PdfReader(io.BytesIO(rendered.pdf))
    assert sum(len(p.images) for p in reader.pages) >= 1
    assert "x.txt" not in " ".join(pages)  # not printable: left in the archive


def test_a_fifty_case_packet(archive: Archive) -> None:
    with archive.session() as session:
        ids = add_generated_cases(session, 50)
    _data, rendered = _render(archive, "officials", case_ids=tuple(ids))
    assert rendered.pages >= 50
    entries = _toc_entries(rendered.pdf)
    names = [t for t, _ in entries if t.startswith("Pfc. John Q. Generated")]
    assert len(names) == 50
    text = all_text(rendered.pdf)
    assert "near Kunu-ri" in text and "about Dec 1950" in text


@pytest.mark.parametrize("kind", sorted(packets.SECTION_KINDS))
def test_every_section_kind_renders_alone(demo_archive: Archive, kind: str) -> None:
    template = packets.Template("one", (packets.Section(kind),))
    _data, rendered = _render(
        demo_archive, "officials", template=template, meeting_id=_fmu_2027(demo_archive)
    )
    assert rendered.pages >= 1


def test_a_packet_with_contents_is_laid_out_in_two_passes(archive: Archive) -> None:
    """The contents get their entries before the first pass, so the second pass is the last:
    the first only finds the pages (it draws nothing), the second draws them."""
    with archive.session() as session:
        ids = add_generated_cases(session, 40)  # contents over two pages
    with archive.reader() as session:
        req = packets.PacketRequest(
            packets.default_template(), packets.find_audience(session, "officials"), tuple(ids)
        )
        data = packets.gather_packet(session, req)
    said: list[str] = []
    rendered = render_packet(data, lambda _done, _total, text: said.append(text))
    passes = {text for text in said if text.startswith("Laying out pages")}
    assert passes == {"Laying out pages (pass 1)", "Laying out pages (pass 2)"}
    entries = _toc_entries(rendered.pdf)
    pages = _lines(rendered.pdf)
    assert len(entries) > 40
    for title, page in entries:
        assert title in pages[page - 1], (title, page)
    # Every page was drawn, not only measured.
    assert all(len(page) > 2 for page in pages)


def test_contents_with_nothing_to_list_still_prints(demo_archive: Archive) -> None:
    template = packets.Template("bare", (packets.Section("contents"),))
    _data, rendered = _render(demo_archive, "officials", template=template)
    assert "Contents" in squash(" ".join(page_texts(rendered.pdf)))
