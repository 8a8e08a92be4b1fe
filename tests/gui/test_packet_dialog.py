"""The Packet dialog and the PDF preview, driven as a person would: tick, preview beside
what is left out, then print and save from the preview."""

import datetime as dt
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from tests.reports.pdfs import all_text

from powmia_desktop.core.vocab import MeetingStatus, MeetingType
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Meeting, PacketRun, Serviceman
from powmia_desktop.gui.packets import PacketDialog, show_case_summary
from powmia_desktop.gui.packets.preview import PacketPreviewDialog
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


def _preview(qtbot: QtBot, dialog: PacketDialog) -> PacketPreviewDialog:
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    preview = dialog.preview_dialog
    assert isinstance(preview, PacketPreviewDialog)
    qtbot.addWidget(preview)
    return preview


def test_preview_shows_the_packet_beside_what_is_left_out(
    qtbot: QtBot, demo_archive: Archive, tmp_path: Path
) -> None:
    case_id, meeting_id = _ids(demo_archive)
    dialog = _dialog(qtbot, demo_archive, case_id=case_id, meeting_id=meeting_id)
    assert dialog.meeting_box.currentData() == meeting_id
    assert case_id in dialog.checked_case_ids()
    dialog.audience_box.setCurrentIndex(dialog.audience_box.findText("Congressional office"))
    assert "hides phone numbers" in dialog.audience_about.text()
    dialog.title_edit.setText("For Rep. Smith")

    preview = _preview(qtbot, dialog)
    rows = preview.left_out()
    assert rows["phone number"] in (
        "the audience's rule: hide phone numbers",
        "marked Family, above the audience's level",
    )
    assert "live sighting report" in rows and "question" in rows
    assert "left out entirely" in preview.log_summary.text()
    result = dialog.packet_result
    assert result is not None and result.data is not None
    assert preview.preview.page_count == len(PdfReader(str(result.path)).pages) == result.pages
    assert _runs(demo_archive) == 0  # previewed only: nothing logged yet
    out = tmp_path / "packet.pdf"
    preview.preview.save_to(out)
    text = all_text(out)
    assert "For Rep. Smith" in text and "800-892-2490" not in text
    run_id = preview.packet.run_id if preview.packet is not None else None
    with demo_archive.reader() as session:
        run = session.get(PacketRun, run_id)
        assert run is not None and run.audience_name == "Congressional office"
        assert run.kind == "packet" and run.output_path == str(out.resolve())
        assert run.redaction_log == result.data.log.to_json() and run.redaction_log
        verdict = packets.verify_file(session, out)  # the saved copy is the logged run
        assert verdict.run is not None and verdict.run.id == run_id


def _runs(archive: Archive) -> int:
    with archive.reader() as session:
        return session.scalar(select(func.count(PacketRun.id))) or 0


def test_a_preview_closed_unused_logs_nothing_and_a_printed_one_logs_once(
    qtbot: QtBot, demo_archive: Archive, tmp_path: Path
) -> None:
    before = _runs(demo_archive)
    case_id, meeting_id = _ids(demo_archive)
    dialog = _dialog(qtbot, demo_archive, case_id=case_id, meeting_id=meeting_id)
    closed = _preview(qtbot, dialog)
    closed.done(0)
    assert _runs(demo_archive) == before
    preview = _preview(qtbot, dialog)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.preview.print_to(printer) == preview.preview.page_count
    preview.preview.save_to(tmp_path / "copy.pdf")  # a copy of the same run: no second log
    assert _runs(demo_archive) == before + 1
    with demo_archive.reader() as session:
        run = session.scalars(select(PacketRun).order_by(PacketRun.id.desc())).first()
        assert run is not None and run.output_path.startswith("printed on ")
        assert run.audience_name == dialog.audience().name and run.case_ids
        verdict = packets.verify_file(session, tmp_path / "copy.pdf")
        assert verdict.run is not None and verdict.run.id == run.id


def test_the_dialog_opens_on_the_next_planned_meeting_and_its_cases(
    qtbot: QtBot, archive: Archive
) -> None:
    now = dt.datetime(2030, 5, 1, 12, tzinfo=dt.UTC)
    with archive.session() as session:
        kelly = Serviceman(surname="Kelly", given_names="Thomas")
        other = Serviceman(surname="Adams", given_names="John")
        past, later, soon, cancelled = (
            Meeting(
                title=title,
                meeting_type=MeetingType.FAMILY_MEMBER_UPDATE,
                status=status,
                starts_at=now + dt.timedelta(days=days),
            )
            for title, days, status in (
                ("Spring update", -30, MeetingStatus.HELD),
                ("Annual briefing", 90, MeetingStatus.PLANNED),
                ("June update", 40, MeetingStatus.PLANNED),
                ("Cancelled", 5, MeetingStatus.CANCELLED),
            )
        )
        soon.cases.append(kelly)
        later.cases.append(other)
        session.add_all([kelly, other, past, later, soon, cancelled])
        session.flush()
        soon_id, kelly_id, other_id = soon.id, kelly.id, other.id
    dialog = PacketDialog(archive, None, now=now)
    qtbot.addWidget(dialog)
    assert dialog.meeting_box.currentData() == soon_id
    assert dialog.checked_case_ids() == (kelly_id,)
    # Opened on another case (the one selected in the Cases list): that case too.
    with_case = PacketDialog(archive, None, case_id=other_id, now=now)
    qtbot.addWidget(with_case)
    assert with_case.meeting_box.currentData() == soon_id
    assert set(with_case.checked_case_ids()) == {kelly_id, other_id}
    # Choosing another meeting ticks its cases too.
    dialog.meeting_box.setCurrentIndex(
        dialog.meeting_box.findText("Annual briefing", Qt.MatchFlag.MatchStartsWith)
    )
    assert set(dialog.checked_case_ids()) == {kelly_id, other_id}


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
    assert isinstance(preview, PacketPreviewDialog)
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
    with demo_archive.reader() as session:  # printed, then saved: one run, a summary
        run = session.scalars(select(PacketRun).order_by(PacketRun.id.desc())).first()
        assert run is not None and run.kind == "summary" and run.case_ids == [case_id]
    temporary = preview.preview.path
    preview.close()
    preview.done(0)
    assert not temporary.exists()  # the preview's own file goes with it
