"""A full disk and a read-only folder: one clear line, and nothing left half-written.

A full disk is simulated with a file-size limit (``RLIMIT_FSIZE``) on a real ``powmia``
process: every write past the limit fails with EFBIG, as it would with ENOSPC. A read-only
folder is real when the tests run as an ordinary user; as root (who may write anywhere) it
is simulated where the program meets the operating system: opening, creating and checking
files under that folder fails with "Permission denied".
"""

import builtins
import errno
import io
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from tests.safety.support import assert_one_clear_line
from tests.safety.test_bad_input import subcommands

from powmia_desktop.cli import main

LIMITED = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # so a write past the limit fails, not kills
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from powmia_desktop.cli import run
sys.argv = ["powmia", *sys.argv[2:]]
run()
"""
KB = 1024


def _limited(limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", LIMITED, str(limit), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _integrity(path: Path) -> list[tuple[str]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()


def _cases(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute("SELECT count(*) FROM serviceman").fetchone()[0])
    finally:
        connection.close()


def test_full_disk_while_creating_an_archive(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite"
    assert_one_clear_line(_limited(150 * KB, "--db", str(db), "demo"), "demo on a full disk")
    if db.exists():  # what is there is sound, and the demo can be loaded once there is room
        assert _integrity(db) == [("ok",)]
    again = subprocess.run(
        [sys.executable, "-m", "powmia_desktop.cli", "--db", str(db), "demo"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0, again.stderr


def test_full_disk_while_backing_up(demo_file: Path) -> None:
    result = _limited(200 * KB, "--db", str(demo_file), "backup")
    assert_one_clear_line(result, "backup on a full disk")
    folder = demo_file.with_name("family-backups")
    assert not folder.exists() or not any(folder.iterdir()), "half a backup was left"


def test_full_disk_while_importing_leaves_the_archive_as_it_was(
    demo_file: Path, tmp_path: Path
) -> None:
    if "import" not in subcommands():
        pytest.skip("there is no 'powmia import' yet")
    rows = "\n".join(f"Case{n},Test,RA{11000000 + n},Nov 1950" for n in range(20_000))
    big = tmp_path / "list.csv"
    big.write_text(f"Last Name,First Name,Service Number,Date of Loss\n{rows}\n")
    limit = demo_file.stat().st_size + 300 * KB
    result = _limited(limit, "--db", str(demo_file), "import", "cases", str(big))
    assert_one_clear_line(result, "import on a full disk")
    assert _integrity(demo_file) == [("ok",)]
    assert _cases(demo_file) == 1


@pytest.mark.parametrize(
    "args",
    [
        ("export", "archive", "{out}/all.zip"),
        ("export", "cases", "{out}/cases.csv"),
        ("packet", "--audience", "DPAA analyst", "--out", "{out}/packet.pdf"),
        ("summary", "1", "--out", "{out}/summary.pdf"),
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_full_disk_while_writing_a_file_out(
    demo_file: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    if args[0] not in subcommands():
        pytest.skip(f"there is no 'powmia {args[0]}' yet")
    out = tmp_path / "out"
    out.mkdir()
    given = [a.format(out=out) for a in args]
    result = _limited(4 * KB, "--db", str(demo_file), *given)
    assert_one_clear_line(result, " ".join(args[:2]) + " on a full disk")


# -- a read-only folder -------------------------------------------------------------------


@contextmanager
def read_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The folder cannot be written: for real as a user, at the OS boundary as root."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return

    def inside(path: Any) -> bool:
        try:
            return Path(os.fsdecode(path)).absolute().is_relative_to(folder)
        except (TypeError, ValueError):
            return False

    def denied(path: Any) -> OSError:
        return PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))

    real_open, real_os_open, real_mkdir, real_access = builtins.open, os.open, os.mkdir, os.access

    def fake_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, (str, bytes, os.PathLike)) and inside(file) and set(mode) & set("wax+"):
            raise denied(file)
        return real_open(file, mode, *args, **kwargs)

    def fake_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        writing = flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
        if writing and inside(path):
            raise denied(path)
        return real_os_open(path, flags, *args, **kwargs)

    def fake_mkdir(path: Any, *args: Any, **kwargs: Any) -> None:
        if inside(path):
            raise denied(path)
        real_mkdir(path, *args, **kwargs)

    def fake_access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        if mode & os.W_OK and inside(path):
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(os, "open", fake_os_open)
    monkeypatch.setattr(os, "mkdir", fake_mkdir)
    monkeypatch.setattr(os, "access", fake_access)
    yield


READ_ONLY_CASES = [
    ("--db", "{ro}/new.sqlite", "init"),
    ("--db", "{db}", "backup", "--to", "{ro}/backups"),
    ("--db", "{db}", "export", "cases", "{ro}/cases.csv"),
    ("--db", "{db}", "export", "archive", "{ro}/all.zip"),
    ("--db", "{db}", "packet", "--audience", "DPAA analyst", "--out", "{ro}/packet.pdf"),
    ("--db", "{db}", "summary", "1", "--out", "{ro}/summary.pdf"),
]


@pytest.mark.parametrize("args", READ_ONLY_CASES, ids=lambda a: " ".join(a[2:4]))
def test_a_read_only_folder_is_one_clear_line(
    demo_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
) -> None:
    if args[2] not in subcommands():
        pytest.skip(f"there is no 'powmia {args[2]}' yet")
    folder = tmp_path / "read-only"
    folder.mkdir()
    given = [a.format(ro=folder, db=demo_file) for a in args]
    with read_only(folder, monkeypatch):
        code = main(given, out=io.StringIO())
    err = capsys.readouterr().err
    assert code == 1, err
    assert err.startswith("powmia: ") and err.count("\n") == 1 and "unexpected" not in err, err
    assert list(folder.iterdir()) == []
    shutil.rmtree(folder)
