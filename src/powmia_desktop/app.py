"""``powmia-desktop``: build the QApplication and the main window on an archive.

On the very first run (no archive at the default location yet) the archive is created with
the demo case in it, so a new user sees what the program keeps; ``--demo`` loads the demo
into any archive that lacks it.

The window backs the archive up once it is open, in the background (``BackupPolicy``;
an archive that needs an upgrade is copied by Archive.open before it). When it cannot be
opened at all — a damaged file — the person is offered its list of backups to restore
one, and the program tries again.
"""

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from powmia_desktop import APP_NAME, __version__, identity
from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ENV_VAR, ArchiveLocation, resolve_location
from powmia_desktop.logs import log_unexpected
from powmia_desktop.services.backup import BackupPolicy
from powmia_desktop.services.demo import fill_with_demo

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

#: Large enough for older eyes; Qt's default on many Linux desktops is 9 or 10 points.
MIN_POINT_SIZE = 11


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog=APP_NAME, description="The POW/MIA case archive.")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help=f"the archive to open (default: ${ENV_VAR}, else the per-user archive)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="load the demo case into the archive if it is not there yet",
    )
    parser.add_argument(
        "--font-size",
        metavar="POINTS",
        type=int,
        help=f"the text size, in points, instead of the system's (at least {MIN_POINT_SIZE})",
    )
    args, _qt_args = parser.parse_known_args(argv)
    return args


def open_archive(location: ArchiveLocation, *, demo: bool) -> Archive:
    """Open the archive; create it with the demo content on first run at the default place."""
    first_run = location.is_default and location.path is not None and not location.path.exists()
    archive = Archive.open(location, create=first_run or demo)
    if first_run or demo:
        fill_with_demo(archive)
    return archive


def open_or_rescue(
    location: ArchiveLocation, *, demo: bool, parent: "QWidget | None" = None
) -> Archive | None:
    """Open; when opening fails, offer a restore and try again.

    Returns None when the person gave up, after being told why. The backup on opening is
    the window's (in the background, once the archive is open); one before a schema upgrade
    is Archive.open's own.
    """
    from PySide6.QtWidgets import QMessageBox

    from powmia_desktop.gui.maintenance import offer_restore

    while True:
        try:
            return open_archive(location, demo=demo)
        except PowmiaError as error:
            if not offer_restore(parent, location, error):
                return None
        except Exception as error:
            path = log_unexpected(error)
            QMessageBox.critical(
                parent,
                "Unexpected error",
                f"The archive could not be opened ({type(error).__name__}).\n"
                f"Details were written to {path}.",
            )
            return None


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)

    from PySide6.QtWidgets import QApplication, QMessageBox

    from powmia_desktop.gui.about import application_icon
    from powmia_desktop.gui.collector import collect_on_gui_thread
    from powmia_desktop.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    collect_on_gui_thread(app)  # never on a reading thread: see gui/collector.py
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(identity.APP_ID)  # Wayland matches the window to its launcher
    app.setWindowIcon(application_icon())
    font = app.font()
    size = max(args.font_size or font.pointSize(), MIN_POINT_SIZE)
    if size != font.pointSize():
        font.setPointSize(size)
        app.setFont(font)

    policy = BackupPolicy()
    try:
        location = resolve_location(args.db)
    except PowmiaError as error:
        QMessageBox.critical(None, "Cannot open the archive", str(error))
        return 1
    archive = open_or_rescue(location, demo=args.demo)
    if archive is None:
        return 1
    window = MainWindow(archive, policy=policy)
    window.show()
    try:
        return app.exec()
    finally:
        window.archive.close()
