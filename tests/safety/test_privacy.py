"""Private records never leave through any export path unless the person includes them.

The export paths are found in the CLI's own parser: every command is either an export path
run here or named in ``NOT_EXPORTS`` with the reason it is not one, so a new way out
cannot be forgotten. Each path runs on the demo archive plus private records of every kind
added below; the text of each private record (where no non-private record says the same)
must not appear in what is written. A positive control runs each path with the private
records explicitly included and expects to find them, so the check cannot pass by
reading nothing.
"""

import contextlib
import io
import json
import re
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import create_engine, inspect
from sqlalchemy import text as sql_text
from tests.helpers.sql import sql
from tests.safety.test_bad_input import subcommands

from powmia_desktop.cli import main
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import resolve_location
from powmia_desktop.db.models import (
    Attachment,
    Campaign,
    CampaignCount,
    Citation,
    Claim,
    Contact,
    ContactPhone,
    Correspondence,
    Meeting,
    NameVariant,
    Question,
    Serviceman,
    Source,
    TimelineEvent,
)
from powmia_desktop.services.attachments import store_bytes

PRIVATE = Sensitivity.PRIVATE
#: Commands that write nothing for anyone else, and why.
NOT_EXPORTS = {
    "runs": "lists the packet history; a rebuild prints a run as logged (its audience's view)",
    "conflicts": "shows and settles the person's own merge conflicts on their own screen",
    "init": "creates an empty archive",
    "demo": "loads the demo into the person's own archive",
    "list": "shows the person's own archive on their own screen",
    "show": "shows the person's own archive on their own screen",
    "search": "shows the person's own archive on their own screen",
    "import": "brings data in",
    "backup": "the person's own full copy; private records belong in it",
    "restore": "puts the person's own backup back",
    "copy": "moves the person's whole archive to their own server or file, private and all",
    "check": "reports on the person's own archive",
    "review": "shows and settles the person's own held list rows on their own screen",
    # It writes files for others, but only names and statuses of men on lists, each row
    # kept or left out by its case's level: tests/cli/test_crossref_command.py checks it.
    "crossref": "cuts every row to --audience (default family, never private unless asked)",
    "donors": "shows the person's own archive on their own screen",
    "disputed": "shows the person's own archive on their own screen",
}
#: File names for each kind of ``powmia export``, one run per format.
EXPORT_FILES = {
    "cases": ["cases.csv"],
    "contacts": ["contacts.csv", "contacts.vcf"],
    "meetings": ["meetings.csv", "meetings.ics"],
    "events": ["events.csv"],
    "dna-followup": ["dna-followup.csv"],
    "archive": ["archive.zip"],
}
ATTACHED_BYTES = b"PRIVATE-FILE-BYTES of the sighting report"
#: Columns whose values say nothing private by themselves (ids, times, vocabulary words).
TECHNICAL = frozenset(
    [
        "uid",
        "created_at",
        "updated_at",
        "starts_at",
        "ends_at",
        "mime_type",
        "role",
        "kind",
        "status",
        "match_status",
        "line",
        "fact",
        "category",
        "source_type",
        "meeting_type",
        "organization_type",
        "confidence",
        "accounting_status",
        "current_status",
        "branch",
    ]
)


