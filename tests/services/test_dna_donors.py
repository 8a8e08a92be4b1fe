"""The donor helper walks the recorded family and names who could give which DNA line."""

from sqlalchemy.orm import Session

from powmia_desktop.core.vocab import DnaLine, DnaSampleStatus
from powmia_desktop.core.vocab import RelationshipKind as K
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Contact, FamilyReferenceSample, Relationship, Serviceman
from powmia_desktop.services.dna import donor_advice
from powmia_desktop.services.kinship import relatives


def _person(session: Session, name: str, living: bool = True) -> Contact:
    contact = Contact(display_name=name, surname=name.split()[-1], living=living)
    session.add(contact)
    session.flush()
    return contact


def _link(
    session: Session, who: Contact, kind: K, to: Contact | Serviceman, label: str = ""
) -> None:
    target = {"to_serviceman_id": to.id} if isinstance(to, Serviceman) else {"to_contact_id": to.id}
    session.add(Relationship(from_contact_id=who.id, kind=kind, label=label, **target))
    session.flush()


def _tree(session: Session) -> tuple[int, dict[str, int]]:
    """Mother, her sister (maternal aunt) and the aunt's son, a sister, a brother and his
    son, the father (deceased) and the father's brother; plus a wife, who is no blood kin."""
    case = Serviceman(surname="Dumas", given_names="Roger A.")
    session.add(case)
    session.flush()
    mother = _person(session, "Alice Dumas")
    aunt = _person(session, "Ruth Benoit")
    aunts_son = _person(session, "Paul Benoit")
    sister = _person(session, "Mary Dumas")
    brother = _person(session, "Bob Dumas")
    nephew = _person(session, "Bill Dumas")
    father = _person(session, "Joseph Dumas", living=False)
    uncle = _person(session, "Henry Dumas")
    wife = _person(session, "Jeanne Dumas")
    _link(session, mother, K.MOTHER_OF, case)
    _link(session, aunt, K.SISTER_OF, mother)
    _link(session, aunts_son, K.SON_OF, aunt)
    _link(session, sister, K.SIBLING_OF, case, "sister")
    _link(session, brother, K.BROTHER_OF, case)
    _link(session, nephew, K.SON_OF, brother)
    _link(session, father, K.FATHER_OF, case)
    _link(session, uncle, K.BROTHER_OF, father)
    _link(session, wife, K.SPOUSE_OF, case, "wife")
    ids = {
        c.display_name.split()[0]: c.id
        for c in (mother, aunt, aunts_son, sister, brother, nephew, father, uncle, wife)
    }
    return case.id, ids


def _names(donors: tuple) -> set[str]:  # type: ignore[type-arg]
    return {d.name.split()[0] for d in donors}


def test_the_helper_names_the_right_people_for_each_line(archive: Archive) -> None:
    with archive.session() as session:
        case_id, _ = _tree(session)
        advice = donor_advice(session, case_id)
    mt, y, au = (advice.line(line) for line in DnaLine)
    assert _names(mt.could_give) == {"Alice", "Ruth", "Paul", "Mary", "Bob"}
    assert _names(y.could_give) == {"Bob", "Bill", "Henry"}
    assert _names(y.deceased) == {"Joseph"}
    assert _names(mt.deceased) == set()
    # Close kin: first degree (parents, siblings) and second (aunt, uncle, nephew).
    assert _names(au.could_give) == {"Alice", "Ruth", "Mary", "Bob", "Bill", "Henry"}
    assert _names(au.deceased) == {"Joseph"}
    for line in (mt, y, au):
        assert not line.cannot_tell and not line.given
    assert "Jeanne" not in {k.name.split()[0] for k in advice.relatives}
    words = {k.name.split()[0]: k.relation for k in advice.relatives}
    assert words["Ruth"] == "mother's sister"
    assert words["Paul"] == "mother's sister's son"
    assert words["Bill"] == "brother's son"
    assert words["Henry"] == "father's brother"
    assert words["Mary"] == "sister"


