"""Print / Save as PDF from the case editor: one case summary for the audience the person
names (the last one named is offered first), previewed in the app beside what it leaves out."""

import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.core.progress import Progress
from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.packets.preview import PacketPreviewDialog
from powmia_desktop.gui.workers import run_job
from powmia_desktop.reports.summary import render_summary
from powmia_desktop.services import packets

#: The audience of a summary printed from the case editor unless another is named.
DEFAULT_AUDIENCE = "officials"
#: Where the packet dialog remembers who prepares packets.
PREPARER_SETTING = "packets/preparer"
#: Where the last audience a case summary was printed for is remembered.
AUDIENCE_SETTING = "summary/audience"
#: The audience offered the first time: the usual reader of a case summary.
FIRST_AUDIENCE = "DPAA analyst"


def write_case_summary(
    archive: Archive,
    case_id: int,
    target: Path,
    audience_name: str = DEFAULT_AUDIENCE,
    *,
    log: bool = True,
) -> packets.PacketResult:
    """Render one case summary for an audience into ``target`` and log it as a run (so a
    copy can be verified); without ``log``, the preview logs it once printed or saved."""
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
            log=log,
        )
    return result


def remembered_preparer() -> str:
    """The name last typed as "Prepared by" in the packet dialog."""
    return str(QSettings().value(PREPARER_SETTING, "") or "")


def ask_summary_audience(parent: QWidget | None, archive: Archive) -> str | None:
    """Ask who a case summary is for, offering the last answer first; None when cancelled."""
    with archive.reader() as session:
        names = [a.name for a in packets.list_audiences(session)]
    last = str(QSettings().value(AUDIENCE_SETTING, "") or FIRST_AUDIENCE)
    name, ok = QInputDialog.getItem(
        parent,
        "Print case summary",
        "Who is this summary for? What they may not see is left out.",
        names,
        names.index(last) if last in names else 0,
        False,
    )
    if not ok or not name:
        return None
    QSettings().setValue(AUDIENCE_SETTING, name)
    return str(name)


def show_case_summary(
    parent: QWidget | None,
    archive: Archive,
    case_id: int,
    audience_name: str = DEFAULT_AUDIENCE,
) -> PacketPreviewDialog | None:
    """Build the summary off the GUI thread and open it in a preview (Print…, Save As…)
    beside what it leaves out."""
    folder = Path(tempfile.mkdtemp(prefix="powmia-summary-"))
    target = folder / f"case-{case_id}-summary.pdf"

    def job(progress: Progress) -> packets.PacketResult:
        progress(0, 1, "Writing the case summary")
        return write_case_summary(archive, case_id, target, audience_name, log=False)

    try:
        result = run_job(parent, "Case summary", job)
    except PowmiaError as error:
        QMessageBox.warning(parent, "Cannot print the case summary", str(error))
        return None
    assert result.data is not None
    title = f"Case summary for {result.data.audience.name}"
    dialog = PacketPreviewDialog(
        target, title, result.data, parent, temporary=True, archive=archive, result=result
    )
    dialog.show()
    return dialog
