"""An archive on the PostgreSQL server: moved up from a file and back record for record,
backed up and restored, shared folder attachments, and connection trouble said plainly."""

import importlib.util
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from tests.conftest import NewLocation
from tests.helpers.pg_server import DatabasePool

from powmia_desktop.core.errors import ArchiveError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ArchiveLocation, location_for_path
from powmia_desktop.db.migrate import MIGRATIONS_DIR
from powmia_desktop.db.models import Serviceman
from powmia_desktop.services import cases
from powmia_desktop.services.attachments import attach_file, stored_path
from powmia_desktop.services.backup import BackupPolicy, backup_now, list_backups, restore
from powmia_desktop.services.check import check_archive
from powmia_desktop.services.copying import copy_attachment_files, copy_records, table_digests
from powmia_desktop.services.demo import load_demo
from powmia_desktop.services.search import search
from powmia_desktop.services.search_server import (
    SERVER_INDEX_SQL,
    SERVER_TABLE_SQL,
    rebuild_server_index,
    server_functions,
    server_index_problems,
    server_triggers,
)

pytestmark = pytest.mark.server_only


def _digests(archive: Archive) -> list[object]:
    with archive.engine.connect() as connection:
        return list(table_digests(connection))


def _demo_file(tmp_path: Path) -> Archive:
    tmp_path.mkdir(exist_ok=True)
    opened = Archive.open(location_for_path(tmp_path / "family.sqlite"), create=True)
    with opened.session() as session:
        load_demo(session)
    scan = tmp_path / "letter.txt"
    scan.write_bytes(b"Dear Mrs. Dumas, we regret ...")
    with opened.session() as session:
        first = session.scalars(select(Serviceman.id)).first()
        assert first is not None
        attach_file(session, opened.location.attachments_dir, scan, serviceman_id=first)
    return opened


def test_a_file_moves_to_the_server_and_back_record_for_record(
    tmp_path: Path, archive: Archive
) -> None:
    with _demo_file(tmp_path) as family:
        assert copy_attachment_files(family, archive) == 1
        up = copy_records(family, archive)
        assert up.rows > 600 and _digests(archive) == _digests(family)
        back_location = location_for_path(tmp_path / "back" / "family.sqlite")
        back_location.path.parent.mkdir()  # type: ignore[union-attr]
        with Archive.open(back_location, create=True) as back:
            copy_attachment_files(archive, back)
            copy_records(archive, back)
            assert _digests(back) == _digests(family)
            assert check_archive(back) == [] and check_archive(archive) == []
    with archive.reader() as session:
        assert search(session, "yalu").of_kind("case")
    with archive.session() as session:  # new records get new ids after the copied ones
        created = cases.create_case(session, surname="Kapaun")
    assert created.id > 1
    with _demo_file(tmp_path / "again") as family:  # one value changed: that table differs
        with family.session() as session:
            session.execute(text("UPDATE source SET notes = notes || '.' WHERE id = 1"))
        changed = {a.table for a, b in zip(_digests(family), _digests(archive), strict=True)}
        differ = {
            a.table for a, b in zip(_digests(family), _digests(archive), strict=True) if a != b
        }
        assert "source" in differ and "serviceman" in differ and len(changed) > len(differ)
    sha = _the_attachment(archive)
    assert stored_path(archive.location.attachments_dir, sha).is_file()  # type: ignore[arg-type]


def _the_attachment(archive: Archive) -> str:
    with archive.engine.connect() as connection:
        return str(connection.execute(text("SELECT sha256 FROM attachment")).scalar_one())


def test_a_copy_into_an_archive_that_holds_records_is_refused(
    tmp_path: Path, demo_archive: Archive
) -> None:
    before = _digests(demo_archive)
    with _demo_file(tmp_path) as family, pytest.raises(ArchiveError, match="already holds"):
        copy_records(family, demo_archive)
    assert _digests(demo_archive) == before


def test_a_server_archive_is_backed_up_and_restored(demo_archive: Archive) -> None:
    made = backup_now(demo_archive, "manual")
    assert made.path.parent == demo_archive.location.backups_dir
    assert made.sound and made.records > 50 and made.archive_uid
    with demo_archive.session() as session:
        session.execute(text("DELETE FROM serviceman"))
    assert [b.path for b in list_backups(demo_archive)] == [made.path]
    location = demo_archive.location
    demo_archive.close()
    result = restore(location, made)
    assert result.safety_backup is not None and result.safety_backup.reason == "before-restore"
    with Archive.open(location) as again, again.reader() as session:
        assert session.scalars(select(Serviceman.surname)).all() == ["Dumas"]
        assert search(session, "yalu").of_kind("case")


def test_automatic_backups_of_a_server_archive_follow_its_changes(demo_archive: Archive) -> None:
    now = [datetime(2026, 12, 4, 9, 0, tzinfo=UTC)]
    policy = BackupPolicy(every_minutes=30, clock=lambda: now[0])
    first = policy.on_open(demo_archive)
    assert first is not None and first.reason == "on-open" and first.records > 50
    assert policy.on_open(demo_archive.location) is None  # nothing changed: nothing new
    now[0] += timedelta(minutes=31)
    assert policy.on_timer(demo_archive) is None  # due, but unchanged since
    with demo_archive.session() as session:
        cases.create_case(session, surname="Kapaun")
    assert policy.on_timer(demo_archive) is not None  # due and changed
    with demo_archive.session() as session:
        cases.create_case(session, surname="Kapaun")
    now[0] += timedelta(minutes=10)
    assert policy.on_timer(demo_archive) is None  # changed, but not due yet
    now[0] += timedelta(minutes=21)
    second = policy.on_timer(demo_archive)
    assert second is not None and second.reason == "interval"
    assert second.records == first.records + 2
    with demo_archive.session() as session:  # records deleted, none added: a change too
        session.execute(text("DELETE FROM serviceman WHERE surname = 'Kapaun'"))
    third = BackupPolicy(clock=lambda: now[0]).on_exit(demo_archive)  # another session's
    assert third is not None and third.records == first.records
    assert BackupPolicy(clock=lambda: now[0]).on_open(demo_archive) is None
    reasons = [b.reason for b in list_backups(demo_archive)]
    assert reasons == ["on-exit", "interval", "interval", "on-open"]


