"""The Lists section driven through its widgets: the review queue's three decisions, each
undone by Edit > Undo; the cross-reference tab; a case's "Appears on" tab."""

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from tests.services.lists.listfiles import ROSTER, import_namesakes, import_text

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import NameVariant, Serviceman
from powmia_desktop.gui.lists.section import ListDetail
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.services.audience import RedactionLog
from powmia_desktop.services.lists import crossref, overview, review
from powmia_desktop.services.lists.packet import crossref_part
from powmia_desktop.services.packets import Section, find_audience

MakeWindow = Callable[[Archive], MainWindow]


def _cases(archive: Archive) -> tuple[int, int]:
    """How many cases, and how many names they have besides their own."""
    with archive.reader() as session:
        return (
            session.scalar(select(func.count()).select_from(Serviceman)) or 0,
            session.scalar(select(func.count()).select_from(NameVariant)) or 0,
        )


def _open_list(qtbot: QtBot, window: MainWindow, title: str) -> ListDetail:
    window.show_section("lists")
    page = window.section("lists").page
    with window.archive.reader() as session:
        source_id = crossref.find_list(session, title).source_id
    qtbot.waitUntil(lambda: page.select_id(source_id), timeout=10_000)
    detail = window.section_details["lists"]
    assert isinstance(detail, ListDetail)
    qtbot.waitUntil(lambda: detail.source_id == source_id, timeout=10_000)
    _queue_read(qtbot, detail)
    return detail


@pytest.fixture
def lists(archive: Archive, tmp_path: Path) -> Archive:
    """The roster and a namesake imported, then a list whose two rows are held as possible
    duplicates: "John Smyth" may be John Smythe or John Smith, "Albert Browne" Albert Brown."""
    import_namesakes(archive, tmp_path)
    return archive


def _rows_read(qtbot: QtBot, detail: ListDetail) -> None:
    qtbot.waitUntil(lambda: not detail.rows_tab.loading, timeout=10_000)


def _queue_read(qtbot: QtBot, detail: ListDetail) -> None:
    qtbot.waitUntil(lambda: not detail.review.loading, timeout=10_000)


def _queue_names(detail: ListDetail) -> list[str]:
    return [r.name_as_printed for r in detail.review.held.visible_rows()]


