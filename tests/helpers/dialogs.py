"""Driving modal dialogs in tests: act on the next one when it opens, as a person would."""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    import pytest


def when_dialog_opens(act: Callable[[QWidget], None], *, tries: int = 200) -> None:
    """Call ``act`` with the next modal dialog as soon as it is shown."""

    def poll(left: int = tries) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            act(dialog)
        elif left > 0:
            QTimer.singleShot(10, lambda: poll(left - 1))
        else:
            raise AssertionError("the expected dialog never opened")

    QTimer.singleShot(0, poll)


def press(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
    """An action that presses one button of a message box."""

    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox), type(dialog)
        target = dialog.button(button)
        assert target is not None, f"no {button} button in: {dialog.text()}"
        target.click()

    return act


def answer_questions(
    monkeypatch: "pytest.MonkeyPatch", button: QMessageBox.StandardButton
) -> list[str]:
    """Every QMessageBox.question answered with ``button``; the questions kept to read."""
    asked: list[str] = []

    def question(parent: object, title: str, text: str, *args: object) -> object:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def restore_the_newest(dialog: QWidget) -> None:
    """In the Backups dialog: restore the backup selected first (the newest), then close."""
    from powmia_desktop.gui.maintenance import BackupsDialog

    assert isinstance(dialog, BackupsDialog), type(dialog)
    dialog.restore_button.click()
    dialog.reject()
