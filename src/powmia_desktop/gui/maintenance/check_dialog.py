"""Check & repair: run the checks in the background, list findings, repair on request."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.fonts import size_for_text
from powmia_desktop.gui.maintenance.common import button_row, lay_out, plain_label
from powmia_desktop.gui.workers import run_job
from powmia_desktop.services.check import Finding, RepairReport, check_archive, repair_archive

COLUMNS = ("What", "Problem", "Repair")


class CheckDialog(QDialog):
    """``repaired`` fires after a repair changed the archive (views should reload)."""

    repaired = Signal()

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.findings: list[Finding] = []
        self.setWindowTitle("Check & repair")
        self.resize(size_for_text(self, 820, 460))

        intro = plain_label(
            f"Checks {archive.location.display} for damage, broken links, missing or "
            "changed attachment files and an out-of-date search index.",
            self,
        )
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(COLUMNS)
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        letter = self.tree.fontMetrics().averageCharWidth()  # widths grow with the text
        self.tree.setColumnWidth(0, letter * 18)
        self.tree.setColumnWidth(1, letter * 52)
        self.summary = plain_label("Press Check to start.", self)
        buttons, (self.check_button, self.repair_button) = button_row(self, "&Check", "&Repair")
        self.repair_button.setEnabled(False)
        self.check_button.clicked.connect(self.run_check)
        self.repair_button.clicked.connect(self.run_repair)

        lay_out(self, intro, self.tree, self.summary, buttons)

    def run_check(self) -> None:
        try:
            self.findings = run_job(
                self,
                "Checking the archive",
                lambda progress: check_archive(self.archive, progress=progress),
            )
        except PowmiaError as error:
            self.summary.setText(str(error))
            return
        self.tree.clear()
        self._add_findings(self.findings)
        self._summarize()

    def run_repair(self) -> None:
        try:
            report: RepairReport = run_job(
                self,
                "Repairing the archive",
                lambda progress: repair_archive(self.archive, progress=progress),
            )
        except PowmiaError as error:
            self.summary.setText(f"Nothing was repaired: {error}")
            return
        self.tree.clear()
        for repair in report.repairs:
            self._add_row(repair.finding.area, repair.finding.message, f"Repaired: {repair.done}")
        self.findings = report.remaining
        self._add_findings(report.remaining)
        self._summarize(report)
        if report.repairs:
            self.repaired.emit()

    def _add_findings(self, findings: list[Finding]) -> None:
        for finding in findings:
            if finding.note:
                self._add_row(finding.area, finding.message, "Nothing to repair (a note)")
                continue
            self._add_row(
                finding.area, finding.message, finding.repair or "Restore a backup to fix this"
            )

    def _add_row(self, area: str, message: str, repair: str) -> None:
        item = QTreeWidgetItem([area, message, repair])
        item.setToolTip(1, message)
        item.setToolTip(2, repair)
        self.tree.addTopLevelItem(item)

    def _summarize(self, report: RepairReport | None = None) -> None:
        repairable = sum(f.repairable for f in self.findings)
        problems = [f for f in self.findings if not f.note]
        notes = len(self.findings) - len(problems)
        parts = []
        if report is not None:
            parts.append(f"{len(report.repairs)} repaired")
            if report.backup is not None:
                parts.append(f"backed up first to {report.backup.path}")
        if not problems:
            parts.append("no problems found")
        else:
            parts.append(f"{len(problems)} problems, {repairable} of them repairable")
        if notes:
            parts.append(f"{notes} note{'s' if notes != 1 else ''}")
        text = "; ".join(parts)
        self.summary.setText(text[:1].upper() + text[1:] + ".")
        self.repair_button.setEnabled(repairable > 0)
