"""The main window's pages: each section's list and its editor (or its pane), the sidebar
that switches between them, and opening a record in its section."""

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QStackedWidget

from powmia_desktop.gui.editor import RecordEditor
from powmia_desktop.gui.window import records

if TYPE_CHECKING:
    from powmia_desktop.gui.main_window import MainWindow

#: The sidebar's row of the home page; a section's row is its place in the sections plus one.
HOME_ROW = 0
#: Which section shows each kind of search result.
KIND_SECTION = {
    "case": "cases",
    "contact": "contacts",
    "meeting": "meetings",
    "event": "timeline",
    "source": "sources",
    "task": "tasks",
    "question": "questions",
    "list": "lists",
    "campaign": "campaigns",
    "correspondence": "correspondence",
}


def build_pages(window: "MainWindow") -> None:
    """The sidebar, the stack of lists and the stack of editors (or panes) beside them."""
    window.sidebar = QListWidget(window)
    window.sidebar.setObjectName("sidebar")
    window.sidebar.addItems(["Home"] + [s.title for s in window.sections])
    window.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    window.sidebar.setStyleSheet("QListWidget#sidebar::item { padding: 8px 10px; }")
    window.lists = QStackedWidget(window)
    window.details = QStackedWidget(window)
    for section in window.sections:
        window.lists.addWidget(section.page)
        section.page.loaded.connect(lambda s=section: records.settle(window, s))
        if section.editor is not None:
            editor = RecordEditor(section.editor, window.ops, window)
            editor.saved.connect(lambda record_id, s=section: s.page.select_id(record_id))
            for panel in editor.panels:
                panel.open_record.connect(window.open_record)
            window.editors[section.key] = editor
            window.details.addWidget(editor)
            section.page.record_selected.connect(
                lambda record_id, s=section: window.select_record(s, record_id)
            )
            editor.new_requested.connect(window.new_record)
        elif section.detail is not None:
            detail = section.detail(window.ops, window)
            detail.open_record.connect(window.open_record)
            window.section_details[section.key] = detail
            window.details.addWidget(detail)
            section.page.record_selected.connect(detail.show_record)
            if section.opens:
                section.page.record_activated.connect(
                    lambda record_id, kind=section.opens: window.open_record(kind, record_id)
                )
        else:
            hint = QLabel("Editing of this section comes in a later version.", window)
            hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
            hint.setStyleSheet("color: #666;")
            window.details.addWidget(hint)
    window.sidebar.currentRowChanged.connect(lambda row: show_row(window, row))


def show_row(window: "MainWindow", row: int) -> None:
    """Show the sidebar's ``row``: the home page, or a section's list beside its editor,
    with the actions that make sense there."""
    if row < 0:
        return
    if row == HOME_ROW:
        window.pages.setCurrentWidget(window.home)
        if window.home_stale:
            window.refresh_home()
        window.save_action.setEnabled(False)
        window.delete_action.setEnabled(False)
        window.export_action.setEnabled(False)
        return
    section = window.sections[row - 1]
    window.pages.setCurrentWidget(window.splitter)
    window.lists.setCurrentIndex(row - 1)
    window.details.setCurrentIndex(row - 1)
    records.settle(window, section)
    editor = window.editors.get(section.key)
    window.new_action.setEnabled(editor is not None)
    window.save_action.setEnabled(editor is not None)
    window.delete_action.setEnabled(True)
    window.export_action.setEnabled(True)


def open_record(window: "MainWindow", kind: str, record_id: int) -> None:
    """Show a record in its section ("case", "task", …; a place opens what is there)."""
    if kind == "place":
        records.open_place(window, record_id)
        return
    key = KIND_SECTION.get(kind)
    if key is None:
        return
    window.show_section(key)
    page = window.section(key).page
    page.filter_edit.clear()
    page.select_id(record_id)
