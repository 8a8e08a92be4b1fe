"""Backups of a server archive with pg_dump, restored with pg_restore: into the same archive
or an empty database, refused plainly before anything is touched, the SQLite snapshot when
the desk has no pg_dump, and the connection passed to the tools through the environment."""

import json
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from tests.helpers.pg_server import DatabasePool

from powmia_desktop.core.errors import ArchiveError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.backup_file import MANIFEST, BackupInfo, new_set_folder, write_manifest
from powmia_desktop.db.engine import make_engine
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.db.migrate import alembic_config, head_revision
from powmia_desktop.db.models import Serviceman
from powmia_desktop.services import server_backup, server_dump
from powmia_desktop.services.backup import backup_now, restore
from powmia_desktop.services.backup_rotation import Rotation, prune
from powmia_desktop.services.copying import table_digests
from powmia_desktop.services.search import search

_MISSING = [n for n in ("pg_dump", "pg_restore") if server_dump.find_tool(n) is None]
pytestmark = [
    pytest.mark.server_only,
    pytest.mark.skipif(bool(_MISSING), reason=f"{' and '.join(_MISSING)} not installed"),
]


def _digests(location: ArchiveLocation) -> list[object]:
    with Archive.open(location) as archive, archive.engine.connect() as connection:
        return list(table_digests(connection))


def _manifest(backup: BackupInfo) -> dict[str, Any]:
    return dict(json.loads((backup.path / MANIFEST).read_text(encoding="utf-8")))


def test_a_dump_records_what_it_holds_and_is_restored_over_later_changes(
    demo_archive: Archive,
) -> None:
    location = demo_archive.location
    made = backup_now(demo_archive, "manual")
    assert made.engine == "postgresql" and made.database.name == "archive.dump"
    record = _manifest(made)
    assert record["tables"]["serviceman"] == 1 and record["tables"]["timeline_event"] > 10
    assert record["schema"] and record["archive_uid"] == made.archive_uid
    assert record["tool"].startswith("pg_dump (PostgreSQL)")
    before = _digests(location)
    with demo_archive.session() as session:
        session.execute(text("UPDATE serviceman SET rank = 'Gen.'"))
        session.execute(text("DELETE FROM timeline_event"))
    demo_archive.close()
    result = restore(location, made)
    assert result.safety_backup is not None and result.safety_backup.engine == "postgresql"
    assert _manifest(result.safety_backup)["tables"]["timeline_event"] == 0
    assert _digests(location) == before
    with Archive.open(location) as again, again.reader() as session:
        assert session.scalars(select(Serviceman.rank)).all() == ["Cpl."]
        assert search(session, "yalu").of_kind("case")
        again_case = session.scalars(select(Serviceman)).one()
    with Archive.open(location) as again, again.session() as session:  # ids go on after
        session.add(Serviceman(surname="Kapaun"))
        session.flush()
        assert max(session.scalars(select(Serviceman.id))) > again_case.id


def test_a_dump_goes_into_an_empty_database(
    demo_archive: Archive, pg_pool: DatabasePool, tmp_path: Path
) -> None:
    made = backup_now(demo_archive, "manual")
    url = pg_pool.server.create_database("restored_here")
    try:
        empty = ArchiveLocation(make_url(url), None)
        result = restore(empty, made.path)
        assert result.safety_backup is None
        assert _digests(empty) == _digests(demo_archive.location)
    finally:
        pg_pool.server.drop_database("restored_here")


def _refused(archive: Archive, backup: BackupInfo | Path, said: str) -> None:
    before = _digests(archive.location)
    with pytest.raises(ArchiveError, match=said) as caught:
        restore(archive.location, backup)
    assert "nothing was restored" in str(caught.value) and "\n" not in str(caught.value)
    assert _digests(archive.location) == before


def _edited(backup: BackupInfo, **changes: object) -> Path:
    record = _manifest(backup) | changes
    (backup.path / MANIFEST).write_text(json.dumps(record), encoding="utf-8")
    return backup.path


