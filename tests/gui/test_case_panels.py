"""The case editor's Timeline and Attachments tabs: linked events, files added and undone."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from tests.helpers.dialogs import press, when_dialog_opens

from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.gui.panels import AttachmentsPanel, CaseEventsPanel, LinksToContactPanel
from powmia_desktop.services.attachments import stored_path

MakeWindow = Callable[[Archive], MainWindow]


def _panel(window: MainWindow, kind: type) -> object:
    return next(p for p in window.editors["cases"].panels if isinstance(p, kind))


def test_timeline_tab_lists_the_cases_events_and_opens_one(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    window.cases_page.table.selectRow(0)
    events = _panel(window, CaseEventsPanel)
    assert isinstance(events, CaseEventsPanel)
    titles = [events.model.row_at(i).title for i in range(events.model.rowCount())]
    assert any("captured" in t for t in titles) and len(titles) >= 10
    first = events.model.row_at(0)
    events.table.doubleClicked.emit(events.model.index(0, 0))
    assert window.current.key == "timeline"
    assert window.section("timeline").page.selected_id() == first.id


def test_attach_a_file_remove_it_and_undo(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive, tmp_path: Path
) -> None:
    letter = tmp_path / "Army letter 26 Feb 1954.pdf"
    letter.write_bytes(b"%PDF-1.4 presumed dead")
    window = make_window(demo_archive)
    window.cases_page.table.selectRow(0)
    panel = _panel(window, AttachmentsPanel)
    assert isinstance(panel, AttachmentsPanel)
    assert panel.model.rowCount() == 0

    panel.add(letter, "Presumptive finding of death")
    assert panel.model.rowCount() == 1
    row = panel.model.row_at(0)
    assert (row.original_name, row.caption) == (letter.name, "Presumptive finding of death")
    folder = demo_archive.location.attachments_dir
    assert (
        folder is not None and stored_path(folder, row.sha256).read_bytes() == letter.read_bytes()
    )

    when_dialog_opens(press(QMessageBox.StandardButton.Yes))
    panel.remove_row(0)
    assert panel.model.rowCount() == 0
    window.undo_action.trigger()  # the removal
    panel.load(panel.record_id)
    assert panel.model.rowCount() == 1
    window.undo_action.trigger()  # the attaching
    panel.load(panel.record_id)
    assert panel.model.rowCount() == 0


def test_print_case_summary_opens_a_preview_of_the_pdf(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    from PySide6.QtWidgets import QApplication
    from tests.helpers.dialogs import when_dialog_opens

    from powmia_desktop.gui.pdf_preview import PdfPreviewDialog

    window = make_window(demo_archive)
    window.cases_page.table.selectRow(0)
    when_dialog_opens(lambda dialog: dialog.accept())  # who it is for: as offered
    window.summary_action.trigger()
    previews = [w for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreviewDialog)]
    assert len(previews) == 1 and previews[0].isVisible()
    qtbot.waitUntil(lambda: previews[0].preview.document.pageCount() >= 1, timeout=30_000)
    previews[0].close()


def test_a_contact_shows_who_names_them_and_opens_that_contact(
    qtbot: QtBot, make_window: MakeWindow, archive: Archive
) -> None:
    """Bill names Ruth his aunt on his own page; Ruth's page shows it from her side."""
    from powmia_desktop.core.vocab import RelationshipKind
    from powmia_desktop.db.models import Contact, Relationship

    with archive.session() as session:
        ruth = Contact(display_name="Ruth Dumas", surname="Dumas")
        bill = Contact(display_name="Bill Dumas", surname="Dumas")
        session.add_all([ruth, bill])
        session.flush()
        session.add(
            Relationship(
                from_contact=bill, to_contact_id=ruth.id, kind=RelationshipKind.NEPHEW_OF,
                label="nephew, keeps the case",
            )
        )  # fmt: skip
        session.flush()
        ruth_id, bill_id = ruth.id, bill.id
    window = make_window(archive)
    window.open_record("contact", ruth_id)
    panel = next(p for p in window.editors["contacts"].panels if isinstance(p, LinksToContactPanel))
    assert panel.model.rowCount() == 1
    row = panel.model.row_at(0)
    assert (row.from_name, row.words, row.their_words) == (
        "Bill Dumas",
        RelationshipKind.NEPHEW_OF.reverse_label,
        "nephew, keeps the case",
    )
    panel.table.doubleClicked.emit(panel.model.index(0, 0))
    assert window.section("contacts").page.selected_id() == bill_id
    assert panel.model.rowCount() == 0  # nobody names Bill
