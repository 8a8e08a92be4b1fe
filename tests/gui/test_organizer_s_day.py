"""The organizer's whole job through the widgets only: a new case, his sister made from
inside the case, a telegram with its new source added from the case's Timeline tab, a
meeting next month that will discuss him, then File > Briefing packet…, which opens on
that meeting with his case ticked, previewed beside what is left out and written."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QWidget
from pytestqt.qtbot import QtBot
from tests.helpers.dialogs import when_dialog_opens
from tests.helpers.forms import add_in_picker, add_row, fill, new, save, section
from tests.helpers.organizer import check_the_packet

from powmia_desktop.core.vocab import Confidence
from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.forms.child_table import RowDialog
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.gui.packets import PacketDialog
from powmia_desktop.gui.packets.preview import PacketPreviewDialog
from powmia_desktop.gui.panels import CaseEventsPanel
from powmia_desktop.gui.timeline.new_event import NewEventDialog

MakeWindow = Callable[[Archive], MainWindow]


def _the_case_his_sister_and_a_telegram(qtbot: QtBot, window: MainWindow) -> None:
    case = new(window, "cases")
    fill(qtbot, case, {"surname": "Kelly", "given_names": "Thomas J.", "rank": "Cpl."})
    fill(qtbot, case, {"loss_date": "2 Dec 1950", "unit": "Co. K, 31st Infantry"})
    save(window, case)

    def sister(dialog: RowDialog) -> None:
        add_in_picker(
            qtbot,
            dialog.form,
            "from_contact_id",
            {"display_name": "Margaret Kelly Doyle", "surname": "Doyle"},
        )

    add_row(qtbot, case, "relationships", {"kind": "Sibling of", "label": "sister"}, sister)
    save(window, case)

    def new_source(dialog: RowDialog) -> None:
        add_in_picker(
            qtbot,
            dialog.form,
            "source_id",
            {"title": "Western Union telegram to Mrs. Kelly", "author": "Department of the Army"},
        )

    def telegram(dialog: QWidget) -> None:
        assert isinstance(dialog, NewEventDialog)
        event = dialog.editor
        try:
            fill(qtbot, event, {"date": "22 Dec 1950", "title": "Telegram: missing in action"})
            fill(qtbot, event, {"category": "Letter"})
            fields = {"locator": "the telegram itself", "confidence": Confidence.PRIMARY.label}
            add_row(qtbot, event, "citations", fields, new_source)
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        finally:
            if dialog.isVisible():  # refused: say why instead of waiting forever
                dialog.reject()

    timeline = next(p for p in case.panels if isinstance(p, CaseEventsPanel))
    case.tabs.setCurrentIndex(case.tabs.indexOf(timeline))
    when_dialog_opens(telegram)
    qtbot.mouseClick(timeline.add_button, Qt.MouseButton.LeftButton)
    assert [timeline.model.row_at(0).title] == ["Telegram: missing in action"]


def _next_month_s_meeting(qtbot: QtBot, window: MainWindow) -> None:
    meeting = new(window, "meetings")
    day = dt.date.today() + dt.timedelta(days=30)
    fill(qtbot, meeting, {"title": "Family Member Update, Boston"})
    fill(qtbot, meeting, {"starts_at": f"{day.isoformat()} 09:00", "place": "Boston, MA"})
    add_row(qtbot, meeting, "cases", {"serviceman_id": "Kelly, Thomas J."})
    save(window, meeting)


def test_from_a_new_case_to_a_packet_for_the_next_meeting(
    qtbot: QtBot, make_window: MakeWindow, archive: Archive, tmp_path: Path
) -> None:
    window = make_window(archive)
    window.show()
    _the_case_his_sister_and_a_telegram(qtbot, window)
    _next_month_s_meeting(qtbot, window)
    out = tmp_path / "packet.pdf"
    seen: dict[str, object] = {}

    def packet(dialog: QWidget) -> None:
        assert isinstance(dialog, PacketDialog)
        try:
            seen["meeting"] = dialog.meeting_box.currentText()
            seen["cases"] = [
                dialog.cases.item(r).text()
                for r in range(dialog.cases.count())
                if dialog.cases.item(r).checkState() == Qt.CheckState.Checked
            ]
            qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
            preview = dialog.preview_dialog
            assert isinstance(preview, PacketPreviewDialog)
            seen["left out"] = preview.left_out()
            seen["holds"] = preview.contents_lines()
            preview.preview.save_to(out)  # Save As… with the file chosen
            preview.done(0)
        finally:
            dialog.reject()

    section(window, "cases")  # where she works; the packet is for the next meeting anyway
    when_dialog_opens(packet)
    window.packet_action.trigger()
    assert str(seen["meeting"]).startswith("Family Member Update, Boston (")
    assert seen["cases"] == ["Kelly, Thomas J., Cpl."]
    # The sister is "Family only" (as a new contact starts): a DPAA analyst's packet leaves
    # her out, and the preview said so beside the pages.
    assert "contact" in seen["left out"]  # type: ignore[operator]
    assert any(line.startswith("Case summaries: 1 case") for line in seen["holds"])  # type: ignore[attr-defined]
    check_the_packet(out)


def test_print_case_summary_asks_who_it_is_for_and_remembers(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    offered: list[str] = []

    def choose(name: str) -> Callable[[QWidget], None]:
        def act(dialog: QWidget) -> None:
            assert isinstance(dialog, QInputDialog)
            offered.append(dialog.textValue())
            dialog.setTextValue(name)
            dialog.accept()

        return act

    for name in ("Press", "Extended family"):
        when_dialog_opens(choose(name))
        window.summary_action.trigger()
        previews = window.findChildren(PacketPreviewDialog)
        assert previews and previews[-1].windowTitle() == f"Case summary for {name}"
        previews[-1].done(0)
    assert offered == ["DPAA analyst", "Press"]
