"""An archive written by an earlier schema revision is backed up, then upgraded, on open."""

import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import text

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.engine import make_engine
from powmia_desktop.db.location import location_for_path
from powmia_desktop.db.migrate import alembic_config, head_revision
from powmia_desktop.services.search import search


def _archive_at_revision(path: Path, revision: str) -> None:
    """Build an archive file the way an earlier release of the program left it."""
    engine = make_engine(location_for_path(path).url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.execute(
            text(
                "INSERT INTO serviceman (surname, given_names, service_number, rank, unit, "
                "home_city, home_county, home_state, loss_place_text, circumstances, summary, "
                "suffix, accounting_status, rosette_placed, last_seen_alive, uid, created_at, "
                "updated_at, notes, row_version, sensitivity) VALUES ('Dumas', 'Roger A.', "
                "'', 'Cpl.', '', '', '', 'CT', 'near the Yalu River', 'captured', '', '', "
                "'unaccounted_for', 0, 1, 'u-1', '2020-01-01 00:00:00', "
                "'2020-01-01 00:00:00', '', 1, 0)"
            )
        )
    engine.dispose()


def test_old_revision_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    _archive_at_revision(path, "0001")

    archive = Archive.open(location_for_path(path))
    try:
        result = archive.upgrade_result
        assert result.from_revision == "0001" and result.to_revision == head_revision()
        assert result.backup is not None and result.backup.exists()
        assert result.backup.parent == tmp_path / "old-backups"
        with archive.reader() as session:
            # the upgrade indexed the rows that were already there
            hits = search(session, "yalu")
            assert [h.title for h in hits.of_kind("case")] == ["Dumas, Roger A."]
    finally:
        archive.close()

    with sqlite3.connect(result.backup) as backup:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert backup.execute("SELECT surname FROM serviceman").fetchall() == [("Dumas",)]
        assert backup.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_up_to_date_archive_is_not_backed_up_again(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    Archive.open(location_for_path(path), create=True).close()
    archive = Archive.open(location_for_path(path))
    archive.close()
    assert archive.upgrade_result.backup is None
    assert not (tmp_path / "new-backups").exists()


def test_migrations_match_the_models(tmp_path: Path) -> None:
    """Autogenerate finds nothing to do: the migration scripts describe the models exactly."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from powmia_desktop.db.models import Base

    archive = Archive.open(location_for_path(tmp_path / "m.sqlite"), create=True)
    try:
        with archive.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": False})
            diff = [
                d for d in compare_metadata(context, Base.metadata) if "search_index" not in str(d)
            ]
        assert diff == []
    finally:
        archive.close()


def test_revisions_read_from_the_scripts_agree_with_alembic() -> None:
    """The fast start reads revisions from the scripts' text; Alembic must say the same."""
    from alembic.script import ScriptDirectory

    from powmia_desktop.db.migrate import known_revisions

    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {rev.revision for rev in script.walk_revisions()}


def test_opening_a_current_archive_does_not_import_alembic(tmp_path: Path) -> None:
    """Alembic costs a tenth of a second of every start; it loads only when a migration runs."""
    import subprocess
    import sys

    path = tmp_path / "current.sqlite"
    Archive.open(location_for_path(path), create=True).close()
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from powmia_desktop.db.archive import Archive\n"
        "from powmia_desktop.db.location import location_for_path\n"
        f"Archive.open(location_for_path(Path({str(path)!r}))).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_every_archive_gets_its_own_uid_and_keeps_it(tmp_path: Path) -> None:
    from powmia_desktop.db.identity import read_archive_uid

    first, second, old = (tmp_path / n for n in ("a.sqlite", "b.sqlite", "old.sqlite"))
    for path in (first, second):
        Archive.open(location_for_path(path), create=True).close()
    uid = read_archive_uid(first)
    assert uid and uid != read_archive_uid(second)
    Archive.open(location_for_path(first)).close()
    assert read_archive_uid(first) == uid

    _archive_at_revision(old, "0002")
    assert read_archive_uid(old) is None
    Archive.open(location_for_path(old)).close()
    assert read_archive_uid(old) not in (None, uid)
