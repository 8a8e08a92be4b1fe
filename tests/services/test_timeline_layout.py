"""The timeline's layout without Qt: drawn spans of fuzzy dates, scale marks, counts, lanes."""

import datetime as dt

import pytest

from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import EventParticipant, Serviceman, TimelineEvent
from powmia_desktop.services import timeline_chart
from powmia_desktop.services.timeline_chart import BY_CASE, load_chart
from powmia_desktop.services.timeline_layout import (
    ERAS,
    Histogram,
    drawn_span,
    pack_rows,
    scale_marks,
    year_day,
)


def _span(text: str):  # type: ignore[no-untyped-def]
    date = FuzzyDate.parse(text)
    return drawn_span(date.to_json(), date.earliest_key, date.latest_key)


def _day(y: int, m: int, d: int) -> float:
    return float(dt.date(y, m, d).toordinal())


def test_about_is_solid_over_its_year_and_faded_a_year_either_side() -> None:
    span = _span("about 1953")
    assert (span.low, span.solid_low) == (_day(1952, 1, 1), _day(1953, 1, 1))
    assert (span.solid_high, span.high) == (_day(1954, 1, 1), _day(1955, 1, 1))


def test_between_fades_towards_both_ends_and_a_span_is_solid() -> None:
    between = _span("between 1952 and 1954")
    assert between.low == _day(1952, 1, 1) and between.high == _day(1955, 1, 1)
    assert between.solid_low == between.solid_high == (between.low + between.high) / 2
    lasting = _span("from 1996 to 2005")
    assert (lasting.solid_low, lasting.solid_high) == (lasting.low, lasting.high)


def test_open_ends_fade_out_and_text_dates_are_not_drawn() -> None:
    before = _span("before 1960")
    assert before.high == before.solid_low == _day(1960, 1, 1) and before.low < before.high
    after = _span("after 1954")
    assert after.low == after.solid_high == _day(1955, 1, 1) and after.high > after.low
    assert _span("mid-1953") is None


def test_a_day_is_one_day_wide() -> None:
    span = _span("27 Jul 1953")
    assert span.high - span.low == 1 and span.solid_high - span.solid_low == 1


def test_the_eras_are_marked() -> None:
    names = {era.name: (era.start, era.end) for era in ERAS}
    assert names["Korean War"] == (dt.date(1950, 6, 25), dt.date(1953, 7, 27))
    assert names["Operation Big Switch"][0].year == 1953
    assert names["Joint recovery operations in North Korea"][0].year == 1996
    assert names["Joint recovery operations in North Korea"][1].year == 2005


def test_scale_marks_follow_the_zoom() -> None:
    years = scale_marks(year_day(1950), year_day(2000), 1000)
    assert [label for _, label in years][:2] == ["1950", "1955"]
    months = scale_marks(year_day(1953), year_day(1954), 1000)
    assert "Aug 1953" in [label for _, label in months]
    days = scale_marks(_day(1953, 8, 5), _day(1953, 8, 12), 1000)
    assert days[0][1] == "5 Aug 1953"


def test_histogram_counts_buckets_and_ranges() -> None:
    d = _day(1953, 1, 1)
    histogram = Histogram(
        [(0, int(d), 3), (0, int(d) + 40, 2), (1, int(d) + 400, 5), (0, int(d), 1)], 2
    )
    assert histogram.total() == 11
    assert histogram.count(0, d, d + 1) == 4 and histogram.count(0, d, d + 41) == 6
    assert histogram.count_all(d - 10, d + 1000) == 11
    buckets = histogram.buckets(0, d - 100, d + 100, 30.44)
    assert sum(n for _, n in buckets) == 6 and len(buckets) == 2


def test_pack_rows_never_overlaps() -> None:
    assert pack_rows([(0, 10), (5, 15), (10, 20), (12, 30)]) == [0, 1, 0, 2]
    assert pack_rows([(0, 10), (5, 15), (10, 20), (12, 30)], most=2) == [0, 1, 0, -1]


def _event(session, title: str, date: str, category: str, *cases: Serviceman) -> None:  # type: ignore[no-untyped-def]
    event = TimelineEvent(title=title, date=FuzzyDate.parse(date), category=category)
    event.participants = [EventParticipant(serviceman=case) for case in cases]
    session.add(event)


def test_chart_data_reads_lanes_counts_and_the_events_in_view(archive: Archive) -> None:
    with archive.session() as session:
        able, baker = Serviceman(surname="Able"), Serviceman(surname="Baker")
        session.add_all([able, baker])
        _event(session, "Lost", "2 Nov 1950", "loss", able)
        _event(session, "Lost too", "about 1951", "loss", baker)
        _event(session, "Letter", "before 1960", "letter", able, baker)
        _event(session, "Unreadable", "mid-1953", "letter", able)
        session.flush()
        able_id = able.id
    with archive.reader() as session:
        data = load_chart(session)
        assert data.lanes == ["Loss", "Letter"] and data.total == 3
        low, high = year_day(1950), year_day(1958)
        assert [m.title for m in data.events_between(session, low, high)] == ["Lost"]
        assert sorted(m.title for m in data.wide_between(low, high)) == ["Letter", "Lost too"]
        assert not data.events_between(session, year_day(1970), year_day(1980))
        assert not data.wide_between(year_day(1970), year_day(1980))
        one = load_chart(session, case_id=able_id)
        assert one.total == 2
        by_case = load_chart(session, by=BY_CASE)
        assert by_case.lanes == ["Able", "Baker"] and by_case.total == 4


def test_lanes_by_case_beyond_the_most_are_counted_and_reached_by_name(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timeline_chart, "CASE_LANES", 3)
    with archive.session() as session:
        names = ["Able", "Baker", "Charlie", "Dog", "Easy_Smith", "Fox Smith"]
        cases = [Serviceman(surname=name, given_names="John") for name in names]
        session.add_all(cases)
        for n, case in enumerate(cases):  # the later cases have more events
            for year in range(n + 1):
                _event(session, f"{case.surname} {year}", f"{1951 + year}", "report", case)
    with archive.reader() as session:
        top = load_chart(session, by=BY_CASE)
        assert top.lanes == ["John Dog", "John Easy_Smith", "John Fox Smith"]
        assert top.more_lanes == 3 and top.total == 4 + 5 + 6
        smith = load_chart(session, by=BY_CASE, cases_like="smith  john")
        assert smith.lanes == ["John Easy_Smith", "John Fox Smith"] and smith.more_lanes == 0
        assert load_chart(session, by=BY_CASE, cases_like="y_s").lanes == ["John Easy_Smith"]
        assert load_chart(session, by=BY_CASE, cases_like="%").lanes == []
        with_a = load_chart(session, by=BY_CASE, cases_like="A")  # Able, Baker, Charlie, Easy
        assert with_a.more_lanes == 1 and "John Able" not in with_a.lanes
