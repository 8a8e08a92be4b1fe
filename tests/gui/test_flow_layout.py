"""A row of buttons wraps where its pane is narrow, each button whole, none on another."""

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from tests.helpers.large_text import settle

from powmia_desktop.gui.flow_layout import button_row


def _pane(qtbot: QtBot) -> tuple[QWidget, list[QPushButton]]:
    pane = QWidget()
    qtbot.addWidget(pane)
    texts = ("Same man as a case…", "New case from this row", "Reject row")
    buttons = [QPushButton(text, pane) for text in texts]
    layout = QVBoxLayout(pane)
    layout.addLayout(button_row(*buttons))
    layout.addStretch(1)
    return pane, buttons


def _lines(buttons: list[QPushButton]) -> int:
    return len({button.y() for button in buttons})


def test_a_wide_pane_has_the_buttons_on_one_line(qtbot: QtBot) -> None:
    pane, buttons = _pane(qtbot)
    pane.resize(pane.sizeHint().width() + 40, 200)
    pane.show()
    qtbot.waitExposed(pane)
    settle()
    assert _lines(buttons) == 1
    assert all(b.width() >= b.sizeHint().width() for b in buttons)


def test_a_narrow_pane_wraps_them_whole_and_apart(qtbot: QtBot) -> None:
    pane, buttons = _pane(qtbot)
    widest = max(b.sizeHint().width() for b in buttons)
    assert pane.minimumSizeHint().width() < sum(b.sizeHint().width() for b in buttons)
    pane.resize(widest + 30, 300)
    pane.show()
    qtbot.waitExposed(pane)
    settle()
    assert _lines(buttons) == 3
    assert all(b.width() >= b.sizeHint().width() for b in buttons)
    rects = [b.geometry() for b in buttons]
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])
    assert all(pane.rect().contains(r) for r in rects)  # the pane is tall enough for them
