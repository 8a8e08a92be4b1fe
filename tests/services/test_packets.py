"""Packet templates, audiences, and a packet built, saved and logged (services/packets)."""

import hashlib
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from powmia_desktop.core.errors import ArchiveError, Cancelled, NotFoundError, ValidationError
from powmia_desktop.core.progress import Progress
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import AudienceProfile, Meeting, PacketRun, PacketTemplate
from powmia_desktop.reports.packet import render_packet
from powmia_desktop.services import packets
from powmia_desktop.services.cases import create_case


def test_the_default_template(archive: Archive) -> None:
    with archive.reader() as session:
        templates = packets.list_templates(session)
    default = templates[0]
    assert default.name == "DPAA Family Member Update"
    kinds = [s.kind for s in default.sections]
    assert kinds[:2] == ["title_page", "contents"]
    assert {"case_summaries", "questions", "timeline", "sources", "contacts"} <= set(kinds)
    summaries = default.section("case_summaries")
    assert summaries is not None and summaries.option("claims") is True


def test_save_find_and_delete_a_template(archive: Archive) -> None:
    mine = packets.Template(
        "Congressional visit",
        (
            packets.Section("title_page", {"title": "For Rep. Smith's office"}),
            packets.Section("custom_text", {"title": "Our request", "text": "Please ask DPAA…"}),
            packets.Section("case_summaries", {"timeline": False}),
        ),
    )
    with archive.session() as session:
        packets.save_template(session, mine)
        packets.save_template(session, mine)  # saving again replaces, never duplicates
    with archive.reader() as session:
        assert session.query(PacketTemplate).count() == 1
        found = packets.find_template(session, "congressional VISIT")
        assert [t.name for t in packets.list_templates(session)] == [
            "DPAA Family Member Update",
            "Congressional visit",
        ]
    assert found == mine
    with archive.session() as session:
        packets.delete_template(session, "Congressional visit")
    with archive.reader() as session, pytest.raises(NotFoundError, match="DPAA Family"):
        packets.find_template(session, "Congressional visit")


def test_bad_templates_are_refused() -> None:
    with pytest.raises(ValidationError, match="not a packet section"):
        packets.Section("horoscope")
    with pytest.raises(ValidationError, match="no option colour"):
        packets.Section("timeline", {"colour": "red"})
    with pytest.raises(ValidationError, match="scope"):
        packets.Section("sources", {"scope": "some"})
    with pytest.raises(ValidationError, match="damaged"):
        packets.Template.from_json("Broken", [{"options": {}}])


def test_audiences_default_when_the_archive_has_none(archive: Archive) -> None:
    with archive.reader() as session:
        names = [a.name for a in packets.list_audiences(session)]
        assert names == ["DPAA analyst", "Congressional office", "Extended family", "Press"]
        officials = packets.find_audience(session, "officials")
        assert officials.ceiling is Sensitivity.OFFICIALS and not officials.rules
        press = packets.find_audience(session, "PRESS", include_private=True)
        assert press.include_private and press.hides("hide_dna_donors")
        with pytest.raises(NotFoundError, match="Congressional office"):
            packets.find_audience(session, "the neighbours")
    with archive.session() as session:
        assert packets.ensure_default_audiences(session) == 4
        assert packets.ensure_default_audiences(session) == 0
    with archive.reader() as session:
        stored = session.scalars(select(AudienceProfile.name)).all()
        assert sorted(stored) == sorted(names)


def test_the_demo_audiences_are_used(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        congress = packets.find_audience(session, "Congressional office")
    assert congress.profile_id is not None and congress.hides("hide_phones")


def test_build_packet_writes_the_file_and_logs_the_run(
    demo_archive: Archive, tmp_path: Path
) -> None:
    out = tmp_path / "packet.pdf"
    seen: list[str] = []

    def progress(done: int, total: int, message: str) -> None:
        seen.append(message)

    with demo_archive.session() as session:
        meeting_id = session.scalar(select(Meeting.id).where(Meeting.status == "planned"))
        request = packets.PacketRequest(
            packets.find_template(session, None),
            packets.find_audience(session, "DPAA analyst"),
            meeting_id=meeting_id,
            prepared_by="Bill Dumas",
        )
        result = packets.build_packet(
            session,
            request,
            out,
            render=render_packet,
            attachments_dir=demo_archive.location.attachments_dir,
            progress=progress,
        )
    assert result.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert result.pages == len(PdfReader(str(out)).pages)
    assert seen and "Reading the meeting and cases" in seen
    with demo_archive.reader() as session:
        run = session.get(PacketRun, result.run_id)
        assert run is not None
        assert run.template_name == "DPAA Family Member Update"
        assert run.audience_name == "DPAA analyst" and run.audience_id is not None
        assert run.ceiling is Sensitivity.OFFICIALS and run.meeting_id == meeting_id
        assert run.sha256 == result.sha256 and run.page_count == result.pages
        assert run.output_path == str(out.resolve())
        assert run.sensitivity is Sensitivity.PRIVATE
        kinds = {entry["kind"] for entry in run.redaction_log}
        assert {"question", "phone number", "live sighting report"} <= kinds
        assert all(entry["reason"] for entry in run.redaction_log)
        assert run.template_sections[0]["kind"] == "title_page"
    # An existing file is never replaced unless asked, and nothing is logged then.
    with demo_archive.session() as session, pytest.raises(ValidationError, match="exists"):
        packets.build_packet(session, request, out, render=render_packet)
    with demo_archive.session() as session:
        again = packets.build_packet(session, request, out, render=render_packet, overwrite=True)
    assert again.run_id != result.run_id


def test_cancel_stops_before_the_file_is_written(demo_archive: Archive, tmp_path: Path) -> None:
    def cancel(done: int, total: int, message: str) -> None:
        if message.startswith("Laying out"):
            raise Cancelled()

    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "never.pdf"
    stop: Progress = cancel
    with demo_archive.session() as session:
        request = packets.PacketRequest(
            packets.default_template(), packets.find_audience(session, "family")
        )
        with pytest.raises(Cancelled):
            packets.build_packet(session, request, out, render=render_packet, progress=stop)
    assert list(folder.iterdir()) == []


def test_gather_uses_the_meetings_cases_and_all_cases_otherwise(archive: Archive) -> None:
    with archive.session() as session:
        first = create_case(session, surname="Zeta").id
        second = create_case(session, surname="Alpha").id
        meeting = Meeting(meeting_type="phone_call", title="Call", cases=[])
        session.add(meeting)
        session.flush()
        meeting_id = meeting.id
    with archive.reader() as session:
        officials = packets.find_audience(session, "officials")
        everyone = packets.gather_packet(
            session, packets.PacketRequest(packets.default_template(), officials)
        )
        chosen = packets.gather_packet(
            session,
            packets.PacketRequest(packets.default_template(), officials, case_ids=(first,)),
        )
        at_meeting = packets.gather_packet(
            session,
            packets.PacketRequest(packets.default_template(), officials, meeting_id=meeting_id),
        )
    assert [c.id for c in everyone.cases] == [second, first]  # by surname
    assert [c.id for c in chosen.cases] == [first]
    assert at_meeting.cases == () and at_meeting.title == "Briefing for Officials: Call"


def test_save_pdf_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="does not exist"):
        packets.save_pdf(tmp_path / "nowhere" / "x.pdf", b"%PDF")
    sha = packets.save_pdf(tmp_path / "x.pdf", b"%PDF-1.4")
    assert sha == hashlib.sha256(b"%PDF-1.4").hexdigest()
