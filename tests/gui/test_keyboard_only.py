"""The organizer's whole job with the keyboard only: every key goes to the widget that has
the focus (Tab and Shift+Tab, Enter, Space, arrow keys, the window's shortcuts); nothing is
clicked and no text is set from code. Where a control could not be reached this way, the
window was changed, not the test."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from tests.helpers.dialogs import when_dialog_opens
from tests.helpers.keys import (
    CTRL,
    SHIFT,
    Key,
    active,
    choose,
    focused,
    has_focus,
    press,
    tab_to,
    type_text,
)
from tests.helpers.organizer import check_the_packet

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import PacketRun
from powmia_desktop.gui.editor import RecordEditor
from powmia_desktop.gui.forms.child_table import ChildTable, RowDialog
from powmia_desktop.gui.forms.form import FormWidget
from powmia_desktop.gui.forms.quick_add import QuickAddDialog
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.gui.packets import PacketDialog
from powmia_desktop.gui.packets.preview import PacketPreviewDialog
from powmia_desktop.gui.panels import CaseEventsPanel
from powmia_desktop.gui.timeline.new_event import NewEventDialog

MakeWindow = Callable[[Archive], MainWindow]


def _field(editor: RecordEditor | FormWidget, name: str) -> QWidget:
    forms = editor.forms if isinstance(editor, RecordEditor) else [editor]
    return next(f.editors[name] for f in forms if name in f.editors)


def _type_into(editor: RecordEditor | FormWidget, values: dict[str, str]) -> None:
    for name, text in values.items():
        widget = _field(editor, name)
        if isinstance(widget, QComboBox):
            choose(widget, text)
        else:
            tab_to(widget)
            type_text(text)


def _in_dialog(kind: type[QDialog], act: Callable[[QDialog], None]) -> None:
    """When the next modal dialog opens: check its kind, act with keys, and make sure a
    dialog that stayed open (a key that did not reach it) fails the test, not hangs it."""

    def run(dialog: QWidget) -> None:
        assert isinstance(dialog, QDialog)
        try:
            assert isinstance(dialog, kind), type(dialog)
            active(dialog)
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    when_dialog_opens(run)


def _open_tab(editor: RecordEditor, page: QWidget) -> None:
    """Ctrl+Tab through the editor's tabs until ``page`` is shown."""
    tab_to(editor.tabs.tabBar())
    for _ in range(editor.tabs.count()):
        if editor.tabs.currentWidget() is page or editor.tabs.currentWidget().isAncestorOf(page):
            return
        press(Key.Key_Right)
    raise AssertionError("the tab was never shown")


def _new_contact_in_picker(form: FormWidget, name: str, values: dict[str, str]) -> None:
    def act(dialog: QDialog) -> None:
        assert isinstance(dialog, QuickAddDialog)
        _type_into(dialog.form, values)
        press(Key.Key_Return)
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.message.text()

    _in_dialog(QuickAddDialog, act)
    tab_to(form.new_buttons[name])
    press(Key.Key_Space)
    active(form.window())  # back where the dialog was opened


def _add_row(table: ChildTable, act: Callable[[RowDialog], None]) -> None:
    rows = table.model.rowCount()

    def run(dialog: QDialog) -> None:
        assert isinstance(dialog, RowDialog)
        act(dialog)
        press(Key.Key_Return)
        assert dialog.result() == QDialog.DialogCode.Accepted

    _in_dialog(RowDialog, run)
    tab_to(table.add_button)
    press(Key.Key_Space)
    active(table.window())
    assert table.model.rowCount() == rows + 1


def _go(window: MainWindow, key: str) -> None:
    """Go > the section: Ctrl+1 is Home, Ctrl+2 the first section, and so on."""
    row = window.row_of(key)
    assert row < 9, f"{key} has no Ctrl+number"
    press(Key(Key.Key_1.value + row), CTRL)
    assert window.current.key == key and window.sidebar.currentRow() == row


def _the_case_his_sister_and_a_telegram(window: MainWindow) -> None:
    _go(window, "cases")
    press(Key.Key_N, CTRL)
    case = window.editors["cases"]
    assert case.heading.text().startswith("New ")
    _type_into(case, {"surname": "Kelly", "given_names": "Thomas J.", "rank": "Cpl."})
    _type_into(case, {"loss_date": "2 Dec 1950", "unit": "Co. K, 31st Infantry"})
    press(Key.Key_S, CTRL)
    assert not case.is_dirty(), case.banner.text()

    relationships = _field(case, "relationships")
    assert isinstance(relationships, ChildTable)
    _open_tab(case, relationships)

    def sister(dialog: RowDialog) -> None:
        _new_contact_in_picker(
            dialog.form,
            "from_contact_id",
            {"display_name": "Margaret Kelly Doyle", "surname": "Doyle"},
        )
        _type_into(dialog.form, {"kind": "Sibling of", "label": "sister"})

    _add_row(relationships, sister)
    press(Key.Key_S, CTRL)
    assert not case.is_dirty(), case.banner.text()

    timeline = next(p for p in case.panels if isinstance(p, CaseEventsPanel))
    _open_tab(case, timeline)

    def telegram(dialog: QDialog) -> None:
        assert isinstance(dialog, NewEventDialog)
        event = dialog.editor
        _type_into(event, {"date": "22 Dec 1950", "title": "Telegram: missing in action"})
        _type_into(event, {"category": "Letter"})
        citations = _field(event, "citations")
        assert isinstance(citations, ChildTable)
        _open_tab(event, citations)

        def cited(row: RowDialog) -> None:
            _new_contact_in_picker(
                row.form,
                "source_id",
                {
                    "title": "Western Union telegram to Mrs. Kelly",
                    "author": "Department of the Army",
                },
            )
            _type_into(row.form, {"locator": "the telegram itself"})
            _type_into(row.form, {"confidence": "Original document"})

        _add_row(citations, cited)
        tab_to(dialog.ok_button)
        press(Key.Key_Space)
        assert dialog.result() == QDialog.DialogCode.Accepted

    _in_dialog(NewEventDialog, telegram)
    tab_to(timeline.add_button)
    press(Key.Key_Space)
    active(window)
    assert [timeline.model.row_at(0).title] == ["Telegram: missing in action"]


