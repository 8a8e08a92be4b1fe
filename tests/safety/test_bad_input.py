"""Bad input everywhere, one clear message each: the corpus against every command.

Every command that opens the archive is run on every file of the corpus that is not a
sound archive; every importer (and ``--mapping``) is run on every corpus file. A failure
must be exit 1 with exactly one line on stderr that explains (never a traceback, never
"unexpected error"), and must leave the files it was given, and the archive, as they
were. The command list comes from the CLI's own parser, so a new command cannot be
forgotten: it has to be added to ``ARCHIVE_ARGS`` below.

The sweep of every importer over every corpus file runs on an archive file: what differs
on a server (types PostgreSQL enforces) is checked by test_corpus_outcomes.py's server
imports and test_fuzzing.py; a wrong or unreachable server URL is checked here.
"""

import argparse
import contextlib
import io
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.helpers.pg_server import DatabasePool
from tests.safety import bad_files
from tests.safety.support import assert_one_clear_line, make_demo_file, run_powmia

from powmia_desktop.cli import build_parser, main

#: How to call each command against an archive; {out} is a scratch folder, {csv} a good list.
ARCHIVE_ARGS: dict[str, list[str]] = {
    "init": [],
    "demo": [],
    "list": ["cases"],
    "show": ["case", "1"],
    "search": ["yalu"],
    "backup": [],
    "check": [],
    "restore": ["{out}/no-such-backup"],
    "summary": ["1", "--out", "{out}/summary.pdf"],
    "packet": ["--audience", "DPAA analyst", "--out", "{out}/packet.pdf"],
    "import": ["cases", "{csv}"],
    "export": ["cases", "{out}/cases.csv"],
    "runs": ["list"],
    "conflicts": ["list"],
    "donors": ["1"],
    "disputed": [],
    "campaign": ["show", "1"],
    "letters": ["1", "--to", "targets", "--out", "{out}/letters"],
    "crossref": ["LSA", "--status", "presumed dead", "--out", "{out}/crossref.csv"],
    "review": [],
    "copy": ["--to", "{out}/copy.sqlite"],
}
#: Files no importer may accept (any kind): binary, truncated, hostile.
MUST_FAIL = {
    "random-bytes.csv",
    "random-bytes.vcf",
    "random-bytes.ics",
    "random-bytes.zip",
    "random-bytes.json",
    "cases-nul-bytes.csv",
    "cases-utf16-garbage.csv",
    "cases-enormous-field.csv",
    "events-enormous-line.csv",
    "archive-not-a-zip.zip",
    "archive-truncated.zip",
    "archive-damaged.zip",
    "archive-zip-slip.zip",
    "archive-symlink.zip",
    "archive-bomb.zip",
    "cases-empty.csv",
    "cases-wrong-columns.csv",
    "contacts-not-a-vcard.vcf",
    "meetings-not-a-calendar.ics",
    "mapping-malformed.json",
}
IMPORT_KINDS = ("cases", "contacts", "meetings", "events", "correspondence", "archive")
#: Known gaps, each with why: marked xfail(strict), so the fix shows as a failure to remove
#: its line here. None at present.
KNOWN: dict[tuple[str, str], str] = {}


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("corpus")
    demo = make_demo_file(folder / "demo-source.sqlite")
    demo_zip: Path | None = folder / "demo.zip"
    if (
        "export" not in subcommands()
        or _cli("--db", str(demo), "export", "archive", str(demo_zip))[0]
    ):
        demo_zip = None
    return {**bad_files.text_corpus(), **bad_files.build(folder / "built", demo, demo_zip)}


