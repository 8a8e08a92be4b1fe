"""File > Review conflicts…: both versions side by side, resolved with one click."""

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from tests.helpers.dialogs import answer_questions, when_dialog_opens
from tests.services.importing.test_merge_conflicts import OURS, THEIRS, _receive, _send, _set_notes

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path
from powmia_desktop.db.models import ChangeLogEntry, Contact
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.gui.maintenance import ConflictsDialog


def _both_edited(theirs: Archive, tmp_path: Path) -> tuple[Archive, Path]:
    """Our archive, which received theirs once, and their next zip: both sides changed the
    same contact's notes in between."""
    folder = tmp_path / "ours"
    folder.mkdir()
    archive = Archive.open(location_for_path(folder / "ours.sqlite"), create=True)
    _receive(archive, _send(theirs, tmp_path / "first.zip"))
    _set_notes(theirs, THEIRS)
    _set_notes(archive, OURS)
    return archive, _send(theirs, tmp_path / "second.zip")


@pytest.fixture
def ours(demo_archive: Archive, tmp_path: Path) -> Archive:
    """An archive holding one conflict: both sides changed the same contact's notes."""
    archive, second = _both_edited(demo_archive, tmp_path)
    result = _receive(archive, second)
    assert result.counts["conflicts kept for review"] == 1
    return archive


def _notes(archive: Archive) -> str:
    with archive.reader() as session:
        return session.scalars(select(Contact.notes).order_by(Contact.id)).first() or ""


def test_the_dialog_shows_both_texts_and_takes_the_incoming_one(
    qtbot: QtBot, ours: Archive
) -> None:
    dialog = ConflictsDialog(ours)
    qtbot.addWidget(dialog)
    try:
        assert dialog.list.rowCount() == 1
        assert dialog.list.item(0, 1).text() == "contact"
        cells = [dialog.fields.item(0, c).text() for c in range(3)]
        assert cells == ["notes", OURS, THEIRS]
        with qtbot.waitSignal(dialog.resolved):
            qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)
        assert _notes(ours) == THEIRS
        assert dialog.list.rowCount() == 0 and not dialog.keep_button.isEnabled()
        assert "Kept the incoming version" in dialog.status.text()
        with ours.reader() as session:
            entry = session.scalars(
                select(ChangeLogEntry).order_by(ChangeLogEntry.id.desc())
            ).first()
            assert entry is not None and (entry.old_value, entry.new_value) == (OURS, THEIRS)
    finally:
        ours.close()


def test_review_conflicts_from_the_file_menu_keeps_ours(
    qtbot: QtBot, ours: Archive, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(ours)
    seen: list[str] = []

    def keep_ours(dialog: QWidget) -> None:
        assert isinstance(dialog, ConflictsDialog)
        seen.append(dialog.fields.item(0, 2).text())
        dialog.keep_button.click()
        seen.append(dialog.status.text())
        dialog.reject()

    when_dialog_opens(keep_ours)
    window.conflicts_action.trigger()
    assert seen == [
        THEIRS,
        "Kept this archive's version of contact " + seen[1].split("contact ")[1],
    ]
    assert _notes(window.archive) == OURS


def test_an_import_that_kept_conflicts_offers_the_review(
    qtbot: QtBot,
    demo_archive: Archive,
    tmp_path: Path,
    make_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """File > Import… of an archive zip (the wizard's pages aside): the review is offered."""
    import powmia_desktop.gui.imports as imports

    ours, second = _both_edited(demo_archive, tmp_path)
    window = make_window(ours)
    monkeypatch.setattr(
        imports, "open_import_wizard", lambda parent, archive: _receive(archive, second)
    )
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    shown: list[int] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, ConflictsDialog)
        shown.append(dialog.list.rowCount())
        dialog.reject()

    when_dialog_opens(look)
    window.import_file()
    assert asked and asked[0].startswith("1 conflict kept for review")
    assert shown == [1]
    assert _notes(ours) == OURS
