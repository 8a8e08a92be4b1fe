"""The import rule of docs/architecture.md, checked by reading every module's imports.

core imports nothing of ours; db imports core; services and reports import core and db;
gui and cli import the rest; nothing imports gui; no layer below gui imports Qt.
No two packages import each other, directly or round a loop (a package and its own
subpackages aside): what two of them share lives below both (tests/test_import_cycles.py
says the same of modules).
"""

import ast
from pathlib import Path

import pytest
from tests.helpers.import_graph import cycles, import_graph, module_name

PACKAGE = Path(__file__).parents[1] / "src" / "powmia_desktop"
ALLOWED = {
    "core": {"core"},
    "db": {"core", "db"},
    "services": {"core", "db", "services"},
    "reports": {"core", "db", "services", "reports"},
}
#: Top-level helper modules anyone may use (version, resource and log locations).
SHARED = {"__init__", "resources", "logs"}


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.level:
                raise AssertionError(f"{path}: use absolute imports")
            names.append(node.module)
    return names


def _layer_modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layer_imports_only_what_it_may(layer: str) -> None:
    problems = []
    for path in _layer_modules(layer):
        for name in _imports(path):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                problems.append(f"{path.relative_to(PACKAGE)} imports Qt ({name})")
            if name.startswith("powmia_desktop"):
                parts = name.split(".")
                target = parts[1] if len(parts) > 1 else "__init__"
                if target not in ALLOWED[layer] and target not in SHARED:
                    problems.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert problems == []


def test_nothing_imports_the_gui_except_the_gui_and_app() -> None:
    problems = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "gui" or relative.name == "app.py":
            continue
        problems += [
            f"{relative} imports {n}" for n in _imports(path) if n.startswith("powmia_desktop.gui")
        ]
    assert problems == []


def test_the_rule_checker_sees_modules() -> None:
    assert len(_layer_modules("core")) >= 4 and len(_layer_modules("db")) >= 5


MODULES = {module_name(p, PACKAGE): p for p in PACKAGE.rglob("*.py")}


def _package_of(module: str) -> str:
    return module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Which package imports which, leaving out a package and its own subpackages."""
    packages: dict[str, set[str]] = {_package_of(module): set() for module in graph}
    for module, targets in graph.items():
        source = _package_of(module)
        for target in map(_package_of, targets):
            nested = target.startswith(source + ".") or source.startswith(target + ".")
            if target != source and not nested:
                packages[source].add(target)
    return packages


def test_no_two_packages_import_each_other() -> None:
    assert cycles(package_graph(import_graph())) == []


def test_the_cycle_checks_see_cycles() -> None:
    graph = import_graph()
    assert "powmia_desktop.db.tables" in graph["powmia_desktop.services.importing.records"]
    looped = {**graph, "powmia_desktop.db.tables": {"powmia_desktop.services.importing.records"}}
    assert cycles(looped) == [
        ["powmia_desktop.db.tables", "powmia_desktop.services.importing.records"]
    ]
    crossed = {
        **graph,
        "powmia_desktop.services.exporting.ics": {"powmia_desktop.services.importing.calendar"},
        "powmia_desktop.services.importing.calendar": {"powmia_desktop.services.exporting.ics"},
    }
    assert ["powmia_desktop.services.exporting", "powmia_desktop.services.importing"] in cycles(
        package_graph(crossed)
    )
