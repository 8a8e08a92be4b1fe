"""Where the timeline chart is shown: a tab of the case editor, and a window of its own
for the whole archive. A click on an event opens it in the Timeline section's editor."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.gui.panels import RecordPanel
from powmia_desktop.gui.timeline_view.chart import TimelineChart


class CaseChartPanel(RecordPanel):
    """The case's events drawn on the timeline, lanes by category."""

    def __init__(self, ops: ArchiveOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.chart = TimelineChart(lambda: self.ops.archive.reader(), self)
        self.chart.event_clicked.connect(lambda event_id: self.open_record.emit("event", event_id))
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart)

    def load(self, record_id: int | None) -> None:
        self.setEnabled(record_id is not None)
        if record_id is None:
            self.chart.canvas.set_data(None)
            return
        same = record_id == self.chart.case_id and self.chart.canvas.data is not None
        self.chart.case_id = record_id
        if same:
            self.chart.reload()  # after an edit: keep the days in view
        else:
            self.chart.show_case(record_id)
            self.chart.canvas.fit()


class TimelineWindow(QWidget):
    """Every case's events on one timeline, in a window beside the main one."""

    open_event = Signal(int)

    def __init__(self, ops: ArchiveOps, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ops = ops
        self.setWindowTitle("Timeline chart")
        self.chart = TimelineChart(lambda: self.ops.archive.reader(), self)
        self.chart.event_clicked.connect(self.open_event)
        layout = QVBoxLayout(self)
        layout.addWidget(self.chart)
        self.resize(1200, 640)
        ops.changed.connect(lambda *_: self.refresh())

    def refresh(self) -> None:
        if self.isVisible():
            self.chart.reload()

    def showEvent(self, event: object) -> None:
        self.chart.show_case(None)
        super().showEvent(event)  # type: ignore[arg-type]

    def closeEvent(self, event: QCloseEvent) -> None:
        self.chart.canvas.set_data(None)  # the counts of a large archive are not kept
        super().closeEvent(event)
