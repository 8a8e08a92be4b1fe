"""Print / Save as PDF from the case editor: one case summary, previewed in the app."""

import tempfile
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from powmia_desktop.core.errors import NotFoundError, PowmiaError
from powmia_desktop.core.progress import Progress
from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.pdf_preview import PdfPreviewDialog
from powmia_desktop.gui.workers import run_job
from powmia_desktop.reports.summary import render_case_summary
from powmia_desktop.services import packets
from powmia_desktop.services.audience import RedactionLog, case_view

#: The audience of a summary printed from the case editor unless another is named.
DEFAULT_AUDIENCE = "officials"


def write_case_summary(
    archive: Archive, case_id: int, target: Path, audience_name: str = DEFAULT_AUDIENCE
) -> RedactionLog:
    """Render one case summary for an audience into ``target``; what was left out."""
    with archive.reader() as session:
        audience = packets.find_audience(session, audience_name)
        log = RedactionLog()
        view = case_view(
            session, case_id, audience, log, attachments_dir=archive.location.attachments_dir
        )
    if view is None:
        raise NotFoundError(f"This case is marked above what {audience.name} may see")
    packets.save_pdf(target, render_case_summary(view, audience).pdf, overwrite=True)
    return log


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