def test_a_restore_is_refused_while_another_desk_has_the_archive_open(
    demo_archive: Archive,
) -> None:
    made = backup_now(demo_archive, "manual")
    demo_archive.close()
    with Archive.open(demo_archive.location) as other_desk:
        with pytest.raises(ArchiveError, match=r"Another desk has .* open"):
            restore(demo_archive.location, made)
        assert other_desk.server_lock is not None
    restore(demo_archive.location, made)  # once the other desk has closed it


def test_a_backup_of_another_archive_is_refused(
    demo_archive: Archive, new_location: NewLocation
) -> None:
    with Archive.open(new_location("other")) as other:
        foreign = backup_now(other, "manual")
    with pytest.raises(ArchiveError, match="another archive"):
        restore(demo_archive, foreign)


def test_without_a_shared_folder_attachments_are_refused_plainly(
    pg_pool: DatabasePool, tmp_path: Path
) -> None:
    url = pg_pool.take()
    try:
        with Archive.open(ArchiveLocation(make_url(url), None)) as bare:
            assert bare.location.attachments_dir is None
            scan = tmp_path / "scan.txt"
            scan.write_text("x")
            with pytest.raises(ArchiveError, match="shared folder"), bare.session() as session:
                case = cases.create_case(session, surname="Dumas")
                attach_file(session, bare.location.attachments_dir, scan, serviceman_id=case.id)
    finally:
        pg_pool.give_back(url)


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("postgresql+psycopg://postgres@127.0.0.1:1/powmia", "Cannot reach the archive's server"),
        ("{base}/no_such_database", "There is no such database"),
        ("postgresql+psycopg://nobody@127.0.0.1:{port}/postgres", "knows no such user"),
    ],
)
def test_connection_trouble_is_one_plain_line(pg_pool: DatabasePool, url: str, said: str) -> None:
    server = pg_pool.server
    location = ArchiveLocation(make_url(url.format(base=server.base_url, port=server.port)), None)
    with pytest.raises(ArchiveError, match=said) as caught:
        Archive.open(location)
    assert "\n" not in str(caught.value)


def test_a_save_cut_off_by_the_server_is_not_lost_and_says_why(
    demo_archive: Archive, pg_pool: DatabasePool
) -> None:
    with demo_archive.reader() as session:
        case = session.scalars(select(Serviceman)).one()
    database = demo_archive.location.url.database
    admin = pg_pool.server.url("postgres").replace("+psycopg", "")

    def cut_off() -> None:
        with psycopg.connect(admin, autocommit=True) as c:
            c.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (database,),
            )

    with (
        pytest.raises(ArchiveError, match="Nothing was saved") as caught,
        demo_archive.session() as session,
    ):
        session.execute(text("SELECT 1"))
        cut_off()
        cases.update_case(session, case.id, expected_version=case.row_version, rank="Sgt.")
    assert "Cannot reach the archive's server" in str(caught.value)
    with demo_archive.session() as session:  # the same save, tried again, goes through
        cases.update_case(session, case.id, expected_version=case.row_version, rank="Sgt.")
    with demo_archive.reader() as session:
        assert session.get(Serviceman, case.id).rank == "Sgt."  # type: ignore[union-attr]


def test_every_desk_finds_the_shared_folder_in_the_archive(
    demo_archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = demo_archive.location.shared_folder
    assert folder is not None
    with Archive.open(ArchiveLocation(demo_archive.location.url, None)) as desk:
        assert desk.location.attachments_dir == folder / "attachments"
    monkeypatch.setenv("POWMIA_FILES", str(tmp_path / "mounted-here"))
    with Archive.open(ArchiveLocation(demo_archive.location.url, None)) as desk:
        assert desk.location.attachments_dir == tmp_path / "mounted-here" / "attachments"


def test_the_server_search_index_copy_matches_migration_0008(archive: Archive) -> None:
    path = MIGRATIONS_DIR / "versions" / "0008_server_archives.py"
    spec = importlib.util.spec_from_file_location("migration_0008", path)
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    # 0010 changed only the text search configuration the doc column is made with.
    made = [s.replace("'simple'::", "'powmia_search'::") for s in migration.statements()]
    ours = [SERVER_TABLE_SQL, SERVER_INDEX_SQL, *server_functions().values()]
    ours += server_triggers().values()
    assert set(ours) <= set(made)
    with archive.engine.connect() as connection:
        assert server_index_problems(connection) == []


def test_a_rebuilt_search_index_folds_accents_as_the_migrated_one(archive: Archive) -> None:
    doc = (
        "SELECT pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a "
        "ON a.attrelid = d.adrelid AND a.attnum = d.adnum "
        "WHERE a.attrelid = 'search_index'::regclass AND a.attname = 'doc'"
    )
    with archive.engine.begin() as connection:
        migrated = connection.execute(text(doc)).scalar()
        rebuild_server_index(connection)
        assert connection.execute(text(doc)).scalar() == migrated
    assert "powmia_search" in str(migrated)
