"""File > Export...: choose for whom and where, then write in the background with progress.

"For whom" is the person's own copy (everything up to Family) or one of the archive's
audiences: an export for the press obeys the press's rules, phone numbers typed into
notes included (services/exporting/privacy.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.workers import run_job
from powmia_desktop.services.cases import CaseFilter
from powmia_desktop.services.exporting.dispatch import export_file
from powmia_desktop.services.exporting.files import ExportResult
from powmia_desktop.services.exporting.privacy import DEFAULT_PRIVACY, Privacy
from powmia_desktop.services.packets import list_audiences

#: The first choice of "for whom": the person's own copy, with no audience's rules.
MYSELF = "Myself or the family (everything but Private records)"

#: File-dialog filters per kind; the first is the default.
FILTERS = {
    "cases": "CSV spreadsheet (*.csv)",
    "contacts": "vCard address book (*.vcf);;CSV spreadsheet (*.csv)",
    "meetings": "iCalendar (*.ics);;CSV spreadsheet (*.csv)",
    "events": "CSV spreadsheet (*.csv)",
    "archive": "Archive for another organizer (*.zip)",
}
TITLES = {
    "cases": "Export cases",
    "contacts": "Export contacts",
    "meetings": "Export meetings",
    "events": "Export the timeline",
    "archive": "Export the whole archive",
}


def write_export(
    archive: Archive,
    kind: str,
    path: Path,
    *,
    case_filter: CaseFilter | None = None,
    privacy: Privacy = DEFAULT_PRIVACY,
    progress: Progress = no_progress,
) -> ExportResult:
    """The export itself (runs in the worker thread with its own session)."""
    with archive.reader() as session:
        return export_file(
            session, kind, path, attachments_dir=archive.location.attachments_dir,
            case_filter=case_filter, privacy=privacy, overwrite=True, progress=progress,
        )  # fmt: skip


def ask_for_whom(parent: QWidget | None, archive: Archive, title: str) -> Privacy | None:
    """Ask who the export is for: the person's own copy or an audience; None on cancel."""
    with archive.reader() as session:
        audiences = list_audiences(session)
    names = [MYSELF, *(a.describe() for a in audiences)]
    chosen, ok = QInputDialog.getItem(parent, title, "Who is this export for?", names, 0, False)
    if not ok:
        return None
    if chosen in names[1:]:
        return Privacy.for_audience(audiences[names.index(chosen) - 1])
    return DEFAULT_PRIVACY


def export_with_dialog(
    parent: QWidget | None,
    archive: Archive,
    kind: str,
    case_filter: CaseFilter | None = None,
    privacy: Privacy | None = None,
) -> ExportResult | None:
    """Ask for whom (unless ``privacy`` is given) and where to save ``kind`` (cases,
    contacts, meetings, events, archive), and save it.

    Returns None when the person cancels a dialog; PowmiaError propagates (the caller
    shows it). The file dialog itself asks before replacing a file.
    """
    if privacy is None:
        privacy = ask_for_whom(parent, archive, TITLES[kind])
        if privacy is None:
            return None
    chosen = privacy
    name, _ = QFileDialog.getSaveFileName(parent, TITLES[kind], "", FILTERS[kind])
    if not name:
        return None
    path = Path(name)
    if not path.suffix:
        path = path.with_suffix(FILTERS[kind].split("(*")[1].split(")")[0])
    return run_job(
        parent,
        TITLES[kind],
        lambda progress: write_export(
            archive, kind, path, case_filter=case_filter, privacy=chosen, progress=progress
        ),
    )
