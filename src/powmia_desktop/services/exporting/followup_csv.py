"""The DNA follow-up list as CSV: the cases with no usable family reference on file."""

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import AccountingStatus, Branch
from powmia_desktop.db.models import Serviceman
from powmia_desktop.db.tables import table_of
from powmia_desktop.services.audience import RedactionLog
from powmia_desktop.services.dna_followup import list_followup, progress_text
from powmia_desktop.services.exporting.files import ExportResult, write_csv
from powmia_desktop.services.exporting.privacy import DEFAULT_PRIVACY, Privacy, visible
from powmia_desktop.services.values import stored_label

FOLLOWUP_HEADERS = [
    "Surname", "Given names", "Service number", "Branch", "Home state", "Accounting",
    "Samples so far", "Samples recorded", "Family links recorded",
]  # fmt: skip


def followup_rows(
    session: Session, privacy: Privacy = DEFAULT_PRIVACY, log: RedactionLog | None = None
) -> list[list[str]]:
    """The follow-up list; for an audience, what its rules hide taken out of every cell."""
    gate = privacy.gate(RedactionLog() if log is None else log)
    sm = table_of(Serviceman)
    query = select(sm.c.id, sm.c.sensitivity).where(visible(sm, privacy))
    levels = {case_id: level for case_id, level in session.execute(query)}
    return [
        gate.cells(
            f"serviceman:{r.id}",
            Sensitivity(levels.get(r.id, 0)),
            [
                r.surname,
                r.given_names,
                r.service_number,
                stored_label(Branch, r.branch),
                r.home_state,
                stored_label(AccountingStatus, r.accounting_status),
                progress_text(r),
                str(r.samples),
                str(r.family_links),
            ],
            FOLLOWUP_HEADERS,
            r.surname,
        )
        for r in sorted(
            list_followup(session, max_sensitivity=int(privacy.effective)),
            key=lambda r: (r.surname.casefold(), r.given_names.casefold(), r.id),
        )
    ]


def export_followup(
    session: Session, path: Path, *, privacy: Privacy = DEFAULT_PRIVACY, overwrite: bool = False
) -> ExportResult:
    """Write the follow-up list to ``path`` (cells a spreadsheet would run are guarded)."""
    log = RedactionLog()
    rows = followup_rows(session, privacy, log)
    write_csv(path, FOLLOWUP_HEADERS, rows, overwrite)
    return ExportResult("dna-followup", path, len(rows), log=log)
