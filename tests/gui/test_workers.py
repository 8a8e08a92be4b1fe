"""Jobs run off the GUI thread against the archive, report progress and can be cancelled."""

import threading

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from powmia_desktop.core.errors import Cancelled, ValidationError
from powmia_desktop.core.progress import Progress
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Serviceman
from powmia_desktop.gui.workers import Job, run_job


def test_job_runs_in_another_thread_with_its_own_session(qtbot: QtBot, archive: Archive) -> None:
    gui_thread = threading.get_ident()

    def job(progress: Progress) -> int:
        assert threading.get_ident() != gui_thread
        with archive.session() as session:
            for i in range(5):
                session.add(Serviceman(surname=f"Case {i}"))
                progress(i + 1, 5, "adding")
        with archive.reader() as session:
            return session.scalar(select(func.count()).select_from(Serviceman)) or 0

    assert run_job(None, "Adding cases", job) == 5


def test_cancel_stops_the_job_and_rolls_back(qtbot: QtBot, archive: Archive) -> None:
    started = threading.Event()

    def job(progress: Progress) -> None:
        with archive.session() as session:
            session.add(Serviceman(surname="Never kept"))
            session.flush()
            started.set()
            while True:
                progress(1, 2, "waiting")

    runner = Job(job)
    results: list[object] = []
    runner.signals.finished.connect(lambda result, error: results.append(error))
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().start(runner)
    assert started.wait(10)
    runner.cancel()
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    assert isinstance(results[0], Cancelled)
    with archive.reader() as session:
        assert session.scalar(select(func.count()).select_from(Serviceman)) == 0


def test_errors_come_back_to_the_gui_thread(qtbot: QtBot) -> None:
    def job(progress: Progress) -> None:
        raise ValidationError("Row 14: 'Nov 31 1950' is not a date")

    with pytest.raises(ValidationError, match="Row 14"):
        run_job(None, "Importing", job)
