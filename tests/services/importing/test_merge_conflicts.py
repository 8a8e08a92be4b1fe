"""Merging another organizer's archive never drops a local change: both texts are kept.

Two archives: "ours" received the demo archive from "theirs" once; then both edited the
same contact's notes, and theirs is sent again — with an ``updated_at`` far in the future,
since the sender controls it. Our text stays, theirs is kept as a conflict to review.
"""

import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import (
    ChangeLogEntry,
    Contact,
    MergeBase,
    MergeConflict,
    Serviceman,
)
from powmia_desktop.services.conflicts import get_conflict, list_conflicts, resolve_conflict
from powmia_desktop.services.exporting.archive_zip import export_archive
from powmia_desktop.services.exporting.privacy import Privacy
from powmia_desktop.services.importing.archive_zip import import_archive
from powmia_desktop.services.importing.outcome import ImportResult

OURS = "Called her on 3 May; she has the 1951 letters."
THEIRS = "Met her at the reunion; the letters went to the DPAA."


def _send(archive: Archive, path: Path) -> Path:
    with archive.reader() as session:
        export_archive(session, None, path, privacy=Privacy.everything())
    return path


def _receive(archive: Archive, path: Path) -> ImportResult:
    with archive.session() as session:
        return import_archive(session, path, archive.location.attachments_dir)


def _set_notes(archive: Archive, text: str) -> str:
    with archive.session() as session:
        contact = session.scalars(select(Contact).order_by(Contact.id)).first()
        assert contact is not None
        contact.notes = text
        return contact.uid


def _notes(archive: Archive, uid: str) -> str:
    with archive.reader() as session:
        return session.scalars(select(Contact.notes).where(Contact.uid == uid)).one()


def _future_updated_at(path: Path) -> None:
    """Rewrite the zip so every record claims to be changed in 2099."""
    with zipfile.ZipFile(path) as zipped:
        members = {name: zipped.read(name) for name in zipped.namelist()}
    rows = json.loads(members["records/contact.json"])
    for row in rows:
        row["updated_at"] = "2099-01-01T00:00:00"
    members["records/contact.json"] = json.dumps(rows).encode()
    with zipfile.ZipFile(path, "w") as zipped:
        for name, data in members.items():
            zipped.writestr(name, data)


@pytest.fixture
def both_edited(demo_archive: Archive, other_archive: Archive, tmp_path: Path) -> str:
    """The uid of the contact both archives changed since ours last received theirs."""
    _receive(other_archive, _send(demo_archive, tmp_path / "first.zip"))
    uid = _set_notes(demo_archive, THEIRS)
    assert _set_notes(other_archive, OURS) == uid
    _send(demo_archive, tmp_path / "second.zip")
    _future_updated_at(tmp_path / "second.zip")
    return uid


def test_both_texts_are_kept_and_the_conflict_is_listed(
    both_edited: str, other_archive: Archive, tmp_path: Path
) -> None:
    result = _receive(other_archive, tmp_path / "second.zip")

    assert result.counts["conflicts kept for review"] == 1
    assert result.counts.get("records updated", 0) == 0
    assert any("1 conflicts kept for review" in line for line in result.lines())
    assert _notes(other_archive, both_edited) == OURS
    with other_archive.reader() as session:
        (conflict,) = list_conflicts(session)
    assert conflict.record_uid == both_edited and conflict.table_name == "contact"
    assert [(d.column, d.local, d.incoming) for d in conflict.differences] == [
        ("notes", OURS, THEIRS)
    ]
    # The same zip again: the conflict is still open, and kept once.
    again = _receive(other_archive, tmp_path / "second.zip")
    assert again.counts["conflicts kept for review"] == 1
    with other_archive.reader() as session:
        assert len(list_conflicts(session)) == 1


def test_taking_the_incoming_version_is_logged_with_the_old_text(
    both_edited: str, other_archive: Archive, tmp_path: Path
) -> None:
    _receive(other_archive, tmp_path / "second.zip")
    with other_archive.session() as session:
        (conflict,) = list_conflicts(session)
        done = resolve_conflict(session, conflict.id, "incoming")
    assert done.status == "took-incoming"
    assert _notes(other_archive, both_edited) == THEIRS
    with other_archive.reader() as session:
        logged = session.scalars(
            select(ChangeLogEntry).where(ChangeLogEntry.record_uid == both_edited)
        ).all()
        assert [(e.field, e.old_value, e.new_value) for e in logged][-1] == ("notes", OURS, THEIRS)
        assert list_conflicts(session) == []
    # Received again: now agreed, no new conflict.
    again = _receive(other_archive, tmp_path / "second.zip")
    assert "conflicts kept for review" not in again.counts