def test_two_held_rows_one_confirmed_one_made_a_case_and_undo_restores_the_queue(
    qtbot: QtBot, make_window: MakeWindow, lists: Archive
) -> None:
    archive = lists
    cases = _cases(archive)
    window = make_window(archive)
    window.show()
    detail = _open_list(qtbot, window, "Last Seen Alive")
    detail.tabs.setCurrentWidget(detail.review)
    queue = detail.review
    assert _queue_names(detail) == ["John Smyth", "Albert Browne"]
    assert detail.tabs.tabText(1) == "Review queue (2)"
    # Side by side: the row's facts against each case it may be, best first, the
    # differing ones marked.
    queue.held_table.selectRow(0)
    assert [c.name for c in queue.candidates.visible_rows()] == ["Smythe, John", "Smith, John"]
    headers = [c.header for c in queue.facts.columns]
    assert headers == ["Fact", "On the list", "1. Smythe, John", "2. Smith, John"]
    surname = queue.facts.find_row(lambda f: f.field == "Surname")
    assert [queue.facts.index(surname, i).data() for i in range(4)] == [
        "Surname",
        "Smyth",
        "≠ Smythe",
        "≠ Smith",
    ]
    given = queue.facts.find_row(lambda f: f.field == "Given names")
    assert [queue.facts.index(given, i).data() for i in range(2, 4)] == ["John", "John"]
    assert "one of 2 cases" in queue.side_label.text()
    # The person picks the second case, Smith, and confirms him.
    assert queue.confirm_button.text() == "Same man as Smythe, John: confirm"
    queue.choose(1)
    assert queue.confirm_button.text() == "Same man as Smith, John: confirm"
    qtbot.mouseClick(queue.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _queue_names(detail) == ["Albert Browne"])
    queue.held_table.selectRow(0)
    assert [c.name for c in queue.candidates.visible_rows()] == ["Brown, Albert"]
    qtbot.mouseClick(queue.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _queue_names(detail) == [])
    assert queue.empty_label.isVisible() and not queue.confirm_button.isEnabled()
    # One case more, and the list's spelling "John Smyth" kept as a name of Smith's case.
    assert _cases(archive) == (cases[0] + 1, cases[1] + 1)
    # The rows in the list's own columns, as printed.
    _rows_read(qtbot, detail)
    headers = [c.header for c in detail.rows.columns]
    assert headers[:5] == ["Row", "Match", "Case", "Last Name", "First Name"]
    assert detail.rows.index(0, 3).data() == "Smyth" and detail.rows.index(1, 1).data() == "new"
    matches = {r.name_as_printed: (r.match, r.case_name) for r in detail.rows.visible_rows()}
    assert matches == {
        "John Smyth": ("matched", "Smith, John"),
        "Albert Browne": ("new", "Browne, Albert"),
    }
    assert "New case from Albert Browne" in window.undo_action.text()

    window.undo_action.trigger()
    qtbot.waitUntil(lambda: _queue_names(detail) == ["Albert Browne"])
    assert _cases(archive) == (cases[0], cases[1] + 1)  # the case made is gone again
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: _queue_names(detail) == ["John Smyth", "Albert Browne"])
    assert _cases(archive) == cases  # and the spelling the confirmation kept
    queue.held_table.selectRow(0)
    assert [c.name for c in queue.candidates.visible_rows()] == ["Smythe, John", "Smith, John"]
    _rows_read(qtbot, detail)
    assert {r.match for r in detail.rows.visible_rows()} == {"possible duplicate"}
    # Redo makes the same decisions again, the case chosen and the case made included.
    window.redo_action.trigger()
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: _queue_names(detail) == [])
    assert _cases(archive) == (cases[0] + 1, cases[1] + 1)
    _rows_read(qtbot, detail)
    assert {r.case_name for r in detail.rows.visible_rows()} == {"Smith, John", "Browne, Albert"}


def test_a_rejected_row_leaves_the_queue_and_stays_on_the_list(
    qtbot: QtBot, make_window: MakeWindow, lists: Archive
) -> None:
    archive = lists
    window = make_window(archive)
    detail = _open_list(qtbot, window, "Last Seen Alive")
    detail.review.held_table.selectRow(1)
    qtbot.mouseClick(detail.review.reject_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _queue_names(detail) == ["John Smyth"])
    _rows_read(qtbot, detail)
    assert [r.match for r in detail.rows.visible_rows()] == ["possible duplicate", "unmatched"]


def _held_on_page(window: MainWindow, title: str) -> int:
    """The held count the list of lists shows for ``title``."""
    rows = window.section("lists").page.shown_rows()
    return next(r.held for r in rows if r.title == title)


def test_a_row_whose_every_case_is_deleted_is_unmatched_until_undo(
    qtbot: QtBot, make_window: MakeWindow, lists: Archive
) -> None:
    """Both cases "John Smyth" may be deleted: the queue, its tab, the list of lists and the
    rows as printed all say it is no longer held; undoing the last deletion holds it again
    beside that case."""
    window = make_window(lists)
    detail = _open_list(qtbot, window, "Last Seen Alive")
    detail.review.held_table.selectRow(0)
    smythe, smith = detail.review.held.row_at(0).candidates
    window.ops.delete("Delete case Smythe, John", "serviceman", smythe.case_id)
    window.ops.delete("Delete case Smith, John", "serviceman", smith.case_id)
    qtbot.waitUntil(lambda: _queue_names(detail) == ["Albert Browne"], timeout=10_000)
    assert detail.tabs.tabText(1) == "Review queue (1)"
    qtbot.waitUntil(lambda: _held_on_page(window, "Last Seen Alive") == 1, timeout=10_000)
    _rows_read(qtbot, detail)
    rows = {r.name_as_printed: r.match for r in detail.rows.visible_rows()}
    assert rows == {"John Smyth": "unmatched", "Albert Browne": "possible duplicate"}
    detail.show_record(None)  # the queue of every list agrees
    qtbot.waitUntil(lambda: _queue_names(detail) == ["Albert Browne"], timeout=10_000)

    window.undo_action.trigger()  # Smith's case, and the row's link to him, come back
    qtbot.waitUntil(lambda: _queue_names(detail) == ["John Smyth", "Albert Browne"])
    detail.review.held_table.selectRow(0)
    assert [c.name for c in detail.review.candidates.visible_rows()] == ["Smith, John"]
    assert detail.tabs.tabText(1) == "Review queue (2)"
    qtbot.waitUntil(lambda: _held_on_page(window, "Last Seen Alive") == 2, timeout=10_000)


