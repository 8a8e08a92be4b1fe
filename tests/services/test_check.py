"""Check & repair: each kind of damage is found, repaired one by one, and the archive is sound."""

import importlib.util
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import select, text

from powmia_desktop.core.errors import Cancelled
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.migrate import MIGRATIONS_DIR
from powmia_desktop.db.models import ChangeLogEntry, Serviceman
from powmia_desktop.services.attachments import attach_file, stored_path
from powmia_desktop.services.backup import backup_now
from powmia_desktop.services.check import check_archive, repair_archive
from powmia_desktop.services.search import search
from powmia_desktop.services.search_index import (
    SEARCH_INDEXED,
    SEARCH_TABLE_SQL,
    search_columns,
    search_triggers,
)


@pytest.fixture
def raw(demo_archive: Archive) -> Iterator[Any]:
    """A connection that writes around the program's rules, as an old tool or a bug might."""
    if demo_archive.location.path is None:  # a server: its foreign keys cannot be broken
        url = demo_archive.location.url.set(drivername="postgresql")
        with psycopg.connect(url.render_as_string(hide_password=False), autocommit=True) as c:
            yield c
        return
    connection = sqlite3.connect(demo_archive.location.path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = OFF")
    yield connection
    connection.close()


def _areas(archive: Archive) -> list[str]:
    return [f.area for f in check_archive(archive)]


def _repaired_cleanly(archive: Archive, notes: int = 0) -> list[str]:
    report = repair_archive(archive)
    assert [f for f in report.remaining if not f.note] == [], report.remaining
    assert len(report.remaining) == notes, report.remaining
    assert report.backup is not None and report.backup.reason == "before-repair"
    return [r.done for r in report.repairs]


def test_the_demo_archive_is_sound(demo_archive: Archive) -> None:
    assert check_archive(demo_archive) == []
    report = repair_archive(demo_archive)
    assert report.repairs == [] and report.backup is None


@pytest.mark.sqlite_only
def test_broken_foreign_keys_are_cleared_or_deleted(demo_archive: Archive, raw: Any) -> None:
    raw.execute("UPDATE citation SET source_id = 9999 WHERE id = 1")
    raw.execute("INSERT INTO serviceman_tag (serviceman_id, tag_id) VALUES (1, 999)")
    raw.execute("UPDATE list_membership SET serviceman_id = 999, match_status = 'confirmed'")
    findings = check_archive(demo_archive)
    assert [f.area for f in findings] == ["foreign keys"] * 3
    assert any("citation 1: source_id points to a source" in f.message for f in findings)
    # The list line, its link cleared, is matched to a case gone: a note in the second
    # round, not a fault to repair (undoing a deletion would match it again).
    done = _repaired_cleanly(demo_archive, notes=1)
    assert "deleted citation 1" in done
    assert any(d.startswith("cleared serviceman_id of list_membership") for d in done)
    assert len(done) == 3
    with demo_archive.reader() as session:
        logged = session.scalars(
            select(ChangeLogEntry.table_name).where(ChangeLogEntry.action == "repair")
        ).all()
    assert sorted(set(logged)) == ["citation", "list_membership", "serviceman_tag"]


def test_links_that_point_nowhere_are_found(demo_archive: Archive, raw: Any) -> None:
    raw.execute(
        "UPDATE citation SET timeline_event_id = NULL, serviceman_id = NULL, "
        "claim_id = NULL, status_change_id = NULL WHERE id = 2"
    )
    raw.execute(
        "UPDATE relationship SET to_contact_id = NULL, to_serviceman_id = NULL WHERE id = 1"
    )
    findings = check_archive(demo_archive)
    assert [f.message for f in findings] == [
        "citation 2 belongs to no record",
        "relationship 1 belongs to no record",
    ]
    assert _repaired_cleanly(demo_archive) == ["deleted citation 2", "deleted relationship 1"]


def test_current_status_is_set_from_the_history(demo_archive: Archive, raw: Any) -> None:
    raw.execute("UPDATE serviceman SET current_status = 'kia', row_version = 1")
    (finding,) = check_archive(demo_archive)
    assert "current status is 'kia'" in finding.message and finding.repairable
    assert _repaired_cleanly(demo_archive) == ["set the current status of case 1 to 'pow'"]
    with demo_archive.reader() as session:
        case = session.scalars(select(Serviceman)).one()
    assert case.current_status == "pow" and case.row_version == 2  # open editors will notice


@pytest.mark.parametrize(
    "damage",
    [
        "DELETE FROM search_index WHERE rowid % 3 = 0",
        "UPDATE search_index SET title = 'stale' WHERE kind = 'event'",
        "INSERT INTO search_index (rowid, kind, record_id, title, body) "
        "VALUES (999999, 'case', 62499, 'ghost', '')",
        "DROP TRIGGER fts_serviceman_au",
        "DROP TABLE search_index",
    ],
)
def test_the_search_index_is_compared_and_rebuilt(
    demo_archive: Archive, raw: Any, damage: str
) -> None:
    if damage.startswith("DROP TRIGGER") and demo_archive.location.path is None:
        damage += " ON serviceman"  # PostgreSQL names a trigger with its table
    raw.execute(damage)
    findings = check_archive(demo_archive)
    assert findings and {f.area for f in findings} == {"search index"}
    done = _repaired_cleanly(demo_archive)
    assert set(done) == {"rebuilt the search index from the records"}
    assert len(done) == len(findings)
    with demo_archive.reader() as session:
        assert search(session, "yalu").of_kind("case")
    with demo_archive.session() as session:  # the triggers work again
        session.add(Serviceman(surname="Pyoktongson"))
    with demo_archive.reader() as session:
        assert search(session, "pyoktongson").of_kind("case")


def test_attachment_files_missing_damaged_unused_and_leftover(
    demo_archive: Archive, tmp_path: Path
) -> None:
    folder = demo_archive.location.attachments_dir
    assert folder is not None
    shas = []
    for name, content in (("a.txt", b"letter one"), ("b.txt", b"letter two")):
        (tmp_path / name).write_bytes(content)
        with demo_archive.session() as session:
            shas.append(attach_file(session, folder, tmp_path / name, serviceman_id=1).sha256)
    backup_now(demo_archive)
    stored_path(folder, shas[0]).unlink()
    stored_path(folder, shas[1]).write_bytes(b"bit rot")
    (folder / "ab").mkdir()
    unused = folder / "ab" / ("ab" + "0" * 62 + ".bin")
    unused.write_bytes(b"nobody")
    leftover = folder / "ab" / ".incoming-xyz"
    leftover.write_bytes(b"half")

    messages = [f.message for f in check_archive(demo_archive)]
    assert any("'a.txt'" in m and "is missing" in m for m in messages)
    assert any("'b.txt'" in m and "is damaged" in m for m in messages)
    assert any("used by no attachment" in m for m in messages)
    assert any("interrupted copy" in m for m in messages)

    done = _repaired_cleanly(demo_archive)
    assert len(done) == 4
    assert stored_path(folder, shas[0]).read_bytes() == b"letter one"
    assert stored_path(folder, shas[1]).read_bytes() == b"letter two"
    assert not unused.exists() and not leftover.exists()
    assert (folder / shas[1][:2] / f"{shas[1]}.damaged").read_bytes() == b"bit rot"


def test_a_missing_file_without_a_backup_is_reported_not_repaired(
    demo_archive: Archive, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_bytes(b"only copy")
    folder = demo_archive.location.attachments_dir
    assert folder is not None
    with demo_archive.session() as session:
        sha = attach_file(session, folder, tmp_path / "a.txt", serviceman_id=1).sha256
    stored_path(folder, sha).unlink()
    report = repair_archive(demo_archive)
    assert report.repairs == [] and report.backup is None
    (finding,) = report.remaining
    assert not finding.repairable


@pytest.mark.sqlite_only
def test_a_damaged_file_is_not_patched(demo_archive: Archive, raw: Any) -> None:
    raw.execute("DROP TABLE tag")
    findings = check_archive(demo_archive)
    assert "The table tag is missing from the archive" in [f.message for f in findings]
    report = repair_archive(demo_archive)
    assert report.repairs == [] and report.backup is None
    assert "file" in {f.area for f in report.remaining}


def test_check_reports_progress_and_can_be_cancelled(demo_archive: Archive, raw: Any) -> None:
    seen: list[str] = []

    def progress(done: int, total: int, message: str) -> None:
        seen.append(message)

    check_archive(demo_archive, progress=progress)
    assert "Checking search index" in seen and seen[-1] == "Checked"

    raw.execute("UPDATE serviceman SET current_status = 'kia'")

    def cancel_while_repairing(done: int, total: int, message: str) -> None:
        if message == "Repairing":
            raise Cancelled()

    with pytest.raises(Cancelled):
        repair_archive(demo_archive, progress=cancel_while_repairing)
    assert _areas(demo_archive) == ["status"]  # rolled back


def _migration_0002() -> Any:
    path = MIGRATIONS_DIR / "versions" / "0002_full_text_search.py"
    spec = importlib.util.spec_from_file_location("migration_0002", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.sqlite_only
def test_the_search_index_copy_matches_migration_0002(archive: Archive) -> None:
    migration = _migration_0002()
    ours = [
        (table, code, kind, rid, search_columns(title), search_columns(body))
        for table, code, kind, rid, title, body in SEARCH_INDEXED
    ]
    assert ours == migration.INDEXED
    with archive.reader() as session:
        stored = dict(
            session.execute(
                text(
                    "SELECT name, sql FROM sqlite_master WHERE name LIKE 'fts_%' OR name = "
                    "'search_index'"
                )
            ).all()
        )
    assert stored.pop("search_index") == SEARCH_TABLE_SQL
    assert stored == search_triggers()
