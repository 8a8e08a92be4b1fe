"""A matched list row whose case was deleted: read as unmatched everywhere (the rows, the list
of lists, the cross-reference, the check) without being rewritten, so undoing the deletion
matches it again exactly; until then it can be matched again like a held row."""

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from tests.services.lists.listfiles import NEAR_DUPLICATES, ROSTER, import_text

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import ListMembership, Serviceman
from powmia_desktop.services import snapshots
from powmia_desktop.services.check import check_archive, repair_archive
from powmia_desktop.services.lists import crossref, overview, review
from powmia_desktop.services.lists.overview import ListSummary


@pytest.fixture
def confirmed(archive: Archive, tmp_path: Path) -> Archive:
    """The roster (four new cases), then a list whose "John Smyth" is confirmed at review as
    John Smith of the roster; its "Albert Browne" stays held beside Albert Brown."""
    import_text(archive, tmp_path, "roster.csv", ROSTER, "DPAA roster")
    import_text(archive, tmp_path, "lsa.csv", NEAR_DUPLICATES, "Last Seen Alive")
    with archive.session() as session:
        review.confirm_match(session, review.held_rows(session)[0].membership_id)
    return archive


def _smith(session: Session) -> int:
    return session.scalars(select(Serviceman.id).where(Serviceman.surname == "Smith")).one()


def _rows(session: Session, title: str) -> dict[str, overview.ListRowView]:
    source_id = crossref.find_list(session, title).source_id
    return {r.name_as_printed: r for r in overview.list_rows(session, source_id)}


def _lists(session: Session) -> dict[str, ListSummary]:
    return {s.title: s for s in overview.list_lists(session)}


def _stored(session: Session) -> list[tuple[object, ...]]:
    rows = session.scalars(select(ListMembership).order_by(ListMembership.id))
    return [(r.id, r.match_status, r.serviceman_id, r.notes, r.row_version) for r in rows]


def _crossref(session: Session) -> tuple[list[str], list[str], list[str]]:
    lsa = crossref.find_list(session, "Last Seen Alive")
    roster = crossref.find_list(session, "DPAA roster")
    result = crossref.against(session, lsa, roster)
    pows = crossref.with_status(session, lsa, "POW")
    return (
        result.names("only_first"),
        result.names("only_second"),
        pows.names("with_status"),
    )


def test_a_matched_row_whose_case_is_deleted_reads_unmatched_until_undo(
    confirmed: Archive,
) -> None:
    with confirmed.reader() as session:
        smith = _smith(session)
        as_stored = _stored(session)
        lsa = _rows(session, "Last Seen Alive")["John Smyth"]
        assert (lsa.match, lsa.case_name, lsa.case_deleted) == ("matched", "Smith, John", False)
        assert _crossref(session) == (
            ["Albert Browne"],
            ["Brown, Albert", "Dumas, Roger A.", "Green, Tom"],
            ["Smith, John"],
        )
    with confirmed.session() as session:
        deleted = snapshots.take(session, "serviceman", smith)
        snapshots.remove(session, "serviceman", smith)

    with confirmed.reader() as session:
        lsa = _rows(session, "Last Seen Alive")["John Smyth"]
        assert (lsa.match, lsa.case_id, lsa.case_name, lsa.case_deleted) == (
            "unmatched",
            None,
            "",
            True,
        )
        assert lsa.notes == (
            "Its case was deleted (matched as: Confirmed at review (held as: similar name (90%)))"
        )
        roster = _rows(session, "DPAA roster")["John Smith"]
        assert (roster.match, roster.case_deleted) == ("unmatched", True)
        assert roster.notes == "Its case was deleted (matched at import)"
        counts = _lists(session)
        assert counts["Last Seen Alive"][2:7] == (2, 0, 0, 1, 1)  # rows, matched, new, held, un-
        assert counts["DPAA roster"][2:7] == (4, 0, 3, 0, 1)
        # Known by their names as printed, never as a case on the matched side.
        assert _crossref(session) == (
            ["Albert Browne", "John Smyth"],
            ["Brown, Albert", "Dumas, Roger A.", "Green, Tom", "John Smith"],
            [],
        )
        assert _stored(session) == [
            (i, status, None if case == smith else case, notes, version)
            for i, status, case, notes, version in as_stored
        ]

    # The check tells each such row once, as a note; a repair leaves it as it is.
    notes = [f for f in check_archive(confirmed) if f.area == "list lines"]
    assert [(f.note, f.repairable) for f in notes] == [(True, False)] * 2
    assert [f.message for f in notes] == [
        "row 4 of DPAA roster (John Smith) was matched to a case that has been deleted; it "
        "reads as unmatched until it is matched again (Lists, its rows) or the deletion is "
        "undone",
        "row 2 of Last Seen Alive (John Smyth) was matched to a case that has been deleted; "
        "it reads as unmatched until it is matched again (Lists, its rows) or the deletion is "
        "undone",
    ]
    report = repair_archive(confirmed)
    assert report.repairs == [] and report.backup is None and report.remaining == notes

    with confirmed.session() as session:  # Edit > Undo of the deletion
        snapshots.put_back(session, "serviceman", smith, deleted)
    with confirmed.reader() as session:
        lsa = _rows(session, "Last Seen Alive")["John Smyth"]
        assert (lsa.match, lsa.case_id, lsa.case_deleted) == ("matched", smith, False)
        assert lsa.notes == "Confirmed at review (held as: similar name (90%))"
        assert _rows(session, "DPAA roster")["John Smith"].match == "new"
        assert _lists(session)["Last Seen Alive"][2:7] == (2, 1, 0, 1, 0)
        assert _crossref(session)[2] == ["Smith, John"]
        assert _stored(session) == as_stored
    assert not [f for f in check_archive(confirmed) if f.area == "list lines"]