def _next_month_s_meeting(window: MainWindow) -> None:
    _go(window, "meetings")
    press(Key.Key_N, CTRL)
    meeting = window.editors["meetings"]
    day = dt.date.today() + dt.timedelta(days=30)
    _type_into(meeting, {"title": "Family Member Update, Boston"})
    _type_into(meeting, {"starts_at": f"{day.isoformat()} 09:00", "place": "Boston, MA"})
    cases = _field(meeting, "cases")
    assert isinstance(cases, ChildTable)
    _open_tab(meeting, cases)
    _add_row(cases, lambda row: _type_into(row.form, {"serviceman_id": "Kelly, Thomas J."}))
    press(Key.Key_S, CTRL)
    assert not meeting.is_dirty(), meeting.banner.text()


# The file dialog's completer pops up as a name is typed; the offscreen platform cannot raise
# it or let it grab the keyboard, and says so.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_the_whole_job_with_the_keyboard_only(
    qtbot: QtBot, make_window: MakeWindow, archive: Archive, tmp_path: Path
) -> None:
    window = make_window(archive)
    window.show()
    window.activateWindow()
    active(window)
    _the_case_his_sister_and_a_telegram(window)
    _next_month_s_meeting(window)

    out = tmp_path / "packet.pdf"

    def save_as(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog)
        name = focused()
        assert isinstance(name, QLineEdit)
        press(Key.Key_A, CTRL)
        type_text(str(out))
        press(Key.Key_Return)

    def packet(dialog: QDialog) -> None:
        assert isinstance(dialog, PacketDialog)
        assert dialog.meeting_box.currentText().startswith("Family Member Update, Boston (")
        press(Key.Key_Return)  # Preview… is the default button
        preview = dialog.preview_dialog
        assert isinstance(preview, PacketPreviewDialog)
        active(preview)
        _in_dialog(QFileDialog, save_as)
        press(Key.Key_S, CTRL | SHIFT)  # Save As…
        active(preview)
        press(Key.Key_Escape)  # the preview closes
        assert not preview.isVisible()
        active(dialog)
        press(Key.Key_Escape)  # and the packet dialog

    _in_dialog(PacketDialog, packet)
    press(Key.Key_P, CTRL | SHIFT)  # File > Briefing packet…
    active(window)
    check_the_packet(out)  # read back with pypdf (and pdftotext where there is one)
    with archive.reader() as session:
        run = session.scalars(select(PacketRun)).one()
        assert run.output_path == str(out.resolve())
    assert QApplication.activeModalWidget() is None


def _chain(start: QWidget, limit: int = 300) -> list[QWidget]:
    """The widgets Tab visits from ``start`` until it comes back to it."""
    tab_to(start)
    visited: list[QWidget] = []
    for _ in range(limit):
        press(Key.Key_Tab)
        if has_focus(start):
            return visited
        visited.append(focused())
    raise AssertionError("Tab never came back to where it started")


def _tab_stops(root: QWidget) -> list[QWidget]:
    """What a person can see and use under ``root``: each should be a stop of the chain."""
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit)
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, kinds)
        and w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.focusProxy() is None
        and not isinstance(w.parentWidget(), QAbstractItemView | QTabBar)  # a view's own parts
    ]


def test_every_section_s_focus_chain_reaches_its_list_its_form_and_its_buttons(
    make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    window.show()
    active(window)
    for section in window.sections:
        tab_to(window.sidebar)
        press(Key.Key_Home)
        for _ in range(window.row_of(section.key)):
            press(Key.Key_Down)
        assert window.current is section
        chain = _chain(window.sidebar)
        detail = window.details.currentWidget()
        assert section.page.table in chain, section.key
        missed = [
            f"{type(w).__name__}({w.accessibleName() or getattr(w, 'text', str)()})"
            for w in _tab_stops(section.page) + _tab_stops(detail)
            if w not in chain
        ]
        assert not missed, f"{section.title}: Tab never reaches {missed}"
        if section.key in window.editors:
            editor = window.editors[section.key]
            first = next(iter(editor.forms[0].editors.values()))
            assert has_focus(first) or first in chain or first.focusProxy() in chain, section.key
