"""The import rule of ARCHITECTURE.md, checked by reading every module's imports.

core imports nothing of ours; db imports core; services and reports import core and db;
gui and cli import the rest; nothing imports gui; no layer below gui imports Qt.
No two modules import each other, directly or round a loop, and no two packages do (a package
and its own subpackages aside): what two of them share lives below both. Imports inside
functions count (they only hide a cycle); imports under ``if TYPE_CHECKING:`` do not.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

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


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _runtime_imports(path: Path) -> Iterator[str]:
    """Our modules that ``path`` imports when run (anywhere but under TYPE_CHECKING)."""
    todo: list[ast.AST] = [ast.parse(path.read_text(encoding="utf-8"))]
    while todo:
        node = todo.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                todo += child.orelse
                continue
            if isinstance(child, ast.Import):
                yield from (a.name for a in child.names if a.name in MODULES)
            elif isinstance(child, ast.ImportFrom) and child.module in MODULES:
                for alias in child.names:  # ``from package import module`` names the module
                    submodule = f"{child.module}.{alias.name}"
                    yield submodule if submodule in MODULES else child.module
            todo.append(child)


def import_graph() -> dict[str, set[str]]:
    return {
        name: {n for n in _runtime_imports(path) if n != name} for name, path in MODULES.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of nodes that reach each other (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = stack[stack.index(node) :]
            del stack[stack.index(node) :]
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _package_of(module: str) -> str:
    return module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Which package imports which, leaving out a package and its own subpackages."""
    packages: dict[str, set[str]] = {}
    for module, targets in graph.items():
        source = _package_of(module)
        for target in map(_package_of, targets):
            nested = target.startswith(source + ".") or source.startswith(target + ".")
            if target != source and not nested:
                packages.setdefault(source, set()).add(target)
    return packages


def test_no_module_imports_itself_round_a_loop() -> None:
    assert cycles(import_graph()) == []


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
