"""A backup goes into a freshly made archive of another uid — `powmia init` on a new desk or
a new server database, then `powmia restore` — on both engines alike; an archive that holds
anything a person entered (a record, or only the change log of one deleted) is still refused
as another archive, and left as it was."""

from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url
from tests.conftest import NewLocation
from tests.helpers.pg_server import DatabasePool

from powmia_desktop.core.errors import ArchiveError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import ArchiveLocation
from powmia_desktop.db.models import Serviceman
from powmia_desktop.services import server_backup, server_dump
from powmia_desktop.services.backup import backup_now, restore
from powmia_desktop.services.copying import table_digests
from powmia_desktop.services.demo import load_demo
from powmia_desktop.services.search import search


def _digests(location: ArchiveLocation) -> list[object]:
    with Archive.open(location) as archive, archive.engine.connect() as connection:
        return list(table_digests(connection))


def _uid(location: ArchiveLocation) -> str:
    with Archive.open(location) as archive, archive.engine.connect() as connection:
        return str(server_dump.contents(connection)["archive_uid"])


def _made(new_location: NewLocation, name: str) -> ArchiveLocation:
    location = new_location(name)
    Archive.open(location, create=True).close()
    return location


def test_a_backup_fills_a_freshly_made_archive(
    demo_archive: Archive, new_location: NewLocation
) -> None:
    made = backup_now(demo_archive, "manual")
    fresh = _made(new_location, "fresh")
    assert _uid(fresh) != made.archive_uid
    result = restore(fresh, made)
    assert result.safety_backup is not None  # even an empty archive is kept first
    assert _digests(fresh) == _digests(demo_archive.location)
    assert _uid(fresh) == made.archive_uid  # it is that archive now: its next backups restore
    with Archive.open(fresh) as restored, restored.reader() as session:
        assert session.scalars(select(Serviceman.rank)).all() == ["Cpl."]
        assert search(session, "yalu").of_kind("case")
    restore(fresh, backup_now(demo_archive, "manual"))


def _one_case(archive: Archive) -> None:
    with archive.session() as session:
        session.add(Serviceman(surname="Kapaun"))


def _one_case_deleted(archive: Archive) -> None:
    _one_case(archive)
    with archive.session() as session:
        session.delete(session.scalars(select(Serviceman)).one())


@pytest.mark.parametrize("entered", [_one_case, _one_case_deleted], ids=["record", "history"])
def test_an_archive_with_anything_entered_is_still_another_archive(
    demo_archive: Archive, new_location: NewLocation, entered: Callable[[Archive], None]
) -> None:
    made = backup_now(demo_archive, "manual")
    used = _made(new_location, "used")
    with Archive.open(used) as archive:
        entered(archive)
    before = _digests(used)
    with pytest.raises(ArchiveError, match="backup of another archive, not of this one") as caught:
        restore(used, made)
    assert "\n" not in str(caught.value) and "nothing was re" in str(caught.value)
    assert _digests(used) == before


@pytest.mark.server_only
@pytest.mark.parametrize("tool", ["pg_dump", "snapshot"])
def test_a_server_backup_fills_a_fresh_archive_whatever_its_shared_folder(
    engine: str,
    pg_pool: DatabasePool,
    new_location: NewLocation,
    tool: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The backup of an archive without a shared folder, restored into one with a shared
    folder: the folder stays the new archive's, and the restored rows check out."""
    if tool == "snapshot":
        monkeypatch.setattr(server_backup, "find_tool", lambda name: None)
    elif server_dump.find_tool("pg_restore") is None:
        pytest.skip("pg_dump and pg_restore not installed")
    url = pg_pool.take()  # no shared folder: its backups go to this desk's own folder
    try:
        with Archive.open(ArchiveLocation(make_url(url), None)) as source:
            with source.session() as session:
                load_demo(session)
            made = backup_now(source, "manual")
            assert made.engine == ("sqlite" if tool == "snapshot" else "postgresql")
            expected = _digests(source.location)
        fresh = _made(new_location, "fresh")
        with Archive.open(fresh) as archive:
            shared = archive.location.shared_folder
        assert shared is not None
        restore(fresh, made)
        assert _digests(fresh) == expected
        with Archive.open(fresh) as restored:
            assert restored.location.shared_folder == shared
    finally:
        pg_pool.give_back(url)
