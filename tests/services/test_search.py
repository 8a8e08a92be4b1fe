"""Full-text search: finds what people look for, and never fails on what they type."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Source, TimelineEvent
from powmia_desktop.services import cases
from powmia_desktop.services.search import fts_query, search


@pytest.fixture
def filled(archive: Archive) -> Archive:
    with archive.session() as session:
        case = cases.create_case(
            session,
            surname="Dumas",
            given_names="Roger A.",
            unit="19th Infantry Regiment",
            circumstances="Captured near the Yalu River",
        )
        session.add(TimelineEvent(title="Operation Big Switch", description="Led away near Yalu"))
        session.add(Source(title="Hartford Courant, 12 Nov 1992", author="Courant staff"))
        session.add(TimelineEvent(title="Pak Gil Yon (박길연) calls Bob Dumas"))
        session.flush()
        case.given_names = "Roger Arthur"
    return archive


def test_finds_cases_and_events_by_word_and_prefix(filled: Archive) -> None:
    with filled.reader() as session:
        results = search(session, "yalu")
        assert [h.title for h in results.of_kind("case")] == ["Dumas, Roger Arthur"]
        assert [h.title for h in results.of_kind("event")] == ["Operation Big Switch"]
        assert search(session, "Infan").of_kind("case")
        assert search(session, "courant 1992").of_kind("source")
        assert search(session, "박길연").of_kind("event")


def test_edits_are_reindexed(filled: Archive) -> None:
    with filled.reader() as session:
        assert search(session, "arthur").of_kind("case")


def test_deleted_records_leave_the_index(filled: Archive) -> None:
    with filled.session() as session:
        cases.delete_case(session, 1)
    with filled.reader() as session:
        assert not search(session, "dumas").of_kind("case")


@pytest.mark.parametrize(
    "typed",
    [
        '"',
        '"yalu',
        "yalu*",
        "-yalu",
        "AND",
        "yalu AND",
        "NOT yalu",
        "(yalu",
        "yalu)",
        "NEAR(yalu",
        "title:yalu",
        "^yalu",
        "*",
        "''",
        "yalu OR",
        "{yalu}",
        "y-a-l-u",
        "",
    ],
)
def test_query_syntax_in_what_people_type_is_just_text(filled: Archive, typed: str) -> None:
    with filled.reader() as session:
        results = search(session, typed)
    if "yalu" in typed and ":" not in typed:
        assert results.of_kind("case"), typed


@settings(
    max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(st.text(max_size=40))
def test_any_text_searches_without_error(filled: Archive, typed: str) -> None:
    with filled.reader() as session:
        search(session, typed)


def test_query_is_built_from_words_only() -> None:
    assert fts_query('yalu "camp 5"') == '"yalu"* "camp"* "5"*'
    assert fts_query("--- ***") is None
    assert fts_query("yalu AND camp") == '"yalu"* "camp"*'
    assert fts_query("and") == '"and"*'


def test_accents_are_ignored_both_ways(archive: Archive) -> None:
    """Typed without accents finds the name with them and the other way round, on a server
    as in the SQLite index; the snippet marks the word as it is written."""
    with archive.session() as session:
        cases.create_case(session, surname="Müller", given_names="José", notes="Seen near Hội An")
        cases.create_case(session, surname="Lefevre", given_names="Hélène")
    with archive.reader() as session:
        for typed, name in (
            ("Muller", "Müller, José"),
            ("MÜLLER jose", "Müller, José"),
            ("hoi an", "Müller, José"),
            ("lefèvre helene", "Lefevre, Hélène"),
        ):
            assert [h.title for h in search(session, typed).of_kind("case")] == [name], typed
        (hit,) = search(session, "hoi").of_kind("case")
        assert "«Hội»" in hit.snippet
        # A letter that loses its accent as a quote mark stays text in the query.
        assert search(session, "Mullerʼ ʼ ˈx").total == 0
