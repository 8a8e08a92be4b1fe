"""Whole-archive zips: a round trip keeps everything; hostile zips change nothing."""

import io
import json
import random
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update
from tests.helpers.stable import stabilize_zip

from powmia_desktop.core.errors import ArchiveError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Contact, Serviceman
from powmia_desktop.db.tables import exchanged_tables, raw_table
from powmia_desktop.services.attachments import attach_file
from powmia_desktop.services.exporting.archive_zip import export_archive
from powmia_desktop.services.exporting.privacy import Privacy
from powmia_desktop.services.importing.archive_zip import import_archive


def snapshot(archive: Archive, skip_batch: int | None = None) -> dict[str, list[Any]]:
    """Every row of every exchanged table, references as uids, keyed and sorted by uid."""
    tables = exchanged_tables()
    uids: dict[str, dict[int, str]] = {}
    out: dict[str, list[Any]] = {}
    with archive.reader() as session:
        for table in tables:
            if "uid" in table.c:
                raw = raw_table(table)
                uids[table.name] = dict(
                    (r[0], r[1]) for r in session.execute(select(raw.c.id, raw.c.uid))
                )
        for table in tables:
            raw = raw_table(table)
            rows = []
            for row in session.execute(select(raw)).mappings():
                values = dict(row)
                if table.name == "import_batch" and values["id"] == skip_batch:
                    continue
                for column in table.columns:
                    for key in column.foreign_keys:
                        if values[column.name] is not None:
                            target = key.column.table.name
                            values[column.name] = uids[target][values[column.name]]
                values.pop("id", None)
                rows.append(values)
            out[table.name] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))
    return out


def attachment_bytes(archive: Archive) -> dict[str, bytes]:
    folder = archive.location.attachments_dir
    assert folder is not None
    return {p.name: p.read_bytes() for p in folder.rglob("*.bin")} if folder.exists() else {}


@pytest.fixture
def full_archive(demo_archive: Archive, tmp_path: Path) -> Archive:
    scan = tmp_path / "letter.pdf"
    scan.write_bytes(bytes(range(256)) * 64)
    photo = tmp_path / "roger.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF" * 300)
    with demo_archive.session() as session:
        case_id = session.scalars(select(Serviceman.id)).first()
        contact_id = session.scalars(select(Contact.id)).first()
        assert case_id is not None and contact_id is not None
        folder = demo_archive.location.attachments_dir
        attach_file(session, folder, scan, serviceman_id=case_id, caption="Letter")
        attach_file(session, folder, photo, contact_id=contact_id, role="photo")
    return demo_archive


def test_a_round_trip_keeps_every_record_link_and_file(
    full_archive: Archive, other_archive: Archive, tmp_path: Path
) -> None:
    path = tmp_path / "case-file.zip"
    with full_archive.reader() as session:
        export_archive(
            session, full_archive.location.attachments_dir, path, privacy=Privacy.everything()
        )
    with other_archive.session() as session:
        result = import_archive(session, path, other_archive.location.attachments_dir)
    assert result.counts["records added"] > 250 and not result.rejected
    assert snapshot(other_archive, skip_batch=result.batch_id) == snapshot(full_archive)
    assert attachment_bytes(other_archive) == attachment_bytes(full_archive)
    assert len(attachment_bytes(other_archive)) == 2
    # Importing the same zip again adds nothing: every uid is already there.
    with other_archive.session() as session:
        again = import_archive(session, path, other_archive.location.attachments_dir)
    assert again.counts["records added"] == 0 and again.counts["links added"] == 0


def test_the_newer_record_wins_when_both_archives_have_it(
    demo_archive: Archive, other_archive: Archive, tmp_path: Path
) -> None:
    path = tmp_path / "a.zip"
    with demo_archive.reader() as session:
        export_archive(session, None, path, privacy=Privacy.everything())
    with other_archive.session() as session:
        import_archive(session, path, other_archive.location.attachments_dir)
    with demo_archive.session() as session:
        case = session.scalars(select(Serviceman)).first()
        assert case is not None
        case.rank = "Sgt."
    with demo_archive.reader() as session:
        export_archive(session, None, tmp_path / "b.zip", privacy=Privacy.everything())
    with other_archive.session() as session:
        result = import_archive(session, tmp_path / "b.zip", other_archive.location.attachments_dir)
    assert result.counts["records updated"] == 1
    with other_archive.reader() as session:
        assert session.scalars(select(Serviceman.rank)).first() == "Sgt."


def test_private_records_stay_behind_unless_included(demo_archive: Archive, tmp_path: Path) -> None:
    with demo_archive.session() as session:
        session.execute(update(Serviceman).values(sensitivity=3))
    with demo_archive.reader() as session:
        result = export_archive(session, None, tmp_path / "a.zip")
    assert result.withheld > 0
    with zipfile.ZipFile(tmp_path / "a.zip") as zipped:
        assert json.loads(zipped.read("records/serviceman.json")) == []
        # what cannot exist without the case went with it
        assert json.loads(zipped.read("records/status_change.json")) == []
        manifest = json.loads(zipped.read("manifest.json"))
    assert manifest["format"] == "powmia-archive" and manifest["version"] == 1


