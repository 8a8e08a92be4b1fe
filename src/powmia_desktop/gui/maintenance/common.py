"""Pieces both maintenance dialogs use: plain-text labels and a row of buttons."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def plain_label(text: str, parent: QWidget) -> QLabel:
    """A wrapping label that shows paths and messages as text, never as markup."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def button_row(dialog: QDialog, *labels: str) -> tuple[QDialogButtonBox, list[QPushButton]]:
    """Close (which rejects the dialog) and one action button per label."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons = [QPushButton(label, dialog) for label in labels]
    for button in buttons:
        box.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
    box.rejected.connect(dialog.reject)
    return box, buttons


def lay_out(dialog: QDialog, intro: QWidget, body: QWidget, status: QWidget, row: QWidget) -> None:
    """Intro on top, the list taking the room, a status line, the buttons at the bottom."""
    layout = QVBoxLayout(dialog)
    layout.addWidget(intro)
    layout.addWidget(body, 1)
    layout.addWidget(status)
    layout.addWidget(row)
