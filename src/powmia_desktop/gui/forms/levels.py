"""Who may see a record, in plain words where the level is chosen.

Each level in a picker reads as who it is for ("Family only"); under the picker a line
says what the chosen level does to packets and exports, and, in a child row's form, the
level of the record the row belongs to (a new row starts with it).
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from powmia_desktop.core.sensitivity import Sensitivity

#: The words of each level in a picker.
LEVEL_CHOICES = {
    Sensitivity.PUBLIC: "Public — anyone",
    Sensitivity.OFFICIALS: "Officials — DPAA, Congress",
    Sensitivity.FAMILY: "Family only",
    Sensitivity.PRIVATE: "Private — never leaves this archive",
}

#: What each level does, said once under the picker.
LEVEL_MEANING = {
    Sensitivity.PUBLIC: "Anyone may see this: it is printed in every packet and export.",
    Sensitivity.OFFICIALS: (
        "Officials (DPAA, Congress) and the family may see this; it is left out of "
        "anything for the public."
    ),
    Sensitivity.FAMILY: (
        "Only the family may see this; it is left out of packets for officials and of "
        "anything for the public."
    ),
    Sensitivity.PRIVATE: (
        "This never leaves the archive: every packet and export leaves it out unless you "
        "choose to print private records."
    ),
}


class LevelNote(QLabel):
    """The grey line under a level picker: what the level means, and the parent's level."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet("color: #555;")

    def show_level(self, level: Sensitivity | None, parent_level: Sensitivity | None) -> None:
        text = LEVEL_MEANING.get(level, "") if level is not None else ""
        if parent_level is not None:
            text += f" The record this belongs to is marked {LEVEL_CHOICES[parent_level]}."
        self.setText(text.strip())
