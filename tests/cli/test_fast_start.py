"""``powmia --version`` and ``--help`` answer without loading what only a command needs.

Each check runs a fresh interpreter (this test process has imported everything already) and
reads ``sys.modules`` after the parser has done its job.
"""

import json
import subprocess
import sys
import textwrap

import pytest

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


@pytest.mark.parametrize("subcommand", SUBCOMMANDS, ids=lambda s: s.name)
def test_every_declared_handler_exists(subcommand: Subcommand) -> None:
    module = subcommand.handler.partition(":")[0]
    handler = load_handler(subcommand.handler)
    assert callable(handler)
    assert handler.__module__ == f"powmia_desktop.commands.{module}"
