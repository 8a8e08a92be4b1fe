"""The main window, driven as a person would: lists, selection, search and archive state."""

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot

from powmia_desktop.app import open_archive
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path, resolve_location
from powmia_desktop.gui.imports.export import MYSELF
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.gui.tables import Column, RowTableModel
from powmia_desktop.services.cases import create_case, list_cases


def test_first_run_creates_the_default_archive_with_the_demo() -> None:
    location = resolve_location(None, {})
    assert location.is_default and location.path is not None
    assert not location.path.exists()
    archive = open_archive(location, demo=False)
    try:
        with archive.reader() as session:
            assert [r.surname for r in list_cases(session)] == ["Dumas"]
    finally:
        archive.close()
    again = open_archive(location, demo=False)  # second run: opened, not loaded twice
    again.close()


def test_window_lists_cases_filters_and_opens_the_case(qtbot: QtBot, demo_archive: Archive) -> None:
    window = MainWindow(demo_archive)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.cases_page
    assert window.sidebar.currentItem().text() == "Home"
    window.show_section("cases")
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data() == "Dumas, Roger A."
    assert page.count_label.text() == "1 case"

    qtbot.keyClicks(page.filter_edit, "nobody")
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "0 of 1 cases"
    page.filter_edit.clear()
    qtbot.keyClicks(page.filter_edit, "dumas")
    assert page.model.rowCount() == 1

    page.table.selectRow(0)
    editor = window.editors["cases"]
    assert editor.heading.text() == "Cpl. Roger A. Dumas"
    assert editor.forms[0].values()["loss_date"] == "4 Nov 1950"


def test_sections_switch_and_list_their_records(qtbot: QtBot, demo_archive: Archive) -> None:
    window = MainWindow(demo_archive)
    qtbot.addWidget(window)
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles[:5] == ["Home", "Cases", "Contacts", "Meetings", "Timeline"]
    window.show_section("timeline")
    timeline = window.section("timeline").page
    assert window.lists.currentWidget() is timeline
    assert timeline.model.rowCount() >= 19
    window.show_section("contacts")
    contacts = window.section("contacts").page
    names = [contacts.model.index(r, 0).data() for r in range(contacts.model.rowCount())]
    assert any("Dumas" in n for n in names)


def test_global_search_opens_the_record(qtbot: QtBot, demo_archive: Archive) -> None:
    from powmia_desktop.gui.search_dialog import SearchDialog
    from powmia_desktop.services.search import search

    window = MainWindow(demo_archive)
    qtbot.addWidget(window)
    window.show_section("meetings")
    with demo_archive.reader() as session:
        results = search(session, "yalu")
    dialog = SearchDialog(results, window)
    qtbot.addWidget(dialog)
    groups = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert groups[0].startswith("Cases (1)") and any(g.startswith("Timeline") for g in groups)
    dialog.chosen.connect(window.open_record)
    item = dialog.tree.currentItem()
    assert item is not None and item.text(0) == "Dumas, Roger A."
    dialog._activated(item)
    assert window.current.key == "cases"
    assert window.editors["cases"].heading.text() == "Cpl. Roger A. Dumas"


def test_user_text_is_shown_as_text_not_markup(qtbot: QtBot, archive: Archive) -> None:
    with archive.session() as session:
        create_case(session, surname="<b>Bold</b> & Co", circumstances="<i>x</i> <script>")
    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.cases_page.table.selectRow(0)
    editor = window.editors["cases"]
    assert editor.heading.text() == "<b>Bold</b> & Co"
    assert editor.heading.textFormat() == Qt.TextFormat.PlainText
    assert window.cases_page.model.index(0, 0).data() == "<b>Bold</b> & Co"


