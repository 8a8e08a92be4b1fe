"""Backups: a consistent copy of a live archive with its attachments, listing, restore, rotation."""

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, make_url, select, text
from tests.helpers.backups import reseal
from tests.helpers.damage import damage_schema_page

from powmia_desktop.core.errors import ArchiveError, NotFoundError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.backup_file import BackupInfo, integrity_problems, read_backup
from powmia_desktop.db.location import ArchiveLocation, location_for_path
from powmia_desktop.db.lock import ArchiveLock
from powmia_desktop.db.migrate import backup_sqlite_file
from powmia_desktop.db.models import Serviceman
from powmia_desktop.services import backup as backup_module
from powmia_desktop.services.attachments import attach_file, stored_path
from powmia_desktop.services.backup import (
    BackupPolicy,
    Rotation,
    backup_now,
    list_backups,
    prune,
    restore,
)

#: Backups of a file archive; a server archive's are tested in test_server_archives.py.
pytestmark = pytest.mark.sqlite_only


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def _count(archive: Archive) -> int:
    with archive.reader() as session:
        return session.scalar(select(func.count()).select_from(Serviceman)) or 0


def _attach(archive: Archive, tmp_path: Path, name: str, content: bytes) -> str:
    source = tmp_path / name
    source.write_bytes(content)
    with archive.session() as session:
        case = session.scalars(select(Serviceman)).first()
        if case is None:
            case = Serviceman(surname="Dumas")
            session.add(case)
            session.flush()
        return attach_file(
            session, archive.location.attachments_dir, source, serviceman_id=case.id
        ).sha256


def test_backup_holds_a_consistent_copy_and_the_attachments(
    demo_archive: Archive, tmp_path: Path
) -> None:
    sha = _attach(demo_archive, tmp_path, "letter.txt", b"Dear Mrs. Dumas")
    # A second connection keeps commits in the WAL: a file copy would miss this case.
    other = sqlite3.connect(demo_archive.location.path)  # type: ignore[arg-type]
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("PRAGMA wal_autocheckpoint = 0")
    with demo_archive.session() as session:
        session.add(Serviceman(surname="Still-in-the-WAL"))
    made = backup_now(demo_archive)
    other.close()

    assert made.reason == "manual" and made.attachment_count == 1
    assert (made.path / "backup.json").is_file()
    assert stored_path(made.path / "attachments", sha).read_bytes() == b"Dear Mrs. Dumas"
    copy = sqlite3.connect(made.database)
    assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert copy.execute("SELECT count(*) FROM serviceman WHERE surname = 'Still-in-the-WAL'")
    names = [r[0] for r in copy.execute("SELECT surname FROM serviceman")]
    copy.close()
    assert "Still-in-the-WAL" in names
    assert integrity_problems(made.database) == []
    assert read_backup(made.path) == made


def test_attachments_are_linked_from_the_previous_backup_not_from_the_live_folder(
    archive: Archive, tmp_path: Path
) -> None:
    sha = _attach(archive, tmp_path, "photo.jpg", b"\xff\xd8 portrait")
    first = backup_now(archive)
    second = backup_now(archive)
    live = stored_path(archive.location.attachments_dir, sha)  # type: ignore[arg-type]
    a = stored_path(first.path / "attachments", sha)
    b = stored_path(second.path / "attachments", sha)
    assert a.stat().st_ino == b.stat().st_ino
    assert live.stat().st_ino != a.stat().st_ino  # damage to the live file cannot reach it


def test_a_damaged_attachment_is_not_copied_into_the_backup(
    archive: Archive, tmp_path: Path
) -> None:
    sha = _attach(archive, tmp_path, "scan.pdf", b"%PDF-1.4 court order")
    stored_path(archive.location.attachments_dir, sha).write_bytes(b"bit rot")  # type: ignore[arg-type]
    made = backup_now(archive)
    manifest = json.loads((made.path / "backup.json").read_text())
    assert manifest["attachments_damaged"] == [sha]
    assert not stored_path(made.path / "attachments", sha).exists()


