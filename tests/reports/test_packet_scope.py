"""A packet holds only what was chosen: the ticked cases and the chosen meeting's own records.

A meeting that also discussed another family's case must not bring that case's questions,
family or officials into a packet made for one case (read back with pypdf and pdftotext).
"""

from sqlalchemy import select
from tests.reports.pdfs import all_text

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import AttendanceRole, RelationshipKind
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import (
    Attendance,
    Contact,
    ContactPhone,
    Meeting,
    Question,
    Relationship,
    Serviceman,
)
from powmia_desktop.reports.packet import render_packet
from powmia_desktop.services import packets

OTHER_QUESTION = "Were the Qbaker remains from K208 compared with his sister's sample?"


def _second_family(archive: Archive) -> int:
    """Case B (Pvt. Qbaker) with his sister, her phone and a question for an official, all
    raised at the same Family Member Update as the demo's case A (Cpl. Dumas)."""
    with archive.session() as s:
        meeting = s.scalar(select(Meeting).where(Meeting.title.like("Family Member Update%")))
        assert meeting is not None
        baker = Serviceman(surname="Qbaker", given_names="Walter", rank="Pvt.")
        sister = Contact(display_name="Qbetty Qbaker", surname="Qbaker")
        sister.phones.append(ContactPhone(number="513-555-0111", label="home"))
        official = Contact(display_name="Maj. Qzed Officer", surname="Officer")
        s.add_all([baker, sister, official])
        s.flush()
        s.add(
            Relationship(from_contact=sister, to_serviceman=baker, kind=RelationshipKind.SIBLING_OF)
        )
        question = Question(serviceman=baker, text=OTHER_QUESTION, addressed_to=official)
        s.add(question)
        meeting.cases.append(baker)
        meeting.questions.append(question)
        s.add(Attendance(meeting=meeting, contact=sister, role=AttendanceRole.FAMILY))
        s.flush()
        return meeting.id


def _packet(archive: Archive, meeting_id: int, case_ids: tuple[int, ...]) -> packets.PacketData:
    with archive.reader() as session:
        request = packets.PacketRequest(
            template=packets.default_template(),
            audience=packets.find_audience(session, "DPAA analyst"),
            case_ids=case_ids,
            meeting_id=meeting_id,
        )
        return packets.gather_packet(session, request)


def test_a_packet_for_case_a_carries_nothing_of_case_b(demo_archive: Archive) -> None:
    meeting_id = _second_family(demo_archive)
    data = _packet(demo_archive, meeting_id, (1,))
    text = all_text(render_packet(data).pdf)
    # Case A's own records are there…
    assert "Cpl. Roger A. Dumas" in text and "Bill Dumas" in text
    assert data.questions and all(q.case_id in (1, None) for q in data.questions)
    # …and none of case B's: not his name, his question, his sister or the official.
    for other in ("Qbaker", "K208", "Qbetty", "Qzed", "513-555-0111"):
        assert other not in text, other
    assert {c.name for c in data.contacts}.isdisjoint({"Qbetty Qbaker", "Maj. Qzed Officer"})
    assert data.meeting is not None
    assert "Qbetty Qbaker" not in {a.name for a in data.meeting.attendees}
    assert data.meeting.case_ids == (1,)
    # The review step says what stayed out and why, without the question's words.
    scoped = [e for e in data.log.entries if e.rule == "other_case"]
    assert {e.kind for e in scoped} == {"question", "contact"}
    assert all(e.reason == "about a case not chosen for this packet" for e in scoped)
    assert not any("K208" in e.label for e in scoped)


def test_the_same_meeting_for_both_cases_carries_both(demo_archive: Archive) -> None:
    """The control: ticking both cases brings case B's question, sister and official."""
    meeting_id = _second_family(demo_archive)
    with demo_archive.reader() as session:
        baker = session.scalar(select(Serviceman.id).where(Serviceman.surname == "Qbaker"))
    assert baker is not None
    data = _packet(demo_archive, meeting_id, (1, baker))
    text = all_text(render_packet(data).pdf)
    for other in ("Qbaker", "K208", "Qbetty", "Qzed"):
        assert other in text, other
    # Without ticked cases, the meeting's own cases are the packet's.
    assert {c.id for c in _packet(demo_archive, meeting_id, ()).cases} == {1, baker}


def test_a_private_case_b_is_still_left_out_by_level(demo_archive: Archive) -> None:
    meeting_id = _second_family(demo_archive)
    with demo_archive.session() as s:
        for case in s.scalars(select(Serviceman).where(Serviceman.surname == "Qbaker")):
            case.sensitivity = Sensitivity.PRIVATE
    data = _packet(demo_archive, meeting_id, ())
    assert [c.id for c in data.cases] == [1]
