"""Fonts relative to the application's, so headings grow with the text size a person
chose (never a fixed point or pixel size); and window sizes that grow with it too."""

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

#: The text size, in points, that a window's size in pixels is chosen at (the program's
#: smallest: see app.py).
BASE_POINTS = 11.0
#: What a window leaves of the screen for the desktop's panel and its title bar.
SCREEN_MARGINS = QSize(40, 60)


def scaled_font(widget: QWidget, factor: float, *, bold: bool = True) -> QFont:
    """The widget's font grown by ``factor`` (and bold unless told otherwise)."""
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


def text_factor(widget: QWidget) -> float:
    """How much larger the widget's text is than ``BASE_POINTS`` (never less than 1)."""
    return max(widget.font().pointSizeF() / BASE_POINTS, 1.0)


def width_for_text(widget: QWidget, width: int) -> int:
    """``width`` (pixels chosen at ``BASE_POINTS``) grown with the widget's text size."""
    return round(width * text_factor(widget))


def size_for_text(widget: QWidget, width: int, height: int) -> QSize:
    """``width`` × ``height`` (pixels chosen at ``BASE_POINTS``) grown with the widget's
    text size, and no larger than the screen it is on."""
    wanted = QSize(width_for_text(widget, width), width_for_text(widget, height))
    screen = widget.screen()
    if screen is None:
        return wanted
    room = screen.availableGeometry().size() - SCREEN_MARGINS
    return wanted.boundedTo(room)
