"""Help > About: who the program is, which archive is open, where its files live.

A helper on the telephone asks first for the version and the archive's place; the dialog
shows both as selectable plain text, and "Copy details" puts them on the clipboard in one
go. ``application_icon()`` is the window icon for the whole program.
"""

import platform
import sys

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from powmia_desktop import identity
from powmia_desktop.db.location import default_archive_path
from powmia_desktop.logs import log_file
from powmia_desktop.resources import resource_path


def icon_file(size: int) -> str | None:
    """The bundled PNG of the application icon at ``size`` pixels, or None if missing."""
    try:
        path = resource_path("icons", "hicolor", f"{size}x{size}", "apps", f"{identity.APP_ID}.png")
    except FileNotFoundError:
        return None
    return str(path)


def application_icon() -> QIcon:
    """The program's icon in every bundled size (the desktop theme's copy when installed)."""
    icon = QIcon()
    for size in identity.ICON_SIZES:
        path = icon_file(size)
        if path is not None:
            icon.addFile(path)
    return QIcon.fromTheme(identity.APP_ID, icon)


def reflowed(text: str) -> str:
    """Paragraphs as single lines, so the text box wraps them to its own width."""
    paragraphs = text.strip().split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


def _label(text: str, *, selectable: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AboutDialog(QDialog):
    """Name, version, the open archive, the data folder, the licence."""

    def __init__(self, archive_location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {identity.DISPLAY_NAME}")
        self.archive_location = archive_location
        self.data_folder = str(default_archive_path().parent)
        self.log_path = str(log_file())

        heading = QHBoxLayout()
        self.icon_label = _label("")
        path = icon_file(64)
        if path is not None:
            self.icon_label.setPixmap(QPixmap(path))
        heading.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        self.name_label = _label(f"{identity.DISPLAY_NAME} {identity.VERSION}")
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.name_label.setFont(font)
        titles.addWidget(self.name_label)
        titles.addWidget(_label(identity.SUMMARY))
        titles.addStretch(1)
        heading.addLayout(titles, 1)

        form = QFormLayout()
        self.version_label = _label(identity.VERSION, selectable=True)
        self.archive_label = _label(archive_location, selectable=True)
        self.archive_label.setMinimumWidth(440)  # long paths wrap, short ones fit one line
        self.data_label = _label(self.data_folder, selectable=True)
        self.log_label = _label(self.log_path, selectable=True)
        self.licence_label = _label(f"{identity.LICENCE_NAME} — {identity.COPYRIGHT}")
        self.homepage_label = _label(identity.HOMEPAGE, selectable=True)
        rows = [
            ("Version:", self.version_label),
            ("Archive:", self.archive_label),
            ("Data folder:", self.data_label),
            ("Error log:", self.log_label),
            ("Licence:", self.licence_label),
            ("Web page:", self.homepage_label),
            ("Built with:", _label(self.platform_text())),
        ]
        for name, value in rows:
            form.addRow(_label(name), value)

        self.licence_text = QPlainTextEdit(reflowed(identity.LICENCE_TEXT))
        self.licence_text.setReadOnly(True)
        self.licence_text.setMinimumSize(520, 220)
        self.licence_text.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.licence_button = QPushButton("Show &licence")
        self.licence_button.setCheckable(True)
        self.licence_button.toggled.connect(self._toggle_licence)
        self.copy_button = QPushButton("&Copy details")
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.licence_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addLayout(form)
        layout.addWidget(self.licence_text)
        layout.addWidget(buttons)
        # The dialog is as big as what it shows, with or without the licence text.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)

    @staticmethod
    def platform_text() -> str:
        return (
            f"Python {platform.python_version()}, Qt {qVersion()}, "
            f"PySide6 {PySide6.__version__}, {platform.system()} {platform.machine()}"
        )

    def details(self) -> str:
        """The facts a helper asks for, one per line, as copied to the clipboard."""
        frozen = " (bundle)" if getattr(sys, "frozen", False) else ""
        return "\n".join(
            [
                f"{identity.DISPLAY_NAME} {identity.VERSION}{frozen}",
                f"Archive: {self.archive_location}",
                f"Data folder: {self.data_folder}",
                f"Error log: {self.log_path}",
                f"Built with: {self.platform_text()}",
            ]
        )

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())

    def _toggle_licence(self, shown: bool) -> None:
        self.licence_text.setVisible(shown)
        self.licence_button.setText("Hide &licence" if shown else "Show &licence")


def show_about(parent: QWidget | None, archive_location: str) -> None:
    """Show the About dialog modally (Help > About)."""
    dialog = AboutDialog(archive_location, parent)
    dialog.exec()
