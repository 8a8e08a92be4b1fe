"""Print / Save as PDF from the case editor: one case summary, previewed in the app."""

import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.core.progress import Progress
from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.pdf_preview import PdfPreviewDialog
from powmia_desktop.gui.workers import run_job
from powmia_desktop.reports.summary import render_summary
from powmia_desktop.services import packets
from powmia_desktop.services.audience import RedactionLog

#: The audience of a summary printed from the case editor unless another is named.
DEFAULT_AUDIENCE = "officials"
#: Where the packet dialog remembers who prepares packets.
PREPARER_SETTING = "packets/preparer"


def write_case_summary(
    archive: Archive, case_id: int, target: Path, audience_name: str = DEFAULT_AUDIENCE
) -> RedactionLog:
    """Render one case summary for an audience into ``target`` and log it as a run (so a
    copy saved from the preview can be verified); what was left out."""
    with archive.session() as session:
        result = packets.build_summary(
            session,
            case_id,
            packets.find_audience(session, audience_name),
            target,
            render=render_summary,
            prepared_by=remembered_preparer(),
            attachments_dir=archive.location.attachments_dir,
            overwrite=True,
        )
    return result.log


def remembered_preparer() -> str:
    """The name last typed as "Prepared by" in the packet dialog."""
    return str(QSettings().value(PREPARER_SETTING, "") or "")


def show_case_summary(
    parent: QWidget | None,
    archive: Archive,
    case_id: int,
    audience_name: str = DEFAULT_AUDIENCE,
) -> PdfPreviewDialog | None:
    """Build the summary off the GUI thread and open it in a preview (Print…, Save As…)."""
    folder = Path(tempfile.mkdtemp(prefix="powmia-summary-"))
    target = folder / f"case-{case_id}-summary.pdf"

    def job(progress: Progress) -> RedactionLog:
        progress(0, 1, "Writing the case summary")
        return write_case_summary(archive, case_id, target, audience_name)

    try:
        run_job(parent, "Case summary", job)
    except PowmiaError as error:
        QMessageBox.warning(parent, "Cannot print the case summary", str(error))
        return None
    dialog = PdfPreviewDialog(target, "Case summary", parent, temporary=True)
    dialog.show()
    return dialog
