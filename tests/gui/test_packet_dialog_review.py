"""The packet's preview says what each section holds beside the pages."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Meeting
from powmia_desktop.gui.packets import PacketDialog


def test_preview_lists_each_section_with_its_count(qtbot: QtBot, demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        meeting_id = session.scalar(select(Meeting.id).where(Meeting.status == "planned"))
    dialog = PacketDialog(demo_archive, None, case_id=1, meeting_id=meeting_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.audience_box.setCurrentIndex(dialog.audience_box.findText("Press"))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    preview = dialog.preview_dialog
    assert preview is not None
    qtbot.addWidget(preview)
    lines = preview.contents_lines()
    assert "Case summaries: 1 case: Cpl. Roger A. Dumas" in lines
    assert any(line.startswith("Meeting and agenda: Family Member Update") for line in lines)
    assert any(line.startswith("Questions for this meeting: ") for line in lines)
    assert any(line.startswith("Sources: ") and line.endswith(" sources") for line in lines)
    assert len(lines) == len(dialog.current_template().sections)
    assert "replaced by a short mark" not in preview.log_summary.text()
