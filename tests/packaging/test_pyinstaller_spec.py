"""The PyInstaller spec bundles what the program reads from disk at run time.

The bundle itself is built and smoke-tested by packaging/build-linux.sh and
packaging/smoke-test.sh (slow, outside this suite); these checks keep the spec in step
with the code: where resource_path and the Alembic migrations look, the entry points,
and the executables' names.
"""

import ast
import tomllib
from pathlib import Path

from powmia_desktop import identity, resources
from powmia_desktop.db import migrate

ROOT = Path(__file__).resolve().parents[2]
PYINSTALLER = ROOT / "packaging" / "pyinstaller"
SPEC = PYINSTALLER / "powmia-desktop.spec"
PACKAGE = ROOT / "src" / "powmia_desktop"


def spec_strings() -> set[str]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    return {
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def test_spec_is_python_and_names_the_bundled_folders() -> None:
    strings = spec_strings()
    assert "powmia_desktop/resources" in strings
    assert "powmia_desktop/db/migrations" in strings
    assert "resources" in strings  # the repository's resources/ folder is the source
    assert {"gui_entry.py", "cli_entry.py"} <= strings


def test_bundled_folders_are_where_the_program_looks() -> None:
    # resource_path looks beside resources.py first: powmia_desktop/resources in a bundle.
    assert Path(resources.__file__).with_name("resources").relative_to(PACKAGE.parent) == Path(
        "powmia_desktop/resources"
    )
    assert migrate.MIGRATIONS_DIR.relative_to(PACKAGE.parent) == Path(
        "powmia_desktop/db/migrations"
    )


def test_migrations_and_demo_content_exist_to_be_bundled() -> None:
    migrations = PACKAGE / "db" / "migrations"
    assert (migrations / "env.py").is_file()
    assert (migrations / "script.py.mako").is_file()
    assert len(list((migrations / "versions").glob("*.py"))) >= 2
    assert (ROOT / "resources" / "demo" / "dumas.json").is_file()


def test_entry_scripts_start_the_two_programs() -> None:
    gui = (PYINSTALLER / "gui_entry.py").read_text(encoding="utf-8")
    cli = (PYINSTALLER / "cli_entry.py").read_text(encoding="utf-8")
    assert "from powmia_desktop.app import main" in gui
    assert "from powmia_desktop.cli import run" in cli


def test_executable_names_match_the_installed_commands() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["gui-scripts"] == {identity.GUI_COMMAND: "powmia_desktop.app:main"}
    assert project["scripts"] == {identity.CLI_COMMAND: "powmia_desktop.cli:run"}
    text = SPEC.read_text(encoding="utf-8")
    assert "name=identity.GUI_COMMAND" in text and "name=identity.CLI_COMMAND" in text
