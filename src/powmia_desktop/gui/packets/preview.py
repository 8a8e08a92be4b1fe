"""A packet or case summary previewed beside what it leaves out, printed or saved from there.

On the left: what each section holds and what this audience will not see (the redaction
log); on the right: the PDF's pages with Print… and Save As… (gui/pdf_preview.py).

A packet built for the preview is not logged yet: the first print or save logs its run (as
``powmia packet`` does, with the audience and what was left out); closed unused, it leaves
no run behind.
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.pdf_preview import PdfPreviewDialog
from powmia_desktop.services import packets
from powmia_desktop.services.audience import RedactionLog

#: The field rules that also take details out of free text (services/audience/scrub.py).
_TEXT_RULES = ("hide_phones", "hide_emails", "hide_addresses")


class _Table(QTableWidget):
    """A read-only table whose stretching columns share the width the others leave; a
    column sized to its words takes at most its share of the width (longer words wrap), so
    a stretching column is never squeezed to a few letters at a large text size."""

    def __init__(self, headers: list[str], stretch: tuple[int, ...], parent: QWidget) -> None:
        super().__init__(0, len(headers), parent)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(True)
        self.stretch = stretch
        for column in stretch:
            self.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        # rows as tall as their wrapped text at the columns' final widths, not at the first ones
        self.horizontalHeader().sectionResized.connect(lambda *_: self.resizeRowsToContents())

    def fill(self, rows: list[tuple[str, ...]]) -> None:
        self.setRowCount(len(rows))
        for row, texts in enumerate(rows):
            for column, text in enumerate(texts):
                self.setItem(row, column, QTableWidgetItem(text))
        self.fit_columns()

    def fit_columns(self) -> None:
        share = max(self.viewport().width() // self.columnCount(), 1)
        for column in range(self.columnCount()):
            if column not in self.stretch:
                self.resizeColumnToContents(column)
                self.setColumnWidth(column, min(self.columnWidth(column), share))
        self.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()


def left_out_summary(cases: int, audience: str, log: RedactionLog) -> str:
    """One line above the log: for whom, and how much is left out."""
    head = f"{cases} case{'s' if cases != 1 else ''} for {audience}. "
    if not len(log):
        return head + "Nothing is left out."
    marks = any(e.rule in _TEXT_RULES and " in " in e.kind for e in log.entries)
    return (
        head
        + f"{len(log)} item{'s' if len(log) != 1 else ''} left out entirely (not blacked out)"
        + (
            "; a phone number, e-mail or street address inside text is replaced by a short mark:"
            if marks
            else ":"
        )
    )


class PacketPreviewDialog(PdfPreviewDialog):
    """The PDF beside what it holds and what it leaves out; Print… and Save As… above it."""

    def __init__(
        self,
        path: Path,
        title: str,
        data: packets.PacketData,
        parent: QWidget | None = None,
        *,
        temporary: bool = False,
        archive: Archive | None = None,
        result: packets.PacketResult | None = None,
    ) -> None:
        """``archive`` and an unlogged ``result``: log its run when printed or saved."""
        super().__init__(path, title, parent, temporary=temporary)
        self.archive = archive
        self.packet = result
        self.preview.saved.connect(lambda target: self.log_run(target.resolve()))
        self.preview.printed.connect(lambda printer: self.log_run(f"printed on {printer}"))
        side = QWidget(self)
        contents_box = QGroupBox("What each section holds", side)
        self.contents_table = _Table(["Section", "Holds"], (1,), contents_box)
        QVBoxLayout(contents_box).addWidget(self.contents_table)
        log_box = QGroupBox("What this audience will not see", side)
        self.log_summary = QLabel(log_box)
        self.log_summary.setTextFormat(Qt.TextFormat.PlainText)
        self.log_summary.setWordWrap(True)
        self.log_table = _Table(["Left out", "What", "Marked", "Why"], (3,), log_box)
        log_layout = QVBoxLayout(log_box)
        log_layout.addWidget(self.log_summary)
        log_layout.addWidget(self.log_table, 1)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(contents_box, 2)
        side_layout.addWidget(log_box, 3)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout = self.layout()
        assert layout is not None
        layout.removeWidget(self.preview)
        splitter.addWidget(side)
        splitter.addWidget(self.preview)
        layout.addWidget(splitter)
        self.show_data(data)
        screen = self.screen().availableGeometry()
        width = min(1400, screen.width() - 40)
        self.resize(width, min(900, screen.height() - 60))
        # halves: the tables' words beside a page read at its width
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([width // 2, width // 2])

    def log_run(self, where: Path | str) -> int | None:
        """Log the previewed packet's run (once: its copies share one run); its id."""
        if self.archive is None or self.packet is None:
            return None
        if self.packet.run_id is None:
            result = self.packet
            try:
                with self.archive.session() as session:
                    self.packet = packets.log_result(session, result, where)
            except PowmiaError as error:
                QMessageBox.warning(self, "The packet was not logged", str(error))
        return self.packet.run_id

    def show_data(self, data: packets.PacketData) -> None:
        contents = packets.section_contents(data)
        self.contents_table.fill([(s.label, s.text) for s in contents])
        log = data.log
        self.log_summary.setText(left_out_summary(len(data.cases), data.audience.describe(), log))
        self.log_table.fill(
            [
                (
                    e.kind,
                    e.label,
                    e.sensitivity.label if e.sensitivity is not None else "",
                    e.reason,
                )
                for e in log.entries
            ],
        )

    def contents_lines(self) -> list[str]:
        """What each section holds, as "Section: what it holds" lines."""
        table = self.contents_table
        return [f"{_cell(table, r, 0)}: {_cell(table, r, 1)}" for r in range(table.rowCount())]

    def left_out(self) -> dict[str, str]:
        """What is left out: the kind of each entry and why (the log as shown)."""
        table = self.log_table
        return {_cell(table, r, 0): _cell(table, r, 3) for r in range(table.rowCount())}


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""
