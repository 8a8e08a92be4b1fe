"""Correspondence from .eml files: who it was with, by e-mail address; the date, subject and
text; the file kept as the letter's attachment; the same message imported once."""

import datetime as dt
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import select
from tests.helpers.cli import run

from powmia_desktop.core.campaign_vocab import CorrespondenceKind, Direction
from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.vocab import OrganizationType
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Campaign, Contact, ContactEmail, Correspondence
from powmia_desktop.services.importing.dispatch import ImportOptions, import_file


def _eml(path: Path, sender: str, to: str, *, html: bool = False) -> Path:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = "Re: Cpl. Roger A. Dumas and the peace treaty"
    message["Date"] = "Tue, 04 Feb 2025 10:15:00 -0500"
    message["Message-ID"] = "<reply-2025-02-04@senate.example>"
    if html:
        message.set_content("<p>The senator has <b>written</b> to DPAA.</p>", subtype="html")
    else:
        message.set_content("The senator has written to DPAA on your behalf.\n\nStaff")
    path.write_bytes(bytes(message))
    return path


@pytest.fixture
def people(archive: Archive) -> Archive:
    with archive.session() as session:
        office = Contact(
            display_name="Office of Sen. Blumenthal",
            organization_type=OrganizationType.CONGRESSIONAL_OFFICE,
        )
        office.emails.append(ContactEmail(address="Casework@Blumenthal.example"))
        bill = Contact(display_name="Bill Dumas")
        bill.emails.append(ContactEmail(address="bill.dumas@example.org"))
        session.add_all([office, bill, Campaign(title="Peace Treaty Initiative")])
    return archive


def test_a_reply_from_an_office_is_received_from_it(people: Archive, tmp_path: Path) -> None:
    path = _eml(
        tmp_path / "reply.eml",
        "Casework <casework@blumenthal.example>",
        "Bill Dumas <bill.dumas@example.org>",
    )
    folder = people.location.attachments_dir
    with people.session() as session:
        result = import_file(
            session, "correspondence", path, attachments_dir=folder,
            options=ImportOptions(campaign="treaty"),
        )  # fmt: skip
    assert result.counts == {"letters": 1, "files kept": 1}
    assert "Received from Office of Sen. Blumenthal" in result.lines()
    with people.reader() as session:
        letter = session.scalars(select(Correspondence)).one()
        assert letter.direction is Direction.RECEIVED and letter.kind is CorrespondenceKind.EMAIL
        assert letter.official is not None and letter.official.display_name.startswith("Office")
        assert letter.writer is not None and letter.writer.display_name == "Bill Dumas"
        assert letter.date is not None and letter.date.earliest == dt.date(2025, 2, 4)
        assert letter.subject == "Re: Cpl. Roger A. Dumas and the peace treaty"
        assert letter.body.startswith("The senator has written to DPAA")
        assert letter.campaign is not None and letter.campaign.title == "Peace Treaty Initiative"
        (kept,) = letter.attachments
        assert kept.original_name == "reply.eml" and kept.size == path.stat().st_size
    with people.session() as session:
        again = import_file(session, "correspondence", path, attachments_dir=folder)
    assert again.counts == {"already in the archive": 1}


def test_a_message_to_an_official_is_sent_and_html_is_read_as_text(
    people: Archive, tmp_path: Path
) -> None:
    path = _eml(
        tmp_path / "out.eml",
        "bill.dumas@example.org",
        "someone@else.example, casework@blumenthal.example",
        html=True,
    )
    with people.session() as session:
        import_file(session, "correspondence", path, attachments_dir=None)
    with people.reader() as session:
        letter = session.scalars(select(Correspondence)).one()
        assert letter.direction is Direction.SENT
        assert letter.official is not None and letter.official.display_name.startswith("Office")
        assert " ".join(letter.body.split()) == "The senator has written to DPAA."


def test_what_is_not_an_email_is_refused_in_one_line(archive: Archive, tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("From: me\n")
    garbage = tmp_path / "garbage.eml"
    garbage.write_bytes(b"just some words\nwith no headers at all\n")
    with archive.session() as session:
        with pytest.raises(ValidationError, match=r"e-mail files \(\.eml\)"):
            import_file(session, "correspondence", text, attachments_dir=None)
        with pytest.raises(ValidationError, match="is not an e-mail"):
            import_file(session, "correspondence", garbage, attachments_dir=None)
    code, _ = run("--db", str(archive.location.path), "import", "correspondence", str(garbage))
    assert code == 1
