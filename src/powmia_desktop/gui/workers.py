"""Long jobs off the GUI thread, with progress and Cancel.

``run_job(parent, title, job)`` runs ``job(progress)`` on Qt's thread pool while a
QProgressDialog shows ``progress(done, total, message)``; pressing Cancel makes the next
``progress`` call raise ``Cancelled`` inside the job. It returns the job's result, or raises
the PowmiaError the job raised (Cancelled included) on the GUI thread. Jobs open their own
``archive.session()``: a session is never shared between threads.
"""

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from powmia_desktop.core.errors import Cancelled, PowmiaError
from powmia_desktop.core.progress import Progress
from powmia_desktop.logs import log_unexpected

T = TypeVar("T")


class _Signals(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object, object)  # (result, error)


class Job(QRunnable):
    """One run of a job function; cancel() is safe to call from the GUI thread."""

    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.signals = _Signals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int, message: str) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self.signals.progressed.emit(done, total, message)

    def run(self) -> None:
        try:
            result = self.fn(self._progress)
        except PowmiaError as error:
            self.signals.finished.emit(None, error)
        except Exception as error:  # reported to the person as one line; details logged
            path = log_unexpected(error)
            self.signals.finished.emit(
                None, PowmiaError(f"Unexpected error ({type(error).__name__}); see {path}")
            )
        else:
            self.signals.finished.emit(result, None)


def run_job(parent: QWidget | None, title: str, fn: Callable[[Progress], T]) -> T:
    """Run ``fn`` in the background behind a modal progress dialog; return its result."""
    job = Job(fn)
    dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def progressed(done: int, total: int, message: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total > 0 else 0)
        if message:
            dialog.setLabelText(message)

    def finished(result: object, error: object) -> None:
        outcome["result"], outcome["error"] = result, error
        loop.quit()

    job.signals.progressed.connect(progressed, Qt.ConnectionType.QueuedConnection)
    job.signals.finished.connect(finished, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(job.cancel)
    QThreadPool.globalInstance().start(job)
    loop.exec()
    dialog.reset()
    dialog.deleteLater()
    error = outcome.get("error")
    if isinstance(error, PowmiaError):
        raise error
    result: T = outcome["result"]
    return result
