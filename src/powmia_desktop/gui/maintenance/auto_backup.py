"""The window's automatic backups: on opening, every few minutes while changed, on closing.

``BackupPolicy`` (services/backup.py) decides *whether* a backup is due; this module only
decides *where it runs*. A backup copies the whole SQLite file with the online backup API
and then hashes the copy, which takes seconds on a large archive (about 840 MB for
100,000 cases); a server archive's is a ``pg_dump`` (services/server_backup.py), as long.
So none of it runs on the GUI thread:

- the backups on opening and on the timer run on Qt's thread pool with no dialog at all
  (they must not hold up the window or interrupt typing) and report in the status bar. The
  copy is one consistent snapshot of the archive taken when it starts, whatever is saved
  meanwhile; an archive that needs a schema upgrade was already copied by Archive.open
  before the upgrade (db/migrate.py);
- the backup on closing runs through ``run_job`` behind a progress dialog that only
  appears when the copy takes longer than a moment, since the person is waiting.

A failure never stops the work: it becomes a one-line message the caller shows.
"""

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QWidget

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.core.progress import Progress
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.backup_file import BackupInfo
from powmia_desktop.gui.workers import Job, run_job
from powmia_desktop.services.backup import BackupPolicy


class AutoBackup(QObject):
    """Backs up the window's current archive every ``policy.interval_ms`` and on leaving it.

    ``archive`` is asked each time, so after File > Open the backups follow the new archive.
    ``message`` carries a line for the status bar: where a backup went, or why it failed.
    """

    message = Signal(str)

    def __init__(
        self, policy: BackupPolicy, archive: Callable[[], Archive], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.policy = policy
        self._archive = archive
        self._parent = parent
        self._job: Job | None = None
        self._when = ""
        #: the backup on opening asked for while another copy was running: it runs next
        self._waiting: Callable[[], None] | None = None
        self._done = threading.Event()
        self._done.set()
        self.timer = QTimer(self)
        self.timer.setInterval(policy.interval_ms)
        self.timer.timeout.connect(self.on_timer)
        self.timer.start()

    @property
    def running(self) -> bool:
        """True while a background backup (on opening or the timer's) is still copying."""
        return not self._done.is_set()

    @property
    def idle(self) -> bool:
        """True when no background backup is copying, waiting to run or to say how it went."""
        return self._job is None and self._waiting is None

    def restart(self) -> None:
        """Count the interval from now (a new archive was opened)."""
        self.timer.start()

    def after_opening(self) -> None:
        """Back up the archive just opened, in the background (the window is already usable).

        A timer's copy of the archive left behind may still be running: this one then waits
        for it and runs next, never skipped.
        """
        if self._job is not None:
            self._waiting = self.after_opening
            return
        self._waiting = None
        archive = self._archive()
        self._in_background(archive, lambda: self.policy.on_open(archive), "on opening")

    def on_timer(self) -> None:
        """Start the timer's backup in the background, unless one is still running."""
        archive = self._archive()
        self._in_background(archive, lambda: self.policy.on_timer(archive), "while working")

    def _in_background(
        self, archive: Archive, backup: Callable[[], BackupInfo | None], when: str
    ) -> None:
        if self._job is not None or self.running or archive.closed:
            return
        self._done.clear()
        done = self._done

        def work(progress: Progress) -> BackupInfo | None:
            try:
                return backup()
            finally:
                done.set()

        job = Job(work)
        job.signals.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._job, self._when = job, when  # kept alive until it reports
        QThreadPool.globalInstance().start(job)

    def _finished(self, made: object, error: object) -> None:
        self._job, when = None, self._when
        if isinstance(error, PowmiaError):
            self.message.emit(f"The automatic backup {when} failed: {error}")
        elif isinstance(made, BackupInfo):
            self.message.emit(f"Backed up automatically {when} to {made.path}")
        if self._waiting is not None:
            self._waiting()

    def on_leaving(self, archive: Archive | None = None) -> str | None:
        """The backup on closing (or on switching away from) ``archive``; a failure message.

        Waits for a timer backup still in flight first: the two must not overlap, and the
        program must not end in the middle of a copy.
        """
        archive = archive or self._archive()
        done, policy = self._done, self.policy

        def work(progress: Progress) -> BackupInfo | None:
            done.wait()
            return policy.on_exit(archive)

        try:
            run_job(self._parent, "Backing up the archive", work)
        except PowmiaError as error:
            return f"The archive could not be backed up on closing: {error}"
        return None
