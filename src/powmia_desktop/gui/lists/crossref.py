"""The Cross-reference tab: the list shown against its previous edition, another list or a
status, as a table; saved as CSV, JSON or PDF like ``powmia crossref``."""

import copy
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.core.progress import Progress
from powmia_desktop.core.vocab import CasualtyStatus
from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.lists.common import row_table
from powmia_desktop.gui.tables import Column, RowTableModel
from powmia_desktop.gui.workers import run_job
from powmia_desktop.services.exporting.files import write_atomically, write_bytes
from powmia_desktop.services.lists import crossref, crossref_files
from powmia_desktop.services.lists.crossref import CrossRef, ListRef
from powmia_desktop.services.lists.overview import list_lists
from powmia_desktop.services.packets import find_audience

#: A saved file holds what the family may read, never private records (as ``powmia crossref``).
SAVED_FOR = "family"


class ShownRow(NamedTuple):
    group: str
    name: str
    case_id: int | None
    row_number: int | None
    first: str
    second: str


#: What the list is compared with: ("editions", ""), ("against", list id), ("status", words);
#: the combo keeps it as "kind:value" text.
Choice = tuple[str, str]


def _columns(first: str, second: str) -> list[Column[ShownRow]]:
    return [
        Column("Section", lambda r: r.group, width=230),
        Column("Name", lambda r: r.name, width=170),
        Column("Case", lambda r: str(r.case_id or ""), lambda r: r.case_id, width=50),
        Column("Row", lambda r: str(r.row_number or ""), lambda r: r.row_number, width=50),
        Column(first, lambda r: r.first, width=160),
        Column(second, lambda r: r.second),
    ]


class CrossRefPanel(QWidget):
    open_record = Signal(str, int)

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.source: ListRef | None = None
        self.result: CrossRef | None = None
        self.choice = QComboBox(self)
        self.choice.setAccessibleName("Compare with")
        self.show_button = QPushButton("Cross-reference", self)
        self.show_button.clicked.connect(self.run)
        self.save_button = QPushButton("Save…", self)
        self.save_button.setToolTip("Save as CSV, JSON or PDF")
        self.save_button.clicked.connect(self.choose_and_save)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.model: RowTableModel[ShownRow] = RowTableModel(_columns("", ""), self)
        self.table = row_table(self.model, self)
        self.table.doubleClicked.connect(self._open)
        top = QHBoxLayout()
        top.addWidget(QLabel("Compare with:", self))
        top.addWidget(self.choice, 1)
        top.addWidget(self.show_button)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.save_button.setEnabled(False)

    def show_list(self, session: Session, source: ListRef | None) -> None:
        """Offer what the list can be compared with; the last result is cleared."""
        self.source, self.result = source, None
        current = self.choice.currentData()
        self.choice.clear()
        if source is not None:
            self.choice.addItem("Its previous edition (added, left, changed)", "editions:")
            for other in list_lists(session):
                if other.id != source.source_id:
                    self.choice.addItem(f"The list {other.title}", f"against:{other.id}")
            self.choice.addItem("Cases carried as presumed dead", "status:presumed dead")
            for status in CasualtyStatus:
                self.choice.addItem(f"Cases carried as {status.label}", f"status:{status.value}")
            self.choice.setCurrentIndex(max(self.choice.findData(current), 0))
        self.show_button.setEnabled(source is not None)
        self._show(None)

    def choose(self, choice: Choice) -> None:
        self.choice.setCurrentIndex(self.choice.findData(":".join(choice)))

    def run(self) -> None:
        """Cross-reference as chosen; a comparison that cannot be made says why below."""
        if self.source is None:
            return
        kind, _, value = str(self.choice.currentData()).partition(":")
        source = self.source

        def work(progress: Progress) -> CrossRef:
            progress(0, 0, "Reading both sides…")
            with self.archive.reader() as session:
                if kind == "editions":
                    return crossref.between_editions(session, source)
                if kind == "against":
                    other = crossref.find_list(session, value)
                    return crossref.against(session, source, other)
                return crossref.with_status(session, source, value)

        try:
            result = run_job(self, "Cross-referencing", work)
        except PowmiaError as error:
            self._show(None)
            self.summary.setText(str(error))
            return
        self._show(result)

    def _show(self, result: CrossRef | None) -> None:
        self.result = result
        self.save_button.setEnabled(result is not None)
        if result is None:
            self.summary.setText("")
            self.model.columns = _columns("", "")
            self.model.set_rows([], lambda r: "")
            return
        self.model.columns = _columns(result.first_label, result.second_label)
        rows = [
            ShownRow(g.heading, r.name, r.case_id, r.row_number, r.first, r.second)
            for g in result.groups
            for r in g.rows
        ]
        self.model.set_rows(rows, lambda r: f"{r.group} {r.name}")
        self.summary.setText(
            result.title + ": " + "; ".join(f"{g.heading}: {len(g.rows):,}" for g in result.groups)
        )

    def choose_and_save(self) -> None:
        if self.result is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the cross-reference", "", "CSV (*.csv);;JSON (*.json);;PDF (*.pdf)"
        )
        if path:
            try:
                self.save(Path(path))
            except PowmiaError as error:
                QMessageBox.warning(self, "Cannot save the cross-reference", str(error))

    def save(self, path: Path) -> None:
        """Write the result shown; the file's ending says how (.csv, .json, else PDF)."""
        assert self.result is not None
        with self.archive.reader() as session:
            audience = find_audience(session, SAVED_FOR)
        result = copy.deepcopy(self.result)
        withheld = crossref.restrict(result, audience.allows)
        suffix = path.suffix.lower()
        if suffix == ".csv":
            crossref_files.write_csv_file(path, result, overwrite=True)
        elif suffix == ".json":
            crossref_files.write_json_file(path, result, overwrite=True)
        else:
            from powmia_desktop.reports.crossref import render_crossref

            pdf = render_crossref(result, audience_name=audience.name, withheld=withheld).pdf
            target = path if suffix == ".pdf" else path.with_suffix(".pdf")
            write_atomically(target, lambda handle: write_bytes(handle, pdf), True)

    def _open(self, index: object) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            case_id = self.model.row_at(row).case_id
            if case_id is not None:
                self.open_record.emit("case", case_id)
