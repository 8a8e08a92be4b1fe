"""Driving the window with the keyboard only: key presses go to the widget that has focus,
as a person's would; Tab moves on until focus reaches the control wanted (or fails)."""

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

Key = Qt.Key
NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def wait_for(condition: Callable[[], bool], what: str, timeout_ms: int = 10_000) -> None:
    """Let the event loop run until ``condition`` holds (a window activated, a job done)."""
    timer = QElapsedTimer()
    timer.start()
    while not condition():
        if timer.hasExpired(timeout_ms):
            raise AssertionError(f"waited {timeout_ms} ms for {what}")
        QTest.qWait(10)


def active(window: QWidget) -> None:
    """Wait until ``window`` is the active window: keys go to its focused widget then.

    When a dialog closes, a desktop's window manager activates the window below it; the
    offscreen platform the tests run on activates nothing, so this asks for it as the
    window manager would (the widget that had the focus there gets it back)."""
    if not window.isActiveWindow():
        window.activateWindow()
    wait_for(window.isActiveWindow, f"{type(window).__name__} to be active")


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = NO) -> None:
    QTest.keyClick(focused(), key, modifier)


def type_text(text: str) -> None:
    QTest.keyClicks(focused(), text)


def has_focus(target: QWidget) -> bool:
    widget = QApplication.focusWidget()
    return widget is not None and (widget is target or target.isAncestorOf(widget))


def tab_to(target: QWidget, *, limit: int = 120, back: bool = False) -> None:
    """Press Tab (Shift+Tab with ``back``) until ``target`` (or a part of it) has focus."""
    seen: list[str] = []
    for _ in range(limit):
        if has_focus(target):
            return
        seen.append(_name(focused()))
        press(Key.Key_Backtab if back else Key.Key_Tab)
    raise AssertionError(f"Tab never reaches {_name(target)}; it went {' > '.join(seen[:40])}")


def choose(combo: QComboBox, text: str) -> None:
    """With the focus on ``combo``: arrow keys from its first entry to the one shown as ``text``."""
    tab_to(combo)
    press(Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        press(Key.Key_Down)
    shown = [combo.itemText(i) for i in range(combo.count())]
    raise AssertionError(f"{text!r} is not among {shown}")


def _name(widget: QWidget) -> str:
    label = widget.accessibleName() or widget.objectName() or getattr(widget, "text", str)()
    return f"{type(widget).__name__}({label!s:.30})"
