"""Lists read progressively: the first screen at once, every row from a thread of its own.

A generated archive of 2,000 cases (bench/generate.py) is more than a first screen; each
test checks what a person would see or get while the rest is still being read, and after.
"""

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.helpers.copies import opened_copy

from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.list_page import FIRST_SCREEN, ListPage
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.gui.sections import make_sections
from powmia_desktop.services.cases import create_case, list_cases
from powmia_desktop.services.timeline import list_events

CASES = 2_000
BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(BENCH))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(BENCH))
    path = tmp_path_factory.mktemp("generated") / "war.sqlite"
    generate(path, CASES)
    return path


@pytest.fixture
def big_archive(generated: Path, tmp_path: Path) -> Iterator[Archive]:
    with opened_copy(generated, tmp_path) as archive:
        yield archive


def _page(qtbot: QtBot, key: str = "cases") -> ListPage[Any]:
    page = next(s.page for s in make_sections() if s.key == key)
    qtbot.addWidget(page)
    page.resize(900, 600)
    page.show()
    return page


def _loaded(qtbot: QtBot, page: ListPage[Any]) -> None:
    qtbot.waitUntil(lambda: not page.loading, timeout=30_000)


def test_the_first_screen_comes_first_then_every_case(qtbot: QtBot, big_archive: Archive) -> None:
    page = _page(qtbot)
    with big_archive.reader() as session:
        page.reload(session)
        by_name = list_cases(session)
    # Before the event loop runs again, only the first screen can be in the model.
    assert page.loading
    assert page.model.total_count == FIRST_SCREEN
    assert page.count_label.text() == f"Loading {CASES:,} cases…"
    shown = [page.model.row_at(i).id for i in range(FIRST_SCREEN)]
    assert shown == [r.id for r in by_name[:FIRST_SCREEN]]
    _loaded(qtbot, page)
    assert page.model.total_count == CASES
    assert page.count_label.text() == f"{CASES:,} cases"
    ids = [r.id for r in page.model.visible_rows()]
    assert sorted(ids) == sorted(r.id for r in by_name)  # every case, none twice


def test_a_filter_typed_while_loading_applies_to_every_case(
    qtbot: QtBot, big_archive: Archive
) -> None:
    page = _page(qtbot)
    with big_archive.reader() as session:
        page.reload(session)
        every = list_cases(session)
    word = every[-1].surname.casefold()  # a name late in the alphabet: not on the first screen
    status = page._choice_filters[0][0]
    page.filter_edit.setText(word)
    mia = [i for i in range(status.count()) if status.itemData(i) == ("status", "mia")]
    status.setCurrentIndex(mia[0])
    assert page.loading
    assert page.count_label.text().startswith("Loading")  # no count of a part as the whole
    _loaded(qtbot, page)
    expected = {
        r.id for r in every if word in page._haystack(r).casefold() and r.current_status == "mia"
    }
    assert expected, "the generated archive should have such cases"
    assert {r.id for r in page.model.visible_rows()} == expected
    assert page.count_label.text() == f"{len(expected):,} of {CASES:,} cases"


def test_sorting_and_the_rows_shown_see_every_case(qtbot: QtBot, big_archive: Archive) -> None:
    page = _page(qtbot)
    with big_archive.reader() as session:
        page.reload(session)
        every = list_cases(session)
    loss_date = [c.header for c in page.model.columns].index("Date of loss")
    page.table.sortByColumn(loss_date, Qt.SortOrder.DescendingOrder)  # while loading
    rows = page.shown_rows()  # what Export this list writes: waits for every row
    assert not page.loading
    assert len(rows) == len(every) == CASES
    keys = [r.loss_date_sort for r in rows if r.loss_date_sort is not None]
    assert keys == sorted(keys, reverse=True)
    assert {r.id for r in rows} == {r.id for r in every}


def test_selection_and_top_row_survive_the_swap(qtbot: QtBot, big_archive: Archive) -> None:
    page = _page(qtbot)
    with big_archive.reader() as session:
        page.reload(session)
    page.table.selectRow(120)
    page.table.scrollTo(page.model.index(100, 0), page.table.ScrollHint.PositionAtTop)
    selected = page.selected_id()
    top = page.model.row_at(page.table.rowAt(0)).id
    seen: list[int] = []
    page.record_selected.connect(seen.append)
    _loaded(qtbot, page)
    assert page.model.total_count == CASES
    assert page.selected_id() == selected
    assert page.model.row_at(page.table.rowAt(0)).id == top
    assert seen == []  # the same case stays selected: the editor is not reloaded


def test_select_id_waits_for_a_case_beyond_the_first_screen(
    qtbot: QtBot, big_archive: Archive
) -> None:
    page = _page(qtbot)
    with big_archive.reader() as session:
        page.reload(session)
        last = list_cases(session)[-1]
    assert page.select_id(last.id)
    assert page.selected_id() == last.id
    assert not page.loading


def test_a_save_while_loading_neither_loses_nor_duplicates(
    qtbot: QtBot, big_archive: Archive
) -> None:
    window = MainWindow(big_archive)
    qtbot.addWidget(window)
    page = window.cases_page
    assert page.loading  # the window opened on the first screen
    # Saved as the editor saves (one undoable change), before every row arrived.
    new_id = window.ops.perform(
        "New case", "serviceman", None, lambda s: create_case(s, surname="Zyzzyva").id
    )
    window.editors["cases"].saved.emit(new_id)
    assert page.selected_id() == new_id
    _loaded(qtbot, page)
    qtbot.wait(50)  # any late result of the first read has been delivered by now
    ids = [r.id for r in page.model.visible_rows()]
    assert len(ids) == len(set(ids)) == CASES + 1
    assert new_id in ids
    assert page.count_label.text() == f"{CASES + 1:,} cases"
    window.ops.undo_stack.undo()  # and undone: gone again, nothing else with it
    page.wait_loaded()
    ids = [r.id for r in page.model.visible_rows()]
    assert len(ids) == len(set(ids)) == CASES and new_id not in ids


def test_the_timeline_loads_the_same_way(qtbot: QtBot, big_archive: Archive) -> None:
    page = _page(qtbot, "timeline")
    with big_archive.reader() as session:
        page.reload(session)
        by_date = list_events(session)
    assert page.loading and page.model.total_count == FIRST_SCREEN
    assert [page.model.row_at(i).id for i in range(10)] == [r.id for r in by_date[:10]]
    _loaded(qtbot, page)
    assert [r.id for r in page.model.visible_rows()] == [r.id for r in by_date]


def test_a_hidden_list_reads_nothing_until_shown(qtbot: QtBot, big_archive: Archive) -> None:
    window = MainWindow(big_archive)
    qtbot.addWidget(window)
    timeline = window.section("timeline").page
    assert timeline.model.total_count == 0 and not timeline.loading
    window.show_section("timeline")
    assert timeline.model.total_count == FIRST_SCREEN and timeline.loading
    timeline.wait_loaded()
    assert timeline.model.total_count == CASES * 5
    _loaded(qtbot, window.cases_page)
