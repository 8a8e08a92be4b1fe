"""The Lists section's services: every list counted by match, the review queue and its three
decisions, and where a case appears with its spelling — on real archives in tmp_path."""

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from tests.services.lists.listfiles import NEAR_DUPLICATES, ROSTER, import_namesakes, import_text

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import (
    ListMembership,
    NameVariant,
    Serviceman,
    Source,
    StatusChange,
)
from powmia_desktop.services import snapshots
from powmia_desktop.services.check import check_archive
from powmia_desktop.services.lists import overview, review


@pytest.fixture
def held(archive: Archive, tmp_path: Path) -> Archive:
    """The roster imported, then a list whose two rows are held as possible duplicates."""
    import_text(archive, tmp_path, "roster.csv", ROSTER, "DPAA roster")
    result = import_text(archive, tmp_path, "lsa.csv", NEAR_DUPLICATES, "Last Seen Alive")
    assert result.counts["held for review"] == 2
    return archive


def test_every_list_is_counted_by_match(held: Archive) -> None:
    with held.reader() as session:
        lists = {s.title: s for s in overview.list_lists(session)}
        assert overview.count_lists(session) == 2
    assert (lists["DPAA roster"].rows, lists["DPAA roster"].new) == (4, 4)
    lsa = lists["Last Seen Alive"]
    assert (lsa.rows, lsa.held, lsa.matched, lsa.new, lsa.editions) == (2, 2, 0, 0, 1)


def test_the_names_of_lists_are_the_counted_lists_without_counting(held: Archive) -> None:
    """Choosers use list_names: the same lists, in the same order, as the counted overview;
    a source with no rows (a book cited for one fact) is no list."""
    with held.session() as session:
        session.add(Source(title="A book with no rows"))
    with held.reader() as session:
        names = overview.list_names(session)
        counted = [(s.id, s.title) for s in overview.list_lists(session)]
    assert names == counted and [t for _, t in names] == ["DPAA roster", "Last Seen Alive"]


def test_the_queue_shows_each_held_row_beside_its_candidate_and_what_differs(
    held: Archive,
) -> None:
    with held.reader() as session:
        queue = review.held_rows(session)
    assert [(h.name_as_printed, h.candidate_name) for h in queue] == [
        ("John Smyth", "Smith, John"),
        ("Albert Browne", "Brown, Albert"),
    ]
    smyth = queue[0]
    assert smyth.list_title == "Last Seen Alive" and smyth.row_number == 2
    assert smyth.printed["Last Name"] == "Smyth" and "similar name" in smyth.reason
    assert {(d.field, d.on_list, d.on_case) for d in smyth.differences} == {
        ("Surname", "Smyth", "Smith"),
        ("Status", "KIA", "POW"),
    }
    # Facts both sides agree on are shown too, but are not differences.
    assert ("Given names", "John", "John") in {(f.field, f.on_list, f.on_case) for f in smyth.facts}


def test_confirm_new_case_and_reject_each_decide_one_row(held: Archive) -> None:
    with held.reader() as session:
        smyth, browne = review.held_rows(session)
        cases_before = session.scalar(select(func.count()).select_from(Serviceman))
    with held.session() as session:
        review.confirm_match(session, smyth.membership_id)
        review.make_new_case(session, browne.membership_id)
    with held.reader() as session:
        assert review.held_rows(session) == []
        rows = {r.name_as_printed: r for r in overview.list_rows(session, smyth.source_id)}
        assert rows["John Smyth"].match == "matched"
        assert rows["John Smyth"].case_id == smyth.candidate_id
        assert "Confirmed at review" in rows["John Smyth"].notes
        made = rows["Albert Browne"]
        assert made.match == "new" and made.case_name == "Browne, Albert"
        assert session.scalar(select(func.count()).select_from(Serviceman)) == cases_before + 1
        assert review.decided_records(session, made.id) == [("serviceman", made.case_id)]
        # Confirming kept the list's spelling as one of the case's names.
        [(table, variant_id)] = review.decided_records(session, rows["John Smyth"].id)
        variant = session.get(NameVariant, variant_id)
        assert table == "name_variant" and variant is not None
        assert (variant.serviceman_id, variant.name) == (smyth.candidate_id, "John Smyth")
        assert variant.where_seen == "Last Seen Alive, row 2 (confirmed at review)"
        status = session.scalars(
            select(StatusChange).where(StatusChange.serviceman_id == made.case_id)
        ).one()
        assert status.status.value == "mia" and "Last Seen Alive, row 3" in status.notes
        # A row decided once cannot be decided again.
        with pytest.raises(ValidationError, match="not waiting for review"):
            review.reject_row(session, made.id)


