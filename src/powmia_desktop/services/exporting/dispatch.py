"""One entry for every kind of export, chosen by kind and by the file's extension.

cases -> CSV (the case list, filtered); contacts -> .vcf or CSV; meetings -> .ics or CSV;
events -> the timeline CSV (importable again); archive -> .zip.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.services.cases import CaseFilter
from powmia_desktop.services.exporting.archive_zip import export_archive
from powmia_desktop.services.exporting.files import ExportResult
from powmia_desktop.services.exporting.ics import export_calendar
from powmia_desktop.services.exporting.privacy import DEFAULT_PRIVACY, Privacy
from powmia_desktop.services.exporting.tables import export_list
from powmia_desktop.services.exporting.timeline_csv import export_timeline
from powmia_desktop.services.exporting.vcard import export_vcards


def export_file(
    session: Session,
    kind: str,
    path: Path,
    *,
    attachments_dir: Path | None,
    case_filter: CaseFilter | None = None,
    privacy: Privacy = DEFAULT_PRIVACY,
    overwrite: bool = False,
    progress: Progress = no_progress,
) -> ExportResult:
    suffix = path.suffix.lower()
    if kind == "contacts" and suffix in (".vcf", ".vcard"):
        return export_vcards(
            session, path, privacy=privacy, attachments_dir=attachments_dir, overwrite=overwrite
        )
    if kind == "meetings" and suffix in (".ics", ".ical"):
        return export_calendar(session, path, privacy=privacy, overwrite=overwrite)
    if kind == "events":
        return export_timeline(session, path, privacy=privacy, overwrite=overwrite)
    if kind == "archive":
        return export_archive(
            session, attachments_dir, path, privacy=privacy, overwrite=overwrite,
            progress=progress,
        )  # fmt: skip
    return export_list(
        session, kind, path, case_filter=case_filter, privacy=privacy, overwrite=overwrite
    )
