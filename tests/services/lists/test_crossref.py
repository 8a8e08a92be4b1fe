"""Cross-references: two generated editions of one list, two lists, and a list against a
status (the Last Seen Alive list against the men carried as presumed dead)."""

import random
from pathlib import Path

import pytest
from sqlalchemy import select
from tests.services.lists.listfiles import HEADER, ROSTER, import_text

from powmia_desktop.core.errors import NotFoundError, ValidationError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Serviceman
from powmia_desktop.services.cases import add_status_change
from powmia_desktop.services.lists import crossref

SURNAMES = ["Abbott", "Baker", "Carver", "Dalton", "Ellison", "Fowler", "Garrity", "Hollis"]
GIVEN = ["Arthur", "Bernard", "Clifford", "Donald", "Eugene", "Francis", "Gerald", "Harold"]
STATUSES = ["MIA", "POW", "KIA"]


def _men(count: int) -> list[tuple[str, str, str, str]]:
    """Distinct men, each with a service number (so matching is exact) and a status."""
    chance = random.Random(16)
    return [
        (
            f"{SURNAMES[i % 8]}{i // 8:03d}",
            GIVEN[(i * 3) % 8],
            f"RA{11000000 + i}",
            chance.choice(STATUSES),
        )
        for i in range(count)
    ]


def _csv(men: list[tuple[str, str, str, str]]) -> str:
    return HEADER + "".join(f"{s},{g},PFC,Army,,1951,,{st},{sn}\n" for s, g, sn, st in men)


def test_two_generated_editions_give_who_was_added_who_left_and_whose_status_changed(
    archive: Archive, tmp_path: Path
) -> None:
    men = _men(200)
    first = men[:180]
    left, kept, added = men[:15], men[15:180], men[180:]
    flip = {"MIA": "POW", "POW": "KIA", "KIA": "MIA"}
    changed = kept[::7]
    second = [
        (s, g, sn, flip[st]) if (s, g, sn, st) in changed else (s, g, sn, st)
        for s, g, sn, st in kept
    ]
    import_text(archive, tmp_path, "2024.csv", _csv(first), "DPAA roster")
    import_text(archive, tmp_path, "2025.csv", _csv(second + added), "DPAA roster")
    with archive.reader() as session:
        ref = crossref.find_list(session, "dpaa ROSTER")
        result = crossref.between_editions(session, ref)
    assert set(result.names("added")) == {f"{s}, {g}" for s, g, _, _ in added}
    assert set(result.names("left")) == {f"{s}, {g}" for s, g, _, _ in left}
    moved = {(r.name, r.first, r.second) for r in result.group("changed").rows}
    assert moved == {
        (f"{s}, {g}", f"Unaccounted for / {st}", f"Unaccounted for / {flip[st]}")
        for s, g, _, st in changed
    }
    assert all(r.case_id is not None for g in result.groups for r in g.rows)


def test_one_edition_has_nothing_to_compare_with(archive: Archive, tmp_path: Path) -> None:
    import_text(archive, tmp_path, "roster.csv", ROSTER, "DPAA roster")
    with archive.reader() as session, pytest.raises(ValidationError, match="1 imported edition"):
        crossref.between_editions(session, crossref.find_list(session, "DPAA roster"))


def test_two_lists_give_who_is_on_one_only_and_whose_status_they_print_otherwise(
    archive: Archive, tmp_path: Path
) -> None:
    import_text(archive, tmp_path, "roster.csv", ROSTER, "DPAA roster")
    other = (
        HEADER
        + "Dumas,Roger A.,CPL,Army,,4 Nov 1950,CT,POW,RA11178451\n"  # same man, POW
        + "Green,Tom,PFC,Army,2nd Infantry Division,1 Dec 1950,PA,MIA,\n"  # same, same
        + "White,Walter,PVT,Navy,,1952,,MIA,\n"  # on this list only
    )
    import_text(archive, tmp_path, "family.csv", other, "Family group list")
    with archive.reader() as session:
        result = crossref.against(
            session,
            crossref.find_list(session, "DPAA roster"),
            crossref.find_list(session, "family group list"),
        )
    assert result.names("only_first") == ["Brown, Albert", "Smith, John"]
    assert result.names("only_second") == ["White, Walter"]
    [dumas] = result.group("changed").rows
    assert (dumas.name, dumas.first, dumas.second) == (
        "Dumas, Roger A.",
        "Unaccounted for / MIA",
        "Unaccounted for / POW",
    )