def test_the_cross_reference_tab_compares_with_another_list_and_saves_csv(
    qtbot: QtBot, make_window: MakeWindow, lists: Archive, tmp_path: Path
) -> None:
    archive = lists
    window = make_window(archive)
    detail = _open_list(qtbot, window, "DPAA roster")
    tab = detail.crossref
    with archive.reader() as session:
        other = crossref.find_list(session, "Last Seen Alive").source_id
    tab.choose(("against", str(other)))
    qtbot.mouseClick(tab.show_button, Qt.MouseButton.LeftButton)
    shown = {(r.group, r.name) for r in tab.model.visible_rows()}
    assert ("On DPAA roster, not on Last Seen Alive", "Dumas, Roger A.") in shown
    assert ("On Last Seen Alive, not on DPAA roster", "John Smyth") in shown
    # The previous edition: this list has one, and the tab says so in a line.
    tab.choose(("editions", ""))
    qtbot.mouseClick(tab.show_button, Qt.MouseButton.LeftButton)
    assert "1 imported edition" in tab.summary.text() and tab.model.rowCount() == 0
    tab.choose(("against", str(other)))
    tab.run()
    target = tmp_path / "x.csv"
    tab.save(target)
    assert "John Smyth" in target.read_text(encoding="utf-8-sig")


def test_a_case_shows_the_lists_it_appears_on(
    qtbot: QtBot, make_window: MakeWindow, archive: Archive, tmp_path: Path
) -> None:
    import_text(archive, tmp_path, "roster.csv", ROSTER, "DPAA roster")
    window = make_window(archive)
    with archive.reader() as session:
        dumas = session.scalars(select(Serviceman.id).where(Serviceman.surname == "Dumas")).one()
    window.open_record("case", dumas)
    editor = window.editors["cases"]
    qtbot.waitUntil(lambda: editor.record_id == dumas, timeout=10_000)
    panel = next(p for p in editor.panels if type(p).__name__ == "AppearsOnPanel")
    rows = panel.model.visible_rows()  # type: ignore[attr-defined]
    assert [(a.list_title, a.row_number, a.name_as_printed) for a in rows] == [
        ("DPAA roster", 2, "Roger A. Dumas")
    ]
    # Double-click opens the list in the Lists section.
    panel.open_record.emit("list", rows[0].source_id)
    assert window.current.key == "lists"
    assert window.section_details["lists"].source_id == rows[0].source_id  # type: ignore[attr-defined]


