"""The import wizard and the export helper, driven as a person would."""

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Contact, Serviceman
from powmia_desktop.gui.imports import ImportWizard, export_with_dialog
from powmia_desktop.gui.imports.export import MYSELF
from powmia_desktop.gui.imports.preview import PreviewModel
from powmia_desktop.services.backup import list_backups

LIST = "Family,Given,Rank,Date of Loss\nSmith,John,PFC,1950\nJones,Bob,SGT,1951\n,X,PVT,1950\n"


def test_the_wizard_maps_checks_and_imports(qtbot: QtBot, archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(LIST)
    wizard = ImportWizard(archive, kind="cases", path=path)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentId() == ImportWizard.FILE and wizard.file_page.isComplete()
    wizard.next()
    assert wizard.currentId() == ImportWizard.MAPPING
    page = wizard.mapping_page
    assert page.model.rowCount() == 3 and page.model.columnCount() == 4
    assert "→ rank" in page.model.headerData(2, Qt.Orientation.Horizontal)
    # "Family" is not a header the program knows: the person picks surname for it.
    family = page.combos["Family"]
    assert family.currentData() == ""
    family.setCurrentIndex(family.findData("surname"))
    page.combos["Given"].setCurrentIndex(page.combos["Given"].findData("given_names"))
    assert page.mapping()["Family"] == "surname"
    wizard.next()
    assert wizard.currentId() == ImportWizard.CHECK
    report = wizard.check_page.report.toPlainText()
    assert report.startswith("Would import list.csv: 3 rows, 2 new, 1 rejected")
    assert "Row 4" in report
    with archive.reader() as session:
        assert session.scalars(select(Serviceman)).all() == []
    assert list_backups(archive) == []  # a dry run writes nothing, so backs up nothing
    wizard.next()
    assert wizard.currentId() == ImportWizard.RESULT
    assert wizard.outcome is not None and wizard.outcome.counts["new"] == 2
    assert "Rejected: Row 4" in wizard.result_page.report.toPlainText()
    with archive.reader() as session:
        assert sorted(session.scalars(select(Serviceman.surname))) == ["Jones", "Smith"]
    # the archive as it was before the import is kept, to undo a wrong import by a restore
    (before,) = list_backups(archive)
    assert before.reason == "before-import" and before.reason_label == "Before an import"
    with sqlite3.connect(before.database) as copy:
        assert copy.execute("SELECT count(*) FROM serviceman").fetchone() == (0,)
    copy.close()


def test_a_file_that_is_not_a_table_is_said_on_the_page(
    qtbot: QtBot, archive: Archive, tmp_path: Path
) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("")
    wizard = ImportWizard(archive, kind="cases", path=path)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert "empty" in wizard.mapping_page.message.text()
    assert not wizard.mapping_page.isComplete()


def test_a_calendar_skips_the_mapping_page(qtbot: QtBot, archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "m.ics"
    path.write_text(
        "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:x\nDTSTART:20240101T100000Z\n"
        "SUMMARY:Family Member Update\nEND:VEVENT\nEND:VCALENDAR\n"
    )
    wizard = ImportWizard(archive, kind="meetings", path=path)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentId() == ImportWizard.CHECK
    assert "1 meetings" in wizard.check_page.report.toPlainText()
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Import"


def test_the_preview_model_is_a_proper_model(qtbot: QtBot, qtmodeltester: Any) -> None:
    model = PreviewModel()
    model.set_table(["A", "B"], [["1", "2"], ["3"]])
    model.set_targets({"A": "surname"})
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "A\n→ surname"
    assert model.headerData(1, Qt.Orientation.Vertical) == "3"


def test_export_with_dialog_writes_the_chosen_file(
    qtbot: QtBot, demo_archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "cases"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (MYSELF, True)))
    result = export_with_dialog(None, demo_archive, "cases")
    assert result is not None and result.count == 1
    assert (tmp_path / "cases.csv").read_text(encoding="utf-8-sig").startswith("Name,")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert export_with_dialog(None, demo_archive, "archive") is None


def test_export_asks_for_whom_and_obeys_the_audience(
    qtbot: QtBot, demo_archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File > Export asks who the file is for; for the press, a phone number typed into a
    contact's notes and the contacts' own phone numbers and e-mails stay behind."""
    with demo_archive.session() as session:
        bill = session.scalar(select(Contact).where(Contact.display_name == "Bill Dumas"))
        assert bill is not None
        bill.notes, bill.sensitivity = "Call Bill at (937) 555-0187.", Sensitivity.PUBLIC
    asked: list[list[str]] = []

    def choose(parent: object, title: str, label: str, items: list[str], *a: object) -> object:
        asked.append(items)
        return next(i for i in items if i.startswith("Press")), True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(choose))
    target = tmp_path / "press.vcf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    result = export_with_dialog(None, demo_archive, "contacts")
    assert result is not None and result.log is not None
    assert asked and asked[0][0] == MYSELF and len(asked[0]) == 5
    card = target.read_text(encoding="utf-8")
    assert "Bill Dumas" in card and "[phone number withheld]" in card
    assert "555-0187" not in card and "555-0142" not in card and "@" not in card
    assert "withheld by the audience's rules" in result.summary()
    # Cancelling "for whom" writes nothing.
    target.unlink()
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("", False)))
    assert export_with_dialog(None, demo_archive, "contacts") is None
    assert not target.exists()