def test_a_rejected_row_stays_on_the_list_unmatched(held: Archive) -> None:
    with held.reader() as session:
        smyth = review.held_rows(session)[0]
    with held.session() as session:
        review.reject_row(session, smyth.membership_id)
    with held.reader() as session:
        row = session.get(ListMembership, smyth.membership_id)
        assert row is not None and row.serviceman_id is None
        assert row.match_status.value == "unmatched" and row.row_as_printed["Last Name"] == "Smyth"
        assert [r.match for r in overview.list_rows(session, smyth.source_id)] == [
            "unmatched",
            "possible duplicate",
        ]


def test_a_case_shows_each_list_it_is_on_and_how_the_list_spells_it(held: Archive) -> None:
    with held.reader() as session:
        smyth = review.held_rows(session)[0]
    with held.session() as session:
        review.confirm_match(session, smyth.membership_id)
    with held.reader() as session:
        found = overview.appears_on(session, smyth.candidate_id)
    assert [(a.list_title, a.row_number, a.name_as_printed, a.match) for a in found] == [
        ("DPAA roster", 4, "John Smith", "new"),
        ("Last Seen Alive", 2, "John Smyth", "matched"),
    ]
    assert [a.spelled_otherwise for a in found] == [False, True]
    assert found[1].printed["Status"] == "KIA"


@pytest.fixture
def namesakes(archive: Archive, tmp_path: Path) -> Archive:
    """The roster and a namesake of John Smith, then the list whose "John Smyth" may be
    either of them."""
    result = import_namesakes(archive, tmp_path)
    assert [h.others for h in result.held] == [1, 0]
    assert "(or 1 other case)" in str(result.held[0])
    return archive


def test_a_row_that_may_be_two_cases_is_held_beside_both_best_first(namesakes: Archive) -> None:
    with namesakes.reader() as session:
        smyth, browne = review.held_rows(session)
    assert [(c.name, c.reason) for c in smyth.candidates] == [
        ("Smythe, John", "similar name (95%)"),
        ("Smith, John", "similar name (90%)"),
    ]
    assert len(browne.candidates) == 1
    # What differs, for each case: the list's fact, then each case's.
    table = {f.field: f for f in smyth.side_by_side()}
    assert table["Surname"].on_cases == ("Smythe", "Smith")
    assert table["Unit"] == review.FactRow("Unit", "", ("7th Cavalry", "1st Marine Division"))
    assert table["Loss date"].on_cases == ("2 Jan 1951", "28 Nov 1950")
    assert (table["Status"].differs(0), table["Status"].differs(1)) == (True, True)
    assert not table["Given names"].differs(0)
    assert {d.field for d in smyth.candidates[1].differences} == {"Surname", "Status"}


def test_confirming_the_second_candidate_makes_it_the_rows_case(namesakes: Archive) -> None:
    with namesakes.reader() as session:
        smyth = review.held_rows(session)[0]
        smith_id = smyth.candidates[1].case_id
        stranger = session.scalars(select(Serviceman.id).where(Serviceman.surname == "Dumas"))
        dumas = stranger.one()
    with namesakes.session() as session, pytest.raises(ValidationError, match="not one of"):
        review.confirm_match(session, smyth.membership_id, dumas)
    with namesakes.session() as session:
        review.confirm_match(session, smyth.membership_id, smith_id)
    with namesakes.reader() as session:
        row = session.get(ListMembership, smyth.membership_id)
        assert row is not None and row.serviceman_id == smith_id
        assert row.notes == "Confirmed at review (held as: similar name (90%))"
        [(table, variant_id)] = review.decided_records(session, smyth.membership_id)
        assert table == "name_variant"
        variant = session.get(NameVariant, variant_id)
        assert variant is not None and variant.serviceman_id == smith_id
        assert [h.name_as_printed for h in review.held_rows(session)] == ["Albert Browne"]


