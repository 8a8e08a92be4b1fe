"""The Lists cross-reference section's options chosen in the Packet dialog: which list and
what it is set against, remembered with the packet's run and with a template saved from the
dialog, and named in the printed section's heading."""

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from tests.reports.pdfs import all_text
from tests.services.lists.listfiles import ROSTER, import_namesakes, import_text

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import PacketRun
from powmia_desktop.gui.packets import PacketDialog
from powmia_desktop.gui.packets.preview import PacketPreviewDialog
from powmia_desktop.services import packets


def _dialog(qtbot: QtBot, archive: Archive) -> PacketDialog:
    dialog = PacketDialog(archive, None)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_cross_reference_options_are_chosen_printed_and_remembered(
    qtbot: QtBot, archive: Archive, tmp_path: Path
) -> None:
    import_namesakes(archive, tmp_path)
    dialog = _dialog(qtbot, archive)
    options = dialog.crossref_options
    dialog.sections.set_checked("crossref", False)
    assert not options.isEnabled()
    dialog.sections.set_checked("crossref", True)
    assert options.isEnabled()
    # The section's defaults first: the Last Seen Alive list against the presumed dead.
    assert options.options() == {
        "list": "Last Seen Alive",
        "against": "",
        "status": "presumed dead",
    }
    lists = [options.list_box.itemText(i) for i in range(options.list_box.count())]
    assert lists == ["Army roster", "DPAA roster", "Last Seen Alive"]
    options.list_box.setCurrentText("DPAA roster")
    against = [options.against_box.itemText(i) for i in range(options.against_box.count())]
    assert "The list DPAA roster" not in against and "The list Army roster" in against
    options.against_box.setCurrentText("The list Army roster")
    chosen = {"list": "DPAA roster", "against": "Army roster", "status": ""}
    section = dialog.current_template().section("crossref")
    assert section is not None and dict(section.options) == chosen

    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    preview = dialog.preview_dialog
    assert isinstance(preview, PacketPreviewDialog)
    qtbot.addWidget(preview)
    out = tmp_path / "packet.pdf"
    preview.preview.save_to(out)
    text = " ".join(all_text(out).split())
    assert "Lists cross-reference — DPAA roster against Army roster" in text
    assert "On DPAA roster, not on Army roster (4)" in text
    with archive.reader() as session:
        run = session.scalars(select(PacketRun)).one()
    [remembered] = [s for s in run.template_sections if s["kind"] == "crossref"]
    assert remembered["options"] == chosen
    rebuilt = packets.Template.from_json(run.template_name, run.template_sections)
    assert rebuilt.section("crossref") == section

    # Saved as a template, the options come back with it in the next dialog.
    dialog.save_template("Lists visit")
    again = _dialog(qtbot, archive)
    assert again.crossref_options.options()["status"] == "presumed dead"
    again.template_box.setCurrentText("Lists visit")
    assert again.crossref_options.options() == chosen
    # A status chosen instead.
    again.crossref_options.against_box.setCurrentText("Cases carried as POW")
    assert again.crossref_options.options() == {
        "list": "DPAA roster",
        "against": "",
        "status": "pow",
    }


def test_a_list_the_archive_lacks_is_kept_as_named_and_the_section_says_so(
    qtbot: QtBot, archive: Archive, tmp_path: Path
) -> None:
    import_text(archive, tmp_path, "roster.csv", ROSTER, "DPAA roster")
    dialog = _dialog(qtbot, archive)
    dialog.sections.set_checked("crossref", True)
    options = dialog.crossref_options
    assert options.list_box.currentText() == "Last Seen Alive"  # the default, not here
    template = dialog.current_template()
    with archive.reader() as session:
        data = packets.gather_packet(session, packets.PacketRequest(template, dialog.audience()))
    from powmia_desktop.reports.packet import render_packet

    text = " ".join(all_text(render_packet(data).pdf).split())
    assert "Lists cross-reference — Last Seen Alive: carried as presumed dead" in text
    assert "There is no list 'Last Seen Alive'" in text