def test_list_shows_sets_and_upgrade_copies_newest_first_and_skips_interrupted_ones(
    archive: Archive,
) -> None:
    clock = FakeClock(datetime(2026, 3, 1, 12, tzinfo=UTC))
    older = backup_now(archive, "on-open", clock=clock)
    clock.advance(days=1)
    newer = backup_now(archive, clock=clock)
    folder = archive.location.backups_dir
    assert folder is not None
    (folder / "20260302T130000Z-manual").mkdir()  # interrupted: no backup.json
    path = archive.location.path
    assert path is not None
    loose = backup_sqlite_file(path, folder, "before-upgrade-from-0001")
    found = list_backups(archive)
    assert [b.path for b in found] == [loose, newer.path, older.path]
    assert found[0].reason == "before-upgrade-from-0001"
    assert found[0].reason_label == "Before an upgrade"
    assert older.reason_label == "When the archive was opened"


def _damage_middle(path: Path) -> None:
    damage_schema_page(path)


def test_backup_damage_restore_round_trip(demo_archive: Archive, tmp_path: Path) -> None:
    sha = _attach(demo_archive, tmp_path, "letter.txt", b"Dear family")
    before = _count(demo_archive)
    made = backup_now(demo_archive)
    location = demo_archive.location
    path = location.path
    assert path is not None
    demo_archive.close()
    _damage_middle(path)
    stored_path(location.attachments_dir, sha).unlink()  # type: ignore[arg-type]
    assert integrity_problems(path) != []

    result = restore(location, made)

    assert integrity_problems(path) == []
    assert result.attachments_restored == 1
    assert result.safety_backup is not None and result.safety_backup.raw
    assert result.safety_backup.database.read_bytes()[:16] == b"SQLite format 3\x00"
    with Archive.open(location) as reopened:
        assert _count(reopened) == before
    assert stored_path(location.attachments_dir, sha).read_bytes() == b"Dear family"  # type: ignore[arg-type]


def test_a_deleted_table_comes_back_and_the_current_state_is_kept(demo_archive: Archive) -> None:
    made = backup_now(demo_archive)
    with demo_archive.session() as session:
        session.add(Serviceman(surname="Added-after-the-backup"))
    with demo_archive.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
        connection.exec_driver_sql("DROP TABLE tag")
    location = demo_archive.location
    demo_archive.close()

    result = restore(location, made.path)

    with Archive.open(location) as reopened, reopened.reader() as session:
        assert session.execute(text("SELECT count(*) FROM tag")).scalar() == 10
        assert (
            session.scalars(select(Serviceman.surname)).all().count("Added-after-the-backup") == 0
        )
    assert result.safety_backup is not None and not result.safety_backup.raw
    kept = sqlite3.connect(result.safety_backup.database)
    assert kept.execute("SELECT count(*) FROM serviceman WHERE surname LIKE 'Added%'").fetchone()[0]
    kept.close()


def test_restore_into_a_missing_archive_creates_it(demo_archive: Archive) -> None:
    made = backup_now(demo_archive)
    location = demo_archive.location
    demo_archive.close()
    assert location.path is not None
    location.path.unlink()
    result = restore(location, made)
    assert result.safety_backup is None
    with Archive.open(location) as reopened:
        assert _count(reopened) == 1


