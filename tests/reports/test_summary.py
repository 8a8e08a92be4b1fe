"""The case summary, read back from the PDF: what an official would find in it."""

import datetime as dt
import io
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from reportlab import rl_config
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


def test_each_summary_embeds_its_own_font_subset(
    archive: Archive, tmp_path: Path, monkeypatch: Any
) -> None:
    """Font subsets are made once per process and kept: a summary with other letters
    (accents, here) still embeds its own, byte for byte what a fresh process embeds."""
    monkeypatch.setattr(rl_config, "invariant", 1)  # no dates or random ids in the PDF
    with archive.session() as session:
        plain_case = create_case(session, surname="Plain", given_names="John")
        accented = create_case(session, surname="Ñúñez", given_names="Łukasz Émile")
        plain_id, accented_id = plain_case.id, accented.id
    _summary(archive, plain_id, OFFICIALS)  # this process now holds the plain subsets
    with archive.reader() as session:
        view = case_view(session, accented_id, OFFICIALS, RedactionLog())
    assert view is not None
    warm = render_case_summary(view, OFFICIALS, prepared_on=dt.date(2025, 1, 1)).pdf
    (tmp_path / "view.pickle").write_bytes(pickle.dumps(view))
    fresh = textwrap.dedent(
        f"""
        import datetime as dt, pickle
        from pathlib import Path
        from reportlab import rl_config
        rl_config.invariant = 1
        from powmia_desktop.reports.summary import render_case_summary
        from powmia_desktop.services.audience import Audience
        from powmia_desktop.core.sensitivity import Sensitivity
        view = pickle.loads(Path({str(tmp_path / "view.pickle")!r}).read_bytes())
        audience = Audience("DPAA analyst", Sensitivity.OFFICIALS)
        pdf = render_case_summary(view, audience, prepared_on=dt.date(2025, 1, 1)).pdf
        Path({str(tmp_path / "cold.pdf")!r}).write_bytes(pdf)
        """
    )
    subprocess.run([sys.executable, "-c", fresh], check=True, timeout=120)
    assert (tmp_path / "cold.pdf").read_bytes() == warm
    assert "Łukasz Émile Ñúñez" in squash(" ".join(page_texts(warm)))
