"""Running ``powmia`` in the test process, the way the CLI tests read its output."""

import io
from pathlib import Path

from powmia_desktop.cli import main


def run(*args: str) -> tuple[int, str]:
    """Exit status and standard output of ``powmia ARGS``."""
    out = io.StringIO()
    return main(list(args), out=out), out.getvalue()


def demo_archive(tmp_path: Path, db: str | None = None) -> str:
    """A new archive holding the demo case, as a ``--db`` argument (``db``, else a file)."""
    path = db or str(tmp_path / "a.db")
    assert run("--db", path, "demo")[0] == 0
    return path
