"""The status bar's lasting counts (records, last backup), giving way to a passing message.

A status bar draws its passing message ("Saved", "Backed up to …") in what its lasting
widgets leave on the left, and at a large text size the counts alone fill most of a laptop
screen. So while a message is shown the counts ask only for the room the message leaves
them, and are shortened with "…"; their full text is always in the tooltip (and the
accessible description), and comes back whole when the message goes.
"""

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QMoveEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QStatusBar

#: Where QStatusBar draws its message: from 6 px in to 2 px before its first lasting widget.
MESSAGE_MARGINS = 6 + 2
#: A little more, so a message that just fits is not cut by a rounding.
_SLACK = 4
_ELLIPSIS = "…"
#: The divider before the counts and the size grip after them, about.
_DIVIDER_AND_GRIP = 40
#: What separates the counts: the text is shortened part by part.
_PARTS = " · "


class StatusCounts(QLabel):
    """The counts label, added with its divider as the bar's lasting widgets."""

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.bar = bar
        self.divider = QFrame(bar)  # keeps a message on the left apart from the counts
        self.divider.setFrameShape(QFrame.Shape.VLine)
        self.setObjectName("status-counts")
        self.setAccessibleName("Records and last backup")
        bar.addPermanentWidget(self.divider)
        bar.addPermanentWidget(self)
        bar.messageChanged.connect(lambda _message: self.updateGeometry())
        bar.installEventFilter(self)
        #: Once laid out: the room between the divider and the counts, and right of them
        #: (the size grip): what the bar's width less the message leaves the counts.
        self._gaps: tuple[int, int] | None = None
        self._measuring = False

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self.updateGeometry()

    def fitted(self, prefix: str, text: str) -> str:
        """A lasting message (the archive's place), ``text`` shortened in its middle to
        what the whole counts leave of the window's width, so that both are read."""
        whole = QLabel.sizeHint(self).width() + _DIVIDER_AND_GRIP
        metrics = self.bar.fontMetrics()
        room = self.window().width() - MESSAGE_MARGINS - _SLACK - whole
        room -= metrics.horizontalAdvance(prefix)
        least = metrics.horizontalAdvance(f"{text[:8]}{_ELLIPSIS}{text[-16:]}")
        return prefix + metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, max(room, least))

    def message_room(self) -> int:
        """The width the bar has for its passing message, as laid out now."""
        return self.divider.x() - MESSAGE_MARGINS

    def sizeHint(self) -> QSize:
        whole = super().sizeHint()
        message = self.bar.currentMessage()
        if not message or self._gaps is None:  # (never laid out yet: the whole text)
            return whole
        wanted = self.bar.fontMetrics().horizontalAdvance(message) + _SLACK
        left, right = self._gaps
        room = self.bar.width() - MESSAGE_MARGINS - wanted - left - right
        return QSize(max(self.minimumSizeHint().width(), min(whole.width(), room)), whole.height())

    def minimumSizeHint(self) -> QSize:
        least = super().minimumSizeHint()
        margins = self.contentsMargins()
        ellipsis = self.fontMetrics().horizontalAdvance(_ELLIPSIS)
        return QSize(ellipsis + margins.left() + margins.right(), least.height())

    def shown_text(self) -> str:
        """The text as drawn: whole, or its first parts that fit ("1 case · 26 contacts …"),
        or cut with "…" where not even the first part fits."""
        text, width, metrics = self.text(), self.contentsRect().width(), self.fontMetrics()
        parts = text.split(_PARTS)
        for count in range(len(parts), 0, -1):
            shown = _PARTS.join(parts[:count]) + ("" if count == len(parts) else f" {_ELLIPSIS}")
            if metrics.horizontalAdvance(shown) <= width:
                return shown
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment() | Qt.AlignmentFlag.AlignVCenter),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )
        painter.end()

    def _measure_later(self) -> None:
        """Measure the gaps once the bar has placed every widget (not halfway through)."""
        if not self._measuring:
            self._measuring = True
            QTimer.singleShot(0, self, self._measure)

    def _measure(self) -> None:
        self._measuring = False
        gaps = (self.x() - self.divider.x(), self.bar.width() - self.x() - self.width())
        if self.isVisible() and gaps != self._gaps:
            self._gaps = gaps
            self.updateGeometry()

    def moveEvent(self, event: QMoveEvent) -> None:
        super().moveEvent(event)
        self._measure_later()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._measure_later()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.bar and event.type() == QEvent.Type.Resize:
            self.updateGeometry()  # the room a message leaves changed with the bar
        return False