def test_a_dump_that_cannot_be_restored_here_is_refused_before_anything_changes(
    demo_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = backup_now(demo_archive, "manual")
    kept = _manifest(made)
    _refused(demo_archive, _edited(made, schema="0099"), "newer version of powmia-desktop")
    _refused(demo_archive, _edited(made, schema="0001"), "schema revision 0001.*empty database")
    _refused(demo_archive, _edited(made, archive_uid="x"), "backup of another archive")
    _edited(made, **kept)
    data = bytearray(made.database.read_bytes())
    data[len(data) // 2] ^= 0xFF
    made.database.write_bytes(bytes(data))
    _refused(demo_archive, made.path, "no longer matches the SHA-256")
    monkeypatch.setattr(server_backup, "find_tool", lambda name: None)
    _refused(demo_archive, made.path, "no pg_restore")


def test_without_pg_dump_the_backup_is_the_sqlite_snapshot(
    demo_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(server_backup, "find_tool", lambda name: None)
    made = backup_now(demo_archive, "manual")
    assert made.engine == "sqlite" and made.database.name == "archive.sqlite" and made.sound
    with demo_archive.session() as session:
        session.execute(text("DELETE FROM serviceman"))
    demo_archive.close()
    restore(demo_archive.location, made)
    with Archive.open(demo_archive.location) as again, again.reader() as session:
        assert session.scalars(select(Serviceman.surname)).all() == ["Dumas"]


def test_a_pg_dump_older_than_the_server_gives_way_to_the_snapshot(
    demo_archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "pg_dump"  # what pg_dump 12 says of a newer server
    old.write_text(
        "#!/bin/sh\n"
        'case "$1" in --version) echo "pg_dump (PostgreSQL) 12.1";; *)\n'
        'echo "pg_dump: error: aborting because of server version mismatch" >&2\n'
        'echo "pg_dump: detail: server version: 15.5; pg_dump version: 12.1" >&2\n'
        "exit 1;; esac\n"
    )
    old.chmod(0o755)
    monkeypatch.setattr(server_backup, "find_tool", lambda name: old)
    made = backup_now(demo_archive, "manual")
    assert made.engine == "sqlite" and made.sound and made.records > 50
    assert sorted(p.name for p in made.path.iterdir()) == ["archive.sqlite", "backup.json"]


def test_the_connection_reaches_the_tools_through_the_environment_only(
    demo_archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = demo_archive.location.url.set(password="s3cret-pw")  # the test server trusts all
    location = ArchiveLocation(url, None)
    runs: list[tuple[list[str], dict[str, str]]] = []
    real_run = subprocess.run

    def noted(argv: list[str], **options: Any) -> Any:
        runs.append((argv, options["env"]))
        return real_run(argv, **options)

    monkeypatch.setattr(server_dump.subprocess, "run", noted)
    with Archive.open(location) as desk:
        made = backup_now(desk, "manual")
    assert runs and made.engine == "postgresql"
    for argv, env in runs:
        assert not {"s3cret-pw", str(url.port), str(url.host)} & set(" ".join(argv).split())
        assert env["PGPASSWORD"] == "s3cret-pw" and env["PGPORT"] == str(url.port)
        assert env["PGHOST"] == url.host and env["PGDATABASE"] == url.database
    assert "s3cret" not in (made.path / MANIFEST).read_text(encoding="utf-8")


def test_automatic_dumps_are_thinned_out_by_the_same_rotation(demo_archive: Archive) -> None:
    by_hand = backup_now(demo_archive, "manual")
    automatic = [backup_now(demo_archive, "on-open") for _ in range(3)]
    folder = by_hand.path.parent
    removed = prune(folder, Rotation(recent=1, daily=0, weekly=0, monthly=0))
    assert {b.path for b in removed} == {b.path for b in automatic[:2]}
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [by_hand.path.name, automatic[2].path.name]
    )


def test_a_dump_of_an_older_schema_goes_into_an_empty_database_and_is_upgraded(
    demo_archive: Archive, pg_pool: DatabasePool
) -> None:
    from alembic import command

    location = demo_archive.location
    folder = server_backup.server_backup_folder(location)
    demo_archive.close()
    engine = make_engine(location.url)
    with engine.begin() as connection:  # the archive as an older release left it
        config = alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "-2")  # a table fewer than now, among others
    target = new_set_folder(folder, datetime.now(UTC), "manual")
    reader = engine.execution_options(isolation_level="REPEATABLE READ")
    with reader.connect() as connection, connection.begin():
        made = server_dump.dump_database(
            connection, location.url, target / server_dump.DUMP, server_dump.find_tool("pg_dump")
        )
    engine.dispose()
    write_manifest(
        target, {"created_at": datetime.now(UTC).isoformat(), "reason": "manual", **made}
    )
    assert made["schema"] != head_revision()
    url = pg_pool.server.create_database("older_restored_here")
    try:
        empty = ArchiveLocation(make_url(url), None)
        restore(empty, target)
        with Archive.open(empty) as restored, restored.reader() as session:
            assert session.scalars(select(Serviceman.rank)).all() == ["Cpl."]
            assert search(session, "yalu").of_kind("case")
            assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                head_revision()
            )
    finally:
        pg_pool.server.drop_database("older_restored_here")
