"""Importing timeline events from CSV, with fuzzy dates and sources; and back out again."""

from pathlib import Path

from sqlalchemy import func, select

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Citation, Source, TimelineEvent
from powmia_desktop.services.exporting.privacy import Privacy
from powmia_desktop.services.exporting.timeline_csv import export_timeline
from powmia_desktop.services.importing.timeline import import_events
from powmia_desktop.services.timeline import list_events
from powmia_desktop.services.values import date_text


def test_the_real_civil_war_event_lists(real: Path, archive: Archive) -> None:
    folder = real / "timeline"
    with archive.session() as session:
        mitchell = import_events(
            session, folder / "civil-war-events-mitchell.csv", source="Mitchell (1903)"
        )
        mccandless = import_events(session, folder / "civil-war-events-mccandless.csv")
    assert (mitchell.counts["events"], mitchell.counts["citations"]) == (53, 53)
    assert mccandless.counts["events"] == 27 and not mccandless.rejected
    with archive.reader() as session:
        events = list_events(session)
        assert len(events) == 80
        shiloh = next(e for e in events if e.title == "Shiloh")
        assert date_text(shiloh.date) == "from 6 Apr 1862 to 7 Apr 1862"
        event = session.get(TimelineEvent, shiloh.id)
        assert event is not None and "Date as written: April 6-7, 1862" in event.notes
        pages = session.scalars(select(Citation.locator).where(Citation.locator == "199")).all()
        assert len(pages) >= 2
        assert session.scalar(select(func.count()).select_from(Source)) == 1


def test_export_import_export_of_the_demo_timeline_is_the_same_file(
    demo_archive: Archive, other_archive: Archive, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    with demo_archive.reader() as session:
        exported = export_timeline(session, first, privacy=Privacy.everything())
    with other_archive.session() as session:
        result = import_events(session, first)
    assert result.counts["events"] == exported.count and not result.rejected
    with other_archive.reader() as session:
        export_timeline(session, second, privacy=Privacy.everything())
    assert first.read_bytes() == second.read_bytes()


def test_rows_without_title_take_their_description_and_odd_categories_are_kept(
    archive: Archive, tmp_path: Path
) -> None:
    path = tmp_path / "e.csv"
    path.write_text(
        "Date,Description,Category,Source,Page\n"
        "about 1953,Prisoners exchanged at Panmunjom. More followed.,Repatriation,KWP,p. 4\n"
        "Late 1954,Rumour of men held back.,rumor,,\n"
        ",,,,\n"
        "1955,,war,,\n",
        encoding="utf-8",
    )
    with archive.session() as session:
        result = import_events(session, path)
    assert result.counts["events"] == 2
    assert [str(p) for p in result.rejected] == [
        "Row 5: there is no title (or description) in this row"
    ]
    with archive.reader() as session:
        events = {e.title: e for e in session.scalars(select(TimelineEvent))}
        assert events["Prisoners exchanged at Panmunjom."].category.value == "repatriation"
        rumour = events["Rumour of men held back."]
        assert rumour.category.value == "other" and "Category: rumor" in rumour.notes
        assert rumour.date is not None and rumour.date.modifier.value == "text"
