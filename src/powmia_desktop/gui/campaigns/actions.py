"""What the campaign's Progress tab does at once: add a family's members of Congress as the
officials it addresses, write the letters (one PDF per official) into a folder, and print
the campaign report for an audience. Each asks what it needs in a small dialog and reports
in a message; nothing here reads or writes the archive except through the services."""

from functools import partial
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.services.audience import RedactionLog
from powmia_desktop.services.campaigns import get_campaign
from powmia_desktop.services.exporting.files import write_atomically, write_bytes
from powmia_desktop.services.packets import find_audience, list_audiences
from powmia_desktop.services.representatives import add_representatives, contacts_with_a_state

#: The choices of "Write letters…": what each says, and whom the letters go to.
RECIPIENT_CHOICES = (
    ("The signer's senators and representative", "representatives"),
    ("The officials the campaign addresses", "targets"),
)


def add_family_representatives(parent: QWidget, ops: ArchiveOps, campaign_id: int) -> None:
    with ops.archive.reader() as session:
        choices = contacts_with_a_state(session)
    if not choices:
        QMessageBox.information(
            parent,
            "Add representatives",
            "No contact has an address in a U.S. state yet. Add the family's address "
            "(with its congressional district) to their contact first.",
        )
        return
    names = [name for _, name in choices]
    name, ok = QInputDialog.getItem(
        parent, "Add representatives", "Whose senators and representative?", names, 0, False
    )
    if not ok:
        return
    contact_id = choices[names.index(name)][0]
    added: list[str] = []

    def run(session: Session) -> int:
        campaign = get_campaign(session, campaign_id)
        added.extend(add_representatives(session, campaign, contact_id))
        return campaign_id

    try:
        ops.perform("Add representatives", "campaign", campaign_id, run)
    except PowmiaError as error:
        QMessageBox.warning(parent, "Cannot add representatives", str(error))
        return
    text = ", ".join(added) if added else "none: they were already among its officials"
    QMessageBox.information(parent, "Add representatives", f"Added {text}.")


def write_letters(parent: QWidget, ops: ArchiveOps, campaign_id: int) -> None:
    from powmia_desktop.reports.letters import render_letter
    from powmia_desktop.services import letters as ls

    labels = [label for label, _ in RECIPIENT_CHOICES]
    label, ok = QInputDialog.getItem(parent, "Write letters", "Write to", labels, 0, False)
    if not ok:
        return
    with ops.archive.reader() as session:
        signers = contacts_with_a_state(session)
    if not signers:
        QMessageBox.information(
            parent, "Write letters", "Add the signer's address (a U.S. state) to their contact."
        )
        return
    names = [name for _, name in signers]
    signer, ok = QInputDialog.getItem(parent, "Write letters", "Who signs?", names, 0, False)
    if not ok:
        return
    folder = QFileDialog.getExistingDirectory(parent, "Folder for the letters")
    if not folder:
        return
    to = dict(RECIPIENT_CHOICES)[label]
    written: list[Path] = []
    try:
        with ops.archive.reader() as session:
            campaign = get_campaign(session, campaign_id)
            audience = find_audience(session, "Congressional office")
            writer = ls.writer_for(session, campaign, str(signers[names.index(signer)][0]))
            letters = ls.prepare_letters(
                session, campaign, audience, RedactionLog(), to=to, writer=writer
            )
        for number, letter in enumerate(letters, start=1):
            path = Path(folder) / letter.file_name(number)
            pdf = render_letter(letter).pdf
            write_atomically(path, partial(write_bytes, data=pdf), False)
            written.append(path)
    except PowmiaError as error:
        QMessageBox.warning(parent, "Cannot write the letters", str(error))
        return
    QMessageBox.information(
        parent,
        "Write letters",
        f"Wrote {len(written)} letters into {folder}:\n" + "\n".join(p.name for p in written),
    )


def print_report(parent: QWidget, ops: ArchiveOps, campaign_id: int) -> None:
    from powmia_desktop.reports.campaign_report import render_campaign_report
    from powmia_desktop.services.audience.campaigns import campaign_view

    with ops.archive.reader() as session:
        audiences = list_audiences(session)
    names = [a.name for a in audiences]
    name, ok = QInputDialog.getItem(parent, "Campaign report", "For whom?", names, 0, False)
    if not ok:
        return
    audience = audiences[names.index(name)]
    path, _ = QFileDialog.getSaveFileName(parent, "Save the report", "", "PDF files (*.pdf)")
    if not path:
        return
    target = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
    log = RedactionLog()
    try:
        with ops.archive.reader() as session:
            view = campaign_view(session, campaign_id, audience, log)
        if view is None:
            raise PowmiaError(f"The campaign is above what {audience.name} may read")
        pdf = render_campaign_report(view, audience).pdf
        write_atomically(target, partial(write_bytes, data=pdf), True)
    except PowmiaError as error:
        QMessageBox.warning(parent, "Cannot print the report", str(error))
        return
    left_out = len(log)
    note = f" ({left_out} items left out for this audience)" if left_out else ""
    QMessageBox.information(parent, "Campaign report", f"Saved {target}{note}.")
