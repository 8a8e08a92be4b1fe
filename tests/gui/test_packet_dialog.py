"""The Packet dialog and the PDF preview, driven as a person would: tick, review, write,
then print and save from the preview."""

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from tests.reports.pdfs import all_text

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Meeting, PacketRun, Serviceman
from powmia_desktop.gui.packets import PacketDialog, show_case_summary
from powmia_desktop.gui.pdf_preview import PdfPreviewDialog
from powmia_desktop.services import packets


def _ids(archive: Archive) -> tuple[int, int]:
    with archive.reader() as session:
        case_id = session.scalar(select(Serviceman.id))
        meeting_id = session.scalar(select(Meeting.id).where(Meeting.status == "planned"))
    assert case_id is not None and meeting_id is not None
    return case_id, meeting_id


def _dialog(qtbot: QtBot, archive: Archive, **preselect: int) -> PacketDialog:
    dialog = PacketDialog(archive, None, **preselect)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_review_shows_the_log_before_anything_is_written(
    qtbot: QtBot, demo_archive: Archive, tmp_path: Path
) -> None:
    case_id, meeting_id = _ids(demo_archive)
    dialog = _dialog(qtbot, demo_archive, case_id=case_id, meeting_id=meeting_id)
    assert dialog.meeting_box.currentData() == meeting_id
    assert dialog.checked_case_ids() == (case_id,)
    dialog.audience_box.setCurrentIndex(dialog.audience_box.findText("Congressional office"))
    assert "hides phone numbers" in dialog.audience_about.text()
    assert not dialog.write_button.isEnabled()

    qtbot.mouseClick(dialog.review_button, Qt.MouseButton.LeftButton)
    assert dialog.write_button.isEnabled()
    rows = {
        dialog.log_table.item(r, 0).text(): dialog.log_table.item(r, 3).text()
        for r in range(dialog.log_table.rowCount())
    }
    assert rows["phone number"] in (
        "the audience's rule: hide phone numbers",
        "marked Family, above the audience's level",
    )
    assert "live sighting report" in rows and "question" in rows
    assert "will be left out entirely" in dialog.log_summary.text()

    # Changing a choice asks for a new review before writing.
    dialog.title_edit.setText("For Rep. Smith")
    assert not dialog.write_button.isEnabled()
    qtbot.mouseClick(dialog.review_button, Qt.MouseButton.LeftButton)

    out = tmp_path / "packet.pdf"
    result = dialog.write_to(out)
    assert result is not None and out.exists()
    preview = dialog.preview_dialog
    assert preview is not None
    qtbot.addWidget(preview)
    assert preview.preview.page_count == len(PdfReader(str(out)).pages) == result.pages
    text = all_text(out)
    assert "For Rep. Smith" in text and "800-892-2490" not in text
    with demo_archive.reader() as session:
        run = session.get(PacketRun, result.run_id)
        assert run is not None and run.audience_name == "Congressional office"


def test_sections_can_be_unticked_reordered_and_saved(qtbot: QtBot, demo_archive: Archive) -> None:
    dialog = _dialog(qtbot, demo_archive)
    editor = dialog.sections
    editor.set_checked("contacts", False)
    editor.set_checked("custom_text", True)
    dialog.custom_text.setPlainText("Please confirm the date of the court order.")
    editor.list.setCurrentRow(editor.list.count() - 1)
    for _ in range(editor.list.count()):
        qtbot.mouseClick(editor.up, Qt.MouseButton.LeftButton)
    kinds = [s.kind for s in dialog.current_template().sections]
    assert kinds[0] == "custom_text" and "contacts" not in kinds
    custom = dialog.current_template().section("custom_text")
    assert custom is not None and "court order" in custom.option("text")
    dialog.save_template("My visit")
    with demo_archive.reader() as session:
        saved = packets.find_template(session, "My visit")
    assert [s.kind for s in saved.sections] == kinds
    assert dialog.template_box.currentText() == "My visit"


def test_preview_prints_and_saves(qtbot: QtBot, demo_archive: Archive, tmp_path: Path) -> None:
    case_id, _ = _ids(demo_archive)
    preview = show_case_summary(None, demo_archive, case_id)
    assert isinstance(preview, PdfPreviewDialog)
    qtbot.addWidget(preview)
    pages = preview.preview.page_count
    assert pages >= 2
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert preview.preview.print_to(printer) == pages
    assert len(PdfReader(str(printed)).pages) == pages
    copy = tmp_path / "copy.pdf"
    preview.preview.save_to(copy)
    assert "Cpl. Roger A. Dumas" in all_text(copy)
    temporary = preview.preview.path
    preview.close()
    preview.done(0)
    assert not temporary.exists()  # the preview's own file goes with it
