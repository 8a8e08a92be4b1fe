"""Helpers the safety tests share: running ``powmia`` as a person would, demo files."""

import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers.templates import copy_archive

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.services.demo import load_demo

CORPUS = Path(__file__).with_name("corpus")


def powmia_command() -> list[str]:
    exe = shutil.which("powmia", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "powmia_desktop.cli"]


def run_powmia(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run the installed ``powmia`` in a subprocess; returns the completed process."""
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [*powmia_command(), *args], capture_output=True, text=True, timeout=120, **kwargs
    )


def make_demo(location: ArchiveLocation) -> None:
    """Put the demo case into the new archive at ``location`` and close it."""
    with Archive.open(location, create=True) as archive, archive.session() as s:
        load_demo(s)


def make_demo_file(path: Path) -> Path:
    """A closed archive file holding the demo case (no WAL left beside it): a copy of one
    made once per run, with an archive uid of its own."""
    return copy_archive("demo", path)


def assert_one_clear_line(result: subprocess.CompletedProcess[str], what: str) -> None:
    """Exit 1, no traceback, exactly one line on stderr that explains (not 'unexpected')."""
    err = result.stderr
    assert result.returncode == 1, f"{what}: exit {result.returncode}, stderr {err!r}"
    assert "Traceback" not in err and "Traceback" not in result.stdout, f"{what}: {err}"
    assert err.startswith("powmia: ") and err.count("\n") == 1, f"{what}: {err!r}"
    assert "unexpected error" not in err, f"{what}: {err!r}"
