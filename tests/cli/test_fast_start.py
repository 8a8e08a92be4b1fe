"""``powmia --version`` and ``--help`` answer without loading what only a command needs.

Each check runs a fresh interpreter (this test process has imported everything already) and
reads ``sys.modules`` after the parser has done its job.
"""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from tests.helpers.cli import demo_archive

from powmia_desktop.commands import SUBCOMMANDS, Subcommand, load_handler

#: Modules the parser must not need: the database, PDF, GUI and every command implementation.
HEAVY = ("sqlalchemy", "reportlab", "PySide6", "alembic", "rapidfuzz", "powmia_desktop.services.")
LIGHT_SERVICE_MODULES = {"powmia_desktop.services.choices"}


def modules_loaded_by(*argv: str) -> list[str]:
    script = textwrap.dedent(
        f"""
        import json, sys
        from powmia_desktop.cli import main
        try:
            main({list(argv)!r})
        except SystemExit:
            pass
        print(json.dumps(sorted(sys.modules)), file=sys.stderr)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    loaded: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return loaded


@pytest.mark.parametrize("argv", [("--version",), ("--help",), ("summary", "--help")])
def test_the_parser_loads_no_implementation(argv: tuple[str, ...]) -> None:
    loaded = modules_loaded_by(*argv)
    assert "powmia_desktop.commands" in loaded  # the declarations were read
    heavy = [
        name
        for name in loaded
        if name not in LIGHT_SERVICE_MODULES
        and (name.startswith(HEAVY) or name.split(".")[0] in HEAVY)
    ]
    commands = [name for name in loaded if name.startswith("powmia_desktop.commands.")]
    assert heavy == []
    assert commands == []


def test_the_check_sees_a_command_that_runs() -> None:
    loaded = modules_loaded_by("--db", ":memory:", "bogus-command")  # usage error: no import
    assert not any(name.startswith("powmia_desktop.commands.") for name in loaded)
    loaded = modules_loaded_by("--db", "sqlite://", "list", "cases")
    assert "powmia_desktop.commands.records" in loaded
    assert "sqlalchemy" in loaded


def test_a_summary_and_a_list_load_only_what_they_use(tmp_path: Path) -> None:
    """A case summary loads no importer, no list cross-reference, no PDF reader and no GUI;
    listing cases loads neither the other lists' services nor any PDF library."""
    db = demo_archive(tmp_path)
    out = str(tmp_path / "summary.pdf")
    loaded = modules_loaded_by("--db", db, "summary", "1", "--out", out)
    assert Path(out).stat().st_size > 0 and "reportlab" in loaded
    unused = ("powmia_desktop.services.importing", "powmia_desktop.services.lists.crossref")
    assert [
        n for n in loaded if n.startswith(unused) or n.split(".")[0] in ("pypdf", "PySide6")
    ] == []
    loaded = modules_loaded_by("--db", db, "list", "cases")
    assert "powmia_desktop.services.cases" in loaded
    unused = ("powmia_desktop.services.search", "powmia_desktop.services.meetings")
    assert [n for n in loaded if n.startswith(unused) or n.split(".")[0] == "reportlab"] == []


@pytest.mark.parametrize("subcommand", SUBCOMMANDS, ids=lambda s: s.name)
def test_every_declared_handler_exists(subcommand: Subcommand) -> None:
    module = subcommand.handler.partition(":")[0]
    handler = load_handler(subcommand.handler)
    assert callable(handler)
    assert handler.__module__ == f"powmia_desktop.commands.{module}"
