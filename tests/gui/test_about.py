"""Help > About tells a helper the version, the archive and where the files live."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from powmia_desktop import __version__, identity
from powmia_desktop.db.location import default_archive_path
from powmia_desktop.gui.about import AboutDialog, application_icon


def test_about_shows_version_archive_data_folder_and_licence(qtbot: QtBot) -> None:
    dialog = AboutDialog("/home/june/dumas.sqlite")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == f"About {identity.DISPLAY_NAME}"
    assert dialog.version_label.text() == __version__
    assert __version__ in dialog.name_label.text()
    assert dialog.archive_label.text() == "/home/june/dumas.sqlite"
    assert dialog.data_label.text() == str(default_archive_path().parent)
    assert "MIT" in dialog.licence_label.text()
    assert not dialog.icon_label.pixmap().isNull()

    assert dialog.licence_text.isHidden()
    qtbot.mouseClick(dialog.licence_button, Qt.MouseButton.LeftButton)
    assert dialog.licence_text.isVisible()
    assert "Permission is hereby granted" in dialog.licence_text.toPlainText()
    qtbot.mouseClick(dialog.licence_button, Qt.MouseButton.LeftButton)
    assert dialog.licence_text.isHidden()


def test_copy_details_puts_version_and_archive_on_the_clipboard(qtbot: QtBot) -> None:
    dialog = AboutDialog("/tmp/a.sqlite")
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert f"{identity.DISPLAY_NAME} {__version__}" in copied
    assert "Archive: /tmp/a.sqlite" in copied
    assert "Qt " in copied and "Python " in copied


def test_archive_names_are_shown_as_text_not_markup(qtbot: QtBot) -> None:
    dialog = AboutDialog("/tmp/<b>bold</b> & co.sqlite")
    qtbot.addWidget(dialog)
    for label in dialog.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.archive_label.text() == "/tmp/<b>bold</b> & co.sqlite"


def test_application_icon_has_every_bundled_size(qtbot: QtBot) -> None:
    icon = application_icon()
    assert not icon.isNull()
    sizes = {size.width() for size in icon.availableSizes()}
    assert sizes >= {16, 32, 48, 256} or icon.name() == identity.APP_ID
