"""The search dialog shows the words found in bold (never as markup typed in the archive),
and every kind of result opens something, places included."""

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QMessageBox, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Place
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.gui.search_dialog import (
    MarkupRole,
    SearchDialog,
    snippet_markup,
    snippet_text,
)
from powmia_desktop.services.search import record_at_place, search

MakeWindow = Callable[..., MainWindow]


def test_words_found_are_bold_and_typed_markup_stays_text() -> None:
    snippet = "a <i>camp</i> near the «Yalu» & «river»"
    assert snippet_markup(snippet) == (
        "a &lt;i&gt;camp&lt;/i&gt; near the <b>Yalu</b> &amp; <b>river</b>"
    )
    assert snippet_text(snippet) == "a <i>camp</i> near the Yalu & river"


def _results(dialog: SearchDialog) -> dict[str, list[QTreeWidgetItem]]:
    tree = dialog.tree
    groups: dict[str, list[QTreeWidgetItem]] = {}
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        assert group is not None
        name = group.text(0).split(" (")[0]
        groups[name] = [group.child(j) for j in range(group.childCount())]  # type: ignore[misc]
    return groups


def test_every_kind_of_result_opens_its_record(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    window.show()
    with demo_archive.reader() as session:
        results = search(session, "yalu")
    expected = {"Cases": "cases", "Timeline events": "timeline", "Sources": "sources"}
    groups = _results(SearchDialog(results, window))
    assert "Places" in groups
    for name, items in groups.items():
        for item in items:
            assert "«" not in item.text(1) and "»" not in item.text(1)
            if "yalu" in item.text(1).casefold():
                assert "<b>" in item.data(1, MarkupRole).casefold()
        dialog = SearchDialog(results, window)
        qtbot.addWidget(dialog)
        dialog.chosen.connect(window.open_record)
        window.show_home()
        dialog._activated(_results(dialog)[name][0])
        assert not window.on_home, name
        if name in expected:
            assert window.current.key == expected[name]
        else:  # a place opens the first event there, or a case lost there
            assert window.current.key in ("timeline", "cases")
        editor = window.editors[window.current.key]
        assert editor.showing_record and editor.record_id is not None


def test_a_place_with_nothing_recorded_says_so(
    qtbot: QtBot,
    make_window: MakeWindow,
    archive: Archive,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with archive.session() as session:
        place = Place(name="Pyoktong")
        session.add(place)
        session.flush()
        place_id = place.id
    with archive.reader() as session:
        assert record_at_place(session, place_id) is None
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    window = make_window(archive)
    window.open_record("place", place_id)
    assert told and told[0].startswith("No timeline event or case is recorded at this place")
    assert window.on_home