def test_a_man_on_the_last_seen_alive_list_carried_as_presumed_dead_is_reported(
    archive: Archive, tmp_path: Path
) -> None:
    import_text(archive, tmp_path, "roster.csv", ROSTER, "DPAA roster")
    lsa = (
        HEADER
        + "Dumas,Roger A.,CPL,Army,,4 Nov 1950,CT,POW,RA11178451\n"
        + ("Green,Tom,PFC,Army,2nd Infantry Division,1 Dec 1950,PA,MIA,\n")
    )
    import_text(archive, tmp_path, "lsa.csv", lsa, "Last Seen Alive (2,058)")
    with archive.session() as session:
        dumas = session.scalars(select(Serviceman).where(Serviceman.surname == "Dumas")).one()
        add_status_change(session, dumas.id, status="missing_presumed_dead", date="26 Feb 1954")
    with archive.reader() as session:
        ref = crossref.find_list(session, "LSA")
        result = crossref.with_status(session, ref, "presumed dead")
        assert crossref.with_status(session, ref, "KIA").group("with_status").rows == []
    [row] = result.group("with_status").rows
    assert (row.name, row.case_id, row.row_number) == ("Dumas, Roger A.", dumas.id, 2)
    assert (row.first, row.second) == ("Unaccounted for / POW", "Missing, presumed dead")
    assert result.title == "Last Seen Alive (2,058): carried as presumed dead"


def test_a_list_or_status_that_is_not_there_is_named_in_one_line(
    archive: Archive, tmp_path: Path
) -> None:
    import_text(archive, tmp_path, "roster.csv", ROSTER, "DPAA roster")
    with archive.reader() as session:
        with pytest.raises(NotFoundError, match=r"There is no list 'Korea 1951'.*1: DPAA roster"):
            crossref.find_list(session, "Korea 1951")
        with pytest.raises(ValidationError, match="'sunburnt' is not a status"):
            crossref.with_status(session, crossref.find_list(session, "1"), "sunburnt")


def test_a_packet_prints_the_cross_reference_for_its_audience_only(
    archive: Archive, tmp_path: Path
) -> None:
    from tests.reports.pdfs import all_text

    from powmia_desktop.core.sensitivity import Sensitivity
    from powmia_desktop.reports.packet import render_packet
    from powmia_desktop.services import packets

    import_text(archive, tmp_path, "roster.csv", ROSTER, "DPAA roster")
    lsa = HEADER + (
        "Dumas,Roger A.,CPL,Army,,4 Nov 1950,CT,POW,RA11178451\n"
        "Green,Tom,PFC,Army,2nd Infantry Division,1 Dec 1950,PA,MIA,\n"
    )
    import_text(archive, tmp_path, "lsa.csv", lsa, "Last Seen Alive (2,058)")
    with archive.session() as session:
        men = {c.surname: c for c in session.scalars(select(Serviceman))}
        for man in (men["Dumas"], men["Green"]):
            add_status_change(session, man.id, status="fod", date="1954")
        men["Green"].sensitivity = Sensitivity.FAMILY  # the family keeps this one to itself
    template = packets.Template("LSA", (packets.Section("crossref"),))
    with archive.reader() as session:
        request = packets.PacketRequest(template, packets.find_audience(session, "officials"))
        data = packets.gather_packet(session, request)
    text = all_text(render_packet(data).pdf)
    assert "Last Seen Alive (2,058): carried as presumed dead" in text
    assert "Dumas, Roger A." in text and "FOD (finding of death)" in text
    assert "Green" not in text and "1 man not shown" in text
    assert "list cross-reference" in [e.kind for e in data.log.entries]
    [contents] = packets.section_contents(data)
    assert contents.count == 1 and "1 man" in contents.text
