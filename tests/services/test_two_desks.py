"""Two desks on one archive at once (two Archive objects, as two programs would hold it):
a stale save is refused at the second desk, saves of different records both land, and the
change log names who made each change. Run on a file and on the PostgreSQL server."""

import getpass
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from powmia_desktop.core.errors import ConflictError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import ChangeLogEntry, Serviceman
from powmia_desktop.services import cases
from powmia_desktop.services.editing import RecordForm
from powmia_desktop.services.source_editing import save_source


@pytest.fixture
def second_desk(archive: Archive) -> Iterator[Archive]:
    with Archive.open(archive.location) as other:
        yield other


def _two_cases(archive: Archive) -> tuple[int, int, int]:
    with archive.session() as session:
        first = cases.create_case(session, surname="Dumas", given_names="Roger A.")
        second = cases.create_case(session, surname="Kapaun", given_names="Emil J.")
        return first.id, second.id, first.row_version


def test_the_same_case_saved_at_two_desks_is_a_conflict_at_the_second(
    archive: Archive, second_desk: Archive
) -> None:
    case_id, _, version = _two_cases(archive)
    with archive.session() as session:  # desk one saves first
        cases.update_case(session, case_id, expected_version=version, rank="Cpl.")
    with pytest.raises(ConflictError) as refused, second_desk.session() as session:
        cases.update_case(session, case_id, expected_version=version, rank="Pvt.")
    with second_desk.reader() as session:
        assert session.get(Serviceman, case_id).rank == "Cpl."  # type: ignore[union-attr]
        logged = session.scalars(select(ChangeLogEntry).where(ChangeLogEntry.field == "rank")).one()
    if archive.location.is_server:  # who saved it first, and when, as the change log says
        local = logged.changed_at.astimezone()
        assert str(refused.value).startswith(
            f"Dumas, Roger A. was saved at another desk by {logged.changed_by} at "
            f"{local:%H:%M} on {local.day} {local:%b %Y} after you opened it"
        )
        assert logged.changed_by == archive.location.url.username
    else:  # a file: another window on this computer, or a person on a shared folder
        assert "Dumas, Roger A. was changed elsewhere" in str(refused.value)


def test_a_form_saved_at_another_desk_names_that_desk(
    archive: Archive, second_desk: Archive
) -> None:
    with archive.session() as session:
        source = save_source(session, None, RecordForm({"title": "Hartford Courant"}))
        opened = RecordForm({"title": "Hartford Courant, 1992"}, row_version=source.row_version)
    with archive.session() as session:
        save_source(session, source.id, RecordForm({"title": "The Courant"}, row_version=1))
    with pytest.raises(ConflictError) as refused, second_desk.session() as session:
        save_source(session, source.id, opened)
    said = "at another desk by " if archive.location.is_server else "changed elsewhere"
    assert str(refused.value).startswith("The Courant was ") and said in str(refused.value)


def test_different_cases_saved_at_two_desks_are_both_kept(
    archive: Archive, second_desk: Archive
) -> None:
    first, second, version = _two_cases(archive)  # both desks opened both at this version
    with archive.session() as session:
        cases.update_case(session, first, expected_version=version, rank="Cpl.")
    with second_desk.session() as session:
        cases.update_case(session, second, expected_version=version, rank="Chaplain")
    with archive.reader() as session:
        assert session.get(Serviceman, first).rank == "Cpl."  # type: ignore[union-attr]
        assert session.get(Serviceman, second).rank == "Chaplain"  # type: ignore[union-attr]


def test_two_desks_saving_at_the_same_time_lose_nothing(
    archive: Archive, second_desk: Archive
) -> None:
    first, second, _ = _two_cases(archive)
    rounds = 25
    failures: list[BaseException] = []

    def desk(opened: Archive, case_id: int) -> None:
        try:
            for n in range(rounds):
                with opened.session() as session:
                    current = session.get(Serviceman, case_id)
                    assert current is not None
                    cases.update_case(
                        session, case_id, expected_version=current.row_version, notes=str(n + 1)
                    )
        except BaseException as error:  # reported by the main thread
            failures.append(error)

    threads = [
        threading.Thread(target=desk, args=(archive, first)),
        threading.Thread(target=desk, args=(second_desk, second)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    with archive.reader() as session:
        for case_id in (first, second):
            case = session.get(Serviceman, case_id)
            assert case is not None and case.notes == str(rounds)
            assert case.row_version == rounds + 1
            logged = session.scalars(
                select(ChangeLogEntry.new_value).where(
                    ChangeLogEntry.record_id == case_id, ChangeLogEntry.field == "notes"
                )
            ).all()
            assert sorted(logged, key=int) == [str(n + 1) for n in range(rounds)]


def test_the_change_log_names_who_made_each_change(archive: Archive) -> None:
    _two_cases(archive)
    expected = archive.location.url.username if archive.location.is_server else getpass.getuser()
    with archive.reader() as session:
        who = set(session.scalars(select(ChangeLogEntry.changed_by)))
    assert who == {expected} and expected