def _add_private_records(archive: Archive) -> None:
    """One private record of each kind an export or packet might show."""
    folder = archive.location.attachments_dir
    assert folder is not None
    with archive.session() as s:
        dumas = s.get(Serviceman, 1)
        assert dumas is not None
        source = Source(title="Qbertram family diary, kept private", sensitivity=PRIVATE)
        event = TimelineEvent(
            title="Qlantern meeting with the witness in Seoul",
            description="Witness Qmarigold said more than the report shows",
            date=FuzzyDate.parse("2009"),
            sensitivity=PRIVATE,
        )
        public_event = s.query(TimelineEvent).first()
        s.add_all(
            [
                Serviceman(surname="Qzylophant", given_names="Private Case", sensitivity=PRIVATE),
                NameVariant(serviceman=dumas, name="Qroxanne Dumasova", sensitivity=PRIVATE),
                Claim(
                    serviceman=dumas, fact="capture_place", value="Qhidden valley camp",
                    sensitivity=PRIVATE,
                ),
                source,
                event,
                Citation(
                    source=source, timeline_event=public_event,
                    quote="Qwhispered quote from the diary", sensitivity=PRIVATE,
                ),
                Contact(display_name="Qorvald Secretwitness", sensitivity=PRIVATE),
                Meeting(
                    meeting_type="phone_call", title="Qpeppermint call with the witness",
                    starts_at=datetime(2009, 3, 2, 15, tzinfo=UTC), sensitivity=PRIVATE,
                ),
                Question(serviceman=dumas, text="Qwho else saw him in 2008?", sensitivity=PRIVATE),
                Attachment(
                    sha256=store_bytes(folder, ATTACHED_BYTES), original_name="qsighting.pdf",
                    size=len(ATTACHED_BYTES), caption="Qcaption of the sighting scan",
                    serviceman=dumas, sensitivity=PRIVATE,
                ),
            ]
        )  # fmt: skip
        campaign = s.get(Campaign, 1)
        assert campaign is not None
        s.add_all(
            [
                Correspondence(
                    campaign=campaign, subject="Qsealed letter to the senator about the witness",
                    body="Qconfidential body of the sealed letter", sensitivity=PRIVATE,
                ),
                CampaignCount(
                    campaign=campaign, counted_on=date(2020, 1, 1), count=987,
                    source_text="Qsecret tally sheet of the family", sensitivity=PRIVATE,
                ),
            ]
        )  # fmt: skip
        public = s.query(Contact).filter(Contact.sensitivity < PRIVATE).first()
        assert public is not None
        s.add(ContactPhone(contact=public, number="555-0199-7788", sensitivity=PRIVATE))


def _normal(text: str) -> str:
    """Letters and digits only, folded: line breaks, escapes and PDF spacing do not matter."""
    return re.sub(r"[\W_]+", "", text).casefold()


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def private_texts(db: str) -> dict[str, str]:
    """Normalized text of every private row, where no other row says the same; -> its origin."""
    private: dict[str, str] = {}
    public: list[str] = []
    engine = create_engine(resolve_location(db).url)
    with engine.connect() as connection:
        found = inspect(connection)
        tables = [
            t
            for t in found.get_table_names()
            if "sensitivity" in [c["name"] for c in found.get_columns(t)]
        ]
        for table in tables:
            for record in connection.execute(sql_text(f'SELECT * FROM "{table}"')).mappings():
                texts = [
                    v
                    for k, v in record.items()
                    if isinstance(v, str) and k not in TECHNICAL and not v.startswith('{"mod"')
                ]
                if record["sensitivity"] == int(PRIVATE):
                    for said in texts:
                        private[_normal(said)] = f"{table} {record['id']}: {said[:60]!r}"
                else:
                    public.extend(_normal(t) for t in texts)
    engine.dispose()
    haystack = "\n".join(public)
    found = {k: v for k, v in private.items() if len(k) >= 8 and k not in haystack}
    found[_normal(ATTACHED_BYTES.decode())] = "the bytes of a private attachment"
    return found


def written_text(path: Path) -> str:
    """Everything a reader of the file could see, normalized."""
    if path.is_dir():
        return "".join(written_text(part) for part in sorted(path.iterdir()))
    if path.suffix == ".pdf":
        text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    elif path.suffix == ".zip":
        parts = []
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                data = archive.read(name)
                try:
                    parts += _strings(json.loads(data))
                except ValueError:
                    parts.append(data.decode("utf-8", "replace"))
                parts.append(name)
        text = "\n".join(parts)
    else:
        text = path.read_text("utf-8", "replace").replace("\r\n ", "").replace("\n ", "")
    return _normal(text)


def _run(*args: str) -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(list(args), out=io.StringIO())
    assert code == 0, f"powmia {' '.join(args)}: {err.getvalue()}"


@pytest.fixture(scope="module")
def family(module_demo: Callable[[str], str]) -> str:
    """The demo archive with private records of every kind, on each engine in turn."""
    db = module_demo("privacy")
    with Archive.open(resolve_location(db)) as archive:
        _add_private_records(archive)
    return db


