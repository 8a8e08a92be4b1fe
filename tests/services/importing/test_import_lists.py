"""Importing lists of servicemen: new, update, held, rejected; editions; round trips."""

from pathlib import Path

import pytest
from sqlalchemy import func, select

from powmia_desktop.core.errors import Cancelled, ValidationError
from powmia_desktop.core.vocab import CasualtyStatus
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import (
    ChangeLogEntry,
    Citation,
    Claim,
    ImportBatch,
    ListMembership,
    Serviceman,
    Source,
    StatusChange,
)
from powmia_desktop.services.cases import list_cases
from powmia_desktop.services.exporting.privacy import Privacy
from powmia_desktop.services.exporting.tables import export_list
from powmia_desktop.services.importing.lists import import_list
from powmia_desktop.services.lists import review
from powmia_desktop.services.search import search

HEADER = "Last Name,First Name,Rank,Service,Unit,Date of Loss,Home State,Status,Service Number\n"
FIRST = (
    HEADER
    + 'Dumas,Roger A.,CPL,Army,"Co. F, 19th Infantry",4 Nov 1950,CT,MIA,RA11178451\n'
    + "Smith,John,PFC,USMC,1st Marine Division,28 Nov 1950,TX,POW,\n"
    + "Brown,Albert,SGT,Army,7th Cavalry,about 1951,OH,MIA,\n"
    + ",Nobody,PVT,Army,,1950,,MIA,\n"
    + "Jones,Bob,SGT,Armee,,1951,,MIA,\n"
    + "Green,Tom,PFC,Army,2nd Infantry Division,1950-12-01,ZZ,MIA,\n"
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def count(archive: Archive, model: type) -> int:
    with archive.reader() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_rows_become_cases_and_bad_rows_are_rejected_with_their_row_number(
    archive: Archive, tmp_path: Path
) -> None:
    path = write(tmp_path, "dpaa.csv", FIRST)
    with archive.session() as session:
        result = import_list(session, path, list_title="DPAA list")
    assert result.counts["rows"] == 6
    assert result.counts["new"] == 3
    assert [str(p) for p in result.rejected] == [
        "Row 5: there is no surname (or name) in this row",
        "Row 6: 'Armee' is not a known branch; use one of: Army, Navy, Marine Corps, "
        "Air Force, Coast Guard, Allied / other",
        "Row 7: 'ZZ' is not a U.S. state code",
    ]
    with archive.reader() as session:
        cases = {c.surname: c for c in list_cases(session)}
        assert cases["Dumas"].service_number == "RA11178451"
        assert cases["Dumas"].current_status == "mia"
        assert cases["Smith"].branch == "marine_corps"
        memberships = session.execute(
            select(
                ListMembership.row_number, ListMembership.match_status, ListMembership.notes
            ).order_by(ListMembership.row_number)
        ).all()
        # Every row is kept as printed, rejected ones too.
        assert [m[0] for m in memberships] == [2, 3, 4, 5, 6, 7]
        assert memberships[3][1].value == "unmatched" and "Rejected" in memberships[3][2]
        printed = session.scalar(
            select(ListMembership.row_as_printed).where(ListMembership.row_number == 2)
        )
        assert printed["Unit"] == "Co. F, 19th Infantry"
        source = session.scalars(select(Source)).one()
        assert source.title == "DPAA list" and source.source_type.value == "list"
        batch = session.scalars(select(ImportBatch)).one()
        assert batch.status == "done" and batch.counts["new"] == 3
        assert session.scalar(select(func.count()).select_from(StatusChange)) == 3
        # Imported cases are in the full-text index like any other.
        assert next(h.title for h in search(session, "Dumas").hits["case"]).startswith("Dumas")


def test_a_dry_run_counts_the_same_and_writes_nothing(archive: Archive, tmp_path: Path) -> None:
    path = write(tmp_path, "dpaa.csv", FIRST)
    with archive.session() as session:
        dry = import_list(session, path, dry_run=True)
    assert dry.dry_run and dry.batch_id is None
    assert dry.summary().startswith("Would import")
    for model in (Serviceman, ListMembership, ImportBatch, Source, StatusChange):
        assert count(archive, model) == 0
    with archive.session() as session:
        real = import_list(session, path)
    assert real.counts == dry.counts


def test_matching_by_service_number_and_by_name_unit_and_date(
    archive: Archive, tmp_path: Path
) -> None:
    with archive.session() as session:
        import_list(session, write(tmp_path, "a.csv", FIRST), list_title="DPAA")
    again = (
        HEADER
        + "Dumas,Roger A.,SGT,Army,,,CT,MIA,RA11178451\n"  # service number: same man
        + "Smith,John,PFC,USMC,1st Marine Division,1950-11-28,TX,KIA,\n"  # new status
        + "Brown,Albert,SSG,Army,7th Cavalry,1951,OH,MIA,\n"  # name + unit + date
        + "SMITH,JOHN,PFC,USMC,1st Marine Division,,TX,POW,\n"  # second row, same man
        + "Browne,Albert,SGT,Army,,,OH,MIA,\n"  # similar name only: held
        + "Dumas,Roger,CPL,Army,,4 Nov 1950,CT,MIA,US51000000\n"  # other service number
    )
    with archive.session() as session:
        result = import_list(session, write(tmp_path, "b.csv", again), list_title="DPAA")
    assert result.counts["updated"] == 1  # Smith's status: a list's status is taken
    assert result.counts["unchanged"] == 2
    assert result.counts["held for review"] == 2
    assert result.counts["new"] == 1
    # Dumas' rank, Brown's rank and loss date differ: kept as claims, not written over.
    assert result.counts["facts kept as claims"] == 3
    held = {h.row: h for h in result.held}
    assert "row 3 of this file" in held[5].reason
    assert held[6].candidate_name == "Brown, Albert"
    with archive.reader() as session:
        ranks = dict(session.execute(select(Serviceman.surname, Serviceman.rank)).all())
        assert ranks["Brown"] == "SGT" and count(archive, Serviceman) == 4
        statuses = session.execute(
            select(Serviceman.surname, Serviceman.current_status).order_by(Serviceman.id)
        ).all()
        assert ("Smith", CasualtyStatus.KIA) in [tuple(r) for r in statuses]
        claims = session.execute(
            select(Claim.fact, Claim.value, Citation.locator).join(Citation)
        ).all()
        assert {(c[0].value, c[1], c[2]) for c in claims} == {
            ("rank", "SGT", "row 2"),
            ("rank", "SSG", "row 4"),
            ("loss_date", "1951", "row 4"),
        }
        fields = session.scalars(
            select(ChangeLogEntry.field).where(ChangeLogEntry.table_name == "serviceman")
        ).all()
        assert fields == ["current_status"]
    # The same edition again: the claims are there already, nothing is added twice.
    with archive.session() as session:
        repeat = import_list(session, write(tmp_path, "b.csv", again), list_title="DPAA")
    assert repeat.counts["facts kept as claims"] == 0


def test_a_second_edition_reports_who_was_added_who_left_and_whose_status_changed(
    archive: Archive, tmp_path: Path
) -> None:
    with archive.session() as session:
        first = import_list(session, write(tmp_path, "2024.csv", FIRST), list_title="DPAA")
    assert first.diff is None
    second = (
        "Surname,Given Names,Branch,Unit,Incident Date,Accounting,Casualty Status,SN\n"
        + "Dumas,Roger A.,Army,,4 Nov 1950,Accounted for,MIA,RA11178451\n"
        + "Brown,Albert,Army,7th Cavalry,about 1951,Unaccounted for,POW,\n"
        + "White,Walter,Navy,,1952,Unaccounted for,MIA,\n"
    )
    with archive.session() as session:
        result = import_list(session, write(tmp_path, "2025.csv", second), list_title="DPAA")
    diff = result.diff
    assert diff is not None and diff.previous_batch_id == first.batch_id
    assert diff.added == ["White, Walter"]
    assert diff.left == ["Smith, John"]
    changed = {d.name: (d.before, d.after) for d in diff.status_changed}
    assert changed == {
        "Dumas, Roger A.": ("Unaccounted for / MIA", "Accounted for / MIA"),
        "Brown, Albert": ("Unaccounted for / MIA", "Unaccounted for / POW"),
    }
    assert result.counts["added since last edition"] == 1
    with archive.reader() as session:
        dumas = session.scalars(select(Serviceman).where(Serviceman.surname == "Dumas")).one()
        assert dumas.accounting_status.value == "accounted_for"


def test_export_import_export_gives_the_same_file(
    demo_archive: Archive, other_archive: Archive, tmp_path: Path
) -> None:
    with demo_archive.session() as session:
        import_list(session, write(tmp_path, "dpaa.csv", FIRST))
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    with demo_archive.reader() as session:
        export_list(session, "cases", first, privacy=Privacy.everything())
    with other_archive.session() as session:
        result = import_list(session, first)
    # The list's Dumas row matched the demo's Dumas (same name and loss date): 3 cases.
    assert result.counts["new"] == 3 and not result.rejected
    with other_archive.reader() as session:
        export_list(session, "cases", second, privacy=Privacy.everything())
    assert first.read_bytes() == second.read_bytes()


def test_cancel_stops_the_import_and_nothing_is_kept(archive: Archive, tmp_path: Path) -> None:
    rows = "".join(f"Case{i},John,PFC,Army,,1950,,MIA,\n" for i in range(5000))
    path = write(tmp_path, "big.csv", HEADER + rows)
    calls = []

    def progress(done: int, total: int, message: str) -> None:
        calls.append(done)
        if len(calls) == 2:
            raise Cancelled()

    with pytest.raises(Cancelled), archive.session() as session:
        import_list(session, path, progress=progress)
    assert count(archive, Serviceman) == 0 and count(archive, ImportBatch) == 0


def test_a_file_without_a_name_column_is_refused(archive: Archive, tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "Rank,Unit\nPFC,1st\n")
    with pytest.raises(ValidationError, match="surname"), archive.session() as session:
        import_list(session, path)


def test_names_printed_whole_are_split_as_lists_print_them(
    archive: Archive, tmp_path: Path
) -> None:
    text = 'Name,Rank\nTHOMAS ALBERT E,PFC\n"Dumas, Roger A.",CPL\nRobert L. Smith Jr.,SGT\n'
    with archive.session() as session:
        import_list(session, write(tmp_path, "names.csv", text))
    with archive.reader() as session:
        names = {(c.surname, c.given_names) for c in list_cases(session)}
    assert names == {("THOMAS", "ALBERT E"), ("Dumas", "Roger A."), ("Smith", "Robert L.")}


def test_rows_among_thousands_of_alike_surnames_match_the_right_case(
    archive: Archive, tmp_path: Path
) -> None:
    """Every surname sounds like Dumas (Soundex D520): the shelves by service number and loss
    date must still find the one case a row is, hold the near ones, and never merge men
    whose service numbers differ."""
    vowels, nasals, sibilants = ["a", "e", "i", "o", "u", "y"], ["m", "n", "mm"], ["s", "z", "x"]
    alike = [f"D{a}{n}{b}{c}{d}" for a in vowels for n in nasals for b in vowels
             for c in sibilants for d in ("", "e", "o")]  # fmt: skip
    lines = []
    for i, surname in enumerate(alike[:3000]):
        number = "" if i % 3 == 0 else f"RA{12000000 + i}"
        date = "about 1951" if i % 50 == 0 else f"{i % 28 + 1} Nov 1950"
        lines.append(f"{surname},John,PFC,Army,7th Cavalry,{date},,MIA,{number}\n")
    lines.append("Dumas,Roger A.,CPL,Army,19th Infantry,4 Nov 1950,CT,MIA,\n")  # row 3002
    lines.append("Dumas,Roger A.,CPL,Army,19th Infantry,9 Nov 1950,CT,MIA,RA11178451\n")
    lines.append("Dennis,Walter,PFC,Army,2nd Infantry Division,1 Dec 1950,OH,MIA,\n")
    lines.append("Dimmock,Frank,PVT,Army,1st Marine Division,about 1951,,MIA,\n")
    with archive.session() as session:
        first = import_list(
            session, write(tmp_path, "a.csv", HEADER + "".join(lines)), list_title="A"
        )
    # Row 3003 has a service number and row 3002 none: the same name on other days, two men.
    assert first.counts["new"] == first.counts["rows"] - first.counts.get("held for review", 0)
    assert all(h.row <= 3001 for h in first.held) and first.counts["held for review"] > 0
    again = (
        HEADER
        + "Dumas,Roger A.,CPL,Army,19th Infantry,4 Nov 1950,CT,KIA,\n"  # 2: name + date
        + "Dumas,Roger A.,SGT,Army,,,CT,MIA,RA11178451\n"  # 3: service number
        + "Dumas,Roger A.,CPL,Army,19th Infantry,4 Nov 1950,CT,MIA,RA99999999\n"  # 4: held
        + "Dennys,Walter,PFC,Army,,1950,OH,MIA,\n"  # 5: a similar name, a vague date: held
        + "Dennis,Walter,PFC,Army,,28 Nov 1952,OH,MIA,\n"  # 6: another day: a new case
        + "Dimmock,Frank,PVT,Army,,17 Apr 1951,,MIA,\n"  # 7: "about 1951" fits
    )
    with archive.session() as session:
        result = import_list(session, write(tmp_path, "b.csv", again), list_title="A")
    with archive.reader() as session:
        ids = dict(
            session.execute(
                select(Serviceman.service_number, Serviceman.id).where(
                    Serviceman.surname.in_(["Dumas", "Dennis"])
                )
            ).all()
        )
        dumas_without = session.scalar(
            select(Serviceman.id).where(
                Serviceman.surname == "Dumas", Serviceman.service_number == ""
            )
        )
        dennis = session.scalar(select(Serviceman.id).where(Serviceman.surname == "Dennis"))
        about = session.scalar(select(Serviceman.id).where(Serviceman.surname == "Dimmock"))
        matched = dict(
            session.execute(
                select(ListMembership.row_number, ListMembership.serviceman_id).where(
                    ListMembership.import_batch_id == result.batch_id
                )
            ).all()
        )
        statuses = dict(session.execute(select(Serviceman.id, Serviceman.current_status)).all())
    assert matched[2] == dumas_without and statuses[dumas_without] == CasualtyStatus.KIA
    assert matched[3] == ids["RA11178451"]
    # Row 4 fits the case without a number that row 2 already is: held, never merged.
    held = {h.row: h for h in result.held}
    assert set(held) == {4, 5}
    assert held[4].candidate_id == dumas_without and "row 2 of this file" in held[4].reason
    assert held[5].candidate_id == dennis
    assert matched[6] not in (dennis, None)
    assert matched[7] == about
    assert result.counts["new"] == 1 and result.counts["updated"] == 1, result.lines()


def test_a_row_that_fits_two_cases_equally_is_held_beside_both(
    archive: Archive, tmp_path: Path
) -> None:
    twins = (
        HEADER
        + "Dumas,Roger A.,CPL,Army,19th Infantry,4 Nov 1950,CT,MIA,\n"
        + "Dumas,Roger A.,CPL,Army,2nd Infantry Division,4 Nov 1950,OH,MIA,\n"
    )
    with archive.session() as session:
        first = import_list(session, write(tmp_path, "a.csv", twins), list_title="A")
    assert first.counts["new"] == 1 and [h.others for h in first.held] == [0]
    with archive.session() as session:  # the second man made a case of his own
        review.make_new_case(session, review.held_rows(session)[0].membership_id)
    again = HEADER + "Dumas,Roger A.,CPL,Army,,4 Nov 1950,,MIA,\n"
    with archive.session() as session:
        result = import_list(session, write(tmp_path, "b.csv", again), list_title="B")
    [held] = result.held
    assert (held.reason, held.others) == ("2 cases fit this row equally", 1)
    with archive.reader() as session:
        [item] = review.held_rows(session)
    assert [c.reason for c in item.candidates] == [
        "2 cases fit this row equally",
        "same name, loss date, one of 2 that fit equally",
    ]
    assert len({c.case_id for c in item.candidates}) == 2


def test_every_case_a_held_row_may_be_goes_with_an_archive_zip(
    archive: Archive, other_archive: Archive, tmp_path: Path
) -> None:
    from tests.services.lists.listfiles import import_namesakes

    from powmia_desktop.services.exporting.archive_zip import export_archive
    from powmia_desktop.services.importing.archive_zip import import_archive

    import_namesakes(archive, tmp_path)
    path = tmp_path / "lists.zip"
    with archive.reader() as session:
        export_archive(
            session, archive.location.attachments_dir, path, privacy=Privacy.everything()
        )
    with other_archive.session() as session:
        import_archive(session, path, other_archive.location.attachments_dir)
    with other_archive.reader() as session:
        smyth = review.held_rows(session)[0]
    assert [(c.name, c.reason) for c in smyth.candidates] == [
        ("Smythe, John", "similar name (95%)"),
        ("Smith, John", "similar name (90%)"),
    ]
