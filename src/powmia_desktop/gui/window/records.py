"""The records of the section shown: which one its editor opens, and deleting one."""

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.services.search import record_at_place

if TYPE_CHECKING:
    from powmia_desktop.gui.main_window import MainWindow
    from powmia_desktop.gui.sections import Section


def settle(window: "MainWindow", section: "Section") -> None:
    """An editor with nothing open shows the list's first record, or says there is none
    (never a greyed, empty form)."""
    editor = window.editors.get(section.key)
    page = section.page
    if editor is None:  # a section with a pane of its own beside its list: its first row
        has_pane = section.key in window.section_details
        if has_pane and page.selected_id() is None and page.model.rowCount():
            page.table.selectRow(0)
        return
    if editor.record_id is not None or editor.is_dirty():
        return
    if page.model.rowCount():
        # a model reset may leave a current row that never said so: open that one
        current = page.selected_id()
        if current is None:
            page.table.selectRow(0)
        else:
            window.select_record(section, current)
    else:
        editor.set_list_empty(page.model.total_count == 0 and page.read_yet)


def delete_current(window: "MainWindow") -> None:
    """Edit > Delete…: the record selected in the section shown, once confirmed (undoable)."""
    section = window.current
    record_id = section.page.selected_id()
    if record_id is None or not section.table or window.on_home:
        return
    editor = window.editors.get(section.key)
    name = editor.heading.text().removesuffix(" (not saved)") if editor else ""
    noun = section.page.noun.rstrip("s")
    answer = QMessageBox.question(
        window,
        f"Delete {noun}",
        f"Delete the {noun} {name} and everything recorded under it?\n\n"
        "You can undo this with Edit > Undo (Ctrl+Z).",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    if editor is not None:
        editor.clear()
    try:
        window.ops.delete(f"Delete {noun} {name}".strip(), section.table, record_id)
    except PowmiaError as error:
        QMessageBox.warning(window, f"Cannot delete the {noun}", str(error))


def open_place(window: "MainWindow", place_id: int) -> None:
    """A place found by the search: the first event there, else a case lost there."""
    with window.archive.reader() as session:
        found = record_at_place(session, place_id)
    if found is None:
        QMessageBox.information(
            window,
            "Place",
            "No timeline event or case is recorded at this place yet. Add an event on the "
            "Timeline and choose this place for it.",
        )
        return
    window.open_record(*found)
