"""The home page, driven by clicking: it is what the window opens on, each line opens its
record, "Build packet…" opens the packet for the next meeting, and an empty archive shows
the ways to start."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from tests.helpers.dialogs import when_dialog_opens

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Contact, Task
from powmia_desktop.gui.home.links import RecordLink
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.gui.packets import PacketDialog
from powmia_desktop.gui.window import home

MakeWindow = Callable[..., MainWindow]


def _link(window: MainWindow, text: str) -> RecordLink:
    found = [link for link in window.home.links() if link.item.text.startswith(text)]
    assert found, [link.item.text for link in window.home.links()]
    return found[0]


def _button(window: MainWindow, text: str) -> QPushButton:
    found = [b for b in window.home.findChildren(QPushButton) if b.text() == text]
    assert len(found) == 1, text
    return found[0]


def test_the_window_opens_on_the_next_meeting(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    window.show()
    assert window.sidebar.currentItem().text() == "Home" and window.on_home
    assert window.pages.currentWidget() is window.home
    summary = window.home.summary
    assert summary is not None and summary.next_meeting is not None
    assert summary.next_meeting.meeting.title == "Family Member Update (illustrative)"
    texts = [link.item.text for link in window.home.links()]
    assert "Dumas, Roger A." in texts
    assert any(t.startswith("Will DPAA provide the list of 2,058") for t in texts)
    assert not window.save_action.isEnabled() and not window.delete_action.isEnabled()
    with demo_archive.session() as session:
        contacts = session.scalar(select(func.count()).select_from(Contact))
    assert window.status_label.text().startswith(f"1 case · {contacts} contacts · 2 meetings")


def test_each_line_opens_its_record(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    window.show()
    qtbot.mouseClick(_link(window, "Can the Army provide"), Qt.MouseButton.LeftButton)
    assert window.current.key == "questions" and not window.on_home
    assert window.editors["questions"].heading.text().startswith("Can the Army provide")

    window.show_home()
    qtbot.mouseClick(_link(window, "Print the case packet"), Qt.MouseButton.LeftButton)
    assert window.current.key == "tasks"
    assert (
        window.editors["tasks"].heading.text()
        == "Print the case packet for the Family Member Update"
    )

    window.show_home()
    link = _link(window, "Dumas, Roger A.")
    link.setFocus()
    qtbot.keyClick(link, Qt.Key.Key_Space)  # the keyboard reaches every line too
    assert window.current.key == "cases"
    assert window.editors["cases"].heading.text() == "Cpl. Roger A. Dumas"

    window.show_home()
    qtbot.mouseClick(_link(window, "Family Member Update"), Qt.MouseButton.LeftButton)
    assert window.current.key == "meetings"
    assert window.editors["meetings"].heading.text().startswith("Family Member Update")


def test_build_packet_opens_the_packet_dialog_on_the_next_meeting(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    window.show()
    summary = window.home.summary
    assert summary is not None and summary.next_meeting is not None
    seen: dict[str, object] = {}

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, PacketDialog)
        seen["meeting"] = dialog.meeting_box.currentData()
        dialog.reject()

    when_dialog_opens(look)
    qtbot.mouseClick(_button(window, "Build packet…"), Qt.MouseButton.LeftButton)
    assert seen["meeting"] == summary.next_meeting.meeting.id


def test_the_page_follows_what_is_saved(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    window.show()
    assert _button(window, "Back up now") is not None
    window.show_section("tasks")
    with demo_archive.session() as session:
        session.add(Task(title="Ring the casualty office", due_on=dt.date(2001, 1, 2)))
    window.reload()  # what every save does
    window.show_home()
    summary = window.home.summary
    assert summary is not None and summary.overdue_count == 1
    ring = [
        link.item for link in window.home.links() if link.item.text == "Ring the casualty office"
    ]
    # among the overdue tasks, and the latest change
    assert sorted(item.detail.split()[0] for item in ring) == ["due", "today"]
    assert {item.kind for item in ring} == {"task"}
    assert "due 2 Jan 2001" in (item.detail for item in ring)


def test_an_empty_archive_shows_how_to_start(
    qtbot: QtBot,
    make_window: MakeWindow,
    archive: Archive,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(archive)
    window.show()
    assert window.home.findChild(QPushButton, "start-import") is not None
    assert "not backed up yet" in window.status_label.text()

    qtbot.mouseClick(_button(window, "Add a case"), Qt.MouseButton.LeftButton)
    assert window.current.key == "cases" and not window.on_home
    editor = window.editors["cases"]
    assert editor.heading.text() == "New case (not saved)" and editor.isEnabled()
    editor.clear()

    demo = tmp_path / "elsewhere" / "demo.sqlite"
    demo.parent.mkdir()
    monkeypatch.setattr(home, "demo_path", lambda: demo)
    window.show_home()
    qtbot.mouseClick(_button(window, "Open the demo"), Qt.MouseButton.LeftButton)
    assert window.archive.location.path == demo
    assert window.on_home or window.current.key == "cases"
    window.show_home()
    summary = window.home.summary
    assert summary is not None and summary.counts.cases == 1
    assert archive.location.path is not None and archive.location.path != demo
