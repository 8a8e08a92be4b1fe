"""Getting data in and out from the terminal: ``powmia import`` and ``powmia export``.

The same services as the window's File > Import... and Export...; each prints its counts
and, for an import, every rejected row with its number. An import that writes (not
``--dry-run``) backs the archive up first, as the window's import does.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from powmia_desktop.commands.withheld import print_withheld
from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.services.backup_first import backed_up_for_import
from powmia_desktop.services.cases import CaseFilter
from powmia_desktop.services.exporting.dispatch import export_file
from powmia_desktop.services.exporting.privacy import Privacy
from powmia_desktop.services.importing.dispatch import ImportOptions, import_file
from powmia_desktop.services.importing.tabular import MappingFile, load_mapping_file
from powmia_desktop.services.packets import find_audience


def _mapping(path: Path | None) -> MappingFile:
    return load_mapping_file(path) if path is not None else MappingFile({}, {})


def import_data(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    mapping = _mapping(args.mapping)
    options = ImportOptions.from_document(mapping.options).given(
        list_title=args.list,
        as_of=args.as_of,
        source=args.source,
        campaign=args.campaign,
        offices=args.offices,
        offices_mapping=None
        if args.offices_mapping is None
        else _mapping(args.offices_mapping).columns,
    )
    with (
        Archive.open(location) as archive,
        backed_up_for_import(archive, dry_run=args.dry_run) as made,
        archive.session() as session,
    ):
        result = import_file(
            session,
            args.kind,
            args.file,
            attachments_dir=archive.location.attachments_dir,
            mapping=mapping.columns,
            options=options,
            dry_run=args.dry_run,
        )
    for line in result.lines():
        print(line, file=out)
    if made is not None:
        print(f"The archive as it was before the import is kept in {made.path}", file=out)


def export_data(args: argparse.Namespace, location: ArchiveLocation, out: TextIO) -> None:
    path: Path = args.file
    if path.exists() and not args.force:
        raise ValidationError(f"{path} already exists; use --force to overwrite it")
    if args.audience is not None and args.ceiling is not None:
        raise ValidationError("Give --audience or --ceiling, not both")
    ceiling = Sensitivity.parse(args.ceiling or "family")
    if ceiling is Sensitivity.PRIVATE and not args.include_private:
        raise ValidationError("Private records are only written with --include-private")
    privacy = Privacy(ceiling, include_private=args.include_private)
    with Archive.open(location) as archive, archive.reader() as session:
        if args.audience is not None:
            audience = find_audience(session, args.audience, include_private=args.include_private)
            privacy = Privacy.for_audience(audience)
            print(f"For: {audience.describe()}", file=out)
        result = export_file(
            session,
            args.kind,
            path,
            attachments_dir=archive.location.attachments_dir,
            case_filter=CaseFilter(text=args.filter),
            privacy=privacy,
            overwrite=True,
        )
    print(result.summary(), file=out)
    if result.log:
        print_withheld(out, result.log, args.list_withheld)
