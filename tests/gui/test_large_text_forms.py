"""The record forms at a large text size on a laptop screen: each tab's fields fit its width
(no sideways scrolling, no field cut at the right edge); a long choice, title or date
reading wraps or gives way instead of widening the form. A record tab's table widens its
columns with the text, never narrower than their headings."""

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QScrollArea
from pytestqt.qtbot import QtBot
from tests.helpers.large_text import LARGE, settle, shown_window, text_size

from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.fonts import BASE_POINTS
from powmia_desktop.gui.forms.form import FormWidget
from powmia_desktop.gui.main_window import MainWindow

MakeWindow = Callable[[Archive], MainWindow]


def test_every_form_fits_its_tab_at_a_large_text_size(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    with text_size(LARGE):
        window = shown_window(qtbot, make_window, demo_archive)
        wide: list[str] = []
        seen = 0
        for key, editor in window.editors.items():
            window.show_section(key)
            qtbot.waitUntil(lambda editor=editor: editor.record_id is not None, timeout=20_000)
            for tab in range(editor.tabs.count()):
                scroll = editor.tabs.widget(tab)
                if not isinstance(scroll, QScrollArea) or not isinstance(
                    scroll.widget(), FormWidget
                ):
                    continue
                editor.tabs.setCurrentIndex(tab)
                settle()
                seen += 1
                form = scroll.widget()
                if form.width() > scroll.viewport().width() + 1:
                    wide.append(f"{key}: {editor.tabs.tabText(tab)} ({form.width()} px)")
                for combo in form.findChildren(QComboBox):  # a field keeps room to be read
                    if combo.isVisible():
                        assert combo.width() >= combo.fontMetrics().averageCharWidth() * 12
        assert seen >= 15
        assert not wide, "wider than their tab: " + "; ".join(wide)


def test_a_panel_s_columns_grow_with_the_text_and_keep_their_headings(
    qtbot: QtBot, demo_archive: Archive
) -> None:
    from powmia_desktop.gui.cases.dna_panel import DonorHelperPanel
    from powmia_desktop.gui.ops import ArchiveOps

    with text_size(LARGE):
        panel = DonorHelperPanel(ArchiveOps(demo_archive))
        qtbot.addWidget(panel)
        table, columns = panel.table, panel.model.columns
        header = table.horizontalHeader()
        living = next(i for i, c in enumerate(columns) if c.header == "Living")
        for i, column in enumerate(columns[:-1]):  # the last stretches to the edge
            words = header.fontMetrics().horizontalAdvance(column.header)
            assert table.columnWidth(i) > words, column.header
            assert column.width is not None
            assert table.columnWidth(i) >= column.width * LARGE / BASE_POINTS - 1
        assert table.columnWidth(living) >= header.sectionSizeHint(living)
