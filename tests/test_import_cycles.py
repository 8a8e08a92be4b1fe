"""No module imports itself round a loop, not even by an import inside a function.

Imports under ``if TYPE_CHECKING:`` are for the type checker only (the models name each
other in annotations) and do not count.
"""

from pathlib import Path

from tests.helpers.import_graph import cycles, import_graph


def test_no_module_imports_itself_round_a_loop() -> None:
    assert cycles(import_graph()) == []


def test_the_check_sees_a_loop_made_by_an_import_inside_a_function(tmp_path: Path) -> None:
    package = tmp_path / "powmia_desktop"
    (package / "forms").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "forms" / "__init__.py").write_text("")
    (package / "forms" / "form.py").write_text("from powmia_desktop.forms.table import Table\n")
    (package / "forms" / "table.py").write_text(
        "def dialog():\n    from powmia_desktop.forms.form import Form\n"
    )
    assert cycles(import_graph(package)) == [
        ["powmia_desktop.forms.form", "powmia_desktop.forms.table"]
    ]
