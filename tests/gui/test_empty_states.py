"""No section opens on a greyed, empty form: it shows its first record, or says what to
do; an empty table says it is empty, and why."""

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.services.demo import load_demo

MakeWindow = Callable[..., MainWindow]


@pytest.mark.parametrize("demo", [True, False], ids=["demo archive", "empty archive"])
def test_every_section_shows_a_record_or_says_what_to_do(
    qtbot: QtBot, make_window: MakeWindow, archive: Archive, demo: bool
) -> None:
    if demo:
        with archive.session() as session:
            load_demo(session)
    window = make_window(archive)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    for section in window.sections:
        window.show_section(section.key)
        page = section.page
        page.wait_loaded()
        editor = window.editors.get(section.key)
        if editor is None:  # a section with a pane of its own: it shows the first row
            assert page.model.rowCount() == 0 or page.selected_id() is not None, section.key
            continue
        assert editor.isVisible() and editor.isEnabled(), section.key
        if page.model.rowCount():
            assert editor.showing_record and editor.form_page.isEnabled(), section.key
            assert editor.heading.text() and editor.record_id is not None, section.key
            assert not page.empty_note.isVisible()
        else:
            assert not demo or section.key not in ("cases", "contacts", "timeline")
            assert not editor.showing_record and editor.empty_page.isVisible(), section.key
            words = editor.empty_page.message.text()
            assert words.startswith("There is no ") and f"“New {editor.spec.noun}”" in words
            assert editor.empty_page.new_button.isVisible()
            assert page.empty_note.isVisible(), section.key
            assert page.empty_note.text().startswith(f"There are no {page.noun} in this archive")


def test_the_new_button_of_an_empty_section_starts_a_record(
    qtbot: QtBot, make_window: MakeWindow, archive: Archive
) -> None:
    window = make_window(archive)
    window.show()
    window.show_section("contacts")
    editor = window.editors["contacts"]
    assert editor.empty_page.message.text() == (
        "There is no contact yet. Press “New contact” to add the first."
    )
    editor.empty_page.new_button.click()
    assert editor.showing_record and editor.heading.text() == "New contact (not saved)"
    editor.revert()
    assert not editor.showing_record


def test_a_filter_that_matches_nothing_says_so_and_keeps_the_record(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    window.show()
    window.show_section("contacts")
    page = window.section("contacts").page
    editor = window.editors["contacts"]
    shown = editor.record_id
    assert shown is not None
    qtbot.keyClicks(page.filter_edit, "zzzz")
    assert page.model.rowCount() == 0
    assert page.empty_note.isVisible() and page.empty_note.text() == "No contacts match “zzzz”."
    assert editor.record_id == shown and editor.showing_record
    page.filter_edit.clear()
    assert not page.empty_note.isVisible()
    editor.clear()  # nothing chosen, though the list has rows: it says how to choose
    window.show_home()
    window.show_section("contacts")
    assert editor.record_id is not None  # showing the section again took the first row
    editor.clear()
    assert editor.empty_page.message.text() == (
        "Choose a contact on the left, or press “New contact”."
    )