def test_the_queue_of_every_list_names_each_rows_list(
    qtbot: QtBot, make_window: MakeWindow, lists: Archive, tmp_path: Path
) -> None:
    greene = "Last Name,First Name,Rank,Service\nGreene,Tom,PFC,Army\n"
    import_text(lists, tmp_path, "kwp.csv", greene, "Korean War Project")
    window = make_window(lists)
    detail = _open_list(qtbot, window, "Korean War Project")
    queue = detail.review
    assert _queue_names(detail) == ["Tom Greene"] and queue.held.columns[0].header == "Row"
    queue.every_list.setChecked(True)
    assert queue.held.columns[0].header == "List"
    _queue_read(qtbot, detail)
    shown = [(r.list_title, r.name_as_printed) for r in queue.held.visible_rows()]
    assert shown == [
        ("Korean War Project", "Tom Greene"),
        ("Last Seen Alive", "John Smyth"),
        ("Last Seen Alive", "Albert Browne"),
    ]
    assert queue.held.index(1, 0).data() == "Last Seen Alive"
    assert queue.empty_label.text() == "3 rows held for review on every list"
    # A row of another list is decided here too.
    queue.held_table.selectRow(2)
    qtbot.mouseClick(queue.reject_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_queue_names(detail)) == 2)
    # With no list chosen, the queue is every list's.
    queue.every_list.setChecked(False)
    _queue_read(qtbot, detail)
    assert _queue_names(detail) == ["Tom Greene"]
    detail.show_record(None)
    _queue_read(qtbot, detail)
    assert queue.every and _queue_names(detail) == ["Tom Greene", "John Smyth"]
    assert detail.tabs.currentWidget() is queue and not queue.every_list.isEnabled()


