"""Words in the middle of an empty table: what it would hold and how to fill it, so an
empty list never looks like one that failed to load."""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QLabel

#: The gap between the note and the table's edges, in pixels.
_MARGIN = 12


class EmptyNote(QLabel):
    """Shown over ``view`` while its model has no rows; ``text()`` gives the words then
    (an empty string shows nothing: the list is still loading, say)."""

    def __init__(self, view: QAbstractItemView, text: Callable[[], str]) -> None:
        super().__init__(view.viewport())
        self.setObjectName("empty-note")
        self._view = view
        self._text = text
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        model = view.model()
        model.modelReset.connect(self.refresh)
        model.rowsInserted.connect(self.refresh)
        model.rowsRemoved.connect(self.refresh)
        model.layoutChanged.connect(self.refresh)
        view.viewport().installEventFilter(self)
        self.refresh()

    def refresh(self) -> None:
        text = self._text() if self._view.model().rowCount() == 0 else ""
        self.setText(text)
        self.setVisible(bool(text))
        self._fit()

    def _fit(self) -> None:
        area = self._view.viewport().rect()
        self.setGeometry(area.adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False