@pytest.fixture(scope="module")
def sound(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_demo_file(tmp_path_factory.mktemp("sound") / "family.sqlite")


def _cli(*args: str) -> tuple[int, str, str]:
    """Run ``powmia`` in this process: exit status, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(list(args), out=out)
    return code, out.getvalue(), err.getvalue()


def _assert_clear(code: int, err: str, what: str) -> None:
    assert code == 1, f"{what}: exit {code}"
    assert err.startswith("powmia: ") and err.count("\n") == 1, f"{what}: {err!r}"
    assert "unexpected error" not in err, f"{what}: {err!r}"
    assert err[:-1].isprintable(), f"{what}: control characters on the terminal: {err!r}"


def _rows(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        tables = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search%'"
            )
        ]
        return sum(connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables)


def test_every_command_is_in_the_table() -> None:
    missing = set(subcommands()) - set(ARCHIVE_ARGS)
    assert not missing, f"add {sorted(missing)} to ARCHIVE_ARGS in {__file__}"


ARCHIVE_FILES = [
    "not-an-archive.sqlite",
    *(n for n in bad_files.GENERATED if n.endswith(".sqlite")),
]


@pytest.mark.parametrize("name", ARCHIVE_FILES)
def test_every_command_refuses_what_is_not_a_sound_archive(
    corpus: dict[str, Path], tmp_path: Path, name: str
) -> None:
    csv = tmp_path / "list.csv"
    csv.write_text("Last Name,First Name\nKim,Lee\n")
    for command, template in ARCHIVE_ARGS.items():
        if command not in subcommands():
            continue
        target = tmp_path / name
        shutil.copyfile(corpus[name], target)
        args = [a.format(out=tmp_path, csv=csv) for a in template]
        code, _, err = _cli("--db", str(target), command, *args)
        what = f"powmia --db {name} {command}"
        if name == "newer-version.sqlite" and command == "backup":
            assert code == 0, err  # a faithful copy of a newer archive is still a backup
        else:
            _assert_clear(code, err, what)
        assert target.read_bytes() == corpus[name].read_bytes(), f"{what} changed the file"
        for side in tmp_path.glob(f"{name}-*"):  # -wal/-shm of a probe; a -backups folder
            shutil.rmtree(side) if side.is_dir() else side.unlink()
    for out in ("summary.pdf", "packet.pdf", "cases.csv"):
        assert not (tmp_path / out).exists()


def test_missing_and_folder_archives_are_one_line(tmp_path: Path) -> None:
    for db in (tmp_path / "no" / "such" / "folder.sqlite", tmp_path):
        for command, template in ARCHIVE_ARGS.items():
            if command not in subcommands():
                continue
            args = [a.format(out=tmp_path, csv=tmp_path / "x.csv") for a in template]
            code, _, err = _cli("--db", str(db), command, *args)
            _assert_clear(code, err, f"powmia --db {db} {command}")


@pytest.mark.server_only
def test_an_unreachable_or_missing_server_archive_is_one_line(
    engine: str, pg_pool: DatabasePool, tmp_path: Path
) -> None:
    """The server's twin of the test above: nothing listens on the port, or the database
    named is not there. Every command says so in one line and creates nothing."""
    server = pg_pool.server
    for db in ("postgresql+psycopg://postgres@127.0.0.1:1/powmia", server.url("no_such_db")):
        for command, template in ARCHIVE_ARGS.items():
            if command not in subcommands():
                continue
            args = [a.format(out=tmp_path, csv=tmp_path / "x.csv") for a in template]
            code, _, err = _cli("--db", db, command, *args)
            _assert_clear(code, err, f"powmia --db {db} {command}")
    assert list(tmp_path.iterdir()) == []


def _import_cases() -> list[tuple[str, str]]:
    names = [*bad_files.text_corpus(), *bad_files.GENERATED]
    return [(name, kind) for name in names for kind in (*IMPORT_KINDS, "--mapping")]


@pytest.mark.parametrize(("name", "kind"), _import_cases())
def test_every_importer_takes_the_corpus_without_a_traceback(
    corpus: dict[str, Path],
    sound: Path,
    tmp_path: Path,
    name: str,
    kind: str,
    request: pytest.FixtureRequest,
) -> None:
    if "import" not in subcommands():
        pytest.skip("there is no 'powmia import' yet")
    if (name, kind) in KNOWN:
        request.applymarker(pytest.mark.xfail(reason=KNOWN[(name, kind)], strict=True))
    given = tmp_path / name
    shutil.copyfile(corpus[name], given)
    before = _rows(sound)
    if kind == "--mapping":
        good = tmp_path / "good.csv"
        good.write_text("Last Name,First Name\nKim,Lee\n")
        code, out, err = _cli(
            "--db", str(sound), "import", "cases", str(good), "--mapping", str(given)
        )
    else:
        code, out, err = _cli("--db", str(sound), "import", kind, str(given))
    what = f"powmia import {kind} {name}"
    assert "Traceback" not in out + err, what
    if code or name in MUST_FAIL or name.endswith(".sqlite"):
        _assert_clear(code, err, what)
        assert _rows(sound) == before, f"{what} failed but left rows behind"
    assert given.read_bytes() == corpus[name].read_bytes()
    assert "\x1b" not in out, f"{what}: an escape sequence reached the terminal"
    assert not list(tmp_path.parent.rglob("evil*.txt")) and not Path("/tmp/evil-abs.txt").exists()


@pytest.mark.parametrize(
    "text",
    [
        '"unbalanced',
        "NEAR(yalu camp",
        "*",
        "yalu OR",
        "-dumas",
        "^camp",
        "title:yalu",
        "'",
        ")",
        "AND AND",
        "\x00",
        "\x1b[31m",
        "김 철수",
        "עברי",
        "<b>x</b>",
        "a" * 10_000,
    ],
)
def test_full_text_search_takes_any_query(searched: str, text: str) -> None:
    code, _, err = _cli("--db", searched, "search", "--", text)
    assert code == 0, err


@pytest.fixture(scope="module")
def searched(module_demo: Callable[[str], str]) -> str:
    """The demo archive searched for hostile text, on each engine in turn."""
    return module_demo("searched")


def test_a_few_of_them_in_a_real_process(
    corpus: dict[str, Path], sound: Path, tmp_path: Path
) -> None:
    """What the person at a terminal sees, interpreter exit and all."""
    for name in ("not-an-archive.sqlite", "damaged-middle.sqlite", "newer-version.sqlite"):
        target = tmp_path / name
        shutil.copyfile(corpus[name], target)
        assert_one_clear_line(run_powmia("--db", str(target), "list", "cases"), name)
    if "import" in subcommands():
        result = run_powmia(
            "--db", str(sound), "import", "archive", str(corpus["archive-zip-slip.zip"])
        )
        assert_one_clear_line(result, "zip slip")
