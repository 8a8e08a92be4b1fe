"""The packet dialog and its preview at a large text size: every section's name is read
whole beside its tick box, a choice cut short is whole in its tooltip, and what is left out
says why in words, not a few letters a line."""

from PySide6.QtCore import QRect, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from tests.helpers.large_text import LARGE, WINDOW, settle, text_size

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Meeting, Serviceman
from powmia_desktop.gui.packets import PacketDialog
from powmia_desktop.gui.packets.preview import PacketPreviewDialog

#: Characters a line of a cell holds at least ("marked Private (never").
READ = 18


def _dialog(qtbot: QtBot, archive: Archive) -> PacketDialog:
    with archive.reader() as session:
        case_id = session.scalar(select(Serviceman.id))
        meeting_id = session.scalar(select(Meeting.id).where(Meeting.status == "planned"))
    dialog = PacketDialog(archive, None, case_id=case_id, meeting_id=meeting_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle()
    return dialog


def test_the_sections_names_are_whole_at_a_large_text_size(
    qtbot: QtBot, demo_archive: Archive
) -> None:
    with text_size(LARGE):
        dialog = _dialog(qtbot, demo_archive)
        dialog.resize(760, 600)  # narrower than a laptop's screen gives it
        settle()
        names = dialog.sections.list
        assert names.count() >= 10
        widest = max(
            names.fontMetrics().horizontalAdvance(names.item(i).text())
            for i in range(names.count())
        )
        assert names.viewport().width() >= names.sizeHintForColumn(0) > widest
        assert not names.horizontalScrollBar().isVisible()


def test_the_preview_says_why_in_words_at_a_large_text_size(
    qtbot: QtBot, demo_archive: Archive
) -> None:
    with text_size(LARGE):
        dialog = _dialog(qtbot, demo_archive)
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
        preview = dialog.preview_dialog
        assert isinstance(preview, PacketPreviewDialog)
        qtbot.addWidget(preview)
        preview.resize(WINDOW[0] - 40, WINDOW[1])
        qtbot.waitExposed(preview)
        settle()
        for table, words in ((preview.log_table, 3), (preview.contents_table, 1)):
            assert table.rowCount() >= 2
            metrics = table.fontMetrics()
            assert table.columnWidth(words) >= metrics.averageCharWidth() * READ
            assert all(
                table.columnWidth(c) <= table.viewport().width() // 2
                for c in range(table.columnCount())
                if c != words
            )
            room = QRect(0, 0, table.columnWidth(words) - 8, 10_000)
            for row in range(table.rowCount()):  # each row as tall as its wrapped words
                text = table.item(row, words).text()
                tall = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, text).height()
                assert table.rowHeight(row) >= tall, text


def test_the_cross_reference_choices_are_read_whole_at_a_large_text_size(
    qtbot: QtBot, demo_archive: Archive
) -> None:
    with text_size(LARGE):
        dialog = _dialog(qtbot, demo_archive)
        dialog.resize(1100, 700)  # as on a laptop's screen
        settle()
        options = dialog.crossref_options
        for combo in (options.list_box, options.against_box):
            text = combo.currentText()
            assert text, "nothing offered"
            arrow = combo.style().pixelMetric(combo.style().PixelMetric.PM_ScrollBarExtent)
            assert combo.width() >= combo.fontMetrics().horizontalAdvance(text) + arrow, text


def test_a_long_choice_cut_short_is_whole_in_its_tooltip(
    qtbot: QtBot, demo_archive: Archive
) -> None:
    with text_size(LARGE):
        dialog = _dialog(qtbot, demo_archive)
        for box in (dialog.template_box, dialog.audience_box, dialog.meeting_box):
            assert box.currentText() and box.toolTip() == box.currentText()
        meetings = dialog.meeting_box
        assert meetings.count() >= 2
        meetings.setCurrentIndex((meetings.currentIndex() + 1) % meetings.count())
        assert meetings.toolTip() == meetings.currentText()
