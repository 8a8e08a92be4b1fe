"""Opening, creating and refusing archives; what every record gets; the change log."""

import gc
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text

from powmia_desktop.core.errors import ArchiveError, ConflictError
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path, resolve_location
from powmia_desktop.db.migrate import head_revision
from powmia_desktop.db.models import ChangeLogEntry, LiveSightingReport, Serviceman


def test_new_archive_is_migrated_with_wal_and_foreign_keys(archive: Archive) -> None:
    with archive.reader() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        version = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert version == head_revision()


def test_record_gets_timestamps_uid_version_and_default_sensitivity(archive: Archive) -> None:
    with archive.session() as session:
        session.add(Serviceman(surname="Dumas", loss_date=FuzzyDate.parse("4 Nov 1950")))
        session.add(LiveSightingReport(content="seen 2008"))
    with archive.reader() as session:
        case = session.scalars(select(Serviceman)).one()
        report = session.scalars(select(LiveSightingReport)).one()
    assert case.created_at.tzinfo is not None and len(case.uid) == 36
    assert case.row_version == 1
    assert case.sensitivity == Sensitivity.OFFICIALS
    assert report.sensitivity == Sensitivity.PRIVATE
    assert case.loss_date is not None and case.loss_date.format() == "4 Nov 1950"
    assert case.loss_date_earliest == 19501104 == case.loss_date_latest


def test_second_writer_with_stale_version_is_detected(archive: Archive) -> None:
    with archive.session() as session:
        session.add(Serviceman(surname="Dumas"))
    # Two windows open the same case; each read ends its transaction, as an editor does.
    with archive.reader() as session:
        a = session.scalars(select(Serviceman)).one()
    with archive.reader() as session:
        b = session.scalars(select(Serviceman)).one()
    with archive.session() as session:
        session.add(a)
        a.rank = "Cpl."
    with pytest.raises(ConflictError), archive.session() as session:
        session.add(b)
        b.rank = "Pvt."
    with archive.reader() as session:
        assert session.scalars(select(Serviceman.rank)).one() == "Cpl."


def test_change_log_records_create_update_delete(archive: Archive) -> None:
    with archive.session() as session:
        case = Serviceman(surname="Dumas", rank="Pvt.")
        session.add(case)
    with archive.session() as session:
        session.get(Serviceman, case.id).rank = "Cpl."  # type: ignore[union-attr]
    with archive.session() as session:
        session.delete(session.get(Serviceman, case.id))
    with archive.reader() as session:
        log = session.execute(
            select(
                ChangeLogEntry.action,
                ChangeLogEntry.field,
                ChangeLogEntry.old_value,
                ChangeLogEntry.new_value,
            ).order_by(ChangeLogEntry.id)
        ).all()
    assert [tuple(r) for r in log] == [
        ("create", "", None, None),
        ("update", "rank", "Pvt.", "Cpl."),
        ("delete", "", None, None),
    ]


def test_every_archive_opened_keeps_a_change_log(archive: Archive) -> None:
    """Archives come and go in one program (two desks, reopening after a restore); each
    must log, even when its session factory is built where a closed one's lived."""
    for n in range(100):
        with Archive.open(archive.location) as opened, opened.session() as session:
            session.add(Serviceman(surname=f"Case {n}"))
        del opened, session
        gc.collect()  # frees the closed archive's factory, so the next may reuse its place
    with archive.reader() as session:
        logged = session.scalars(
            select(ChangeLogEntry.record_id).where(ChangeLogEntry.action == "create")
        ).all()
    assert len(logged) == 100


def test_failed_unit_of_work_leaves_nothing(archive: Archive) -> None:
    with pytest.raises(RuntimeError), archive.session() as session:
        session.add(Serviceman(surname="Half-written"))
        session.flush()
        raise RuntimeError("power cut")
    with archive.reader() as session:
        assert session.scalars(select(Serviceman)).all() == []


def test_not_a_database_is_refused_without_writing(tmp_path: Path) -> None:
    path = tmp_path / "passwd"
    content = b"root:x:0:0:root:/root:/bin/bash\n"
    path.write_bytes(content)
    with pytest.raises(ArchiveError, match="not a powmia-desktop archive"):
        Archive.open(location_for_path(path))
    assert path.read_bytes() == content
    assert not list(tmp_path.glob("passwd-*"))


def test_other_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
    before = path.read_bytes()
    with pytest.raises(ArchiveError, match="another program"):
        Archive.open(location_for_path(path))
    assert path.read_bytes() == before


def test_missing_folder_and_missing_file_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="does not exist"):
        Archive.open(location_for_path(tmp_path / "no" / "such" / "x.db"), create=True)
    with pytest.raises(ArchiveError, match="There is no archive"):
        Archive.open(location_for_path(tmp_path / "x.db"))


def test_newer_schema_is_refused(archive: Archive, archive_path: Path) -> None:
    with archive.session() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    archive.close()
    with pytest.raises(ArchiveError, match="newer version"):
        Archive.open(location_for_path(archive_path))


def test_location_from_argument_env_and_url(tmp_path: Path) -> None:
    assert resolve_location(str(tmp_path / "a.db")).path == tmp_path / "a.db"
    env = {"POWMIA_DB": str(tmp_path / "b.db")}
    assert resolve_location(None, env).path == tmp_path / "b.db"
    url = resolve_location(f"sqlite:///{tmp_path}/c.db")
    assert url.path == tmp_path / "c.db"
    default = resolve_location(None, {})
    assert default.is_default and default.path is not None
    assert default.path.name == "archive.sqlite"
    with pytest.raises(ArchiveError, match="Cannot use the database"):
        Archive.open(resolve_location("nosuchdriver+x://host/db"))
