"""One entry for every kind of import, as the CLI and the wizard name them.

``cases`` (a list, CSV/TSV), ``contacts`` (vCard, or CSV with an optional offices file),
``meetings`` (.ics), ``events`` (timeline CSV) and ``archive`` (.zip).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.services.choices import IMPORT_KINDS
from powmia_desktop.services.importing.archive_zip import import_archive
from powmia_desktop.services.importing.calendar import import_calendar
from powmia_desktop.services.importing.contacts import import_contact_csv, import_vcards
from powmia_desktop.services.importing.lists import import_list
from powmia_desktop.services.importing.outcome import ImportResult
from powmia_desktop.services.importing.timeline import import_events

VCARD_SUFFIXES: Final = (".vcf", ".vcard")
ICS_SUFFIXES: Final = (".ics", ".ical", ".ifb")


def is_vcard(path: Path) -> bool:
    return path.suffix.lower() in VCARD_SUFFIXES


def import_file(
    session: Session,
    kind: str,
    path: Path,
    *,
    attachments_dir: Path | None,
    mapping: dict[str, str | None] | None = None,
    options: dict[str, Any] | None = None,
    dry_run: bool = False,
    progress: Progress = no_progress,
) -> ImportResult:
    """Import ``path`` as ``kind``; ``options`` are those of a mapping file or the CLI:
    ``list`` and ``as_of`` (cases), ``offices`` and ``offices_mapping`` (contacts),
    ``source`` (events)."""
    options = options or {}
    mapping = mapping or None
    if not path.is_file():
        raise ValidationError(f"There is no file {path}")
    if kind == "cases":
        as_of = options.get("as_of")
        return import_list(
            session, path, mapping=mapping, list_title=options.get("list") or None,
            as_of=FuzzyDate.parse_strict(str(as_of)) if as_of else None,
            dry_run=dry_run, progress=progress,
        )  # fmt: skip
    if kind == "contacts" and is_vcard(path):
        return import_vcards(
            session, path, attachments_dir=attachments_dir, dry_run=dry_run, progress=progress
        )
    if kind == "contacts":
        return import_contact_csv(
            session, path, mapping=mapping, offices=options.get("offices"),
            offices_mapping=options.get("offices_mapping") or None,
            dry_run=dry_run, progress=progress,
        )  # fmt: skip
    if kind == "meetings":
        if path.suffix.lower() not in ICS_SUFFIXES:
            raise ValidationError("Meetings are imported from a calendar file (.ics)")
        return import_calendar(session, path, dry_run=dry_run, progress=progress)
    if kind == "events":
        return import_events(
            session, path, mapping=mapping, source=options.get("source") or None,
            dry_run=dry_run, progress=progress,
        )  # fmt: skip
    if kind == "archive":
        return import_archive(session, path, attachments_dir, dry_run=dry_run, progress=progress)
    raise ValidationError(f"'{kind}' is not something to import; use one of {IMPORT_KINDS}")
