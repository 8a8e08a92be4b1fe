"""The subcommands of ``powmia``: declared here, run by one module per group of jobs.

Building the parser reads only this module (and ``services/choices.py`` for the names it
offers), so ``powmia --version`` and ``powmia --help`` answer before SQLAlchemy, ReportLab,
the fonts or any importer is loaded. A subcommand's module is imported when it runs.

A handler takes the parsed arguments, the archive location and the output stream, and raises
PowmiaError for anything a person must be told (``cli.py`` prints it on one line, exit 1).

How to declare a new option or subcommand
-----------------------------------------
* An option of an existing subcommand: add ``option("--name", ...)`` to that subcommand's
  ``options`` below; ``option`` takes exactly what ``ArgumentParser.add_argument`` takes.
  The handler reads it as ``args.name``. Keep ``type=``/``choices=`` to cheap values: a
  builtin, ``Path``, or a constant from ``services/choices.py`` (never import a service here).
* A subcommand: write its handler ``def do_it(args, location, out) -> None`` in a module of
  this package (an existing one if the job belongs to its group), then add
  ``Subcommand("name", "one-line help", "module:do_it", (option(...), ...))`` to
  ``SUBCOMMANDS``. ``tests/cli/test_fast_start.py`` checks every handler resolves and that
  ``--help`` still imports no implementation.
"""

import argparse
import gc
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from powmia_desktop.services.choices import DEFAULT_TEMPLATE_NAME, EXPORT_KINDS, IMPORT_KINDS

if TYPE_CHECKING:
    from powmia_desktop.db.location import ArchiveLocation

Handler = Callable[[argparse.Namespace, "ArchiveLocation", TextIO], None]

#: What ``powmia list`` lists.
LIST_KINDS = ("cases", "contacts", "meetings", "events")
#: What ``powmia conflicts`` does.
CONFLICT_ACTIONS = ("list", "show", "resolve")
#: What ``powmia runs`` does.
RUN_ACTIONS = ("list", "show", "verify", "rebuild")
#: What ``powmia campaign`` does.
CAMPAIGN_ACTIONS = ("list", "show", "count", "report")
#: The audience a summary is for when none is named: what officials may read.
DEFAULT_SUMMARY_AUDIENCE = "officials"


class Option(NamedTuple):
    """One ``add_argument`` call: its flags (or positional name) and its settings."""

    flags: tuple[str, ...]
    settings: dict[str, Any]


def option(*flags: str, **settings: Any) -> Option:
    return Option(flags, settings)