def _delete_smith(archive: Archive) -> dict[str, int]:
    """Smith's case deleted: the ids of the two rows that were matched to him."""
    with archive.session() as session:
        snapshots.remove(session, "serviceman", _smith(session))
    with archive.reader() as session:
        return {
            title: _rows(session, title)[name].id
            for title, name in (("Last Seen Alive", "John Smyth"), ("DPAA roster", "John Smith"))
        }


def test_a_row_whose_case_was_deleted_is_decided_like_a_held_row(confirmed: Archive) -> None:
    """Matched again to any case chosen, made a new case, or rejected."""
    lost = _delete_smith(confirmed)
    with confirmed.session() as session:
        with pytest.raises(ValidationError, match=r"^Its case was deleted: choose the case"):
            review.confirm_match(session, lost["Last Seen Alive"])
        with pytest.raises(ValidationError, match=r"^There is no case 9999$"):
            review.confirm_match(session, lost["Last Seen Alive"], 9999)
        green = session.scalars(select(Serviceman.id).where(Serviceman.surname == "Green")).one()
        review.confirm_match(session, lost["Last Seen Alive"], green)
        review.make_new_case(session, lost["DPAA roster"])
    with confirmed.reader() as session:
        lsa = _rows(session, "Last Seen Alive")["John Smyth"]
        assert (lsa.match, lsa.case_name, lsa.case_deleted) == ("matched", "Green, Tom", False)
        assert lsa.notes == "Confirmed at review (its case had been deleted)"
        roster = _rows(session, "DPAA roster")["John Smith"]
        assert (roster.match, roster.case_name) == ("new", "Smith, John")
        assert roster.notes == "New case made at review (its case had been deleted)"
        assert review.decided_records(session, lost["DPAA roster"]) == [
            ("serviceman", roster.case_id)
        ]
        assert _lists(session)["DPAA roster"][2:7] == (4, 0, 4, 0, 0)
        # decided now: no second decision
        with pytest.raises(ValidationError, match=r"not waiting for review \(decided already"):
            review.reject_row(session, lost["Last Seen Alive"])
    assert not [f for f in check_archive(confirmed) if f.area == "list lines"]


def test_a_row_whose_case_was_deleted_can_be_rejected(confirmed: Archive) -> None:
    lost = _delete_smith(confirmed)
    with confirmed.session() as session:
        review.reject_row(session, lost["DPAA roster"])
    with confirmed.reader() as session:
        roster = _rows(session, "DPAA roster")["John Smith"]
        assert (roster.match, roster.case_deleted) == ("unmatched", False)
        assert roster.notes == "Rejected at review (its case had been deleted)"
    assert [f.key for f in check_archive(confirmed) if f.area == "list lines"] == [
        ("list_membership", lost["Last Seen Alive"])
    ]


def test_a_row_held_beside_cases_all_deleted_is_matched_to_a_case_chosen(
    confirmed: Archive,
) -> None:
    with confirmed.session() as session:
        browne = review.held_rows(session)[0]
        assert browne.name_as_printed == "Albert Browne"
        snapshots.remove(session, "serviceman", browne.candidate_id)
    with confirmed.session() as session:
        assert _rows(session, "Last Seen Alive")["Albert Browne"].case_deleted
        with pytest.raises(ValidationError, match=r"^Every case it may be was deleted: choose"):
            review.confirm_match(session, browne.membership_id)
        review.confirm_match(session, browne.membership_id, _smith(session))
    with confirmed.reader() as session:
        row = _rows(session, "Last Seen Alive")["Albert Browne"]
        assert (row.match, row.case_name, row.case_deleted) == ("matched", "Smith, John", False)
        assert row.notes == "Confirmed at review (held as: similar name (96%))"


def test_the_next_edition_knows_rows_whose_cases_were_deleted_by_their_names(
    archive: Archive, tmp_path: Path
) -> None:
    """Two rows of the previous edition whose cases were deleted are two men who left (the
    same rows make new cases now), not one man "case nothing"."""
    import_text(archive, tmp_path, "roster.csv", ROSTER, "DPAA roster")
    with archive.session() as session:
        for surname in ("Smith", "Green"):
            case_id = session.scalars(
                select(Serviceman.id).where(Serviceman.surname == surname)
            ).one()
            snapshots.remove(session, "serviceman", case_id)
    result = import_text(archive, tmp_path, "roster2.csv", ROSTER, "DPAA roster")
    assert result.diff is not None
    assert sorted(result.diff.left) == sorted(result.diff.added) == ["Green, Tom", "Smith, John"]
