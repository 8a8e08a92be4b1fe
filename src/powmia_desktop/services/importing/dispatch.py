"""One entry for every kind of import, as the CLI and the wizard name them.

``cases`` (a list, CSV/TSV), ``contacts`` (vCard, or CSV with an optional offices file),
``meetings`` (.ics), ``events`` (timeline CSV), ``correspondence`` (an e-mail, .eml) and
``archive`` (.zip). ``IMPORTERS`` maps
each name (services/choices.py lists them for the command line) to a function taking the
session and an ``ImportRequest``; what a person may add besides the file and its columns is
an ``ImportOptions``, each kind reading the fields it knows.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.services.choices import IMPORT_KINDS
from powmia_desktop.services.importing.archive_zip import import_archive
from powmia_desktop.services.importing.calendar import import_calendar
from powmia_desktop.services.importing.contacts import import_contact_csv, import_vcards
from powmia_desktop.services.importing.email_letters import import_eml
from powmia_desktop.services.importing.lists import import_list
from powmia_desktop.services.importing.outcome import ImportResult
from powmia_desktop.services.importing.timeline import import_events

VCARD_SUFFIXES: Final = (".vcf", ".vcard")
ICS_SUFFIXES: Final = (".ics", ".ical", ".ifb")


def is_vcard(path: Path) -> bool:
    return path.suffix.lower() in VCARD_SUFFIXES


@dataclass(frozen=True)
class ImportOptions:
    """What an import may be told besides its file and columns; each kind reads its own."""

    #: cases: the list's name (default: the file's name)
    list_title: str | None = None
    #: cases: the date of the list's statuses, as typed (read when the import runs)
    as_of: str | None = None
    #: contacts (CSV): a CSV of offices joined to the contacts, and its column mapping
    offices: Path | None = None
    offices_mapping: dict[str, str | None] | None = None
    #: events: a source every row cites
    source: str | None = None
    #: correspondence: the campaign the letters belong to (number or title)
    campaign: str | None = None

    @classmethod
    def from_document(cls, options: Mapping[str, Any]) -> ImportOptions:
        """The ``options`` of a mapping file: ``list``, ``as_of``, ``offices``,
        ``offices_mapping`` and ``source`` (other keys are left alone)."""
        offices_mapping = options.get("offices_mapping") or None
        if offices_mapping is not None and not isinstance(offices_mapping, dict):
            raise ValidationError("'offices_mapping' in the mapping file must be a JSON object")
        offices = _text(options.get("offices"))
        return cls(
            list_title=_text(options.get("list")),
            as_of=_text(options.get("as_of")),
            offices=Path(offices) if offices else None,
            offices_mapping=offices_mapping,
            source=_text(options.get("source")),
            campaign=_text(options.get("campaign")),
        )

    def given(self, **values: Any) -> ImportOptions:
        """These options with each of ``values`` that is given (not None or empty) put in."""
        return replace(self, **{k: v for k, v in values.items() if v is not None and v != ""})


def _text(value: Any) -> str | None:
    return str(value) if value is not None and str(value).strip() else None


@dataclass(frozen=True)
class ImportRequest:
    """One import: the file, where attachments go, the column mapping and the options."""

    path: Path
    attachments_dir: Path | None
    mapping: dict[str, str | None] | None
    options: ImportOptions
    dry_run: bool
    progress: Progress


Importer = Callable[[Session, ImportRequest], ImportResult]


def _cases(session: Session, r: ImportRequest) -> ImportResult:
    as_of = r.options.as_of
    return import_list(
        session, r.path, mapping=r.mapping, list_title=r.options.list_title,
        as_of=FuzzyDate.parse_strict(as_of) if as_of else None,
        dry_run=r.dry_run, progress=r.progress,
    )  # fmt: skip


def _contacts(session: Session, r: ImportRequest) -> ImportResult:
    if is_vcard(r.path):
        return import_vcards(
            session, r.path, attachments_dir=r.attachments_dir, dry_run=r.dry_run,
            progress=r.progress,
        )  # fmt: skip
    return import_contact_csv(
        session, r.path, mapping=r.mapping, offices=r.options.offices,
        offices_mapping=r.options.offices_mapping, dry_run=r.dry_run, progress=r.progress,
    )  # fmt: skip


def _meetings(session: Session, r: ImportRequest) -> ImportResult:
    if r.path.suffix.lower() not in ICS_SUFFIXES:
        raise ValidationError("Meetings are imported from a calendar file (.ics)")
    return import_calendar(session, r.path, dry_run=r.dry_run, progress=r.progress)


def _events(session: Session, r: ImportRequest) -> ImportResult:
    return import_events(
        session, r.path, mapping=r.mapping, source=r.options.source, dry_run=r.dry_run,
        progress=r.progress,
    )  # fmt: skip


def _correspondence(session: Session, r: ImportRequest) -> ImportResult:
    return import_eml(
        session, r.path, attachments_dir=r.attachments_dir, campaign=r.options.campaign,
        dry_run=r.dry_run,
    )  # fmt: skip


def _archive(session: Session, r: ImportRequest) -> ImportResult:
    return import_archive(
        session, r.path, r.attachments_dir, dry_run=r.dry_run, progress=r.progress
    )


#: Every kind of import by its name, in the order of services/choices.py's IMPORT_KINDS.
IMPORTERS: Final[Mapping[str, Importer]] = MappingProxyType(
    {
        "cases": _cases,
        "contacts": _contacts,
        "meetings": _meetings,
        "events": _events,
        "correspondence": _correspondence,
        "archive": _archive,
    }
)


def import_file(
    session: Session,
    kind: str,
    path: Path,
    *,
    attachments_dir: Path | None,
    mapping: dict[str, str | None] | None = None,
    options: ImportOptions | None = None,
    dry_run: bool = False,
    progress: Progress = no_progress,
) -> ImportResult:
    """Import ``path`` as ``kind`` (a name in ``IMPORTERS``)."""
    if not path.is_file():
        raise ValidationError(f"There is no file {path}")
    importer = IMPORTERS.get(kind)
    if importer is None:
        raise ValidationError(f"'{kind}' is not something to import; use one of {IMPORT_KINDS}")
    request = ImportRequest(
        path, attachments_dir, mapping or None, options or ImportOptions(), dry_run, progress
    )
    return importer(session, request)
