"""Work off the GUI thread (gui/off_thread.py): its result is handed over on the GUI thread,
only the latest work's; dropped work is told so, and queued work that is dropped never runs.
Nothing here sleeps: the work waits on events the test sets."""

import threading
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from powmia_desktop.gui.off_thread import Job, Latest


def test_only_the_latest_work_is_handed_over_on_the_gui_thread(qtbot: QtBot) -> None:
    owner = QObject()
    handed: list[tuple[str, threading.Thread]] = []
    latest: Latest[str] = Latest(
        owner,
        lambda job: handed.append((job.result.result(), threading.current_thread())),
        poll_ms=1,
    )
    started, gate = threading.Event(), threading.Event()

    def first(obsolete: threading.Event) -> str:
        started.set()
        gate.wait(30)
        return "told to stop" if obsolete.is_set() else "first"

    older = latest.run(first)
    assert started.wait(30)  # running: dropping it can only tell it so
    newer = latest.run(lambda obsolete: "second")
    assert older.obsolete.is_set() and not newer.obsolete.is_set()
    gate.set()
    qtbot.waitUntil(lambda: bool(handed) and older.result.done())
    assert older.result.result() == "told to stop"
    assert handed == [("second", threading.main_thread())] and not latest.busy


def test_finish_waits_and_hands_over_at_once() -> None:
    owner = QObject()
    handed: list[Job[int]] = []
    latest: Latest[int] = Latest(owner, handed.append, poll_ms=1)
    job = latest.run(lambda obsolete: 1 // 0)
    latest.finish()
    assert handed == [job] and isinstance(job.result.exception(), ZeroDivisionError)
    latest.finish()  # nothing in flight: nothing to do
    assert handed == [job] and not latest.busy


def test_dropped_work_still_queued_never_runs() -> None:
    owner = QObject()
    ran: list[str] = []
    started, gate = threading.Event(), threading.Event()

    def first(obsolete: threading.Event) -> None:
        started.set()
        gate.wait(30)
        ran.append("first")

    with ThreadPoolExecutor(max_workers=1) as executor:
        latest: Latest[None] = Latest(owner, lambda job: None, poll_ms=1, executor=executor)
        running = latest.run(first)
        assert started.wait(30)
        queued = latest.run(lambda obsolete: ran.append("second"))
        latest.drop()
        assert queued.result.cancelled() and running.obsolete.is_set() and not latest.busy
        gate.set()
    assert ran == ["first"]
