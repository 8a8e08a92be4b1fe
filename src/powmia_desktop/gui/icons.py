"""The program's icons: a few symbolic icons of the GNOME Project's Adwaita theme
(CC-BY-SA 3.0; resources/icons/symbolic/README.md), bundled so every platform shows the
same ones.

Each is drawn from its SVG in the colour of the window's text (so it reads on a dark
theme too) at every size a toolbar, menu or list may ask for, up to four times over for
high-DPI screens, and kept once drawn.
"""

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from powmia_desktop.resources import resource_path

#: What each icon shows, by the name the program asks for: the theme's file name.
ICONS = {
    # the sidebar
    "home": "go-home",
    "cases": "avatar-default",
    "contacts": "x-office-address-book",
    "meetings": "x-office-calendar",
    "timeline": "document-open-recent",
    "sources": "folder-documents",
    "tasks": "object-select",
    "questions": "dialog-question",
    "lists": "view-list",
    "campaigns": "mail-send",
    "section": "emblem-documents",
    # the menus and the toolbar
    "new": "document-new",
    "save": "document-save",
    "undo": "edit-undo",
    "redo": "edit-redo",
    "delete": "edit-delete",
    "print": "document-print",
    "packet": "document-print-preview",
    "open": "document-open",
    "new-archive": "folder-new",
    "import": "document-send",
    "export": "document-save-as",
    "backup": "drive-harddisk",
    "restore": "document-revert",
    "check": "emblem-system",
    "search": "edit-find",
    "quit": "application-exit",
    "about": "help-about",
    "chart": "x-office-presentation",
}
#: The pixel sizes drawn: 16 to 32 on a plain screen, and twice or more of them on a
#: high-DPI one (Qt picks the nearest).
SIZES = (16, 20, 24, 32, 40, 48, 64, 96, 128)
#: The dark grey the theme's symbolic icons are drawn in, replaced by the text colour.
_THEME_GREYS = (b"#2e3436", b"#2e3434")


def icon(name: str) -> QIcon:
    """The icon called ``name`` (a key of ``ICONS``; another name gives the section icon)."""
    colour = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name()
    return _drawn(ICONS.get(name, ICONS["section"]), colour)


@cache
def _drawn(file_name: str, colour: str) -> QIcon:
    svg = resource_path("icons", "symbolic", f"{file_name}-symbolic.svg").read_bytes()
    for grey in _THEME_GREYS:
        svg = svg.replace(grey, colour.encode())
    renderer = QSvgRenderer(QByteArray(svg))
    drawn = QIcon()
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        drawn.addPixmap(pixmap)
    return drawn