def test_samples_given_move_a_donor_to_given_and_make_a_usable_reference(
    archive: Archive,
) -> None:
    with archive.session() as session:
        case_id, ids = _tree(session)
        session.add_all(
            [
                FamilyReferenceSample(
                    serviceman_id=case_id,
                    donor_id=ids["Mary"],
                    line=DnaLine.MTDNA,
                    status=DnaSampleStatus.SUBMITTED,
                ),
                FamilyReferenceSample(
                    serviceman_id=case_id,
                    donor_id=ids["Bill"],
                    line=DnaLine.Y_STR,
                    status=DnaSampleStatus.REQUESTED,
                ),
            ]
        )
        session.flush()
        advice = donor_advice(session, case_id)
        assert not advice.usable_on_file
        mt, y = advice.line(DnaLine.MTDNA), advice.line(DnaLine.Y_STR)
        assert _names(mt.given) == {"Mary"} and "Mary" not in _names(mt.could_give)
        bill = next(d for d in y.could_give if d.name.startswith("Bill"))
        assert bill.sample is DnaSampleStatus.REQUESTED
        session.get(FamilyReferenceSample, 1).status = DnaSampleStatus.ON_FILE  # type: ignore[union-attr]
        session.flush()
        assert donor_advice(session, case_id).usable_on_file


def test_unrecorded_sex_or_side_is_cannot_tell_with_what_to_record(archive: Archive) -> None:
    """An aunt whose side is not recorded and a sibling not named brother or sister."""
    with archive.session() as session:
        case = Serviceman(surname="Kim")
        session.add(case)
        session.flush()
        aunt = _person(session, "Grace Kim")
        sibling = _person(session, "Sam Kim")
        maternal = _person(session, "June Park")
        _link(session, aunt, K.AUNT_OF, case)
        _link(session, sibling, K.SIBLING_OF, case)
        _link(session, maternal, K.UNCLE_OF, case, "maternal uncle")
        advice = donor_advice(session, case.id)
    mt, y = advice.line(DnaLine.MTDNA), advice.line(DnaLine.Y_STR)
    assert _names(mt.cannot_tell) == {"Grace"}
    assert "side of the family" in mt.cannot_tell[0].reason
    # A full sibling shares the mother whatever the sex; the Y line needs a brother.
    assert _names(mt.could_give) == {"Sam", "June"}
    assert _names(y.cannot_tell) == {"Sam"}
    assert "woman or a man" in y.cannot_tell[0].reason
    assert "June" not in _names(y.could_give) | _names(y.cannot_tell)


def test_links_to_another_case_and_in_laws_are_not_walked(archive: Archive) -> None:
    with archive.session() as session:
        case = Serviceman(surname="Dumas")
        other = Serviceman(surname="Lee")
        session.add_all([case, other])
        session.flush()
        brother = _person(session, "Bob Dumas")
        his_wife = _person(session, "Ann Dumas")
        her_mother = _person(session, "Rose Smith")
        stranger = _person(session, "Tom Lee")
        _link(session, brother, K.BROTHER_OF, case)
        _link(session, his_wife, K.SPOUSE_OF, brother, "wife")
        _link(session, her_mother, K.MOTHER_OF, his_wife)
        _link(session, brother, K.BROTHER_OF, other)
        _link(session, stranger, K.SON_OF, brother)
        step = _person(session, "Jim Roy")
        _link(session, step, K.SIBLING_OF, case, "stepbrother")
        adopted = _person(session, "Ann Roy")
        _link(session, adopted, K.DAUGHTER_OF, brother, "adopted daughter")
        found = relatives(session, case.id)
    assert [k.name for k in found] == ["Bob Dumas", "Tom Lee"]


def test_a_large_family_with_every_sibling_linked_is_walked_once_each(archive: Archive) -> None:
    """Twelve siblings each linked to every other, three sons each: 48 relatives."""
    with archive.session() as session:
        case = Serviceman(surname="Large")
        session.add(case)
        session.flush()
        siblings = [_person(session, f"Brother{i} Large") for i in range(12)]
        for i, brother in enumerate(siblings):
            _link(session, brother, K.BROTHER_OF, case)
            for other in siblings[i + 1 :]:
                _link(session, brother, K.SIBLING_OF, other)
            for j in range(3):
                _link(session, _person(session, f"Son{i}x{j} Large"), K.SON_OF, brother)
        advice = donor_advice(session, case.id)
    y = advice.line(DnaLine.Y_STR)
    assert len(advice.relatives) == 48
    assert len(y.could_give) == 48
    assert {k.degree for k in advice.relatives} == {1, 2}