def test_restore_refuses_bad_backups_and_leaves_the_archive_alone(
    demo_archive: Archive, tmp_path: Path
) -> None:
    made = backup_now(demo_archive)
    location = demo_archive.location
    path = location.path
    assert path is not None
    demo_archive.close()
    before = path.read_bytes()

    with pytest.raises(NotFoundError):
        restore(location, tmp_path / "nowhere")
    (tmp_path / "notes").mkdir()
    with pytest.raises(ArchiveError, match="not a backup"):
        restore(location, tmp_path / "notes")
    with pytest.raises(ArchiveError, match="archive itself"):
        restore(location, path)

    newer = backup_now(location)
    with sqlite3.connect(newer.database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    reseal(newer)  # the record rewritten to match: the schema check is what refuses it
    with pytest.raises(ArchiveError, match="newer version"):
        restore(location, newer.path)

    damaged = backup_now(location)
    _damage_middle(damaged.database)
    with pytest.raises(ArchiveError, match="damaged"):
        restore(location, damaged)

    raw = BackupInfo(made.path, made.database, made.created_at, "before-restore", 1, raw=True)
    with pytest.raises(ArchiveError, match="raw copy"):
        restore(location, raw)
    assert path.read_bytes() == before


def test_restore_is_refused_while_another_window_has_the_archive_open(
    demo_archive: Archive,
) -> None:
    made = backup_now(demo_archive)
    path = demo_archive.location.path
    assert path is not None
    other_window = ArchiveLock(path)
    other_window.acquire_shared()
    try:
        with pytest.raises(ArchiveError, match="open in another window"):
            restore(demo_archive.location, made)
    finally:
        other_window.release()
    demo_archive.close()  # this window too: a restore needs the archive to itself
    restore(demo_archive.location, made)


def test_a_backup_copy_is_not_backed_up_into_itself(archive: Archive, tmp_path: Path) -> None:
    made = backup_now(archive)
    copy = location_for_path(made.database)
    with pytest.raises(ArchiveError, match="itself a backup"):
        backup_now(copy)
    assert BackupPolicy().on_open(copy) is None
    elsewhere = backup_now(copy, to=tmp_path / "usb")
    assert elsewhere.path.parent == tmp_path / "usb"
    assert archive.location.attachments_dir is not None
    with pytest.raises(ArchiveError, match="attachments folder"):
        backup_now(archive, to=archive.location.attachments_dir / "b")


def test_only_archives_that_are_there_can_be_backed_up(tmp_path: Path) -> None:
    server = ArchiveLocation(make_url("postgresql+psycopg://desk@server.invalid/powmia"), None)
    with pytest.raises(ArchiveError, match="Cannot reach the archive's server"):
        backup_now(server)
    with pytest.raises(NotFoundError):
        backup_now(location_for_path(tmp_path / "missing.sqlite"))


def _info(moment: datetime, reason: str = "on-open") -> BackupInfo:
    return BackupInfo(Path(moment.isoformat()), Path("x"), moment, reason, 1)


def test_rotation_keeps_recent_daily_weekly_and_monthly_and_never_a_manual_one() -> None:
    start = datetime(2025, 1, 1, 12, tzinfo=UTC)
    every_day = [_info(start + timedelta(days=n)) for n in range(400)]
    manual = _info(start + timedelta(days=3, hours=1), "manual")
    kept = Rotation(recent=2, daily=7, weekly=4, monthly=12).keep([*every_day, manual])

    newest = start + timedelta(days=399)
    days = {b.created_at for b in every_day if b.path in kept}
    assert manual.path in kept
    assert {newest - timedelta(days=n) for n in range(7)} <= days  # the last 7 days
    sundays = sorted(d for d in days if d.isoweekday() == 7)
    assert len([d for d in sundays if d > newest - timedelta(days=28)]) >= 3  # week ends
    month_ends = {(d.year, d.month) for d in days if (d + timedelta(days=1)).day == 1}
    assert len(month_ends) == 11  # plus this month's newest = 12 months
    assert len(kept) <= 2 + 7 + 4 + 12 + 1
    assert min(days) > start  # the oldest days are gone


def test_policy_backs_up_on_open_timer_and_exit_only_when_changed(archive: Archive) -> None:
    clock = FakeClock(datetime(2026, 5, 1, 9, tzinfo=UTC))
    policy = BackupPolicy(every_minutes=10, clock=clock)
    assert policy.interval_ms == 600_000
    location = archive.location

    first = policy.on_open(location)
    assert first is not None and first.reason == "on-open"
    assert policy.on_open(location) is None  # nothing changed
    assert BackupPolicy(clock=clock).on_open(location) is None  # same content as the last

    clock.advance(minutes=5)
    with archive.session() as session:
        session.add(Serviceman(surname="Dumas"))
    assert policy.on_timer(archive) is None  # not yet ten minutes
    clock.advance(minutes=6)
    during = policy.on_timer(archive)
    assert during is not None and during.reason == "interval"
    clock.advance(minutes=30)
    assert policy.on_timer(archive) is None  # unchanged since
    with archive.session() as session:
        session.add(Serviceman(surname="Kim"))
    last = policy.on_exit(archive)
    assert last is not None and last.reason == "on-exit"
    assert [b.reason for b in list_backups(archive)] == ["on-exit", "interval", "on-open"]


def test_policy_leaves_missing_and_foreign_files_alone(tmp_path: Path) -> None:
    policy = BackupPolicy()
    assert policy.on_open(location_for_path(tmp_path / "new.sqlite")) is None
    (tmp_path / "passwd").write_text("root:x:0:0\n")
    assert policy.on_open(location_for_path(tmp_path / "passwd")) is None
    assert not (tmp_path / "passwd-backups").exists()


def test_policy_prunes_old_automatic_backups_with_a_fake_clock(archive: Archive) -> None:
    clock = FakeClock(datetime(2026, 1, 1, 12, tzinfo=UTC))
    policy = BackupPolicy(rotation=Rotation(recent=1, daily=2, weekly=1, monthly=1), clock=clock)
    kept_by_hand = backup_now(archive, clock=clock)
    for day in range(10):
        clock.advance(days=1)
        with archive.session() as session:
            session.add(Serviceman(surname=f"Case {day}"))
        assert policy.on_exit(archive) is not None
    backups = list_backups(archive)
    assert kept_by_hand.path in {b.path for b in backups}
    automatic = [b for b in backups if b.reason == "on-exit"]
    assert [b.created_at.day for b in automatic] == [11, 10]
    assert prune(archive.location.backups_dir, Rotation()) == []  # type: ignore[arg-type]


def test_restore_never_overwrites_a_file_that_is_not_this_archive(
    demo_archive: Archive, tmp_path: Path
) -> None:
    made = backup_now(demo_archive)
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Senator Lugar,\n")
    with pytest.raises(ArchiveError, match="not an archive"):
        restore(location_for_path(letter), made)
    assert letter.read_text() == "Dear Senator Lugar,\n"
    # The archive itself with a wrecked header is what restore is for.
    path = demo_archive.location.path
    assert path is not None
    demo_archive.close()
    path.write_bytes(b"\0" * 100 + path.read_bytes()[100:])
    result = restore(demo_archive.location, made)
    assert result.safety_backup is not None and result.safety_backup.raw
    assert integrity_problems(path) == []


def test_copies_before_imports_are_rotated_but_never_a_restore_or_repair_one() -> None:
    """A big archive imported into every day must not fill the disk with copies."""
    start = datetime(2025, 1, 1, 12, tzinfo=UTC)
    imports = [_info(start + timedelta(days=n), "before-import") for n in range(60)]
    restore = _info(start - timedelta(days=1), "before-restore")
    repair = _info(start - timedelta(days=2), "before-repair")
    kept = Rotation(recent=2, daily=7, weekly=4, monthly=12).keep([*imports, restore, repair])
    assert restore.path in kept and repair.path in kept
    kept_imports = [b for b in imports if b.path in kept]
    assert imports[-1] in kept_imports and imports[30] in kept_imports  # newest; 31 Jan
    assert imports[0] not in kept_imports and len(kept_imports) < 20


def test_an_archive_untouched_since_its_last_backup_is_not_copied_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new session on an archive nobody changed finds the newest backup already holds it,
    without copying the whole file (close to a gigabyte for 100,000 cases) to compare."""
    location = location_for_path(tmp_path / "family.sqlite")
    with Archive.open(location, create=True) as archive, archive.session() as session:
        session.add(Serviceman(surname="Dumas"))
    archive.close()
    assert BackupPolicy().on_open(location) is not None

    copies: list[str] = []
    real_backup_now = backup_module.backup_now

    def counting_backup_now(*args: object, **kwargs: object) -> BackupInfo:
        copies.append("copy")
        return real_backup_now(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(backup_module, "backup_now", counting_backup_now)
    with Archive.open(location) as archive:  # opened and read, as a session that only looks
        with archive.reader() as session:
            assert session.scalar(select(func.count()).select_from(Serviceman)) == 1
        assert BackupPolicy().on_open(location) is None  # while open: WAL empty
    archive.close()
    assert BackupPolicy().on_open(location) is None  # after closing
    assert copies == []

    with Archive.open(location) as archive, archive.session() as session:
        session.add(Serviceman(surname="Kim"))
    archive.close()
    again = BackupPolicy().on_open(location)
    assert again is not None and copies == ["copy"]
    assert [b.reason for b in list_backups(location)] == ["on-open", "on-open"]
