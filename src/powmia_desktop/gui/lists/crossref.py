"""The Cross-reference tab: the list shown against its previous edition, another list or a
status, as a table; saved as CSV, JSON or PDF like ``powmia crossref``.

What the tab shows is cut for the audience chosen beside it, by the rules a packet's
cross-reference section follows (services/lists/packet.py): a man on the list the audience
may not read about is left out and counted, never shown. The file saved is what is shown."""

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
from powmia_desktop.services.audience import Audience
from powmia_desktop.services.exporting.files import write_atomically, write_bytes
from powmia_desktop.services.lists import crossref, crossref_files
from powmia_desktop.services.lists.crossref import CrossRef, ListRef
from powmia_desktop.services.lists.overview import list_names
from powmia_desktop.services.lists.packet import read_by
from powmia_desktop.services.packets import list_audiences

#: The audience chosen first: the family's, as ``powmia crossref`` cuts by default.
FIRST_AUDIENCE = "Extended family"


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
        #: the cross-reference as worked out, and as the audience chosen may read it
        self.full: CrossRef | None = None
        self.result: CrossRef | None = None
        self.withheld = 0
        self.audiences: list[Audience] = []
        self.choice = QComboBox(self)
        self.choice.setAccessibleName("Compare with")
        self.audience_box = QComboBox(self)
        self.audience_box.setAccessibleName("Shown for")
        self.audience_box.setToolTip("Show only what this audience may read, as a packet would")
        self.audience_box.currentIndexChanged.connect(lambda _: self._show(self.full))
        for box in (self.choice, self.audience_box):  # long names shorten, not widen the pane
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(8)
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
        top = QHBoxLayout()  # two rows, so a large text size does not widen the pane
        top.addWidget(QLabel("Compare with:", self))
        top.addWidget(self.choice, 1)
        second = QHBoxLayout()
        second.addWidget(QLabel("For:", self))
        second.addWidget(self.audience_box, 1)
        second.addWidget(self.show_button)
        second.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.save_button.setEnabled(False)

    def show_list(self, session: Session, source: ListRef | None) -> None:
        """Offer what the list can be compared with; the last result is cleared."""
        self.source, self.full = source, None
        self._offer_audiences(session)
        current = self.choice.currentData()
        self.choice.clear()
        if source is not None:
            self.choice.addItem("Its previous edition (added, left, changed)", "editions:")
            for other_id, title in list_names(session):
                if other_id != source.source_id:
                    self.choice.addItem(f"The list {title}", f"against:{other_id}")
            self.choice.addItem("Cases carried as presumed dead", "status:presumed dead")
            for status in CasualtyStatus:
                self.choice.addItem(f"Cases carried as {status.label}", f"status:{status.value}")
            self.choice.setCurrentIndex(max(self.choice.findData(current), 0))
        self.show_button.setEnabled(source is not None)
        self._show(None)

    def _offer_audiences(self, session: Session) -> None:
        kept = self.audience_box.currentText() or FIRST_AUDIENCE
        self.audiences = list_audiences(session)
        self.audience_box.blockSignals(True)
        self.audience_box.clear()
        for audience in self.audiences:
            self.audience_box.addItem(audience.name)
            self.audience_box.setItemData(
                self.audience_box.count() - 1, audience.describe(), Qt.ItemDataRole.ToolTipRole
            )
        self.audience_box.setCurrentIndex(max(self.audience_box.findText(kept), 0))
        self.audience_box.blockSignals(False)

    def audience(self) -> Audience | None:
        """The audience the tab shows the cross-reference for (None: the archive has none)."""
        index = self.audience_box.currentIndex()
        return self.audiences[index] if 0 <= index < len(self.audiences) else None

    def choose_audience(self, name: str) -> None:
        self.audience_box.setCurrentIndex(self.audience_box.findText(name))

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

    def _show(self, full: CrossRef | None) -> None:
        """Show ``full`` as the audience chosen may read it (a copy, cut)."""
        self.full = full
        audience = self.audience()
        result = copy.deepcopy(full) if full is not None else None
        self.withheld = 0
        if result is not None and audience is not None:
            result, self.withheld = read_by(result, audience)
        elif result is not None:
            self.withheld = crossref.restrict(result, lambda _: False)
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
        left_out = ""
        if self.withheld and audience is not None:
            noun = "man" if self.withheld == 1 else "men"
            left_out = f" ({self.withheld:,} {noun} not shown: beyond {audience.describe()})"
        self.summary.setText(
            result.title
            + ": "
            + "; ".join(f"{g.heading}: {len(g.rows):,}" for g in result.groups)
            + left_out
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
        """Write the result shown (cut for its audience); the file's ending says how (.csv,
        .json, else PDF)."""
        assert self.result is not None
        result, withheld = self.result, self.withheld
        audience = self.audience()
        suffix = path.suffix.lower()
        if suffix == ".csv":
            crossref_files.write_csv_file(path, result, overwrite=True)
        elif suffix == ".json":
            crossref_files.write_json_file(path, result, overwrite=True)
        else:
            from powmia_desktop.reports.crossref import render_crossref

            name = audience.name if audience is not None else ""
            pdf = render_crossref(result, audience_name=name, withheld=withheld).pdf
            target = path if suffix == ".pdf" else path.with_suffix(".pdf")
            write_atomically(target, lambda handle: write_bytes(handle, pdf), True)

    def _open(self, index: object) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            case_id = self.model.row_at(row).case_id
            if case_id is not None:
                self.open_record.emit("case", case_id)
