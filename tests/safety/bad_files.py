"""The binary half of the bad-input corpus, built fresh for each run from a demo archive.

The text half lives in ``corpus/`` (see its README). These are generated because they are
binary or large, and deterministic: the same bytes every run.
"""

import random
import shutil
import sqlite3
import stat
import zipfile
from pathlib import Path

from tests.helpers.damage import damage_schema_page
from tests.helpers.stable import stabilize_zip
from tests.safety.support import CORPUS


def _damaged_middle(demo: Path, target: Path) -> None:
    shutil.copyfile(demo, target)
    damage_schema_page(target, filler=b"\xde\xad\xbe\xef")


def _newer(demo: Path, target: Path) -> None:
    shutil.copyfile(demo, target)
    with sqlite3.connect(target) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()


def _other_program(target: Path) -> None:
    with sqlite3.connect(target) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT, body TEXT)")
        connection.execute("INSERT INTO recipes VALUES ('pie', 'apples')")
    connection.close()


def _zip(target: Path, members: dict[str, bytes], *, link: str | None = None) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        if link is not None:
            info = zipfile.ZipInfo(link)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")


def _bomb(target: Path, size: int) -> None:
    """A manifest that inflates to ``size`` bytes of spaces from a few hundred kilobytes."""
    with (
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("manifest.json", "w", force_zip64=True) as member,
    ):
        member.write(b"{")
        block = b" " * (1 << 20)
        for _ in range(size >> 20):
            member.write(block)
        member.write(b"}")


#: The names ``build`` writes, known before it runs so tests can be parametrized by them.
GENERATED = (
    "truncated-header.sqlite",
    "truncated-half.sqlite",
    "sqlite-header-then-noise.sqlite",
    "damaged-middle.sqlite",
    "newer-version.sqlite",
    "other-program.sqlite",
    "random-bytes.sqlite",
    "random-bytes.csv",
    "random-bytes.vcf",
    "random-bytes.ics",
    "random-bytes.zip",
    "random-bytes.json",
    "cases-utf16-garbage.csv",
    "cases-nul-bytes.csv",
    "cases-latin1.csv",
    "cases-enormous-field.csv",
    "events-enormous-line.csv",
    "archive-truncated.zip",
    "archive-damaged.zip",
    "archive-zip-slip.zip",
    "archive-symlink.zip",
    "archive-bomb.zip",
)


def build(folder: Path, demo: Path, demo_zip: Path | None) -> dict[str, Path]:
    """Write every binary corpus file into ``folder``; return them by name."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20261124)
    noise = rng.randbytes(8192)
    made: dict[str, Path] = {}

    def add(name: str) -> Path:
        made[name] = folder / name
        return made[name]

    add("truncated-header.sqlite").write_bytes(demo.read_bytes()[:60])
    add("truncated-half.sqlite").write_bytes(demo.read_bytes()[: demo.stat().st_size // 2])
    add("sqlite-header-then-noise.sqlite").write_bytes(b"SQLite format 3\x00" + noise)
    _damaged_middle(demo, add("damaged-middle.sqlite"))
    _newer(demo, add("newer-version.sqlite"))
    _other_program(add("other-program.sqlite"))
    for suffix in ("sqlite", "csv", "vcf", "ics", "zip", "json"):
        add(f"random-bytes.{suffix}").write_bytes(noise)
    add("cases-utf16-garbage.csv").write_bytes(b"\xff\xfeL\x00a\x00s\x00t\x00\n\x00\xd8\x00\xd8")
    add("cases-nul-bytes.csv").write_bytes(b"Last Name,First Name\nDu\x00mas,Roger\n")
    add("cases-latin1.csv").write_bytes("Last Name,First Name\nMüller,Jürgen\n".encode("latin-1"))
    huge = "x" * (5 * 1024 * 1024)
    add("cases-enormous-field.csv").write_text(
        f"Last Name,First Name,Notes\nDumas,Roger,{huge}\n{huge},Roger,short\n", "utf-8"
    )
    add("events-enormous-line.csv").write_text(f"Date,Title\n1953,{huge}\n", "utf-8")
    # The export's moments and uid vary by run: pinned, the damage below hits the same bytes.
    good_zip = stabilize_zip(demo_zip) if demo_zip is not None else _plain_zip(folder)
    data = good_zip.read_bytes()
    add("archive-truncated.zip").write_bytes(data[: len(data) // 2])
    damaged = bytearray(data)
    damaged[len(data) // 3 : len(data) // 3 + 512] = noise[:512]
    add("archive-damaged.zip").write_bytes(bytes(damaged))
    manifest = zipfile.ZipFile(good_zip).read("manifest.json") if demo_zip else b"{}"
    _zip(
        add("archive-zip-slip.zip"),
        {"manifest.json": manifest, "../../evil.txt": b"escaped", "/tmp/evil-abs.txt": b"x"},
    )
    _zip(add("archive-symlink.zip"), {"manifest.json": manifest}, link="attachments/ab/link")
    _bomb(add("archive-bomb.zip"), 256 * 1024 * 1024)
    assert tuple(made) == GENERATED
    return made


def _plain_zip(folder: Path) -> Path:
    path = folder / "plain.zip"
    _zip(path, {"manifest.json": b"{}", "records/serviceman.json": b"[]"})
    return path


def text_corpus() -> dict[str, Path]:
    """The hand-written files of ``corpus/``, by name."""
    return {p.name: p for p in sorted(CORPUS.iterdir()) if p.is_file() and p.suffix != ".md"}
