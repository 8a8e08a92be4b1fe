"""Where the timeline chart is shown: a tab of the case editor, and a window of its own
for the whole archive. A click on an event opens it in the Timeline section's editor."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from powmia_desktop.gui.fonts import size_for_text
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.gui.panels import RecordPanel
from powmia_desktop.gui.timeline_view.chart import TimelineChart
from powmia_desktop.gui.timeline_view.reads import Reader


def archive_reader(ops: ArchiveOps) -> Reader:
    """Sessions on the archive open now (File > Open may change it), holding no widget."""
    return lambda: ops.archive.reader()


class CaseChartPanel(RecordPanel):
    """The case's events drawn on the timeline, lanes by category."""

    def __init__(self, ops: ArchiveOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.chart = TimelineChart(archive_reader(ops), self)
        self.chart.event_clicked.connect(self._open_event)
        self._wanted: int | None = None
        self.chart.lanes.hide()  # one case: its lanes are its categories
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart)

    def _open_event(self, event_id: int) -> None:
        self.open_record.emit("event", event_id)

    def load(self, record_id: int | None) -> None:
        self.setEnabled(record_id is not None)
        self._wanted = record_id
        if record_id is None:
            self.chart.case_id = None
            self.chart.canvas.set_data(None)
        elif self.isVisible():
            self._show_wanted()

    def _show_wanted(self) -> None:
        """Read the case's chart (only when the tab is seen: selecting cases stays quick)."""
        wanted = self._wanted
        if wanted is None:
            return
        if wanted == self.chart.case_id and self.chart.canvas.data is not None:
            self.chart.reload()  # after an edit: keep the days in view
        else:
            self.chart.show_case(wanted)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._wanted != self.chart.case_id or self.chart.canvas.data is None:
            self._show_wanted()


class TimelineWindow(QWidget):
    """Every case's events on one timeline, in a window beside the main one."""

    open_event = Signal(int)

    def __init__(self, ops: ArchiveOps, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ops = ops
        self._archive = ops.archive
        self.setWindowTitle("Timeline chart")
        self.chart = TimelineChart(archive_reader(ops), self)
        self.chart.event_clicked.connect(self.open_event)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart)
        self.resize(size_for_text(self, 1200, 640))
        ops.changed.connect(self._changed)

    def _changed(self, _table: str, _record_id: int) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read the chart again after a change (or, hidden, when next shown); after another
        archive was opened, nothing of the last one's is shown or read meanwhile."""
        if self.ops.archive is not self._archive:
            self._archive = self.ops.archive
            self.chart.canvas.set_data(None)
        if self.isVisible():
            self.chart.reload()
        else:
            self.chart.canvas.set_data(None)

    def showEvent(self, event: QShowEvent) -> None:
        if self.chart.canvas.data is None:
            self.chart.show_case(None)
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.chart.canvas.set_data(None)  # the counts of a large archive are not kept
        super().closeEvent(event)
