"""Docstrings cite only what is in the repository: docs/, the code and its tests.

Design notes live in docs/ (architecture.md, data-model.md, field-notes.md). A docstring that
names a file (``db/lock.py``, ``bench/run.py``, ``docs/data-model.md``, a module beside
it) must name one that exists: beside its module, in the package, in the repository or in
docs/. Nothing cites the notes kept outside the repository. The real data files the import
tests read when they are there (tests/services/importing/conftest.py) are the one citation
of something outside, and they are data, not notes.
"""

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "powmia_desktop"
DOCS = ROOT / "docs"
#: A cited file: a name with an extension, perhaps a folder path before it.
CITED = re.compile(
    r"(?<![\w/.<-])((?:\.\./)*(?:[\w-]+/)*[\w-]+\.(?:py|md|toml|spec|sh|yml|yaml|cfg|ini))\b"
)
#: The design notes by their old names, with or without ".md" (docs/ holds them now).
OLD_NOTES = re.compile(r"\b(?:ARCHITECTURE|DATA-MODEL|FIELD-NOTES|STYLE|PLATFORM)\b|\.\./shared")
SOURCES = sorted(
    [*PACKAGE.rglob("*.py"), *(ROOT / "bench").glob("*.py"), *(ROOT / "tests").rglob("*.py")]
)
OUTSIDE_DATA = {ROOT / "tests" / "services" / "importing" / "conftest.py"}


def docstrings(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            text = ast.get_docstring(node, clean=False)
            if text:
                yield getattr(node, "lineno", 1), text


def exists(cited: str, module: Path) -> bool:
    return any((base / cited).exists() for base in (module.parent, PACKAGE, ROOT, DOCS))


def cited_paths(path: Path) -> list[tuple[int, str]]:
    return [(line, m.group(1)) for line, text in docstrings(path) for m in CITED.finditer(text)]


def test_the_design_notes_are_in_the_repository() -> None:
    for name in ("architecture.md", "data-model.md", "field-notes.md"):
        text = (DOCS / name).read_text(encoding="utf-8")
        assert text.startswith("# ") and len(text) > 2000, name


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_file_a_docstring_cites_exists(path: Path) -> None:
    missing = [
        f"line {line}: {cited}" for line, cited in cited_paths(path) if not exists(cited, path)
    ]
    assert missing == []


def test_no_docstring_cites_notes_outside_the_repository() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {match.group(0)}"
        for path in SOURCES
        if path not in OUTSIDE_DATA
        for line, text in docstrings(path)
        for match in OLD_NOTES.finditer(text)
    ]
    assert found == []


def test_the_check_sees_a_missing_file(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('"""See docs/architecture.md, db/lock.py and db/nowhere.py."""\n')
    cited = [c for _, c in cited_paths(module)]
    assert cited == ["docs/architecture.md", "db/lock.py", "db/nowhere.py"]
    assert [c for c in cited if not exists(c, module)] == ["db/nowhere.py"]
    module.write_text('"""As DATA-MODEL.md says (../shared/design)."""\n')
    assert len(list(OLD_NOTES.finditer(next(docstrings(module))[1]))) == 2
