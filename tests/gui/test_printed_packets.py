"""File > Printed packets…: the history of what was printed, verifying a PDF handed back and
rebuilding a run, driven as a person would (the file dialogs aside)."""

import hashlib
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.packets import PrintedPacketsDialog
from powmia_desktop.gui.packets.summary import PREPARER_SETTING, write_case_summary
from powmia_desktop.reports.packet import render_packet
from powmia_desktop.services import packets


def _packet(archive: Archive, out: Path) -> packets.PacketResult:
    with archive.session() as session:
        request = packets.PacketRequest(
            template=packets.default_template(),
            audience=packets.find_audience(session, "Press"),
            case_ids=(1,),
            prepared_by="Bill Dumas",
        )
        return packets.build_packet(session, request, out, render=render_packet)


def test_the_history_lists_verifies_and_rebuilds(
    qtbot: QtBot, demo_archive: Archive, tmp_path: Path
) -> None:
    QSettings().setValue(PREPARER_SETTING, "Bill Dumas")
    printed = _packet(demo_archive, tmp_path / "press.pdf")
    write_case_summary(demo_archive, 1, tmp_path / "summary.pdf")
    dialog = PrintedPacketsDialog(demo_archive)
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.rowCount() == 2 and model.columnCount() == 8
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert all(headers)  # every column headed
    shown = {model.data(model.index(r, 3)) for r in range(2)}
    assert shown == {
        "Press background: Cpl. Roger A. Dumas",
        "Case summary for Officials: Cpl. Roger A. Dumas",
    }
    assert {model.data(model.index(r, 5)) for r in range(2)} == {"Bill Dumas"}

    verdict = dialog.verify(printed.path)
    assert verdict is not None and verdict.matches
    assert f"Matches run {printed.short_id}" in dialog.result_label.text()
    assert dialog.selected() is not None and dialog.selected().short_id == printed.short_id  # type: ignore[union-attr]

    changed = tmp_path / "changed.pdf"
    data = bytearray(printed.path.read_bytes())
    data[len(data) // 2] ^= 0x20
    changed.write_bytes(bytes(data))
    verdict = dialog.verify(changed)
    assert verdict is not None and not verdict.matches
    assert "Does NOT match" in dialog.result_label.text()

    row = dialog.selected()
    assert row is not None
    rebuilt = dialog.rebuild(row, tmp_path / "rebuilt.pdf")
    assert rebuilt is not None and rebuilt.identical
    digest = hashlib.sha256((tmp_path / "rebuilt.pdf").read_bytes()).hexdigest()
    assert digest == printed.sha256
    assert "the same file, byte for byte" in dialog.result_label.text()


def test_the_packet_dialog_remembers_who_prepares_packets(
    qtbot: QtBot, demo_archive: Archive, tmp_path: Path
) -> None:
    from tests.reports.pdfs import all_text

    from powmia_desktop.gui.packets import PacketDialog

    first = PacketDialog(demo_archive, None, case_id=1)
    qtbot.addWidget(first)
    assert first.prepared_by_edit.text() == ""
    first.prepared_by_edit.setText("Bill Dumas")
    preview = first.preview()
    assert preview is not None
    qtbot.addWidget(preview)
    assert "Prepared by Bill Dumas for DPAA analyst" in all_text(preview.preview.path)

    again = PacketDialog(demo_archive, None, case_id=1)
    qtbot.addWidget(again)
    assert again.prepared_by_edit.text() == "Bill Dumas"