class Subcommand(NamedTuple):
    name: str
    help: str
    #: ``"module:function"`` in this package, imported only when the subcommand runs.
    handler: str
    options: tuple[Option, ...] = ()

    def add_to(self, commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
        parser = commands.add_parser(self.name, help=self.help)
        for flags, settings in self.options:
            parser.add_argument(*flags, **settings)
        parser.set_defaults(handler=self.handler)


def load_handler(spec: str) -> Handler:
    """The function a ``"module:function"`` handler names, importing its module now.

    The import (SQLAlchemy, the models, ReportLab) makes objects that live until the
    process ends, so the cyclic garbage collector is paused while it runs (about a tenth of
    the import time) and what it made is frozen out of later collections.
    """
    module, _, function = spec.partition(":")
    collecting = gc.isenabled()
    gc.disable()
    try:
        handler: Handler = getattr(importlib.import_module(f"{__name__}.{module}"), function)
    finally:
        if collecting:
            gc.freeze()
            gc.enable()
    return handler


_JSON = option("--json", action="store_true", help="print JSON")
_PREPARER = option(
    "--preparer",
    "--prepared-by",
    dest="prepared_by",
    default="",
    metavar="NAME",
    help="who prepared it (named on every page and the contents page)",
)
_PRINTING = (
    option("--force", action="store_true", help="replace FILE.pdf if it exists"),
    option(
        "--include-private",
        action="store_true",
        help="also print records marked private (never done otherwise)",
    ),
    option(
        "--list-withheld", action="store_true", help="list every item left out, not only counts"
    ),
)

SUBCOMMANDS: tuple[Subcommand, ...] = (
    # archive.py: creating an archive and filling it with the demo case
    Subcommand(
        "init",
        "create an empty archive",
        "archive:init_archive",
        (
            option(
                "--files",
                metavar="FOLDER",
                type=Path,
                help="a server archive's shared folder for attachments and backups "
                "(one every desk can read)",
            ),
        ),
    ),
    Subcommand("demo", "fill the archive with the demo case (Cpl. Roger A. Dumas)", "archive:demo"),
    # server.py: moving an archive between a file and a server
    Subcommand(
        "copy",
        "copy the whole archive into a new file or an empty server database, and verify it",
        "server:copy_archive",
        (
            option("--to", required=True, metavar="PATH_OR_URL", help="the new archive"),
            option("--tables", action="store_true", help="list each table's rows and hash"),
        ),
    ),
    # maintenance.py: backup, restore, check and repair
    Subcommand(
        "backup",
        "back up the archive and its attachments",
        "maintenance:backup",
        (
            option("--to", metavar="DIR", type=Path, help="where (default: <name>-backups)"),
            option("--list", action="store_true", help="list the backups instead"),
        ),
    ),
    Subcommand(
        "restore",
        "put a backup back (the archive as it is now is backed up first)",
        "maintenance:restore_backup",
        (option("backup", metavar="BACKUP", help="a backup folder or its name"),),
    ),
    Subcommand(
        "check",
        "check the archive for damage and broken links",
        "maintenance:check",
        (option("--repair", action="store_true", help="repair what can be repaired"),),
    ),
    # records.py: list, show and search
    Subcommand(
        "list",
        "list the records of one kind",
        "records:list_records",
        (option("kind", choices=LIST_KINDS), _JSON),
    ),
    Subcommand(
        "show",
        "show one record in full",
        "records:show",
        (option("kind", choices=("case",)), option("id", type=int), _JSON),
    ),
    Subcommand(
        "donors",
        "who has given a DNA reference sample for a case, who could still give which kind",
        "dna:donors",
        (option("case_id", metavar="CASE_ID", type=int), _JSON),
    ),
    Subcommand(
        "disputed",
        "every fact the sources disagree on (of one case with --case)",
        "dna:disputed",
        (option("--case", type=int, metavar="CASE_ID"), _JSON),
    ),
    Subcommand(
        "search",
        "full-text search over the whole archive",
        "records:search_archive",
        (option("text", nargs="+"), _JSON),
    ),
    # reports.py: a case summary and a briefing packet, each for an audience
    Subcommand(
        "summary",
        "print one case summary to a PDF file, for an audience",
        "reports:summary",
        (
            option("case_id", metavar="CASE_ID", type=int),
            option("--out", required=True, type=Path, metavar="FILE.pdf"),
            _PREPARER,
            option(
                "--audience",
                default=DEFAULT_SUMMARY_AUDIENCE,
                metavar="NAME",
                help="an audience profile or a level: public, officials (default), family",
            ),
            *_PRINTING,
        ),
    ),
    Subcommand(
        "packet",
        "build a briefing packet PDF for an audience",
        "reports:packet",
        (
            option("--template", metavar="NAME", help=f"default: {DEFAULT_TEMPLATE_NAME}"),
            option("--audience", required=True, metavar="NAME"),
            option(
                "--case",
                dest="cases",
                type=int,
                action="append",
                default=[],
                metavar="ID",
                help="a case to include (repeat; default: the meeting's cases, else every case)",
            ),
            option("--meeting", type=int, metavar="ID"),
            option("--title", default="", help="the packet's title"),
            _PREPARER,
            option("--out", type=Path, metavar="FILE.pdf"),
            option(
                "--dry-run",
                action="store_true",
                help="show what each section would hold and what would be left out; write nothing",
            ),
            *_PRINTING,
        ),
    ),
    # conflicts.py: records two merged archives both changed
    Subcommand(
        "conflicts",
        "records an imported archive and this one both changed: list, show ID, resolve ID",
        "conflicts:conflicts_command",
        (
            option("action", choices=CONFLICT_ACTIONS),
            option("conflict", nargs="?", type=int, help="the conflict's number (show, resolve)"),
            option(
                "--keep",
                choices=("local", "incoming"),
                help="resolve: keep this archive's version (local) or the incoming one",
            ),
            option("--all", action="store_true", help="list: resolved ones too"),
        ),
    ),
    # runs.py: the packet history
    Subcommand(
        "runs",
        "the packets and case summaries printed: list, show, verify FILE, rebuild",
        "runs:runs_command",
        (
            option("action", choices=RUN_ACTIONS),
            option(
                "target",
                nargs="?",
                default="",
                help="a run's number or id (show, rebuild); a PDF file (verify)",
            ),
            option("--out", type=Path, metavar="FILE.pdf", help="where a rebuild goes"),
            option("--force", action="store_true", help="replace FILE.pdf if it exists"),
            _JSON,
        ),
    ),
    # lists.py: the review queue of held list rows, and cross-referencing lists
    Subcommand(
        "review",
        "list rows an import held as possible duplicates, or decide one: --confirm, "
        "--new-case or --reject ID",
        "lists:review_command",
        (
            option("list", nargs="?", default="", metavar="LIST", help="only this list's rows"),
            option("--confirm", type=int, metavar="ID", help="the row is the case it may be"),
            option(
                "--case",
                type=int,
                metavar="CASE",
                help="with --confirm: which of the cases the row may be (default: the first)",
            ),
            option("--new-case", type=int, metavar="ID", help="make a new case from the row"),
            option("--reject", type=int, metavar="ID", help="the row matches no case"),
            _JSON,
        ),
    ),
    # lists.py: cross-referencing lists (the Last Seen Alive list, rosters, their editions)
    Subcommand(
        "crossref",
        "cross-reference a list: its latest edition against the one before, against another "
        "list, or against a status (who on the LSA list is carried as presumed dead)",
        "lists:crossref_command",
        (
            option("list", metavar="LIST", help="the list's number, title or a word of it (LSA)"),
            option("--against", metavar="LIST", help="who is on one list and not the other"),
            option(
                "--status",
                metavar="STATUS",
                help="who on the list is carried with this status ('presumed dead', KIA…)",
            ),
            option("--out", type=Path, metavar="FILE", help="write a .csv, .json or .pdf file"),
            option(
                "--audience",
                default="family",
                metavar="NAME",
                help="show only what this audience may read (default: family)",
            ),
            option("--include-private", action="store_true", help="also show private records"),
            option("--force", action="store_true", help="replace FILE if it exists"),
            _JSON,
        ),
    ),
    # campaigns.py: advocacy campaigns, their counts and letters to officials
    Subcommand(
        "campaign",
        "advocacy campaigns: list, show CAMPAIGN, count CAMPAIGN N [--date DAY], "
        "report CAMPAIGN --audience NAME --out FILE.pdf",
        "campaigns:campaign_command",
        (
            option("action", choices=CAMPAIGN_ACTIONS),
            option("campaign", nargs="?", help="the campaign's number or (part of its) title"),
            option("count", nargs="?", help="count: how many have signed"),
            option("--date", metavar="YYYY-MM-DD", help="count: the day counted (default today)"),
            option(
                "--source",
                default="",
                metavar="TEXT",
                help="count: where the number was read (a web page, a tally sheet)",
            ),
            option(
                "--audience",
                default="Congressional office",
                metavar="NAME",
                help="report: who will read it (default: Congressional office)",
            ),
            option("--out", type=Path, metavar="FILE.pdf", help="report: where it goes"),
            *_PRINTING[:2],
            _JSON,
        ),
    ),
    Subcommand(
        "letters",
        "mail-merged letters of a campaign, one PDF per official, the case summary attached",
        "campaigns:letters",
        (
            option("campaign", help="the campaign's number or (part of its) title"),
            option(
                "--to",
                choices=("representatives", "targets"),
                default="representatives",
                help="the signer's senators and representative (default), or the "
                "officials the campaign addresses",
            ),
            option("--out", required=True, type=Path, metavar="DIR"),
            option(
                "--from",
                dest="sender",
                default="",
                metavar="CONTACT",
                help="who signs (number or name; default: the first family member of the "
                "campaign's cases with a U.S. address)",
            ),
            option("--template", type=Path, metavar="FILE", help="the letter's text (see docs)"),
            option(
                "--audience",
                default="Congressional office",
                metavar="NAME",
                help="what the attached case summary may hold (default: Congressional office)",
            ),
            option(
                "--log-sent",
                action="store_true",
                help="log each letter as sent today, with a follow-up task if no reply comes",
            ),
            option("--reply-days", type=int, default=30, metavar="N", help="default 30"),
            *_PRINTING[:2],
        ),
    ),
    # transfer.py: getting data in and out
    Subcommand(
        "import",
        "import a list of cases (CSV), contacts (vCard/CSV), meetings (.ics), "
        "timeline events (CSV), correspondence (an e-mail, .eml) or a whole archive (.zip)",
        "transfer:import_data",
        (
            option("kind", choices=IMPORT_KINDS),
            option("file", type=Path),
            option("--mapping", type=Path, metavar="FILE", help="column mapping (JSON)"),
            option("--dry-run", action="store_true", help="show the counts, change nothing"),
            option("--list", metavar="TITLE", help="cases: the list's name (default: file name)"),
            option("--as-of", metavar="DATE", help="cases: the date of the list's statuses"),
            option("--offices", type=Path, metavar="FILE", help="contacts: a CSV of offices"),
            option("--offices-mapping", type=Path, metavar="FILE"),
            option("--source", metavar="TITLE", help="events: a source every row cites"),
            option(
                "--campaign", metavar="CAMPAIGN", help="correspondence: the campaign it belongs to"
            ),
        ),
    ),
    Subcommand(
        "export",
        "export cases or events (CSV), contacts (CSV or .vcf), meetings (CSV or .ics) "
        "or the whole archive (.zip)",
        "transfer:export_data",
        (
            option("kind", choices=EXPORT_KINDS),
            option("file", type=Path),
            option(
                "--ceiling",
                metavar="LEVEL",
                help="most sensitive level written: public, officials or family (default)",
            ),
            option(
                "--audience",
                metavar="NAME",
                help="write only what this audience may read (its level and rules: phone "
                "numbers, also inside notes, ...); instead of --ceiling",
            ),
            option("--include-private", action="store_true", help="write private records too"),
            option(
                "--list-withheld",
                action="store_true",
                help="list every item the audience's rules left out",
            ),
            option("--force", action="store_true", help="overwrite FILE if it exists"),
            option("--filter", default="", metavar="TEXT", help="cases: only those matching"),
        ),
    ),
)


def register_all(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add every declared subcommand, in the order ``--help`` lists them."""
    for subcommand in SUBCOMMANDS:
        subcommand.add_to(commands)
