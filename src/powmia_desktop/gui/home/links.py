"""The pieces the home page is made of: a heading, a box of lines, and a line that opens
a record when clicked (or when Enter or Space is pressed on it)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from powmia_desktop.gui.fonts import scaled_font
from powmia_desktop.services.home import HomeItem


def plain_label(text: str, parent: QWidget, *, quiet: bool = False, wrap: bool = True) -> QLabel:
    """A label for text from the archive: never read as markup; ``quiet`` greys it."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if quiet:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class RecordLink(QPushButton):
    """A flat button naming a record; its text is cut to fit with "…" (the whole of it
    in the tooltip and for screen readers)."""

    chosen = Signal(str, int)

    def __init__(self, item: HomeItem, parent: QWidget) -> None:
        super().__init__(parent)
        self.item = item
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(item.text)
        self.setAccessibleName(item.text)
        if item.detail:
            self.setAccessibleDescription(item.described)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setStyleSheet(
            "QPushButton { text-align: left; padding: 2px 4px; color: palette(link); }"
            "QPushButton:hover, QPushButton:focus { text-decoration: underline; }"
        )
        self.setText(item.text)
        self.setEnabled(item.record_id > 0)
        self.clicked.connect(lambda: self.chosen.emit(item.kind, item.record_id))

    def resizeEvent(self, event: QResizeEvent) -> None:
        room = max(event.size().width() - 12, 20)
        self.setText(
            self.fontMetrics().elidedText(self.item.text, Qt.TextElideMode.ElideRight, room)
        )
        super().resizeEvent(event)


class ElidedLabel(QLabel):
    """A quiet one-line label that gives up width first, cut with "…" (whole in the tooltip,
    or ``tip`` when the line says it short)."""

    def __init__(self, text: str, parent: QWidget, tip: str = "") -> None:
        super().__init__(text, parent)
        self.full = text
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setToolTip(tip or text)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # short details ("due 15 Feb 2027", "yesterday 14:02") are shown whole
        metrics = self.fontMetrics()
        whole = metrics.horizontalAdvance(text) + 2
        self.setMinimumWidth(min(whole, metrics.horizontalAdvance("due 30 Sep 2000 ")))

    def resizeEvent(self, event: QResizeEvent) -> None:
        metrics = self.fontMetrics()
        self.setText(
            metrics.elidedText(self.full, Qt.TextElideMode.ElideRight, event.size().width())
        )
        super().resizeEvent(event)


class Box(QFrame):
    """A titled part of the page holding lines of records (or a word saying there are none)."""

    chosen = Signal(str, int)

    def __init__(self, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("home-box")
        self.title = plain_label(title, self, wrap=False)
        self.title.setFont(scaled_font(self, 1.15))
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(12, 10, 12, 12)
        self.body.addWidget(self.title)

    def add_button(self, button: QPushButton) -> None:
        """A button on a line of its own, at the left (not stretched across the box)."""
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        self.body.addLayout(row)

    def add_list(self, heading: str, items: list[HomeItem], empty: str, more: int = 0) -> None:
        """A sub-heading (when given), a line per item with its detail beside it, and
        ``empty`` when there are no items; ``more`` says how many were left out."""
        if heading:
            label = plain_label(heading, self, wrap=False)
            label.setFont(scaled_font(self, 1.0))
            self.body.addWidget(label)
        if not items:
            self.body.addWidget(plain_label(empty, self, quiet=True))
            return
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(0)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 1)
        for row, item in enumerate(items):
            link = RecordLink(item, self)
            link.chosen.connect(self.chosen)
            grid.addWidget(link, row, 0)
            if item.detail:
                grid.addWidget(ElidedLabel(item.detail, self, item.described), row, 1)
        self.body.addLayout(grid)
        if more > 0:
            self.body.addWidget(plain_label(f"and {more:,} more", self, quiet=True))
