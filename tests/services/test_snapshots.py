"""A snapshot put back restores a record and everything hanging from it, ids included."""

from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Base, Serviceman, Task
from powmia_desktop.services import cases, snapshots
from powmia_desktop.services.search import search


def _dump(session: Session) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, minus the change log, in a comparable form."""
    out = {}
    for table in Base.metadata.sorted_tables:
        if table.name == "change_log":
            continue
        rows = session.execute(select(table)).all()
        out[table.name] = sorted(
            tuple(str(v) for k, v in r._mapping.items() if k not in ("row_version",)) for r in rows
        )
    return out


def _dumas_id(session: Session) -> int:
    return session.scalars(select(Serviceman.id).where(Serviceman.surname == "Dumas")).one()


def test_delete_then_put_back_restores_the_whole_case(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        before = _dump(session)
        case_id = _dumas_id(session)
    with demo_archive.session() as session:
        snap = snapshots.take(session, "serviceman", case_id)
        assert snap is not None
        assert {
            "status_change",
            "claim",
            "citation",
            "name_variant",
            "serviceman_tag",
            "event_participant",
            "relationship",
            "meeting_case",
        } <= set(snap.rows)
        snapshots.remove(session, "serviceman", case_id)
    with demo_archive.reader() as session:
        assert session.get(Serviceman, case_id) is None
        assert not search(session, "Dumas Roger").of_kind("case")
    with demo_archive.session() as session:
        snapshots.put_back(session, "serviceman", case_id, snap)
    with demo_archive.reader() as session:
        assert _dump(session) == before
        assert search(session, "Dumas Roger").of_kind("case")
        if session.get_bind().dialect.name == "sqlite":  # a server refuses broken links itself
            assert session.execute(text("PRAGMA foreign_key_check")).all() == []


def test_put_back_an_earlier_state_undoes_an_edit(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        case_id = _dumas_id(session)
    with demo_archive.session() as session:
        before = snapshots.take(session, "serviceman", case_id)
        cases.update_case(session, case_id, rank="Pvt.")
        cases.add_status_change(session, case_id, status="KIA", date="1999")
        task = Task(title="Ask about the 1957 sighting", serviceman_id=None)
        session.add(task)
    with demo_archive.session() as session:
        version_after_edit = session.get(Serviceman, case_id).row_version  # type: ignore[union-attr]
        snapshots.put_back(session, "serviceman", case_id, before)
    with demo_archive.reader() as session:
        case = cases.get_case(session, case_id)
        assert case.rank == "Cpl."
        assert [c.status.value for c in case.status_changes] == [
            "mia",
            "missing_presumed_dead",
            "pow",
        ]
        assert case.row_version > version_after_edit


def test_set_null_links_are_restored(archive: Archive) -> None:
    with archive.session() as session:
        case_id = cases.create_case(session, surname="Dumas").id
        session.execute(
            text(
                "INSERT INTO source (title, author, source_type, repository, locator, url, uid, "
                "created_at, updated_at, notes, row_version, sensitivity) VALUES ('LSA list', '', "
                "'list', '', '', '', 'src-1', '2020-01-01', '2020-01-01', '', 1, 0)"
            )
        )
        session.execute(
            text(
                "INSERT INTO list_membership (source_id, serviceman_id, row_as_printed, "
                "name_as_printed, match_status, uid, created_at, updated_at, notes, row_version, "
                "sensitivity) VALUES (1, :c, '{}', 'DUMAS R A', 'confirmed', 'lm-1', '2020-01-01', "
                "'2020-01-01', '', 1, 0)"
            ),
            {"c": case_id},
        )
    with archive.session() as session:
        snap = snapshots.take(session, "serviceman", case_id)
        snapshots.remove(session, "serviceman", case_id)
        assert session.execute(text("SELECT serviceman_id FROM list_membership")).scalar() is None
        snapshots.put_back(session, "serviceman", case_id, snap)
        assert (
            session.execute(text("SELECT serviceman_id FROM list_membership")).scalar() == case_id
        )
