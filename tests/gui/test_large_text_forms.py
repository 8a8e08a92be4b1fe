"""The record forms at a large text size on a laptop screen: each tab's fields fit its width
(no sideways scrolling, no field cut at the right edge); a long choice, title or date
reading wraps or gives way instead of widening the form."""

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QScrollArea
from pytestqt.qtbot import QtBot
from tests.helpers.large_text import LARGE, settle, shown_window, text_size

from powmia_desktop.db.archive import Archive
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
