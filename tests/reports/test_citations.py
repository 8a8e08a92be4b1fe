"""Every printed fact is cited or visibly uncited, read back from the PDF with pdftotext."""

import re

import pytest
from sqlalchemy import select
from tests.reports.pdfs import all_text, pdftotext_pages, squash

from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import EventParticipant, Serviceman, TimelineEvent
from powmia_desktop.reports.packet import render_packet
from powmia_desktop.reports.summary import render_case_summary
from powmia_desktop.services import packets
from powmia_desktop.services.audience import RedactionLog, case_view


def _dumas(archive: Archive) -> int:
    with archive.reader() as session:
        found = session.scalar(select(Serviceman.id).where(Serviceman.surname == "Dumas"))
    assert found is not None
    return found


def _packet_text(archive: Archive, audience: str, case_id: int) -> str:
    with archive.reader() as session:
        request = packets.PacketRequest(
            template=packets.default_template(),
            audience=packets.find_audience(session, audience),
            case_ids=(case_id,),
        )
        data = packets.gather_packet(session, request)
    pages = pdftotext_pages(render_packet(data).pdf)
    if pages is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return squash("\n".join(pages))


def test_an_uncited_public_event_prints_uncited_and_is_counted(demo_archive: Archive) -> None:
    case_id = _dumas(demo_archive)
    title = "Family reunion in Hartford remembers Roger"
    with demo_archive.session() as session:
        event = TimelineEvent(
            title=title, date=FuzzyDate.parse("5 May 2001"), sensitivity=Sensitivity.PUBLIC
        )
        event.participants.append(EventParticipant(serviceman_id=case_id))
        session.add(event)
    text = _packet_text(demo_archive, "Press", case_id)
    assert re.search(re.escape(title) + r".{0,200}?uncited", text), "the event is not marked"
    count = re.search(r"(\d+) facts? ha(?:s|ve) no cited source", text)
    assert count is not None and int(count.group(1)) >= 1
    # The count is the number of marks printed (the contents page's own sentence aside).
    assert text.count("uncited") - 1 == int(count.group(1))


def test_the_disputed_place_of_loss_says_so_with_its_sources(demo_archive: Archive) -> None:
    text = _packet_text(demo_archive, "DPAA analyst", _dumas(demo_archive))
    found = re.search(
        r"Place of loss near the Yalu River disputed — see claims \[([\d, ]+)\]", text
    )
    assert found is not None, "the place of loss does not say it is disputed"
    # A field nobody disputes carries its sources and no "disputed" mark.
    assert re.search(r"Service number \S+ \[[\d, ]+\]", text) or "Service number" not in text
    assert "Date of loss 4 Nov 1950 disputed" not in text


def test_a_case_summary_cites_its_facts_and_marks_the_rest(demo_archive: Archive) -> None:
    case_id = _dumas(demo_archive)
    with demo_archive.reader() as session:
        audience = packets.find_audience(session, "DPAA analyst")
        view = case_view(session, case_id, audience, RedactionLog())
    assert view is not None
    text = all_text(render_case_summary(view, audience).pdf)
    assert "near the Yalu River disputed — see claims [" in text
    # The summary paragraph ends with its sources; the claims grid cites each version.
    assert re.search(r"Summary .{20,3000}?\. \[[\d, ]+\] (Prepared \d|Status history)", text)
    assert re.search(r"Disputed \[\d+", text)
    # Quotations are quoted once, never ““doubled””.
    assert "““" not in text and "””" not in text and '"“' not in text


def test_without_a_sources_section_events_name_their_sources(demo_archive: Archive) -> None:
    case_id = _dumas(demo_archive)
    with demo_archive.session() as session:
        event = TimelineEvent(
            title="A letter nobody kept",
            date=FuzzyDate.parse("1960"),
            sensitivity=Sensitivity.PUBLIC,
        )
        event.participants.append(EventParticipant(serviceman_id=case_id))
        session.add(event)
    template = packets.Template("Timeline only", (packets.Section("timeline"),))
    with demo_archive.reader() as session:
        request = packets.PacketRequest(
            template=template,
            audience=packets.find_audience(session, "DPAA analyst"),
            case_ids=(case_id,),
        )
        data = packets.gather_packet(session, request)
    text = all_text(render_packet(data).pdf)
    assert re.search(r"A letter nobody kept .{0,80}?uncited", text)
    assert re.search(r"POW medal for Roger Dumas .{0,200}?Sources: Hartford Courant", text)
    assert "Sources Korean War" not in text  # no numbers column without a Sources section