def _audiences(db: str) -> list[str]:
    return [r[0] for r in sql(db, "SELECT name FROM audience_profile ORDER BY id")]


def export_paths(family: str) -> list[tuple[str, list[str]]]:
    """(name, arguments with {out}) for every way the CLI writes records for others."""
    commands = subcommands()
    unknown = set(commands) - set(NOT_EXPORTS) - {"export", "packet", "summary", *CAMPAIGN_PAPERS}
    assert not unknown, f"is {sorted(unknown)} an export path? add it to {__file__}"
    paths: list[tuple[str, list[str]]] = []
    if "export" in commands:
        kinds = next(a for a in commands["export"]._actions if a.dest == "kind").choices or []
        assert set(kinds) <= set(EXPORT_FILES), (
            f"new export kinds: {set(kinds) - set(EXPORT_FILES)}"
        )
        for kind in kinds:
            for name in EXPORT_FILES[kind]:
                paths.append((f"export {name}", ["export", kind, f"{{out}}/{name}"]))
        paths.append(
            ("export archive public", ["export", "archive", "{out}/p.zip", "--ceiling", "public"])
        )
    for audience in _audiences(family) if "packet" in commands else []:
        paths.append(
            (
                f"packet for {audience}",
                ["packet", "--audience", audience, "--out", "{out}/packet.pdf"],
            )
        )
    for level in ("public", "officials", "family") if "summary" in commands else []:
        paths.append(
            (
                f"summary for {level}",
                ["summary", "1", "--audience", level, "--out", "{out}/summary.pdf"],
            )
        )
    for level in ("public", "officials", "family"):
        for command, template in CAMPAIGN_PAPERS.items():
            if command in commands:
                paths.append((f"{command} for {level}", [*template, "--audience", level]))
    return paths


#: The campaign report and the letters (each with the case summary attached) of the demo's
#: campaign, for each level.
CAMPAIGN_PAPERS = {
    "campaign": ["campaign", "report", "1", "--out", "{out}/campaign.pdf"],
    "letters": [
        "letters",
        "1",
        "--to",
        "targets",
        "--from",
        "Bill Dumas",
        "--out",
        "{out}/letters",
    ],
}


def _write(family: str, name: str, template: list[str], root: Path, *extra: str) -> str:
    """Run one export path into its own folder; return the normalized text it wrote."""
    out = root / name.replace(" ", "-")
    out.mkdir()
    _run("--db", family, *[a.format(out=out) for a in template], *extra)
    return written_text(Path(next(a for a in template if "{out}" in a).format(out=out)))


def test_the_test_sees_private_records(family: str) -> None:
    found = private_texts(family)
    assert len(found) >= 12, found
    assert any("businessman" in origin for origin in found.values())  # the demo's own


def test_no_export_path_lets_a_private_record_out(family: str, tmp_path: Path) -> None:
    paths = export_paths(family)
    if not paths:
        pytest.skip("there is no export path yet (powmia export, packet, summary)")
    secrets = private_texts(family)
    leaks = []
    for name, template in paths:
        written = _write(family, name, template, tmp_path)
        leaks += [f"{name}: {origin}" for secret, origin in secrets.items() if secret in written]
    assert leaks == []


def test_included_on_purpose_they_do_appear(family: str, tmp_path: Path) -> None:
    """The positive control: with --include-private each path does write private text."""
    paths = [(n, t) for n, t in export_paths(family) if "public" not in n or "summary" in n]
    if not paths:
        pytest.skip("there is no export path yet (powmia export, packet, summary)")
    secrets = private_texts(family)
    blind = []
    for name, template in paths:
        extra = ["--include-private"]
        if template[0] == "export":
            extra += ["--ceiling", "private"]
        if template[0] in ("summary", *CAMPAIGN_PAPERS):  # private records: for "private" only
            template = [
                a if a not in ("public", "officials", "family") else "private" for a in template
            ]
        written = _write(family, name, template, tmp_path, *extra)
        if not any(secret in written for secret in secrets):
            blind.append(name)
    assert blind == [], f"these paths wrote no private text even when asked to: {blind}"
