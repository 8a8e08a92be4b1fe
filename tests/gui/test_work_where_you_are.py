"""Doing things where you are: a contact or a source made from inside the picker that
needs it, and an event added from a case's Timeline tab, each one undoable step."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from tests.helpers.dialogs import when_dialog_opens
from tests.helpers.forms import add_in_picker, add_row, field, fill, new, save, section

from powmia_desktop.core.vocab import Confidence, ParticipantRole, RelationshipKind
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Contact, Source
from powmia_desktop.gui.forms.child_table import RowDialog
from powmia_desktop.gui.forms.quick_add import QuickAddDialog
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.gui.panels import CaseEventsPanel
from powmia_desktop.gui.timeline.new_event import NewEventDialog
from powmia_desktop.services.case_editing import read_case_form
from powmia_desktop.services.timeline import get_event

MakeWindow = Callable[[Archive], MainWindow]


def _count(archive: Archive, model: type) -> int:
    with archive.reader() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_new_contact_made_inside_the_case_s_picker_is_chosen_there(
    qtbot: QtBot, make_window: MakeWindow, archive: Archive
) -> None:
    window = make_window(archive)
    editor = new(window, "cases")
    fill(qtbot, editor, {"surname": "Kelly", "given_names": "Thomas J."})
    case_id = save(window, editor)

    def make_sister(dialog: RowDialog) -> None:
        add_in_picker(qtbot, dialog.form, "from_contact_id", {"display_name": "Margaret Kelly"})
        combo = dialog.form.editors["from_contact_id"]
        assert isinstance(combo, QComboBox) and combo.currentText() == "Margaret Kelly"

    add_row(qtbot, editor, "relationships", {"kind": "Sibling of"}, first=make_sister)
    save(window, editor)
    with archive.reader() as session:
        link = read_case_form(session, case_id).children["relationships"][0]
        sister = session.scalars(select(Contact)).one()
    assert (link["from_contact_id"], link["kind"]) == (sister.id, RelationshipKind.SIBLING_OF)
    assert sister.display_name == "Margaret Kelly"
    # The contact list has her too, and making her was its own step that undo takes back.
    section(window, "contacts")
    contacts = window.section("contacts").page
    contacts.wait_loaded()
    assert contacts.model.rowCount() == 1
    window.undo_action.trigger()  # the case's save
    window.undo_action.trigger()  # the new contact
    assert _count(archive, Contact) == 0


def test_a_new_contact_without_a_name_is_refused_in_place_and_cancel_makes_none(
    qtbot: QtBot, make_window: MakeWindow, archive: Archive
) -> None:
    window = make_window(archive)
    editor = new(window, "cases")
    seen: list[str] = []

    def refuse_then_cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, QuickAddDialog)
        dialog.save()  # no name typed
        assert dialog.isVisible()
        error = dialog.form.errors["display_name"]
        seen.append(error.text() if error.isVisible() else "")
        dialog.reject()

    def try_a_new_contact(dialog: RowDialog) -> None:
        when_dialog_opens(refuse_then_cancel)
        qtbot.mouseClick(dialog.form.new_buttons["from_contact_id"], Qt.MouseButton.LeftButton)
        dialog.reject()

    table = field(editor, "relationships")
    when_dialog_opens(lambda dialog: try_a_new_contact(dialog))  # type: ignore[arg-type]
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert seen == ["Name shown in lists: type it in."]
    assert _count(archive, Contact) == 0
    assert window.ops.undo_stack.count() == 0


def test_add_event_from_the_case_s_timeline_tab_with_a_new_source(
    qtbot: QtBot, make_window: MakeWindow, archive: Archive
) -> None:
    window = make_window(archive)
    editor = new(window, "cases")
    panel = next(p for p in editor.panels if isinstance(p, CaseEventsPanel))
    assert not panel.add_button.isEnabled()  # an unsaved case has no events yet
    fill(qtbot, editor, {"surname": "Kelly", "given_names": "Thomas J."})
    case_id = save(window, editor)
    assert panel.add_button.isEnabled()

    def cite_new_source(dialog: RowDialog) -> None:
        add_in_picker(qtbot, dialog.form, "source_id", {"title": "Army telegram of 12 Dec 1950"})

    def write_event(dialog: QWidget) -> None:
        assert isinstance(dialog, NewEventDialog)
        event = dialog.editor
        people = field(event, "participants")
        assert people.model.rowCount() == 1  # type: ignore[attr-defined]
        fill(qtbot, event, {"title": "Telegram: missing in action", "date": "12 Dec 1950"})
        add_row(
            qtbot,
            event,
            "citations",
            {"confidence": Confidence.PRIMARY.label},
            first=cite_new_source,
        )
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_dialog_opens(write_event)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 1
    event_id = panel.model.row_at(0).id
    with archive.reader() as session:
        event = get_event(session, event_id)
        assert event.title == "Telegram: missing in action"
        subject = event.participants[0]
        assert (subject.serviceman_id, subject.role) == (case_id, ParticipantRole.SUBJECT)
        assert event.citations[0].source.title == "Army telegram of 12 Dec 1950"
    timeline = window.section("timeline").page
    timeline.wait_loaded()
    assert timeline.model.rowCount() == 1
    window.undo_action.trigger()  # the event
    window.undo_action.trigger()  # the source
    assert _count(archive, Source) == 0
    panel.load(case_id)
    assert panel.model.rowCount() == 0
