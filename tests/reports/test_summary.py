"""The case summary, read back from the PDF: what an official would find in it."""

import io
from pathlib import Path

from pypdf import PdfReader
from tests.reports.pdfs import all_text, make_png, metadata, page_texts, pdftotext_pages, squash

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.archive import Archive
from powmia_desktop.reports.styles import fonts
from powmia_desktop.reports.summary import render_case_summary
from powmia_desktop.services.attachments import attach_file
from powmia_desktop.services.audience import Audience, RedactionLog, case_view
from powmia_desktop.services.cases import add_status_change, create_case
from powmia_desktop.services.demo import load_demo

FAMILY = Audience("Extended family", Sensitivity.FAMILY)
OFFICIALS = Audience("DPAA analyst", Sensitivity.OFFICIALS)


def _summary(archive: Archive, case_id: int, audience: Audience) -> bytes:
    with archive.reader() as session:
        view = case_view(
            session,
            case_id,
            audience,
            RedactionLog(),
            attachments_dir=archive.location.attachments_dir,
        )
    assert view is not None
    return render_case_summary(view, audience).pdf


def test_dumas_summary_has_his_status_history_and_both_capture_places(archive: Archive) -> None:
    with archive.session() as session:
        case_id = load_demo(session).serviceman_id
    pdf = _summary(archive, case_id, OFFICIALS)
    text = all_text(pdf)
    assert "Cpl. Roger A. Dumas" in text
    for status in ("Missing in action", "Missing, Presumed Dead", "Prisoner of War"):
        assert status in text
    # Fuzzy dates keep their qualifiers; authorities and methods are named.
    for words in ("Nov 1950", "26 Feb 1954", "between 1982 and 1984", "Court order"):
        assert words in text
    assert "Presumptive finding of death" in text
    # Both capture-place claims (and the third version) side by side, with their sources.
    assert "near the Yalu River" in text and "near the village of Anju" in text
    assert "near the Manchurian border" in text
    assert "Hartford Courant" in text
    assert "Last Seen Alive" in text


def test_hangul_accents_and_markup_print_literally(archive: Archive) -> None:
    with archive.session() as session:
        case = create_case(
            session,
            surname="Pak",
            given_names="Gil Yon",
            unit="Société Générale <b>bold?</b>",
            circumstances='A & B <c> said "we" — 박길연 (Pak Gil Yon) & <font size=40>x</font>',
        )
        add_status_change(session, case.id, status="mia", date="c. 1953")
        case_id = case.id
    pdf = _summary(archive, case_id, OFFICIALS)
    pages = page_texts(pdf)
    text = squash(" ".join(pages))
    assert "A & B <c>" in text
    assert "박길연" in text
    assert "Société Générale <b>bold?</b>" in text
    assert "<font size=40>x</font>" in text
    assert '"we"' in text
    assert "about 1953" in text  # "c. 1953" prints with its qualifier
    poppler = pdftotext_pages(pdf)
    if poppler is not None:
        seen = squash(" ".join(poppler))
        assert "A & B <c>" in seen
        if fonts().cjk_embedded:  # a CID font is not embedded: poppler may not map it
            assert "박길연" in seen


def test_summary_metadata_names_the_case_but_no_private_text(archive: Archive) -> None:
    with archive.session() as session:
        case_id = load_demo(session).serviceman_id
    pdf = _summary(archive, case_id, FAMILY)
    info = metadata(pdf)
    assert info["/Title"] == "Case summary: Cpl. Roger A. Dumas"
    assert "Extended family" in info["/Subject"]
    assert "businessman" not in " ".join(info.values()).lower()
    assert "A businessman said he had met Roger Dumas" not in all_text(pdf)


def test_photo_is_placed_beside_the_identity_block(archive: Archive, tmp_path: Path) -> None:
    with archive.session() as session:
        case = create_case(session, surname="Photographed")
        attach_file(
            session,
            archive.location.attachments_dir,
            make_png(tmp_path / "portrait.png"),
            role="photo",
            serviceman_id=case.id,
        )
        case_id = case.id
    pdf = _summary(archive, case_id, OFFICIALS)
    first = PdfReader(io.BytesIO(pdf)).pages[0]
    assert len(first.images) == 1
