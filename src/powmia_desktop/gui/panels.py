"""Editor tabs that act at once rather than on Save: a record's attachments, a case's events.

Adding or removing an attachment is its own undoable step (gui/ops.py), so a file is never
lost because the form around it was not saved.
"""

import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.gui.fonts import width_for_text
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.gui.tables import Column, RowTableModel
from powmia_desktop.services import attachments
from powmia_desktop.services.attachment_lists import (
    AttachmentRow,
    LinkedEventRow,
    list_attachments,
    list_case_events,
)
from powmia_desktop.services.contacts import LinkToContactRow, links_to_contact
from powmia_desktop.services.values import date_text


class RecordPanel(QWidget):
    """A tab that shows something about the record loaded in the editor.

    ``open_record(kind, id)`` asks the window to show another record ("event", "contact").
    """

    open_record = Signal(str, int)

    def load(self, record_id: int | None) -> None:
        raise NotImplementedError


class SectionDetail(QWidget):
    """The pane beside a section's list that shows the chosen record without an editor
    (the Lists section); ``open_record(kind, id)`` as a RecordPanel's."""

    open_record = Signal(str, int)

    def show_record(self, record_id: int | None) -> None:
        raise NotImplementedError


def table_view(model: RowTableModel, parent: QWidget) -> QTableView:  # type: ignore[type-arg]
    table = QTableView(parent)
    table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    set_column_widths(table, model.columns)
    return table


def set_column_widths(table: QTableView, columns: Sequence[Column[Any]]) -> None:
    """The columns' widths (pixels chosen at the smallest text) grown with the text size,
    and never narrower than their headings."""
    header = table.horizontalHeader()
    for i, column in enumerate(columns):
        if column.width:
            width = max(width_for_text(table, column.width), header.sectionSizeHint(i))
            table.setColumnWidth(i, width)


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,.0f} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


ATTACHMENT_COLUMNS: list[Column[AttachmentRow]] = [
    Column("File", lambda r: r.original_name, width=240),
    Column("Caption", lambda r: r.caption, width=240),
    Column("Size", lambda r: _size(r.size), lambda r: r.size, align_right=True, width=90),
    Column("Who may see it", lambda r: r.sensitivity.label),
]


