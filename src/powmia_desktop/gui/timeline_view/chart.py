"""The timeline chart with its bar: lanes by category or by case, zoom, show all, export.

``TimelineChart(reader)`` shows the archive's timeline, or one case's after
``show_case(id)``; the lanes and counts are read on a thread of their own (a second or two
for 500,000 events) and ``loaded`` is emitted when they are shown. ``event_clicked(id)``
says which event was clicked. ``export(path)`` writes what is in view as a PNG or SVG
picture, every lane included.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollBar,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.gui.off_thread import Job, Latest
from powmia_desktop.gui.timeline_view.canvas import TimelineCanvas
from powmia_desktop.gui.timeline_view.reads import POLL_MS, Reader
from powmia_desktop.logs import log_unexpected
from powmia_desktop.services.timeline_chart import (
    BY_CASE,
    BY_CATEGORY,
    CASE_LANES,
    ChartData,
    load_chart,
)

HINT = "Wheel or +/− to zoom, drag to move, click an event to open it"
#: how long typing in the cases' filter pauses before the lanes are read again
FILTER_WAIT_MS = 300


class TimelineChart(QWidget):
    event_clicked = Signal(int)
    #: the lanes and counts asked for are read and shown
    loaded = Signal()

    def __init__(self, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.case_id: int | None = None
        self._keep_view = False
        #: the lanes and counts being read; a newer read drops the one in flight
        self._reads: Latest[ChartData] = Latest(
            self, self._arrived, poll_ms=POLL_MS, name="timeline chart"
        )
        self.canvas = TimelineCanvas(reader, self)
        self.canvas.event_clicked.connect(self.event_clicked)
        self.canvas.view_changed.connect(self._say_where)
        self.lanes = QComboBox(self)
        self.lanes.addItem("Lanes by category", BY_CATEGORY)
        self.lanes.addItem("Lanes by case", BY_CASE)
        self.lanes.currentIndexChanged.connect(self._lanes_chosen)
        #: which cases have lanes, by their names (lanes by case across the archive)
        self.cases_filter = QLineEdit(self)
        self.cases_filter.setPlaceholderText("Filter cases…")
        self.cases_filter.setAccessibleName("Filter the cases drawn as lanes")
        self.cases_filter.setToolTip(
            f"Lanes for the {CASE_LANES} cases with the most events whose names hold these words"
        )
        self.cases_filter.setClearButtonEnabled(True)
        self.cases_filter.setMaximumWidth(220)
        self.cases_filter.textChanged.connect(self._filter_typed)
        self._filter_wait = QTimer(self)
        self._filter_wait.setSingleShot(True)
        self._filter_wait.setInterval(FILTER_WAIT_MS)
        self._filter_wait.timeout.connect(self.reload)
        self.canvas.more_clicked.connect(self._ask_filter)
        buttons = []
        for text, tip, slot in (
            ("−", "Zoom out (−)", self.zoom_out),
            ("+", "Zoom in (+)", self.zoom_in),
            ("Show all", "Show the whole timeline (Home)", self.canvas.fit),
            ("Export…", "Save the chart as a PNG or SVG picture", self.choose_export),
        ):
            button = QPushButton(text, self)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.append(button)
        self.zoom_out_button, self.zoom_in_button, self.fit_button, self.export_button = buttons
        for button in (self.zoom_out_button, self.zoom_in_button):
            button.setFixedWidth(32)
        self.status = QLabel(HINT, self)
        self.status.setStyleSheet("color: #666;")
        # never wider than the pane leaves it: the chart beside a case's form stays in view;
        # what does not fit goes on a second line (a large text size), not cut off
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.lanes)
        bar.addWidget(self.cases_filter)
        for button in buttons:
            bar.addWidget(button)
        bar.addWidget(self.status, 1)
        #: scrolls the lanes when they are taller than the chart (as Up/Down and Shift+wheel)
        self.lane_scroll = QScrollBar(Qt.Orientation.Vertical, self)
        self.lane_scroll.valueChanged.connect(self._scrolled)
        self.canvas.height_changed.connect(self._fit_scroll)
        self.canvas.view_changed.connect(self._fit_scroll)
        body = QHBoxLayout()
        body.setSpacing(0)
        body.addWidget(self.canvas, 1)
        body.addWidget(self.lane_scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(body, 1)
        self._fit_scroll()
        self._show_filter()

    def _fit_scroll(self) -> None:
        hidden = int(max(self.canvas.needed - self.canvas.height(), 0))
        self.lane_scroll.blockSignals(True)
        self.lane_scroll.setRange(0, hidden)
        self.lane_scroll.setPageStep(max(self.canvas.height(), 1))
        self.lane_scroll.setSingleStep(18)
        self.lane_scroll.setValue(int(self.canvas.top))
        self.lane_scroll.blockSignals(False)
        self.lane_scroll.setVisible(hidden > 0)

    # Slots are methods, not lambdas holding ``self``: a chart must not live on in a
    # reference cycle for the collector to free on some other thread.
    def zoom_in(self) -> None:
        self.canvas.zoom(1.5)

    def zoom_out(self) -> None:
        self.canvas.zoom(1 / 1.5)

    def _scrolled(self, value: int) -> None:
        self.canvas.set_top(float(value))

    def _lanes_chosen(self, _index: int) -> None:
        self._show_filter()
        self.reload()

    def _show_filter(self) -> None:
        self.cases_filter.setVisible(self.by == BY_CASE and self.case_id is None)

    def _filter_typed(self, _text: str) -> None:
        self._filter_wait.start()  # read again once the typing pauses

    def _ask_filter(self) -> None:
        self.cases_filter.setFocus(Qt.FocusReason.OtherFocusReason)
        self.cases_filter.selectAll()

    @property
    def by(self) -> str:
        return str(self.lanes.currentData())

    def show_case(self, case_id: int | None) -> None:
        """Show case ``case_id``'s events (None: every case's), all of them in view."""
        self.case_id = case_id
        self._show_filter()
        self._read(keep_view=False)

    def reload(self) -> None:
        """Read the lanes and counts again (after an edit), keeping the days in view."""
        self._read(keep_view=self.canvas.data is not None)

    def _read(self, *, keep_view: bool) -> None:
        reader, case_id, by = self.reader, self.case_id, self.by
        like = self.cases_filter.text() if self.cases_filter.isVisibleTo(self) else ""
        self._keep_view = keep_view

        def read(_obsolete: object) -> ChartData:
            with reader() as session:
                return load_chart(session, case_id=case_id, by=by, cases_like=like)

        self.status.setText("Reading the timeline…")
        self.canvas.loading = True
        self.canvas.update()
        self._reads.run(read)

    def _arrived(self, job: Job[ChartData]) -> None:
        self.canvas.loading = False
        self.canvas.update()
        try:
            data = job.result.result()
        except PowmiaError as problem:
            self.status.setText(str(problem))
            return
        except Exception as problem:  # one line for the person; the details logged
            self.status.setText(
                f"Unexpected error ({type(problem).__name__}); see {log_unexpected(problem)}"
            )
            return
        keep = (self.canvas.low, self.canvas.high)
        self.canvas.set_data(data)
        if self._keep_view and data.total:
            self.canvas.set_view(*keep)
        self._say_where()
        self.loaded.emit()

    def _say_where(self) -> None:
        data = self.canvas.data
        if data is None:
            return
        shown = f"{data.total:,} dated event" + ("" if data.total == 1 else "s")
        if self.by == BY_CASE and self.case_id is None:
            like = self.cases_filter.text().strip()
            cases = len(data.lanes) + data.more_lanes
            named = f" named “{like}”" if like else ""
            if data.more_lanes:
                shown = (
                    f"{len(data.lanes)} of {cases:,} cases{named} (those with the most "
                    f"events): {shown}"
                )
            else:
                shown = f"{cases:,} case{'' if cases == 1 else 's'}{named}: {shown}"
        mode = "" if self.canvas.in_detail() else " · counts per bar (zoom in for events)"
        self.status.setText(f"{shown}{mode} · {HINT}")
        self.status.setToolTip(self.status.text())  # the whole of it, in a narrow pane too

    # -- pictures ---------------------------------------------------------------------
    def picture_size(self) -> QSize:
        """The canvas's width, tall enough for every lane (the events in view read first:
        a picture shows them all, not what a frame had at hand)."""
        self.canvas.read_now()
        width = max(self.canvas.width(), 900)
        image = QImage(1, 1, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        try:
            needed = self.canvas.paint(painter, float(width), 1.0)
        finally:
            painter.end()
        return QSize(width, max(int(needed) + 12, 240))

    def render_image(self) -> QImage:
        size = self.picture_size()
        image = QImage(size, QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        try:
            self.canvas.paint(painter, float(size.width()), float(size.height()))
        finally:
            painter.end()
        self.canvas.update()  # the picture's drawing replaced what a click would find
        return image

    def export(self, path: Path) -> None:
        """Write the chart as ``path`` (an SVG picture for .svg, a PNG otherwise)."""
        if path.suffix.lower() == ".svg":
            size = self.picture_size()
            generator = QSvgGenerator()
            generator.setFileName(str(path))
            generator.setSize(size)
            generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
            generator.setTitle("Timeline")
            painter = QPainter(generator)
            try:
                self.canvas.paint(painter, float(size.width()), float(size.height()))
            finally:
                painter.end()
            self.canvas.update()
        elif not self.render_image().save(str(path), "PNG"):  # type: ignore[call-overload]
            raise PowmiaError(f"Could not write the picture {path}")
        if not path.exists() or path.stat().st_size == 0:
            raise PowmiaError(f"Could not write the picture {path}")

    def choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export the timeline", "timeline.png", "PNG picture (*.png);;SVG picture (*.svg)"
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_suffix(".png")
        try:
            self.export(path)
        except PowmiaError as error:
            QMessageBox.warning(self, "Cannot export the timeline", str(error))
            return
        self.status.setText(f"Saved {path.name}")
