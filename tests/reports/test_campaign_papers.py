"""Campaign papers read back from the PDF: a letter per official with the right salutation
and office address, and a campaign report that never shows a letter above its audience."""

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from tests.helpers.cli import run
from tests.helpers.congress import import_congress
from tests.reports.pdfs import all_text, page_texts, squash

from powmia_desktop.core.campaign_vocab import CorrespondenceKind, Direction
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import (
    Campaign,
    CampaignCount,
    Contact,
    ContactAddress,
    Correspondence,
    Serviceman,
)
from powmia_desktop.reports.campaign_report import render_campaign_report
from powmia_desktop.services.audience import Audience, RedactionLog
from powmia_desktop.services.audience.campaigns import campaign_view
from powmia_desktop.services.work import list_tasks


@pytest.fixture
def congress(archive: Archive) -> Archive:
    return import_congress(archive)


def _campaign(session: Session, **extra: Any) -> Campaign:
    case = Serviceman(
        surname="Dumas",
        given_names="Roger A.",
        rank="Cpl.",
        summary="Captured near the Yalu River on 4 November 1950.",
        sensitivity=Sensitivity.PUBLIC,
    )
    campaign = Campaign(
        title="Korean War POW/MIA Peace Treaty Initiative",
        goal=1500,
        unit="signatures",
        description="A full accounting of all unreleased POWs before a peace treaty is signed.",
        cases=[case],
        **extra,
    )
    campaign.counts.append(
        CampaignCount(counted_on=dt.date(2021, 6, 1), count=1160, source_text="petition page")
    )
    session.add(campaign)
    session.flush()
    return campaign


def test_a_letter_run_writes_one_pdf_per_official(congress: Archive, tmp_path: Path) -> None:
    with congress.session() as session:
        _campaign(session)
        bill = Contact(display_name="Bill Dumas", surname="Dumas", given_names="William")
        bill.addresses.append(
            ContactAddress(street="1 Main St", city="Norwich", region="CT", district="2")
        )
        session.add(bill)
    out = tmp_path / "letters"
    db = str(congress.location.path)
    code, said = run(
        "--db", db, "letters", "treaty", "--to", "representatives", "--out", str(out),
        "--from", "Bill Dumas", "--log-sent",
    )  # fmt: skip
    assert code == 0, said
    files = sorted(p.name for p in out.iterdir())
    assert files == [
        "01-richard-blumenthal.pdf",
        "02-christopher-murphy.pdf",
        "03-joe-courtney.pdf",
    ]
    expected = {
        "01-richard-blumenthal.pdf": (
            "Dear Senator Blumenthal:",
            "503 Hart Senate Office Building Washington, DC 20510",
        ),
        "02-christopher-murphy.pdf": (
            "Dear Senator Murphy:",
            "136 Hart Senate Office Building Washington, DC 20510",
        ),
        "03-joe-courtney.pdf": (
            "Dear Representative Courtney:",
            "2449 Rayburn House Office Building Washington, DC 20515-0702",
        ),
    }
    for name, (greeting, address) in expected.items():
        first_page = squash(page_texts(out / name)[0])
        assert greeting in first_page and address in first_page, (name, first_page)
        assert "1 Main St Norwich, CT" in first_page
        text = all_text(out / name)
        assert "Captured near the Yalu River" in text  # the case summary, attached
    # Logged as sent, each with a follow-up task on the task list.
    with congress.reader() as session:
        assert session.scalar(select(Correspondence.id).limit(1)) is not None
        tasks = list_tasks(session)
        assert len(tasks) == 3 and all(not t.done for t in tasks)
        assert tasks[0].title.startswith("No reply from Richard Blumenthal after 30 days")
    # A second run refuses to overwrite what is there.
    code, _ = run("--db", db, "letters", "treaty", "--out", str(out), "--from", "Bill Dumas")
    assert code == 1


def test_a_private_letter_never_appears_in_a_lower_audiences_report(archive: Archive) -> None:
    with archive.session() as session:
        campaign = _campaign(session)
        senator = Contact(display_name="Richard Blumenthal", sensitivity=Sensitivity.PUBLIC)
        for subject, level in (
            ("Peace treaty and the POW accounting", Sensitivity.OFFICIALS),
            ("What Bob heard from Ambassador Pak", Sensitivity.PRIVATE),
        ):
            session.add(
                Correspondence(
                    direction=Direction.SENT,
                    kind=CorrespondenceKind.LETTER,
                    date=FuzzyDate.parse("2025-01-06"),
                    official=senator,
                    subject=subject,
                    campaign=campaign,
                    reply_due_on=dt.date(2025, 2, 5),
                    sensitivity=level,
                )
            )
        campaign_id = campaign.id
    readers = [
        Audience("Press", Sensitivity.PUBLIC),
        Audience("Congressional office", Sensitivity.OFFICIALS),
        Audience("Extended family", Sensitivity.FAMILY),
        Audience("Everyone", Sensitivity.PRIVATE),  # private not included
    ]
    for audience in readers:
        log = RedactionLog()
        with archive.reader() as session:
            view = campaign_view(session, campaign_id, audience, log, today=dt.date(2025, 3, 1))
        assert view is not None
        text = all_text(render_campaign_report(view, audience).pdf)
        assert "1,160 of 1,500 signatures (77%)" in text
        assert "Ambassador Pak" not in text, audience.name
        assert ("POW accounting" in text) == (audience.ceiling >= Sensitivity.OFFICIALS)
        assert "Cpl. Roger A. Dumas" in text
    # Only when the person asks for private records does it appear.
    everything = Audience("Everyone", Sensitivity.PRIVATE, include_private=True)
    with archive.reader() as session:
        view = campaign_view(
            session, campaign_id, everything, RedactionLog(), today=dt.date(2025, 3, 1)
        )
    assert view is not None
    text = all_text(render_campaign_report(view, everything).pdf)
    assert "Ambassador Pak" in text and "no reply after 54 days" in text
