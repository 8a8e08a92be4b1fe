"""A date field that says what it understood as you type ("about Nov 1950").

Historical dates are typed as people write them; the field never rejects text: what it
cannot read as a date is kept as text, and it says so.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from powmia_desktop.core.fuzzydate import DateModifier, FuzzyDate, FuzzyDateError


class FuzzyDateEdit(QWidget):
    textChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText("e.g. 4 Nov 1950, Nov 1950, about 1953, 1954-1957")
        self.feedback = QLabel(self)
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback.setStyleSheet("color: #555;")
        self.feedback.setWordWrap(True)  # "Understood as: between … and …" may be long
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.feedback)
        self.setFocusProxy(self.line)
        self.line.textChanged.connect(self._changed)
        self._changed("")

    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:
        self.line.setText(text)

    def _changed(self, text: str) -> None:
        self.feedback.setText(describe(text))
        self.textChanged.emit(text)


def describe(text: str) -> str:
    """The line under the field: what the typed text will be kept as."""
    if not text.strip():
        return ""
    try:
        value = FuzzyDate.parse(text)
    except FuzzyDateError as error:
        return str(error)
    if value.modifier is DateModifier.TEXT_ONLY:
        try:
            FuzzyDate.parse_strict(text)
        except FuzzyDateError as error:
            return f"Kept as text: {error}"
        return "Kept as text (not a date this program can read)"
    return f"Understood as: {value.format()}"
