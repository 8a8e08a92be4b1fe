"""Phone numbers, e-mail and street addresses typed into free text obey the hide rules.

A contact's notes, a case summary, a meeting's minutes and a question's answer are read
back from the printed packet and summary (pypdf and pdftotext): what the audience hides is
gone, each redaction is in the redaction log, and an audience without the rule still sees
it (so the test cannot pass by printing nothing).
"""

from sqlalchemy import select
from tests.reports.pdfs import all_text

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Contact, Meeting, Question, Serviceman
from powmia_desktop.reports.packet import render_packet
from powmia_desktop.reports.summary import render_case_summary
from powmia_desktop.services import packets
from powmia_desktop.services.audience import Audience, RedactionLog, case_view, question_views
from powmia_desktop.services.audience.scrub import scrub

PHONE = "(937) 555-0187"
FOREIGN = "+44 20 7946 0958"
EMAIL = "bill.home@example.net"
STREET = "1412 Elm Street"
NOTE = f"Call Bill at {PHONE} or in London on {FOREIGN}; write {EMAIL}; he lives at {STREET}."


def _typed_into_free_text(archive: Archive) -> None:
    with archive.session() as s:
        bill = s.scalar(select(Contact).where(Contact.display_name == "Bill Dumas"))
        dumas = s.get(Serviceman, 1)
        meeting = s.scalar(select(Meeting).where(Meeting.title.like("Family Member Update%")))
        assert bill is not None and dumas is not None and meeting is not None
        bill.notes = NOTE
        dumas.summary += f" The family's contact is Bill ({PHONE})."
        meeting.minutes = f"Analyst asked the family to call {PHONE} after the meeting."
        for question in s.scalars(select(Question).where(Question.meetings.any(id=meeting.id))):
            question.answer = f"Write to {EMAIL} for the file."


def _packet(archive: Archive, audience: str) -> tuple[str, packets.PacketData]:
    default = packets.default_template()
    sections = tuple(
        packets.Section("meeting", {"minutes": True}) if s.kind == "meeting" else s
        for s in default.sections
    )
    template = packets.Template(default.name, sections)
    with archive.reader() as session:
        meeting = session.scalar(select(Meeting.id).where(Meeting.title.like("Family Member%")))
        request = packets.PacketRequest(
            template=template,
            audience=packets.find_audience(session, audience),
            case_ids=(1,),
            meeting_id=meeting,
        )
        data = packets.gather_packet(session, request)
    return all_text(render_packet(data).pdf), data


def test_scrub_finds_us_and_international_numbers_emails_and_streets() -> None:
    rules = frozenset({"hide_phones", "hide_emails", "hide_addresses"})
    done = scrub(NOTE, rules)
    for secret in (PHONE, "555-0187", FOREIGN, EMAIL, STREET):
        assert secret not in done.text
    assert "[phone number withheld]" in done.text
    assert dict(done.found) == {"phone number": 2, "email address": 1, "street address": 1}
    # Dates, unit names and service numbers are not phone numbers or streets.
    plain = "Co. F, 19th Infantry Regiment, 24th Infantry Division; RA 15 239 854; 1950-11-02"
    assert scrub(plain, rules).text == plain
    assert scrub("walked 20 miles down the road", rules).text.endswith("road")
    # Only what the rules hide is taken out.
    assert EMAIL in scrub(NOTE, frozenset({"hide_phones"})).text


def test_scrub_finds_numbers_written_with_the_00_international_prefix() -> None:
    """ "00" is how Europe and most of the world dial abroad; the whole number goes."""
    rules = frozenset({"hide_phones"})
    for number in ("0044 20 7946 0958", "00 44 20 7946 0958", "0033 1 42 68 53 00"):
        done = scrub(f"Ring him on {number} (evenings) or at {PHONE}.", rules)
        assert done.text == (
            "Ring him on [phone number withheld] (evenings) or at [phone number withheld]."
        ), number
        assert dict(done.found) == {"phone number": 2}
    # Not every "00" opens a number: a file number, a count, a run that is no valid number.
    for plain in ("file 00123 of 1950, 0012 men", "ids 0044207946095800", "roll 0000 1234 567"):
        assert scrub(plain, rules).text == plain


def test_press_and_congressional_packets_hide_phones_typed_into_notes(
    demo_archive: Archive,
) -> None:
    _typed_into_free_text(demo_archive)
    analyst, _ = _packet(demo_archive, "DPAA analyst")
    assert PHONE in analyst and EMAIL in analyst  # the analyst's packet keeps them
    press, press_data = _packet(demo_archive, "Press")
    congress, congress_data = _packet(demo_archive, "Congressional office")
    assert "Bill Dumas" in press and "[phone number withheld]" in press
    for secret in ("555-0187", "7946 0958", EMAIL, STREET):
        assert secret not in press
    for secret in ("555-0187", "7946 0958"):
        assert secret not in congress
    assert EMAIL in congress  # Congressional office hides phones only
    kinds = {e.kind for e in press_data.log.entries}
    assert {
        "phone number in notes",
        "email address in notes",
        "street address in notes",
        "phone number in summary",
    } <= kinds
    labels = [e.label for e in congress_data.log.entries if e.rule == "hide_phones"]
    assert "Bill Dumas – notes: 2 phone numbers" in labels
    # The log names where a number was, never the number.
    for entry in press_data.log.entries + congress_data.log.entries:
        assert "555" not in entry.label and "@" not in entry.label


def test_minutes_and_answers_are_scrubbed_too(demo_archive: Archive) -> None:
    _typed_into_free_text(demo_archive)
    _, congress = _packet(demo_archive, "Congressional office")
    _, analyst = _packet(demo_archive, "DPAA analyst")
    assert congress.meeting is not None and analyst.meeting is not None
    assert "555-0187" not in congress.meeting.minutes
    assert "[phone number withheld]" in congress.meeting.minutes
    assert PHONE in analyst.meeting.minutes
    # Congressional office does not hide emails: the answers keep them; a rule would not.
    assert congress.questions and all(EMAIL in q.answer for q in congress.questions)
    no_emails = Audience("No emails", Sensitivity.OFFICIALS, frozenset({"hide_emails"}))
    log = RedactionLog()
    with demo_archive.reader() as session:
        answers = [q.answer for q in question_views(session, no_emails, log, case_ids=[1])]
    assert any("[email address withheld]" in a for a in answers)
    assert not any(EMAIL in a for a in answers)
    assert any(e.kind == "email address in answer" for e in log.entries)


def test_case_summary_for_the_press_hides_a_phone_in_the_summary(demo_archive: Archive) -> None:
    _typed_into_free_text(demo_archive)
    with demo_archive.reader() as session:
        press = packets.find_audience(session, "Press")
        log = RedactionLog()
        case = case_view(session, 1, press, log)
    assert case is not None
    text = all_text(render_case_summary(case, press).pdf)
    assert "555-0187" not in text and "[phone number withheld]" in text
    assert any(e.kind == "phone number in summary" for e in log.entries)
