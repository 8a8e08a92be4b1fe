"""Mail-merged letters: the template's fields filled for each official, unknown fields and
unreadable templates refused in one line, the signer found from the campaign's cases."""

import datetime as dt
from pathlib import Path

import pytest

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import RelationshipKind
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Campaign, Contact, ContactAddress, Relationship, Serviceman
from powmia_desktop.services.audience import Audience, RedactionLog
from powmia_desktop.services.letters import (
    check_template,
    prepare_letters,
    read_template,
    writer_for,
)

TEMPLATE = "{salutation}\n\nAbout {cases}, for the {campaign}.\n\n{sender}, {date}"


def _campaign(archive: Archive) -> int:
    with archive.session() as session:
        case = Serviceman(
            surname="Dumas", given_names="Roger A.", rank="Cpl.", sensitivity=Sensitivity.PUBLIC
        )
        bill = Contact(display_name="Bill Dumas", surname="Dumas")
        bill.addresses.append(ContactAddress(street="1 Main St", city="Norwich", region="CT"))
        ray = Contact(display_name="Amb. Charles Ray", honorific="Amb.", surname="Ray")
        ray.addresses.append(
            ContactAddress(street="2400 Defense Pentagon", city="Washington", region="DC")
        )
        session.add(
            Relationship(from_contact=bill, to_serviceman=case, kind=RelationshipKind.NEPHEW_OF)
        )
        campaign = Campaign(title="Peace Treaty Initiative", cases=[case], targets=[ray])
        session.add(campaign)
        session.flush()
        return campaign.id


def test_each_official_gets_the_template_filled_in(archive: Archive) -> None:
    campaign_id = _campaign(archive)
    with archive.reader() as session:
        campaign = session.get(Campaign, campaign_id)
        assert campaign is not None
        writer = writer_for(session, campaign)
        assert writer.display_name == "Bill Dumas"
        (letter,) = prepare_letters(
            session,
            campaign,
            Audience("Officials", Sensitivity.OFFICIALS),
            RedactionLog(),
            to="targets",
            template=TEMPLATE,
            today=dt.date(2025, 1, 6),
        )
    assert letter.paragraphs == (
        "Dear Amb. Ray:",
        "About Cpl. Roger A. Dumas, for the Peace Treaty Initiative.",
        "Bill Dumas, 6 January 2025",
    )
    assert letter.address == ("2400 Defense Pentagon", "Washington, DC")
    assert letter.sender_address == ("1 Main St", "Norwich, CT")
    assert letter.file_name(1) == "01-amb-charles-ray.pdf"


def test_bad_templates_are_refused_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match=r"unknown fields \{senator\}"):
        check_template("Dear {senator}")
    with pytest.raises(ValidationError, match="unknown fields"):
        check_template("{salutation.__class__}")
    with pytest.raises(ValidationError, match="cannot be read"):
        check_template("Dear {salutation")
    with pytest.raises(ValidationError, match="Cannot read the letter template"):
        read_template(tmp_path / "missing.txt")
    with pytest.raises(ValidationError, match="Cannot read the letter template"):
        bad = tmp_path / "latin1.txt"
        bad.write_bytes("Caf\xe9 {salutation}".encode("latin-1"))
        read_template(bad)
