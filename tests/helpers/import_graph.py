"""Which of our modules import which when they run, and the loops among them.

Imports inside functions count (they only hide a loop); imports under ``if TYPE_CHECKING:``
are for the type checker only and do not. Used by tests/test_import_cycles.py (modules) and
tests/test_layers.py (packages).
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[2] / "src" / "powmia_desktop"


def module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_imports(node: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
        return [found for child in node.orelse for found in _runtime_imports(child)]
    if isinstance(node, ast.Import | ast.ImportFrom):
        return [node]
    return [found for child in ast.iter_child_nodes(node) for found in _runtime_imports(child)]


def import_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    """module -> the modules of ours it imports when it runs."""
    paths = {module_name(p, package): p for p in package.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        wanted: set[str] = set()
        for node in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                wanted.update(a.name for a in node.names)
            elif node.module:
                wanted.update(
                    f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in paths else node.module
                    for a in node.names
                )
        graph[name] = {w for w in wanted if w in paths and w != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import one another round a loop (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found