def test_row_model_sorts_by_raw_key_and_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    rows = [("b", 3), ("a", None), ("c", 1)]
    model: RowTableModel[tuple[str, int | None]] = RowTableModel(
        [Column("Name", lambda r: r[0]), Column("N", lambda r: str(r[1] or ""), lambda r: r[1])]
    )
    model.set_rows(rows, haystack=lambda r: r[0])
    qtmodeltester.check(model)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert [model.index(i, 0).data() for i in range(3)] == ["c", "b", "a"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [model.index(i, 0).data() for i in range(3)] == ["c", "b", "a"]
    model.set_filter("B")
    assert model.rowCount() == 1


def test_window_opens_on_its_home_page(qtbot: QtBot, demo_archive: Archive) -> None:
    window = MainWindow(demo_archive)
    qtbot.addWidget(window)
    window.show_section("meetings")
    window.close()
    path = demo_archive.location.path
    assert path is not None
    reopened = MainWindow(Archive.open(location_for_path(path)))
    qtbot.addWidget(reopened)
    assert reopened.on_home and reopened.pages.currentWidget() is reopened.home
    reopened.archive.close()


def test_case_list_filters_by_status_and_tag(qtbot: QtBot, demo_archive: Archive) -> None:
    from powmia_desktop.services.cases import add_status_change

    with demo_archive.session() as session:
        accounted = create_case(session, surname="Baker", accounting_status="accounted for")
        create_case(session, surname="Carter")
        add_status_change(session, accounted.id, status="KIA")
    window = MainWindow(demo_archive)
    qtbot.addWidget(window)
    page = window.cases_page
    status, tag = page._choice_filters[0][0], page._choice_filters[1][0]
    assert page.model.rowCount() == 3

    status.setCurrentIndex(status.findText("Accounted for"))
    assert [page.model.row_at(i).surname for i in range(page.model.rowCount())] == ["Baker"]
    assert page.count_label.text() == "1 of 3 cases"
    status.setCurrentIndex(status.findText("Status: POW"))
    assert [page.model.row_at(i).surname for i in range(page.model.rowCount())] == ["Dumas"]
    status.setCurrentIndex(0)

    assert tag.findText("Last Seen Alive") > 0
    tag.setCurrentIndex(tag.findText("Last Seen Alive"))
    assert [page.model.row_at(i).surname for i in range(page.model.rowCount())] == ["Dumas"]
    qtbot.keyClicks(page.filter_edit, "baker")  # text and choice filters together
    assert page.model.rowCount() == 0
    tag.setCurrentIndex(0)
    assert [page.model.row_at(i).surname for i in range(page.model.rowCount())] == ["Baker"]


def test_export_this_list_writes_the_cases_as_shown(
    qtbot: QtBot, demo_archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File > Export this list… honours the status and tag filters as well as the text."""
    with demo_archive.session() as session:
        create_case(session, surname="Baker", accounting_status="accounted for")
        create_case(session, surname="Carter", unit="Co. F, 19th Infantry")
    window = MainWindow(demo_archive)
    qtbot.addWidget(window)
    page = window.cases_page
    target = tmp_path / "shown.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (MYSELF, True)))

    def exported() -> list[str]:
        window.export_list()
        with target.open(encoding="utf-8-sig", newline="") as handle:
            names = [row["Name"] for row in csv.DictReader(handle)]
        target.unlink()
        return names

    assert len(exported()) == 3  # nothing narrows the list: every case
    status = page._choice_filters[0][0]
    status.setCurrentIndex(status.findText("Accounted for"))
    assert [name.split(",")[0] for name in exported()] == ["Baker"]
    status.setCurrentIndex(0)
    qtbot.keyClicks(page.filter_edit, "19th carter")  # every word, in any column
    assert [name.split(",")[0] for name in exported()] == ["Carter"]


def test_meetings_list_shows_the_day_and_time_where_the_meeting_is_held(
    qtbot: QtBot, archive: Archive
) -> None:
    """21:00 in Washington on the 15th is the 16th in UTC; the list says the 15th, 21:00."""
    import datetime as dt

    from powmia_desktop.core.vocab import MeetingType
    from powmia_desktop.db.models import Meeting

    with archive.session() as session:
        session.add_all(
            [
                Meeting(
                    meeting_type=MeetingType.ANNUAL_BRIEFING,
                    title="Evening session",
                    starts_at=dt.datetime(2006, 10, 16, 1, 0, tzinfo=dt.UTC),
                    timezone="America/New_York",
                ),
                Meeting(
                    meeting_type=MeetingType.FAMILY_MEMBER_UPDATE,
                    title="All-day update",
                    starts_at=dt.datetime(2006, 10, 21, 12, 0, tzinfo=dt.UTC),
                    all_day=True,
                    timezone="Asia/Seoul",
                ),
            ]
        )
    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.show_section("meetings")
    page = window.section("meetings").page
    page.wait_loaded()
    shown = {
        page.model.index(r, 1).data(): page.model.index(r, 0).data()
        for r in range(page.model.rowCount())
    }
    assert shown == {"Evening session": "15 Oct 2006, 21:00", "All-day update": "21 Oct 2006"}
