"""Two windows on one archive: both can work, neither silently overwrites the other.

Opening the same archive twice is safe (WAL, busy timeout, row versions); a save based on
an old version is refused with ConflictError so the person can reload and choose. Only a
restore needs the archive to itself, and the lock that guards it dies with its process.
"""

import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from powmia_desktop.core.errors import ArchiveError, ConflictError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.lock import ArchiveLock, exclusive_use
from powmia_desktop.db.models import Serviceman
from powmia_desktop.services.cases import get_case, update_case


@pytest.fixture
def second_window(demo_archive: Archive) -> Archive:
    """The same archive opened again, with its own engine, as another window would."""
    other = Archive.open(demo_archive.location)
    yield other  # type: ignore[misc]
    other.close()


def _dumas_version(archive: Archive) -> int:
    with archive.reader() as session:
        return get_case(session, 1).row_version


def test_the_second_save_of_the_same_case_is_detected(
    demo_archive: Archive, second_window: Archive
) -> None:
    # Both windows open the case editor on the same version.
    first_saw, second_saw = _dumas_version(demo_archive), _dumas_version(second_window)
    assert first_saw == second_saw

    with demo_archive.session() as session:
        update_case(session, 1, expected_version=first_saw, rank="Sgt.")
    with (
        pytest.raises(ConflictError, match=r"changed elsewhere|saved at another desk"),
        second_window.session() as s,
    ):
        update_case(s, 1, expected_version=second_saw, rank="Pvt.")

    with second_window.reader() as session:
        case = get_case(session, 1)
    assert case.rank == "Sgt." and case.row_version == first_saw + 1
    # Having reloaded, the second window can save on top of the first one's change.
    with second_window.session() as session:
        update_case(session, 1, expected_version=case.row_version, rank="Pvt.")


def test_a_stale_object_saved_from_another_engine_is_refused(
    demo_archive: Archive, second_window: Archive
) -> None:
    with demo_archive.reader() as session:
        mine = session.get(Serviceman, 1)
    with second_window.session() as session:
        update_case(session, 1, summary="Edited in the other window")
    with pytest.raises(ConflictError), demo_archive.session() as session:
        assert mine is not None
        session.add(mine)
        mine.summary = "Edited here, from an old copy"
    with demo_archive.reader() as session:
        assert get_case(session, 1).summary == "Edited in the other window"


def test_a_save_waits_for_the_other_windows_save_instead_of_failing(
    demo_archive: Archive, second_window: Archive
) -> None:
    first_has_read, second_done = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def second() -> None:
        first_has_read.wait(10)
        try:
            with second_window.session() as session:
                update_case(session, 1, summary="Saved in the second window")
        except BaseException as error:  # collected for the assertion below
            errors.append(error)
        second_done.set()

    thread = threading.Thread(target=second)
    thread.start()
    try:
        with demo_archive.session() as session:
            get_case(session, 1)  # the first window reads ...
            first_has_read.set()
            second_done.wait(1)  # ... the second saves meanwhile (or waits for us) ...
            session.add(Serviceman(surname="Saved in the first window"))  # ... we save
    except ArchiveError as error:
        errors.append(error)
    thread.join(20)
    assert errors == []


def test_two_windows_writing_at_once_both_get_every_save_in(
    demo_archive: Archive, second_window: Archive
) -> None:
    errors: list[BaseException] = []

    def add_cases(archive: Archive, who: str) -> None:
        try:
            for n in range(40):
                with archive.session() as session:
                    session.add(Serviceman(surname=f"{who} {n}"))
        except BaseException as error:  # collected for the assertion below
            errors.append(error)

    threads = [
        threading.Thread(target=add_cases, args=(demo_archive, "First")),
        threading.Thread(target=add_cases, args=(second_window, "Second")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    with demo_archive.reader() as session:
        assert session.scalar(select(func.count()).select_from(Serviceman)) == 81


def test_restore_needs_the_archive_alone_and_says_who_has_it(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    window_one, window_two = ArchiveLock(path), ArchiveLock(path)
    window_one.acquire_shared()
    window_two.acquire_shared()  # two windows at once: fine
    with pytest.raises(ArchiveError, match="open in another window"), exclusive_use(path):
        pass
    window_one.release()
    window_two.release()
    with exclusive_use(path):
        late = ArchiveLock(path)
        with pytest.raises(ArchiveError, match=r"being restored or repaired \(by pid \d+ on "):
            late.acquire_shared()


HOLD_AND_WAIT = """
import sys, time
from pathlib import Path
from powmia_desktop.db.lock import ArchiveLock
lock = ArchiveLock(Path(sys.argv[1]))
lock.acquire_exclusive()
print("locked", flush=True)
time.sleep(60)
"""


def test_a_lock_dies_with_its_process(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_AND_WAIT, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        with pytest.raises(ArchiveError, match="being restored"):
            ArchiveLock(path).acquire_shared()
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
    finally:
        holder.kill()
        holder.communicate()
    deadline = time.monotonic() + 10
    lock = ArchiveLock(path)
    while True:  # the kernel drops the lock as the process goes; no file to delete by hand
        try:
            lock.acquire_exclusive()
            break
        except ArchiveError:
            assert time.monotonic() < deadline
            time.sleep(0.05)
    lock.release()
    assert path.with_name("a.sqlite.lock").exists()  # left behind, and harmless