class AttachmentsPanel(RecordPanel):
    def __init__(self, ops: ArchiveOps, target: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.target = target
        self.record_id: int | None = None
        self.model: RowTableModel[AttachmentRow] = RowTableModel(ATTACHMENT_COLUMNS, self)
        self.table = table_view(self.model, self)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.add_button = QPushButton("Add file…", self)
        self.open_button = QPushButton("Open", self)
        self.remove_button = QPushButton("Remove", self)
        self.add_button.clicked.connect(self.choose_and_add)
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentIndex().row()))
        self.remove_button.clicked.connect(lambda: self.remove_row(self.table.currentIndex().row()))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def load(self, record_id: int | None) -> None:
        self.record_id = record_id
        self.setEnabled(record_id is not None)
        rows: list[AttachmentRow] = []
        if record_id is not None:
            with self.ops.archive.reader() as session:
                rows = list_attachments(session, self.target, record_id)
        self.model.set_rows(rows, haystack=lambda r: r.original_name)

    def choose_and_add(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Attach a file")
        if path:
            caption, ok = QInputDialog.getText(self, "Caption", "What is this file?")
            if ok:
                self.add(Path(path), caption)

    def add(self, path: Path, caption: str = "") -> None:
        record_id = self.record_id
        if record_id is None:
            return
        folder = self.ops.archive.location.attachments_dir
        owner: dict[str, Any] = {self.target: record_id}
        try:
            self.ops.perform(
                f"Attach {path.name}",
                "attachment",
                None,
                lambda session: (
                    attachments.attach_file(session, folder, path, caption=caption, **owner).id
                ),
            )
        except PowmiaError as error:
            QMessageBox.warning(self, "Cannot attach the file", str(error))
        self.load(record_id)

    def open_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        folder = self.ops.archive.location.attachments_dir
        entry = self.model.row_at(row)
        if folder is None:
            return
        stored = attachments.stored_path(folder, entry.sha256)
        if not stored.exists():
            QMessageBox.warning(
                self,
                "File missing",
                f"The file of {entry.original_name} is "
                "missing from the archive folder; run Check & repair.",
            )
            return
        # Programs choose by name, so open a copy that carries the original file name.
        copy = Path(tempfile.mkdtemp(prefix="powmia-open-")) / Path(entry.original_name).name
        shutil.copyfile(stored, copy)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))

    def remove_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        entry = self.model.row_at(row)
        answer = QMessageBox.question(
            self,
            "Remove attachment",
            f"Remove {entry.original_name} from this record now?\n\n"
            "You can undo this with Edit > Undo (Ctrl+Z).",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.ops.delete(f"Remove {entry.original_name}", "attachment", entry.id)
            self.load(self.record_id)


EVENT_COLUMNS: list[Column[LinkedEventRow]] = [
    Column("Date", lambda r: date_text(r.date), lambda r: r.date_sort, width=180),
    Column("Event", lambda r: r.title, width=420),
    Column("Role", lambda r: r.role.capitalize()),
]


#: Asks for a new event of a case (gui/timeline/new_event.py): its id, or None.
AddEvent = Callable[[QWidget, ArchiveOps, int], int | None]


class CaseEventsPanel(RecordPanel):
    """The timeline events a case takes part in; double-click opens one in the Timeline,
    "Add event…" makes a new one with the case among its people."""

    def __init__(
        self, ops: ArchiveOps, parent: QWidget | None = None, *, add_event: AddEvent | None = None
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self.case_id: int | None = None
        self._add_event = add_event
        self.model: RowTableModel[LinkedEventRow] = RowTableModel(EVENT_COLUMNS, self)
        self.table = table_view(self.model, self)
        self.table.doubleClicked.connect(
            lambda index: self.open_record.emit("event", self.model.row_at(index.row()).id)
        )
        self.add_button = QPushButton("Add event…", self)
        self.add_button.clicked.connect(self.add_event)
        self.add_button.setVisible(add_event is not None)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def add_event(self) -> None:
        if self._add_event is None or self.case_id is None:
            return
        if self._add_event(self, self.ops, self.case_id) is not None:
            self.load(self.case_id)

    def load(self, record_id: int | None) -> None:
        self.case_id = record_id
        self.add_button.setEnabled(record_id is not None)
        self.add_button.setToolTip(
            "A new event with this case among its people"
            if record_id is not None
            else "Save the case first, then add its events here"
        )
        rows: list[LinkedEventRow] = []
        if record_id is not None:
            with self.ops.archive.reader() as session:
                rows = list_case_events(session, record_id)
        self.model.set_rows(rows, haystack=lambda r: r.title)


LINK_COLUMNS: list[Column[LinkToContactRow]] = [
    Column("Who", lambda r: r.from_name, width=220),
    Column("This contact is", lambda r: r.words, width=200),
    Column("In their words", lambda r: r.their_words),
]


class LinksToContactPanel(RecordPanel):
    """Who names this contact in their own relationships (edited on their side);
    double-click opens that contact."""

    def __init__(self, ops: ArchiveOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.model: RowTableModel[LinkToContactRow] = RowTableModel(LINK_COLUMNS, self)
        self.table = table_view(self.model, self)
        self.table.doubleClicked.connect(
            lambda index: self.open_record.emit(
                "contact", self.model.row_at(index.row()).from_contact_id
            )
        )
        note = QLabel("Each of these is kept with the other contact: open them to change it.")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)

    def load(self, record_id: int | None) -> None:
        rows: list[LinkToContactRow] = []
        if record_id is not None:
            with self.ops.archive.reader() as session:
                rows = links_to_contact(session, record_id)
        self.model.set_rows(rows, haystack=lambda r: r.from_name)


PanelFactory = Callable[[ArchiveOps], RecordPanel]
