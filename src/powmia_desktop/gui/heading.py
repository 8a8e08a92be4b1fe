"""A record's heading: bold and large, wrapped onto at most a few lines and shortened with
"…" past them, so a long title (a question, a source's full name) at a large text size
does not push the record's fields down the window. The whole title is in the tooltip,
and ``text()`` answers it whole."""

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

_ELLIPSIS = "…"


class Heading(QLabel):
    """A plain-text heading of at most ``lines`` lines; ``keep`` (a last part such as
    " (not saved)") is never cut when the title before it is."""

    def __init__(self, parent: QWidget | None = None, *, lines: int = 2, keep: str = "") -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.lines = lines
        self.keep = keep
        self.full = ""

    def text(self) -> str:
        """The whole heading, as set (not as shortened to fit)."""
        return self.full

    def shown(self) -> str:
        """The heading as drawn."""
        return QLabel.text(self)

    def setText(self, text: str) -> None:
        self.full = text
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def _fit(self) -> None:
        text, width = self.full, self.contentsRect().width() - 2
        shown = text
        if text and width > 0 and not self._fits(text, width):
            body, tail = text, ""
            if self.keep and text.endswith(self.keep):
                body, tail = text[: -len(self.keep)], self.keep
            low, high = 0, len(body)
            while low < high:  # the longest start of the title that fits with "…"
                middle = (low + high + 1) // 2
                if self._fits(body[:middle].rstrip() + _ELLIPSIS + tail, width):
                    low = middle
                else:
                    high = middle - 1
            shown = body[:low].rstrip() + _ELLIPSIS + tail
        self.setToolTip(text if shown != text else "")
        QLabel.setText(self, shown)

    def _fits(self, text: str, width: int) -> bool:
        metrics = self.fontMetrics()
        room = QRect(0, 0, width, 100_000)
        wrap = int(Qt.TextFlag.TextWordWrap)
        most = metrics.boundingRect(room, wrap, "\n".join("X" * self.lines)).height()
        return metrics.boundingRect(room, wrap, text).height() <= most
