"""Cycles are collected on the GUI thread only: a collection on a reading thread may delete
a Qt object off the GUI thread, which crashes the program."""

import gc
import threading
from typing import Any

from PySide6.QtCore import QObject, Qt
from pytestqt.qtbot import QtBot

from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.collector import collect_on_gui_thread
from powmia_desktop.gui.list_page import ListPage
from powmia_desktop.gui.sections import make_sections
from powmia_desktop.gui.tables import Column, RowTableModel
from powmia_desktop.services.cases import create_case


def test_automatic_collection_is_off_and_the_timer_collects_what_is_due(qapp: Any) -> None:
    collector = collect_on_gui_thread(qapp)
    assert collect_on_gui_thread(qapp) is collector  # once per application
    assert not gc.isenabled()
    gc.collect()
    assert collector.collect_when_due() is None  # nothing due right after a collection
    holder = QObject()
    cycle: list[object] = [holder]
    cycle.append(cycle)
    del cycle
    junk = [[] for _ in range(gc.get_threshold()[0] + 1)]
    assert collector.collect_when_due() == 0
    del junk, holder


def test_a_list_read_on_its_own_thread_never_collects_there(qtbot: QtBot, archive: Archive) -> None:
    with archive.session() as session:
        for n in range(1_200):  # more than a first screen: the rest is read on a thread
            create_case(session, surname=f"Name{n:04d}", given_names="Test")
    threads: list[str] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    page: ListPage[Any] = next(s.page for s in make_sections() if s.key == "cases")
    qtbot.addWidget(page)
    gc.callbacks.append(note)
    try:
        for _ in range(3):
            with archive.reader() as session:
                page.reload(session)
            qtbot.waitUntil(lambda: not page.loading, timeout=30_000)
    finally:
        gc.callbacks.remove(note)
    # Each read makes thousands of objects: a collector left on would have run on the
    # reading thread as it resumed after its pause.
    assert set(threads) <= {threading.main_thread().name}


def test_a_model_emptied_by_the_collector_answers_its_views_with_nothing(qapp: Any) -> None:
    """The collector empties a model's attributes before Qt lets go of it; a view asking it
    for a header or a count then must get nothing, not an exception in Qt's event loop."""
    model = RowTableModel([Column("Name", str)])
    model.set_rows(["Dumas"], str)
    index = model.index(0, 0)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    model.__dict__.clear()  # what the collector's clearing leaves
    assert model.headerData(0, Qt.Orientation.Horizontal) is None
    assert (model.rowCount(), model.columnCount(), model.data(index)) == (0, 0, None)


def test_a_live_model_answers_cells_without_asking_its_own_counts(
    qapp: Any, monkeypatch: Any
) -> None:
    """``data`` runs per visible cell: it reads the columns and rows directly, not through
    ``columnCount``/``rowCount`` (the guard for a freed model lives in class-level empties)."""
    model = RowTableModel([Column("Name", str), Column("Upper", str.upper)])
    model.set_rows(["Dumas"], str)

    def counted(*_: Any) -> int:
        raise AssertionError("data() asked for a count")

    monkeypatch.setattr(model, "columnCount", counted)
    monkeypatch.setattr(model, "rowCount", counted)
    assert model.data(model.createIndex(0, 1)) == "DUMAS"
    assert model.data(model.createIndex(0, 2)) is None
