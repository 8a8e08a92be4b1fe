"""Fonts relative to the application's, so headings grow with the text size a person
chose (never a fixed point or pixel size)."""

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget


def scaled_font(widget: QWidget, factor: float, *, bold: bool = True) -> QFont:
    """The widget's font grown by ``factor`` (and bold unless told otherwise)."""
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font
