"""File menu jobs of the main window: printing, importing, exporting, and searching."""

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.gui.search_dialog import SearchDialog
from powmia_desktop.gui.workers import run_job
from powmia_desktop.services.cases import CaseFilter
from powmia_desktop.services.meetings import meeting_id_for_uid
from powmia_desktop.services.search import SearchResults, search

if TYPE_CHECKING:
    from powmia_desktop.gui.main_window import MainWindow

#: What File > Export this list writes for each section.
EXPORT_KIND = {
    "cases": "cases",
    "contacts": "contacts",
    "meetings": "meetings",
    "timeline": "events",
    "dna": "dna-followup",
}


def open_printed_packets(window: "MainWindow") -> None:
    """The packet history: verify a PDF handed back, rebuild a run."""
    from powmia_desktop.gui.packets.history import PrintedPacketsDialog

    PrintedPacketsDialog(window.archive, window).exec()


def open_packet_dialog(window: "MainWindow", meeting_uid: str | None = None) -> None:
    """The packet dialog, with the selected case or meeting chosen already (the meeting
    ``meeting_uid`` names, when given: the home page's "Build packet…")."""
    shown = None if window.on_home else window.current.key
    case_id = window.section("cases").page.selected_id() if shown == "cases" else None
    meeting_id = window.section("meetings").page.selected_id() if shown == "meetings" else None
    if meeting_uid is not None:
        with window.archive.reader() as session:
            meeting_id = meeting_id_for_uid(session, meeting_uid)
        case_id = None
    from powmia_desktop.gui.packets import PacketDialog  # ReportLab loads on first use

    PacketDialog(window.archive, window, case_id=case_id, meeting_id=meeting_id).exec()


def print_case_summary(window: "MainWindow") -> None:
    case_id = window.section("cases").page.selected_id()
    if case_id is None:
        QMessageBox.information(
            window, "Print case summary", "Choose a case in the Cases list, then print again."
        )
        return
    editor = window.editors["cases"]
    if editor.record_id == case_id and not editor.confirm_leave():
        return
    from powmia_desktop.gui.packets import show_case_summary  # ReportLab on first use
    from powmia_desktop.gui.packets.summary import ask_summary_audience

    audience = ask_summary_audience(window, window.archive)
    if audience is None:
        return
    try:
        show_case_summary(window, window.archive, case_id, audience)
    except PowmiaError as error:
        QMessageBox.warning(window, "Cannot print the case summary", str(error))


def import_file(window: "MainWindow") -> None:
    from powmia_desktop.gui.imports import open_import_wizard  # importers on first use

    try:
        result = open_import_wizard(window, window.archive)
    except PowmiaError as error:
        QMessageBox.warning(window, "Import", str(error))
        return
    if not result:
        return
    window.reload()
    conflicts = result.counts.get("conflicts kept for review", 0)
    if conflicts and not result.dry_run:
        answer = QMessageBox.question(
            window,
            "Import",
            f"{conflicts} conflict{'s' if conflicts != 1 else ''} kept for review: records "
            "both archives changed since they last agreed kept this archive's version, "
            "and the incoming one is kept beside it.\n\nReview them now?",
        )
        if answer == QMessageBox.StandardButton.Yes:
            window.open_conflicts()


def export_list(window: "MainWindow") -> None:
    kind = EXPORT_KIND.get(window.current.key)
    if kind is None:
        QMessageBox.information(
            window,
            "Export",
            "Export this list works on Cases, Contacts, Meetings and Timeline: open one of "
            "them, or use Export the whole archive.",
        )
        return
    case_filter = None
    if kind == "cases":
        # as shown: narrowed by text, status and tag (waits for a list still loading)
        shown = window.current.page.shown_ids()
        case_filter = None if shown is None else CaseFilter(ids=tuple(shown))
    export(window, kind, case_filter)


def export_archive(window: "MainWindow") -> None:
    export(window, "archive", None)


def export(window: "MainWindow", kind: str, case_filter: CaseFilter | None) -> None:
    from powmia_desktop.gui.imports import export_with_dialog  # exporters on first use

    try:
        result = export_with_dialog(window, window.archive, kind, case_filter=case_filter)
    except PowmiaError as error:
        QMessageBox.warning(window, "Export", str(error))
        return
    if result is not None:
        window.statusBar().showMessage(result.summary())


def run_search(window: "MainWindow") -> None:
    text = window.search_edit.text().strip()
    if not text:
        return

    def job(progress: object) -> SearchResults:
        with window.archive.reader() as session:
            return search(session, text)

    try:
        results = run_job(window, "Searching", job)
    except PowmiaError as error:
        QMessageBox.warning(window, "Search", str(error))
        return
    dialog = SearchDialog(results, window)
    dialog.chosen.connect(window.open_record)
    dialog.exec()
