"""The main window's home page and status bar: reading what they show, and the jobs the
home page's buttons ask for (a packet for the next meeting, the ways to start)."""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.backup_file import BackupInfo
from powmia_desktop.db.location import default_archive_path, location_for_path
from powmia_desktop.gui.home import ArchiveFacts, HomePage
from powmia_desktop.gui.status_counts import StatusCounts
from powmia_desktop.services.home import RecordCounts, archive_size, home_summary, last_backup

if TYPE_CHECKING:
    from powmia_desktop.gui.main_window import MainWindow

#: The demo archive "Open the demo" opens, beside the person's own archive.
DEMO_FILE_NAME = "demo.sqlite"


def build_home(window: "MainWindow") -> HomePage:
    page = HomePage(window)
    page.open_record.connect(window.open_record)
    page.build_packet.connect(lambda uid: window.open_packet_dialog(meeting_uid=uid))
    page.start.connect(lambda job: start(window, job))
    window.status_label = StatusCounts(window.statusBar())
    return page


def refresh(window: "MainWindow", *, home: bool) -> None:
    """Read the status bar's counts again, and the home page when ``home`` (it is shown)."""
    archive = window.archive
    backup = last_backup_of(archive)
    if home:
        with archive.reader() as session:
            summary = home_summary(session)
        facts = ArchiveFacts(archive.location.display, archive_size(archive), backup)
        window.home.show_summary(summary, facts)
        counts = summary.counts
    else:
        from powmia_desktop.services.home import record_counts

        with archive.reader() as session:
            counts = record_counts(session)
    show_status(window, counts, backup)


def show_status(window: "MainWindow", counts: RecordCounts, backup: BackupInfo | None) -> None:
    parts = [counts.text()]
    if backup is not None:
        when = backup.created_at.astimezone()
        parts.append(f"last backup {when.day} {when:%b %Y, %H:%M}")
    elif window.archive.location.path is not None or window.archive.location.is_server:
        parts.append("not backed up yet")
    window.status_label.setText(" · ".join(parts))


def last_backup_of(archive: Archive) -> BackupInfo | None:
    """The newest backup (a few dozen small files read: the rotation keeps that many)."""
    try:
        return last_backup(archive)
    except (OSError, PowmiaError):  # an unreadable backup folder: say nothing of it
        return None


def start(window: "MainWindow", job: str) -> None:
    """A button of the home page: import, a new case or meeting, the demo, a backup."""
    if job == "import":
        window.import_file()
    elif job == "new_case":
        window.show_section("cases")
        window.new_record()
    elif job == "new_meeting":
        window.show_section("meetings")
        window.new_record()
    elif job == "demo":
        open_demo(window)
    elif job == "backup":
        window.back_up_now()


def demo_path() -> Path:
    return default_archive_path().with_name(DEMO_FILE_NAME)


def open_demo(window: "MainWindow", path: Path | None = None) -> None:
    """Open the demo archive (made with the demo case the first time), leaving this one."""
    from powmia_desktop.services.demo import fill_with_demo

    location = location_for_path(path or demo_path())

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        archive = Archive.open(location, create=True)
        fill_with_demo(archive)
    except PowmiaError as error:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(window, "Cannot open the demo", str(error))
        return
    QApplication.restoreOverrideCursor()
    window.switch_archive(archive)
