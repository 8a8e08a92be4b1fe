"""Saving a source form, the sources list and what cites a source."""

import pytest
from sqlalchemy import select

from powmia_desktop.core.errors import ConflictError, ValidationError
from powmia_desktop.core.vocab import Confidence, SourceType
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Source
from powmia_desktop.services import source_editing as se
from powmia_desktop.services.sources import get_source, list_citing, list_sources


def test_new_source_by_form(archive: Archive) -> None:
    form = se.SourceForm(
        {
            "title": "Army letter of 26 Feb 1954",
            "author": "Department of the Army",
            "date": "26 Feb 1954",
            "source_type": "letter",
            "url": "www.example.org/letter",
        }
    )
    with archive.session() as session:
        source_id = se.save_source(session, None, form).id
    with archive.reader() as session:
        source = get_source(session, source_id)
        assert (source.source_type, str(source.date)) == (SourceType.LETTER, "26 Feb 1954")
        assert source.url == "https://www.example.org/letter"
        [row] = list_sources(session)
        assert (row.title, row.citations) == (form.values["title"], 0)
        assert row.date_sort == source.date.sort_key  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("values", "field"),
    [({"title": "  "}, "title"), ({"url": "see the binder"}, "url"), ({"url": "home"}, "url")],
)
def test_bad_values_are_refused_by_field(
    archive: Archive, values: dict[str, str], field: str
) -> None:
    form = se.SourceForm({"title": "A letter", **values})
    with pytest.raises(ValidationError) as raised, archive.session() as session:
        se.save_source(session, None, form)
    assert raised.value.field == field


def test_what_cites_a_source(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        rows = {r.id: r for r in list_sources(session)}
        initiative = next(
            r for r in rows.values() if r.title.startswith("Korean War POW/MIA Peace")
        )
        citing = list_citing(session, initiative.id)
    assert len(citing) == initiative.citations > 5
    kinds = {r.record for r in citing}
    assert {"Case", "Status change", "Claim", "Timeline event"} <= kinds
    claim = next(r for r in citing if r.record == "Claim")
    assert claim.supports.startswith("Dumas, Roger A.: ")
    assert all(isinstance(r.confidence, Confidence) for r in citing)


def test_saving_every_read_form_again_changes_nothing(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        ids = session.scalars(select(Source.id)).all()
        forms = {i: se.read_source_form(session, i) for i in ids}
    with demo_archive.session() as session:
        for source_id, form in forms.items():
            se.save_source(session, source_id, form)
        assert not [o for o in session.dirty if session.is_modified(o)]


def test_stale_form_is_a_conflict(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        source_id = list_sources(session)[0].id
        mine = se.read_source_form(session, source_id)
        theirs = se.read_source_form(session, source_id)
    theirs.values["locator"] = "Box 3"
    with demo_archive.session() as session:
        se.save_source(session, source_id, theirs)
    with pytest.raises(ConflictError), demo_archive.session() as session:
        se.save_source(session, source_id, mine)