def test_a_row_whose_best_case_is_deleted_stays_held_beside_the_others(
    namesakes: Archive,
) -> None:
    """Deleting the best case (the row's own link is then emptied) leaves the row in the
    queue beside its other cases; confirming it without a choice takes the next best."""
    from powmia_desktop.services.cases import delete_case

    with namesakes.reader() as session:
        smyth = review.held_rows(session)[0]
        smythe_id, smith_id = (c.case_id for c in smyth.candidates)
    with namesakes.session() as session:
        delete_case(session, smythe_id)
    with namesakes.reader() as session:
        queue = review.held_rows(session)
        assert [h.name_as_printed for h in queue] == ["John Smyth", "Albert Browne"]
        assert [c.name for c in queue[0].candidates] == ["Smith, John"]
    with namesakes.session() as session:
        review.confirm_match(session, smyth.membership_id)
    with namesakes.reader() as session:
        row = session.get(ListMembership, smyth.membership_id)
        assert row is not None and row.serviceman_id == smith_id
        assert [h.name_as_printed for h in review.held_rows(session)] == ["Albert Browne"]


def test_a_row_whose_every_case_is_deleted_reads_unmatched_until_a_deletion_is_undone(
    namesakes: Archive,
) -> None:
    """Deleting both cases "John Smyth" may be leaves nothing to review it against: it is
    counted and shown as unmatched, not held — but the row itself is not rewritten, so
    undoing one deletion (the snapshot put back, as Edit > Undo does) holds it again beside
    that case, and undoing the other brings back exactly the queue there was."""
    with namesakes.reader() as session:
        smyth = review.held_rows(session)[0]
        smythe_id, smith_id = (c.case_id for c in smyth.candidates)
        stored = session.get(ListMembership, smyth.membership_id)
        assert stored is not None
        as_stored = (stored.match_status, stored.notes, stored.row_version)
    deleted = {}
    for case_id in (smythe_id, smith_id):  # two deletions, each its own transaction
        with namesakes.session() as session:
            deleted[case_id] = snapshots.take(session, "serviceman", case_id)
            snapshots.remove(session, "serviceman", case_id)
    with namesakes.reader() as session:
        assert [h.name_as_printed for h in review.held_rows(session)] == ["Albert Browne"]
        rows = {r.name_as_printed: r for r in overview.list_rows(session, smyth.source_id)}
        assert rows["John Smyth"].match == "unmatched" and rows["John Smyth"].case_id is None
        assert rows["John Smyth"].notes == (
            "Every case it was held beside was deleted (held as: similar name (95%))"
        )
        lsa = next(s for s in overview.list_lists(session) if s.id == smyth.source_id)
        assert (lsa.rows, lsa.held, lsa.unmatched) == (2, 1, 1)
        _counts_agree(session)
        with pytest.raises(ValidationError, match="Every case it may be was deleted: choose"):
            review.confirm_match(session, smyth.membership_id)
        stored = session.get(ListMembership, smyth.membership_id)
        assert stored is not None
        assert (stored.match_status, stored.notes, stored.row_version) == as_stored
    # The held row without a case is no fault to repair (the roster's rows of the deleted
    # cases, marked matched, are).
    found = [f.key for f in check_archive(namesakes) if f.area == "list lines"]
    assert len(found) == 2 and ("list_membership", smyth.membership_id) not in found

    with namesakes.session() as session:
        snapshots.put_back(session, "serviceman", smith_id, deleted[smith_id])
    with namesakes.reader() as session:
        queue = review.held_rows(session)
        assert [h.name_as_printed for h in queue] == ["John Smyth", "Albert Browne"]
        assert [(c.case_id, c.reason) for c in queue[0].candidates] == [
            (smith_id, "similar name (90%)")
        ]
        rows = {r.name_as_printed: r for r in overview.list_rows(session, smyth.source_id)}
        assert rows["John Smyth"].match == "possible duplicate"
        assert rows["John Smyth"].notes == "Held for review: similar name (95%)"
        _counts_agree(session)
    with namesakes.session() as session:
        snapshots.put_back(session, "serviceman", smythe_id, deleted[smythe_id])
    with namesakes.reader() as session:
        assert review.held_rows(session)[0] == smyth
        _counts_agree(session)


def _counts_agree(session: Session) -> None:
    """The held counts the list of lists shows are the rows each queue shows, and the queue
    of every list is every list's queue."""
    lists = overview.list_lists(session)
    for summary in lists:
        assert summary.held == len(review.held_rows(session, summary.id)), summary.title
        assert summary.rows == summary.matched + summary.new + summary.held + summary.unmatched
    assert sum(s.held for s in lists) == len(review.held_rows(session))