def _zip(path: Path, members: dict[str, bytes], manifest: dict[str, Any] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zipped:
        document = manifest or {"format": "powmia-archive", "version": 1}
        zipped.writestr("manifest.json", json.dumps(document))
        for name, data in members.items():
            zipped.writestr(name, data)
    return path


def _good_members(demo_archive: Archive, tmp_path: Path) -> dict[str, bytes]:
    path = tmp_path / "good.zip"
    with demo_archive.reader() as session:
        export_archive(session, None, path, privacy=Privacy.everything())
    with zipfile.ZipFile(path) as zipped:
        return {n: zipped.read(n) for n in zipped.namelist() if n != "manifest.json"}


HOSTILE = {
    "zip-slip": ({"../../evil.txt": b"x"}, "unsafe path"),
    "absolute": ({"/etc/evil": b"x"}, "unsafe path"),
    "windows": ({"attachments\\..\\evil.bin": b"x"}, "unsafe path"),
    "stray file": ({"records/../records/x.json": b"[]"}, "unsafe path"),
    "unknown table": ({"records/passwords.json": b"[]"}, "unknown kind"),
    "malformed json": ({"records/serviceman.json": b"[{"}, "not valid JSON"),
    "not a list": ({"records/serviceman.json": b"{}"}, "not a list"),
    "wrong type": ({"records/tag.json": b'[{"id": 1, "uid": "u", "name": 5}]'}, "not a valid"),
    "bad reference": (
        {"records/name_variant.json": b'[{"id": 1, "uid": "u", "serviceman_id": 99, "name": "x"}]'},
        "not in the archive",
    ),
    "damaged attachment": ({"attachments/ab/" + "ab" * 32 + ".bin": b"not it"}, "damaged"),
    "zip bomb": ({"records/tag.json": b"[" + b" " * (20 * 2**20) + b"]"}, "zip bomb"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_archives_are_refused_and_nothing_is_written(
    demo_archive: Archive, other_archive: Archive, tmp_path: Path, case: str
) -> None:
    extra, message = HOSTILE[case]
    members = {**_good_members(demo_archive, tmp_path), **extra}
    path = _zip(tmp_path / "hostile.zip", members)
    before = snapshot(other_archive)
    with pytest.raises(ArchiveError, match=message), other_archive.session() as session:
        import_archive(session, path, other_archive.location.attachments_dir)
    assert snapshot(other_archive) == before
    assert attachment_bytes(other_archive) == {}
    assert not (tmp_path / "evil.txt").exists()


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ({"format": "something-else", "version": 1}, "not a powmia archive"),
        ({"format": "powmia-archive", "version": 99}, "newer version"),
    ],
)
def test_foreign_or_newer_archives_are_refused(
    other_archive: Archive, tmp_path: Path, manifest: dict[str, Any], message: str
) -> None:
    path = _zip(tmp_path / "x.zip", {}, manifest)
    with pytest.raises(ArchiveError, match=message), other_archive.session() as session:
        import_archive(session, path, other_archive.location.attachments_dir)


def test_not_a_zip_at_all(other_archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    path.write_bytes(io.BytesIO(b"PK but not really").getvalue())
    with pytest.raises(ArchiveError, match="not a zip"), other_archive.session() as session:
        import_archive(session, path, other_archive.location.attachments_dir)


def test_a_dry_run_of_an_archive_writes_nothing(
    full_archive: Archive, other_archive: Archive, tmp_path: Path
) -> None:
    path = tmp_path / "a.zip"
    with full_archive.reader() as session:
        export_archive(
            session, full_archive.location.attachments_dir, path, privacy=Privacy.everything()
        )
    before = snapshot(other_archive)
    with other_archive.session() as session:
        result = import_archive(session, path, other_archive.location.attachments_dir, dry_run=True)
    assert result.counts["records added"] > 250
    assert snapshot(other_archive) == before and attachment_bytes(other_archive) == {}


def test_damaged_compressed_data_is_refused_with_a_message(
    demo_archive: Archive, other_archive: Archive, tmp_path: Path
) -> None:
    """Noise inside a member's deflate stream can make zlib itself fail, not zipfile."""
    good = tmp_path / "export.zip"
    with demo_archive.reader() as session:
        export_archive(session, None, good, privacy=Privacy.everything())
    stabilize_zip(good)  # the same bytes every run, so the noise lands where it did before
    with zipfile.ZipFile(good) as zipped:
        info = max(zipped.infolist(), key=lambda i: i.compress_size)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    noise = random.Random(1950).randbytes(512)
    path = tmp_path / "damaged.zip"
    for step in range(1, 20):  # noise somewhere in the stream; most places upset zlib
        data = bytearray(good.read_bytes())
        at = start + info.compress_size * step // 20
        data[at : at + 64] = noise[step : step + 64]
        path.write_bytes(bytes(data))
        try:
            with zipfile.ZipFile(path) as zipped:
                zipped.read(info.filename)
        except zlib.error:
            break  # the damage this test is about
        except zipfile.BadZipFile:
            continue
    else:
        pytest.fail("no place in the stream made zlib fail")
    before = snapshot(other_archive)
    with pytest.raises(ArchiveError, match="cannot be read"), other_archive.session() as session:
        import_archive(session, path, other_archive.location.attachments_dir)
    assert snapshot(other_archive) == before