def test_keeping_ours_settles_it_until_they_change_it_again(
    both_edited: str, demo_archive: Archive, other_archive: Archive, tmp_path: Path
) -> None:
    _receive(other_archive, tmp_path / "second.zip")
    with other_archive.session() as session:
        (conflict,) = list_conflicts(session)
        resolve_conflict(session, conflict.id, "local")
        with pytest.raises(ValidationError, match="already resolved"):
            resolve_conflict(session, conflict.id, "incoming")
    assert _notes(other_archive, both_edited) == OURS
    again = _receive(other_archive, tmp_path / "second.zip")
    assert "conflicts kept for review" not in again.counts
    assert _notes(other_archive, both_edited) == OURS
    with other_archive.reader() as session:
        assert get_conflict(session, conflict.id).status == "kept-local"
        assert len(list_conflicts(session, include_resolved=True)) == 1


def test_a_change_on_one_side_only_is_merged_without_a_conflict(
    demo_archive: Archive, other_archive: Archive, tmp_path: Path
) -> None:
    _receive(other_archive, _send(demo_archive, tmp_path / "first.zip"))
    uid = _set_notes(demo_archive, THEIRS)
    with other_archive.session() as session:
        case = session.scalars(select(Serviceman)).one()
        case.rank = "Sgt."  # ours changed another record
    result = _receive(other_archive, _send(demo_archive, tmp_path / "second.zip"))
    assert result.counts["records updated"] == 1
    assert _notes(other_archive, uid) == THEIRS
    with other_archive.reader() as session:
        assert session.scalars(select(Serviceman.rank)).one() == "Sgt."  # not the sender's
        assert session.scalars(select(MergeConflict)).all() == []


def test_without_a_common_version_a_difference_is_a_conflict(
    demo_archive: Archive, other_archive: Archive, tmp_path: Path
) -> None:
    """Records that came from elsewhere: no base to tell who changed them, so keep both."""
    _receive(other_archive, _send(demo_archive, tmp_path / "first.zip"))
    with other_archive.session() as session:
        session.execute(delete(MergeBase))  # as if the records had come some other way
    uid = _set_notes(demo_archive, THEIRS)
    result = _receive(other_archive, _send(demo_archive, tmp_path / "second.zip"))
    assert result.counts["conflicts kept for review"] == 1
    assert _notes(other_archive, uid) != THEIRS


def test_powmia_conflicts_lists_shows_and_resolves(
    both_edited: str,
    other_archive: Archive,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from powmia_desktop.cli import main

    code = main(
        [
            "--db",
            str(other_archive.location.path),
            "import",
            "archive",
            str(tmp_path / "second.zip"),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0 and "1 conflicts kept for review" in out
    db = ["--db", str(other_archive.location.path), "conflicts"]
    assert main([*db, "list"]) == 0
    listed = capsys.readouterr().out
    assert listed.startswith("1  contact ") and "[to review]" in listed and "notes" in listed
    assert main([*db, "show", "1"]) == 0
    shown = capsys.readouterr().out
    assert f"ours:   {OURS}" in shown and f"theirs: {THEIRS}" in shown
    assert main([*db, "resolve", "1"]) == 1
    assert "--keep local or --keep incoming" in capsys.readouterr().err
    assert main([*db, "resolve", "1", "--keep", "incoming"]) == 0
    assert "kept the incoming version" in capsys.readouterr().out
    assert _notes(other_archive, both_edited) == THEIRS
    assert main([*db, "list"]) == 0
    assert capsys.readouterr().out == "No conflicts to review\n"
    assert main([*db, "show", "99"]) == 1


def test_a_record_sent_there_and_changed_only_there_comes_back_without_a_conflict(
    demo_archive: Archive, other_archive: Archive, tmp_path: Path
) -> None:
    """Sent from here, edited there, sent back: their zip says what they received from us."""
    _receive(other_archive, _send(demo_archive, tmp_path / "to-them.zip"))
    uid = _set_notes(other_archive, OURS)
    with zipfile.ZipFile(_send(other_archive, tmp_path / "back.zip")) as zipped:
        assert "merge-bases.json" in zipped.namelist()
    result = _receive(demo_archive, tmp_path / "back.zip")
    assert "conflicts kept for review" not in result.counts
    assert result.counts["records updated"] == 1
    assert _notes(demo_archive, uid) == OURS


@pytest.mark.parametrize(
    "bases",
    [[], {"x" * 40: {}}, {"peer": {"no_such_table": {}}}, {"peer": {"contact": {"u": "zz"}}}],
)
def test_damaged_merge_bases_refuse_the_zip(
    demo_archive: Archive, other_archive: Archive, tmp_path: Path, bases: object
) -> None:
    from powmia_desktop.core.errors import ArchiveError

    path = _send(demo_archive, tmp_path / "a.zip")
    with zipfile.ZipFile(path, "a") as zipped:
        zipped.writestr("merge-bases.json", json.dumps(bases))
    with pytest.raises(ArchiveError, match=r"merge-bases\.json' in the archive is damaged"):
        _receive(other_archive, path)
