"""Campaigns and correspondence travel in the archive zip: counts, letters, their links to
cases and officials and the follow-up task; a private letter stays behind unless included."""

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from powmia_desktop.core.campaign_vocab import Direction
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path
from powmia_desktop.db.models import Campaign, Correspondence, Task
from powmia_desktop.services.campaigns import find_campaign, progress
from powmia_desktop.services.correspondence import list_letters, sync_follow_up
from powmia_desktop.services.exporting.archive_zip import export_archive
from powmia_desktop.services.exporting.privacy import Privacy
from powmia_desktop.services.importing.archive_zip import import_archive


def _other(tmp_path: Path, name: str) -> Archive:
    return Archive.open(location_for_path(tmp_path / f"{name}.sqlite"), create=True)


def test_a_campaign_and_its_letters_round_trip(demo_archive: Archive, tmp_path: Path) -> None:
    with demo_archive.session() as session:
        campaign = find_campaign(session, "peace treaty")
        for subject, level in (("Asked for a hearing", Sensitivity.OFFICIALS),
                               ("Qprivate note to the senator", Sensitivity.PRIVATE)):  # fmt: skip
            letter = Correspondence(
                direction=Direction.SENT,
                subject=subject,
                date=FuzzyDate.parse("2025-01-06"),
                campaign=campaign,
                cases=list(campaign.cases),
                reply_due_on=dt.date(2025, 2, 5),
                sensitivity=level,
            )
            session.add(letter)
            session.flush()
            sync_follow_up(session, letter)
    for privacy, name in ((Privacy.everything(), "all"), (Privacy(Sensitivity.FAMILY), "family")):
        path = tmp_path / f"{name}.zip"
        with demo_archive.reader() as session:
            export_archive(session, None, path, privacy=privacy)
        other = _other(tmp_path, name)
        with other.session() as session:
            result = import_archive(session, path, None)
        assert not result.rejected
        with other.reader() as session:
            campaign = find_campaign(session, "peace treaty")
            assert progress(campaign).text() == "1,160 of 1,500 signatures (77%)"
            assert [c.sort_name for c in campaign.cases] == ["Dumas, Roger A."]
            assert {c.display_name for c in campaign.targets} == {
                "President Joseph R. Biden",
                "Amb. Charles Ray",
            }
            subjects = {r.subject for r in list_letters(session, campaign_id=campaign.id)}
            assert "Asked for a hearing" in subjects
            assert ("Qprivate note to the senator" in subjects) == (name == "all")
            tasks = session.scalars(select(Task.title).where(Task.title.like("No reply%"))).all()
            assert len(tasks) == (2 if name == "all" else 1)
            letter = session.scalars(
                select(Correspondence).where(Correspondence.subject == "Asked for a hearing")
            ).one()
            assert letter.follow_up_task is not None and letter.cases
            assert session.scalar(select(Campaign.id)) is not None
        other.close()
