"""Attachments are stored once by content hash and survive the record that named them."""

from pathlib import Path

import pytest

from powmia_desktop.core.errors import NotFoundError, ValidationError
from powmia_desktop.db.archive import Archive
from powmia_desktop.services import attachments, cases


def test_file_is_stored_once_by_hash_and_recorded(archive: Archive, tmp_path: Path) -> None:
    letter = tmp_path / "letter 1954.pdf"
    letter.write_bytes(b"%PDF-1.4 presumptive finding of death")
    folder = archive.location.attachments_dir
    assert folder is not None and folder.name in ("archive-attachments", "attachments")
    with archive.session() as session:
        case_id = cases.create_case(session, surname="Dumas").id
        first = attachments.attach_file(
            session, folder, letter, caption="Army letter", serviceman_id=case_id
        )
        second = attachments.attach_file(session, folder, letter, serviceman_id=case_id)
    assert first.sha256 == second.sha256 == attachments.file_sha256(letter)
    assert first.mime_type == "application/pdf" and first.size == letter.stat().st_size
    stored = attachments.open_path(folder, first)
    assert stored.read_bytes() == letter.read_bytes()
    assert len(list(folder.rglob("*.bin"))) == 1
    assert not list(folder.rglob(".incoming-*"))


def test_bad_sources_are_clear_errors(archive: Archive, tmp_path: Path) -> None:
    folder = archive.location.attachments_dir
    with archive.session() as session:
        case_id = cases.create_case(session, surname="Dumas").id
        with pytest.raises(NotFoundError, match="There is no file"):
            attachments.attach_file(session, folder, tmp_path / "nope.pdf", serviceman_id=case_id)
        with pytest.raises(ValidationError, match="is a folder"):
            attachments.attach_file(session, folder, tmp_path, serviceman_id=case_id)
        with pytest.raises(ValidationError, match="exactly one"):
            attachments.attach_file(session, folder, tmp_path, spaceship_id=1)
