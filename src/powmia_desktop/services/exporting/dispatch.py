"""One entry for every kind of export, chosen by kind and by the file's extension.

cases -> CSV (the case list, filtered); contacts -> .vcf or CSV; meetings -> .ics or CSV;
events -> the timeline CSV (importable again); dna-followup -> the cases with no usable
DNA reference on file, as CSV; archive -> .zip. ``EXPORTERS`` maps each
name (services/choices.py lists them for the command line) to a function taking the session
and an ``ExportRequest``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Final

from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.services.cases import CaseFilter
from powmia_desktop.services.choices import EXPORT_KINDS
from powmia_desktop.services.exporting.archive_zip import export_archive
from powmia_desktop.services.exporting.files import ExportResult
from powmia_desktop.services.exporting.followup_csv import export_followup
from powmia_desktop.services.exporting.ics import export_calendar
from powmia_desktop.services.exporting.privacy import DEFAULT_PRIVACY, Privacy
from powmia_desktop.services.exporting.tables import export_list
from powmia_desktop.services.exporting.timeline_csv import export_timeline
from powmia_desktop.services.exporting.vcard import export_vcards

VCARD_SUFFIXES: Final = (".vcf", ".vcard")
ICS_SUFFIXES: Final = (".ics", ".ical")


@dataclass(frozen=True)
class ExportRequest:
    """One export: the file, where attachments are, which cases and what may leave."""

    path: Path
    attachments_dir: Path | None
    case_filter: CaseFilter | None
    privacy: Privacy
    overwrite: bool
    progress: Progress

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower()


Exporter = Callable[[Session, ExportRequest], ExportResult]


def _list_csv(kind: str) -> Exporter:
    def export(session: Session, r: ExportRequest) -> ExportResult:
        return export_list(
            session, kind, r.path, case_filter=r.case_filter, privacy=r.privacy,
            overwrite=r.overwrite,
        )  # fmt: skip

    return export


def _contacts(session: Session, r: ExportRequest) -> ExportResult:
    if r.suffix not in VCARD_SUFFIXES:
        return _list_csv("contacts")(session, r)
    return export_vcards(
        session, r.path, privacy=r.privacy, attachments_dir=r.attachments_dir,
        overwrite=r.overwrite,
    )  # fmt: skip


def _meetings(session: Session, r: ExportRequest) -> ExportResult:
    if r.suffix not in ICS_SUFFIXES:
        return _list_csv("meetings")(session, r)
    return export_calendar(session, r.path, privacy=r.privacy, overwrite=r.overwrite)


def _events(session: Session, r: ExportRequest) -> ExportResult:
    return export_timeline(session, r.path, privacy=r.privacy, overwrite=r.overwrite)


def _followup(session: Session, r: ExportRequest) -> ExportResult:
    return export_followup(session, r.path, privacy=r.privacy, overwrite=r.overwrite)


def _archive(session: Session, r: ExportRequest) -> ExportResult:
    return export_archive(
        session, r.attachments_dir, r.path, privacy=r.privacy, overwrite=r.overwrite,
        progress=r.progress,
    )  # fmt: skip


#: Every kind of export by its name, in the order of services/choices.py's EXPORT_KINDS.
EXPORTERS: Final[Mapping[str, Exporter]] = MappingProxyType(
    {
        "cases": _list_csv("cases"),
        "contacts": _contacts,
        "meetings": _meetings,
        "events": _events,
        "dna-followup": _followup,
        "archive": _archive,
    }
)


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
    """Export ``kind`` (a name in ``EXPORTERS``) to ``path``."""
    exporter = EXPORTERS.get(kind)
    if exporter is None:
        raise ValidationError(f"'{kind}' is not something to export; use one of {EXPORT_KINDS}")
    request = ExportRequest(path, attachments_dir, case_filter, privacy, overwrite, progress)
    return exporter(session, request)
