"""The timeline chart reads the events of the days in view on a thread of its own.

A frame never waits for the archive: a view whose events are not read yet shows the counts
(or the events read already) marked "reading events…", and the events once the read has
arrived. A read the view has left is dropped; a chart closed while a read runs is fine.
Lanes by case beyond those drawn are counted in a last row, and a filter reaches them.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session
from tests.helpers.copies import opened_copy

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path
from powmia_desktop.db.models import EventParticipant, Serviceman, TimelineEvent
from powmia_desktop.gui.timeline_view.canvas import DETAIL_LIMIT, TimelineCanvas
from powmia_desktop.gui.timeline_view.chart import TimelineChart
from powmia_desktop.services import timeline_chart
from powmia_desktop.services.timeline_layout import year_day

READ = 20_000  # ms: generous, a read of a few hundred events takes milliseconds


@pytest.fixture(autouse=True)
def collected_here() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture(scope="module")
def busy_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive with more events than are drawn one by one (so the chart reads them as
    it is zoomed): one every few days from 1951 to 1980. Made once, copied for each test."""
    path = tmp_path_factory.mktemp("busy") / "busy.sqlite"
    made = Archive.open(location_for_path(path), create=True)
    with made.session() as session:
        for n in range(DETAIL_LIMIT * 2):
            month = ("Jan", "Mar", "May", "Jul", "Sep", "Nov")[n // 30 % 6]
            date = FuzzyDate.parse(f"{n % 28 + 1} {month} {1951 + n % 30}")
            session.add(TimelineEvent(title=f"Event {n}", date=date, category="report"))
    made.close()
    return path


@pytest.fixture
def busy(busy_file: Path, tmp_path: Path) -> Iterator[Archive]:
    with opened_copy(busy_file, tmp_path) as opened:
        yield opened


def _chart(qtbot: QtBot, archive: Archive, *, keep: bool = True) -> TimelineChart:
    chart = TimelineChart(archive.reader)
    if keep:
        qtbot.addWidget(chart)
    chart.resize(1200, 500)
    with qtbot.waitSignal(chart.loaded, timeout=READ):
        chart.show_case(None)
    assert chart.canvas.data is not None and chart.canvas.data.every_event is None
    return chart


def _paint(canvas: TimelineCanvas) -> None:
    canvas.grab()  # a frame, as the screen would have it


def _years(canvas: TimelineCanvas, first: float, last: float) -> None:
    canvas.set_view(year_day(first), year_day(last))
    assert canvas.in_detail()


def test_a_view_not_read_shows_counts_then_its_events(qtbot: QtBot, busy: Archive) -> None:
    chart = _chart(qtbot, busy)
    canvas = chart.canvas
    _years(canvas, 1960, 1961)
    _paint(canvas)  # the read starts: counts meanwhile, marked
    assert canvas.reading() and canvas.reads.reading
    assert canvas.buckets and not canvas.hits
    with qtbot.waitSignal(canvas.reads.arrived, timeout=READ):
        pass
    assert not canvas.reading()
    _paint(canvas)
    assert canvas.hits and not canvas.buckets
    assert all(year_day(1959) <= m.span.low < year_day(1962) for _, m in canvas.hits)

    # a pan past the days read: those read are drawn meanwhile, the rest come after
    canvas.set_view(year_day(1961.5), year_day(1962.5))
    _paint(canvas)
    assert canvas.reading() and canvas.hits
    read_before = {m.id for _, m in canvas.hits}
    qtbot.waitUntil(lambda: not canvas.reading(), timeout=READ)
    _paint(canvas)
    assert {m.id for _, m in canvas.hits} > read_before


def test_a_read_the_view_has_left_is_dropped(qtbot: QtBot, busy: Archive) -> None:
    chart = _chart(qtbot, busy)
    canvas = chart.canvas
    _years(canvas, 1955, 1956)
    _paint(canvas)
    first = canvas.reads.in_flight
    assert first is not None and first.covers(year_day(1955), year_day(1956))
    _years(canvas, 1975, 1976)  # moved on before the read arrived
    _paint(canvas)
    assert canvas.reads.in_flight is first  # one read at a time
    qtbot.waitUntil(lambda: canvas.reads.dropped == 1 and canvas.events_read(), timeout=READ)
    low, high, marks = canvas.reads.fetched or (0.0, 0.0, [])
    assert year_day(1957) < low <= year_day(1975) and year_day(1976) <= high
    assert marks and all(m.span.low >= low - 1 for m in marks)
    _paint(canvas)
    assert canvas.hits
    assert all(year_day(1974) <= m.span.low < year_day(1977) for _, m in canvas.hits)


def test_a_chart_closed_while_a_read_runs_lets_it_end(qtbot: QtBot, busy: Archive) -> None:
    chart = _chart(qtbot, busy, keep=False)
    canvas = chart.canvas
    _years(canvas, 1965, 1966)
    _paint(canvas)
    read = canvas.reads.in_flight
    assert read is not None
    chart.close()
    chart.deleteLater()
    del chart, canvas
    qtbot.waitUntil(read.result.done, timeout=READ)
    QApplication.processEvents()
    gc.collect()
    assert read.result.exception() is None and read.result.result()


def test_new_lanes_drop_the_read_in_flight(qtbot: QtBot, busy: Archive) -> None:
    chart = _chart(qtbot, busy)
    canvas = chart.canvas
    _years(canvas, 1970, 1971)
    _paint(canvas)
    assert canvas.reads.in_flight is not None
    canvas.set_data(None)  # as when the chart's window is closed
    assert canvas.reads.in_flight is None and not canvas.reading()
    _paint(canvas)


def test_a_picture_holds_the_events_in_view_at_once(qtbot: QtBot, busy: Archive) -> None:
    chart = _chart(qtbot, busy)
    _years(chart.canvas, 1958, 1959)
    chart.render_image()
    assert chart.canvas.events_read() and chart.canvas.hits


def test_cases_beyond_the_lanes_are_one_click_and_a_filter_away(
    qtbot: QtBot, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(timeline_chart, "CASE_LANES", 2)
    with archive.session() as session:
        for n, name in enumerate(["Able", "Baker", "Charlie", "Dumas"]):
            case = Serviceman(surname=name)
            for day in range(n + 1):
                event = TimelineEvent(
                    title=f"{name} {day}", date=FuzzyDate.parse(f"{day + 1} May 1951")
                )
                event.participants = [EventParticipant(serviceman=case)]
                session.add(event)
    chart = TimelineChart(archive.reader)
    qtbot.addWidget(chart)
    chart.resize(1000, 500)
    chart.show()
    with qtbot.waitSignal(chart.loaded, timeout=READ):
        chart.lanes.setCurrentIndex(1)  # lanes by case
    canvas = chart.canvas
    assert canvas.data is not None and canvas.data.lanes == ["Charlie", "Dumas"]
    assert chart.cases_filter.isVisible() and "2 of 4 cases" in chart.status.text()
    _paint(canvas)
    assert canvas.more_row is not None
    canvas.click(canvas.more_row.center())
    qtbot.waitUntil(chart.cases_filter.hasFocus, timeout=READ)
    with qtbot.waitSignal(chart.loaded, timeout=READ):
        qtbot.keyClicks(chart.cases_filter, "able")
    assert canvas.data.lanes == ["Able"] and canvas.data.more_lanes == 0
    assert "1 case named “able”" in chart.status.text()
    _paint(canvas)
    assert canvas.more_row is None
    assert [m.title for _, m in canvas.hits] == ["Able 0"]
    chart.lanes.setCurrentIndex(0)
    assert not chart.cases_filter.isVisible()


def test_a_read_that_fails_says_why_in_one_line(qtbot: QtBot, busy: Archive) -> None:
    broken = [False]

    @contextmanager
    def reader() -> Iterator[Session]:
        if broken[0]:
            raise PowmiaError("The archive is gone")
        with busy.reader() as session:
            yield session

    chart = TimelineChart(reader)
    qtbot.addWidget(chart)
    chart.resize(1000, 400)
    with qtbot.waitSignal(chart.loaded, timeout=READ):
        chart.show_case(None)
    broken[0] = True
    _years(chart.canvas, 1962, 1963)
    _paint(chart.canvas)
    qtbot.waitUntil(lambda: chart.canvas.reads.failure is not None, timeout=READ)
    assert chart.canvas.reads.failure == "The archive is gone"
    _paint(chart.canvas)  # drawn as the counts, marked with why (no read started again)
    assert chart.canvas.reading() and chart.canvas.buckets and not chart.canvas.reads.reading