def test_a_lists_rows_are_read_on_another_thread_and_only_the_latest_read_is_shown(
    qtbot: QtBot,
    make_window: MakeWindow,
    lists: Archive,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    readers: list[str] = []
    read_rows = overview.list_rows

    def list_rows(session: Session, source_id: int) -> list[overview.ListRowView]:
        readers.append(threading.current_thread().name)
        return read_rows(session, source_id)

    monkeypatch.setattr(overview, "list_rows", list_rows)
    window = make_window(lists)
    detail = _open_list(qtbot, window, "DPAA roster")
    with lists.reader() as session:
        roster = crossref.find_list(session, "DPAA roster").source_id
        lsa = crossref.find_list(session, "Last Seen Alive").source_id
    with qtbot.waitSignal(detail.rows_tab.loaded, timeout=10_000):
        detail.show_record(lsa)
        detail.show_record(roster)  # the read of the other list is dropped unread
        assert detail.rows_tab.loading and detail.rows.rowCount() == 0
    assert readers and set(readers) == {"list rows"}
    assert [r.name_as_printed for r in detail.rows.visible_rows()][:2] == [
        "Roger A. Dumas",
        "Albert Brown",
    ]
    assert detail.rows_tab.status.text() == "4 rows"


def test_the_queue_is_read_on_another_thread_and_a_stale_read_never_replaces_a_newer_one(
    qtbot: QtBot,
    make_window: MakeWindow,
    lists: Archive,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One list's queue is held back while the queue of every list is asked for: the table
    says it is reading, no decision can be made on the rows being read again, and when the
    held-back read ends at last its rows are never taken in."""
    import_text(lists, tmp_path, "kwp.csv", "Last Name,First Name\nGreene,Tom\n", "KWP")
    readers: list[str] = []
    gate, finished = threading.Event(), threading.Event()
    gate.set()
    read_queue = review.held_rows

    def held_rows(session: Session, source_id: int | None = None) -> list[review.HeldItem]:
        readers.append(threading.current_thread().name)
        if source_id is not None:  # one list's queue: as slow as the test says
            gate.wait(timeout=30)
        try:
            return read_queue(session, source_id)
        finally:
            finished.set()

    monkeypatch.setattr(review, "held_rows", held_rows)
    window = make_window(lists)
    detail = _open_list(qtbot, window, "Last Seen Alive")
    queue = detail.review
    assert _queue_names(detail) == ["John Smyth", "Albert Browne"]
    gate.clear()
    finished.clear()
    with lists.reader() as session:
        queue.show_list(session, detail.source_id)
    # The same queue's rows stay on screen while it is read again, but not to decide on.
    assert queue.loading and queue.empty_label.text() == "Reading the rows held for review…"
    assert _queue_names(detail) == ["John Smyth", "Albert Browne"]
    assert not queue.confirm_button.isEnabled() and not queue.reject_button.isEnabled()
    queue.every_list.setChecked(True)  # another queue: its rows go at once
    assert queue.loading and queue.held.rowCount() == 0  # taken in on the GUI thread only
    assert queue.reading_note.text() == "Reading the rows held for review…"
    _queue_read(qtbot, detail)
    every = [("KWP", "Tom Greene"), ("Last Seen Alive", "John Smyth")]
    every.append(("Last Seen Alive", "Albert Browne"))
    assert [(r.list_title, r.name_as_printed) for r in queue.held.visible_rows()] == every
    assert queue.confirm_button.isEnabled() and not queue.reading_note.text()
    finished.clear()
    gate.set()  # the read of one list ends now, long after the newer one
    qtbot.waitUntil(finished.is_set, timeout=10_000)
    QApplication.processEvents()
    assert [(r.list_title, r.name_as_printed) for r in queue.held.visible_rows()] == every
    assert detail.tabs.tabText(1) == "Review queue (3)"
    assert readers and set(readers) == {"list rows"}


def test_the_cross_reference_shows_only_what_the_chosen_audience_may_read_as_a_packet_would(
    qtbot: QtBot, make_window: MakeWindow, lists: Archive, tmp_path: Path
) -> None:
    with lists.session() as session:
        for surname, level in (("Smith", Sensitivity.PRIVATE), ("Brown", Sensitivity.FAMILY)):
            case = session.scalars(select(Serviceman).where(Serviceman.surname == surname)).one()
            case.sensitivity = level
    window = make_window(lists)
    detail = _open_list(qtbot, window, "DPAA roster")
    tab = detail.crossref
    with lists.reader() as session:
        army = crossref.find_list(session, "Army roster").source_id
    assert tab.audience_box.currentText() == "Extended family"
    tab.choose(("against", str(army)))
    tab.run()
    section = Section("crossref", {"list": "DPAA roster", "against": "Army roster"})

    def shown() -> list[str]:
        return [r.name for r in tab.model.visible_rows()]

    def printed(audience_name: str) -> list[str]:
        with lists.reader() as session:
            audience = find_audience(session, audience_name)
            part = crossref_part(session, section, audience, RedactionLog())
        assert part.result is not None
        return [r.name for g in part.result.groups for r in g.rows]

    # Smith is private: no audience's; Brown is for the family, above what officials see.
    family = ["Brown, Albert", "Dumas, Roger A.", "Green, Tom", "Smythe, John"]
    assert shown() == family == printed("Extended family")
    assert "(1 man not shown: beyond" in tab.summary.text()
    tab.choose_audience("DPAA analyst")
    assert shown() == ["Dumas, Roger A.", "Green, Tom", "Smythe, John"] == printed("DPAA analyst")
    assert "(2 men not shown: beyond" in tab.summary.text()
    tab.choose_audience("Press")  # nobody is marked public
    assert shown() == [] == printed("Press")
    # The file saved is what is shown.
    tab.choose_audience("Extended family")
    target = tmp_path / "x.csv"
    tab.save(target)
    text = target.read_text(encoding="utf-8-sig")
    assert "Brown" in text and "Smith," not in text
    tab.choose_audience("DPAA analyst")
    tab.save(target)
    assert "Brown" not in target.read_text(encoding="utf-8-sig")


def test_the_demo_lsa_row_is_held_beside_dumas_with_nothing_printed_to_compare(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    window.show_section("lists")
    detail = window.section_details["lists"]
    assert isinstance(detail, ListDetail)
    detail.show_record(None)
    _queue_read(qtbot, detail)
    queue = detail.review
    [held] = queue.held.visible_rows()
    queue.held_table.selectRow(0)
    assert held.list_title.startswith("Last Seen Alive") and held.candidate_name.startswith("Dumas")
    [candidate] = queue.candidates.visible_rows()
    differs = queue.candidates.index(0, 2).data()
    assert differs == "nothing to compare: no copy of the row as printed"
    assert "No copy of the list's row has been seen" in candidate.reason
    assert queue.confirm_button.isEnabled() and not queue.new_button.isEnabled()
