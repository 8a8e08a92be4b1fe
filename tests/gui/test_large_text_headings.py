"""A record's heading at a large text size: a long title takes at most two lines, shortened
with "…" (whole in its tooltip and in ``text()``), so the record's fields stay in view; a
short one is shown as it is, and " (not saved)" is never the part cut. A section's own
heading (the disputed facts of a case) wraps rather than widen the window."""

from collections.abc import Callable

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from tests.helpers.large_text import LARGE, settle, shown_window, text_size

from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.editor import NOT_SAVED
from powmia_desktop.gui.fonts import scaled_font
from powmia_desktop.gui.heading import Heading
from powmia_desktop.gui.main_window import MainWindow

MakeWindow = Callable[[Archive], MainWindow]


def _lines(heading: Heading) -> float:
    return heading.height() / heading.fontMetrics().lineSpacing()


def test_a_long_title_takes_two_lines_at_a_large_text_size(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    with text_size(LARGE):
        window = shown_window(qtbot, make_window, demo_archive)
        for key in ("questions", "sources", "cases"):
            editor = window.editors[key]
            window.show_section(key)
            qtbot.waitUntil(lambda editor=editor: editor.record_id is not None, timeout=20_000)
            settle()
            heading = editor.heading
            assert isinstance(heading, Heading) and heading.text()
            assert _lines(heading) < 2.5, (key, heading.text())
            if key == "cases":  # short: whole, nothing to hover for
                assert heading.shown() == heading.text() == "Cpl. Roger A. Dumas"
                assert not heading.toolTip()
            else:
                shown = heading.shown()
                assert shown.endswith("…") and heading.text().startswith(shown[:-1])
                assert len(shown) >= 25 and heading.toolTip() == heading.text()


def test_the_part_kept_is_never_cut(qtbot: QtBot) -> None:
    with text_size(LARGE):
        holder = QWidget()
        qtbot.addWidget(holder)
        heading = Heading(holder, keep=NOT_SAVED)
        heading.setFont(scaled_font(heading, 1.45))
        holder.resize(3100, 300)
        holder.show()
        qtbot.waitExposed(holder)
        heading.resize(420, 200)
        title = "Will DPAA provide the list of 2,058 Last Seen Alive, with all unaccounted-for"
        heading.setText(title + NOT_SAVED)
        shown = heading.shown()
        assert shown.endswith("…" + NOT_SAVED) and title.startswith(shown.split("…")[0])
        assert heading.text() == title + NOT_SAVED and heading.toolTip() == heading.text()
        heading.resize(3000, 200)  # room for all of it
        assert heading.shown() == heading.text() and not heading.toolTip()


def test_the_disputed_facts_heading_wraps_rather_than_widen_the_window(
    qtbot: QtBot, demo_archive: Archive
) -> None:
    from sqlalchemy import select

    from powmia_desktop.db.models import Serviceman
    from powmia_desktop.gui.cases.disputed import DisputedDetail
    from powmia_desktop.gui.ops import ArchiveOps

    with text_size(LARGE):
        detail = DisputedDetail(ArchiveOps(demo_archive))
        qtbot.addWidget(detail)
        with demo_archive.reader() as session:
            detail.show_record(session.scalar(select(Serviceman.id)))
        heading = detail.heading
        assert heading.text() == "Disputed facts of Dumas, Roger A."
        whole = heading.fontMetrics().horizontalAdvance(heading.text())
        assert detail.minimumSizeHint().width() < whole, "the heading widens the pane"
