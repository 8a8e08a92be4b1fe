"""The DNA follow-up list (cases with no usable reference on file), its CSV, and the
disputed facts across the archive."""

import csv
import io
from pathlib import Path

from sqlalchemy import insert

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import (
    AccountingStatus,
    ClaimProperty,
    ClaimStatus,
    DnaLine,
    DnaSampleStatus,
    RelationshipKind,
)
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import (
    Claim,
    Contact,
    FamilyReferenceSample,
    Relationship,
    Serviceman,
)
from powmia_desktop.services.disputed import case_disputes, list_disputed
from powmia_desktop.services.dna_followup import count_followup, list_followup
from powmia_desktop.services.exporting.dispatch import export_file
from powmia_desktop.services.exporting.privacy import Privacy


def _case(surname: str, **values: object) -> Serviceman:
    return Serviceman(surname=surname, given_names="A.", **values)


def test_followup_lists_cases_without_a_sample_on_file(archive: Archive) -> None:
    with archive.session() as session:
        none = _case("Able")
        asked = _case("Baker")
        on_file = _case("Charlie")
        found = _case("Dog", accounting_status=AccountingStatus.ACCOUNTED_FOR)
        private = _case("Easy", sensitivity=Sensitivity.PRIVATE)
        sister = Contact(display_name="Mary Baker")
        session.add_all([none, asked, on_file, found, private, sister])
        session.flush()
        session.add_all(
            [
                FamilyReferenceSample(
                    serviceman_id=asked.id, line=DnaLine.MTDNA, status=DnaSampleStatus.SUBMITTED
                ),
                FamilyReferenceSample(
                    serviceman_id=asked.id, line=DnaLine.Y_STR, status=DnaSampleStatus.REQUESTED
                ),
                FamilyReferenceSample(
                    serviceman_id=on_file.id, line=DnaLine.MTDNA, status=DnaSampleStatus.ON_FILE
                ),
                Relationship(
                    from_contact_id=sister.id,
                    to_serviceman_id=asked.id,
                    kind=RelationshipKind.SISTER_OF,
                ),
            ]
        )
    with archive.reader() as session:
        rows = {r.surname: r for r in list_followup(session)}
        assert set(rows) == {"Able", "Baker", "Easy"}
        assert count_followup(session) == 3
        assert (rows["Able"].furthest, rows["Able"].samples) == (None, 0)
        assert (rows["Baker"].furthest, rows["Baker"].samples) == ("submitted", 2)
        assert rows["Baker"].family_links == 1
        assert [r.surname for r in list_followup(session, limit=2)] == ["Able", "Baker"]


def test_followup_csv_leaves_out_what_the_audience_may_not_see(
    archive: Archive, tmp_path: Path
) -> None:
    with archive.session() as session:
        session.add_all(
            [_case("Able", home_state="CT"), _case("Easy", sensitivity=Sensitivity.PRIVATE)]
        )
    out = tmp_path / "followup.csv"
    with archive.reader() as session:
        result = export_file(session, "dna-followup", out, attachments_dir=None)
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    assert result.count == 1
    assert rows[0][:3] == ["Surname", "Given names", "Service number"]
    assert rows[1][:2] == ["Able", "A."] and rows[1][4] == "CT"
    assert rows[1][6] == "No sample recorded"
    with archive.reader() as session:
        export_file(
            session, "dna-followup", out, attachments_dir=None,
            privacy=Privacy.everything(), overwrite=True,
        )  # fmt: skip
    assert "Easy" in out.read_bytes().decode("utf-8-sig")


def test_followup_reads_many_cases(archive: Archive) -> None:
    """The whole list and the first screen of 20,000 cases (100,000 read in about half a
    second when measured; inserting them is what takes the time here)."""
    n = 20_000
    with archive.session() as session:
        session.execute(
            insert(Serviceman),
            [{"surname": f"Case{i:06}", "given_names": ""} for i in range(n)],
        )
        session.execute(
            insert(FamilyReferenceSample),
            [
                {"serviceman_id": i, "line": DnaLine.MTDNA, "status": DnaSampleStatus.ON_FILE}
                for i in range(1, n + 1, 10)
            ],
        )
    with archive.reader() as session:
        assert count_followup(session) == n - n // 10
        first = list_followup(session, limit=250)
        assert [r.surname for r in first[:2]] == ["Case000001", "Case000002"]
        assert len(list_followup(session)) == n - n // 10


def test_disputed_facts_of_the_demo(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        facts = {d.fact: d for d in list_disputed(session)}
        # The unit is settled: one version accepted, the other rejected.
        assert set(facts) == {"Capture place", "Rank", "Last seen", "Date of the court order"}
        assert len(facts["Capture place"].versions) == 3
        assert facts["Rank"].standing == "2 disputed"
        detail = dict(case_disputes(session, facts["Rank"].id))
        rank = detail["Rank"]
        assert sorted(v.value for v in rank) == ["Corporal (Cpl.)", "Private"]
        private = next(v for v in rank if v.value == "Private")
        assert any("Private Roger Dumas" in s for s in private.sources)


def test_same_version_twice_is_no_dispute_and_accepted_beside_asserted_is(
    archive: Archive,
) -> None:
    with archive.session() as session:
        case = _case("Able")
        session.add(case)
        session.flush()
        for value, status in (
            ("Cpl.", ClaimStatus.ASSERTED),
            (" cpl. ", ClaimStatus.ACCEPTED),
            ("Anju", ClaimStatus.ACCEPTED),
            ("Yalu", ClaimStatus.ASSERTED),
        ):
            fact = ClaimProperty.RANK if "pl" in value else ClaimProperty.CAPTURE_PLACE
            session.add(Claim(serviceman_id=case.id, fact=fact, value=value, status=status))
    with archive.reader() as session:
        found = list_disputed(session)
    assert [(d.fact, d.standing) for d in found] == [("Capture place", "1 accepted, 1 asserted")]
