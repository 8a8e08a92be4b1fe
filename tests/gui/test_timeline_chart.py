"""The timeline chart in the window: zoom, click to open, pictures, fuzzy ranges, counts."""

import gc
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path
from powmia_desktop.db.models import EventParticipant, Serviceman, TimelineEvent
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.gui.timeline_view.canvas import DETAIL_LIMIT, bucket_words
from powmia_desktop.gui.timeline_view.chart import TimelineChart
from powmia_desktop.gui.timeline_view.panels import CaseChartPanel
from powmia_desktop.services.timeline_layout import year_day


@pytest.fixture(autouse=True)
def collected_here() -> Iterator[None]:
    """Widgets a test made are freed on this thread after it, never by a collection that
    a list's reading thread happens to run."""
    yield
    gc.collect()


def _chart(qtbot: QtBot, archive: Archive, case_id: int | None = None) -> TimelineChart:
    chart = TimelineChart(archive.reader)
    qtbot.addWidget(chart)
    chart.resize(1200, 600)
    chart.show()
    with qtbot.waitSignal(chart.loaded, timeout=20_000):
        chart.show_case(case_id)
    qtbot.waitExposed(chart)
    return chart


def _painted(chart: TimelineChart) -> QImage:
    image = chart.canvas.grab().toImage()
    return image


def _case_id(archive: Archive) -> int:
    with archive.reader() as session:
        return session.scalars(select(Serviceman.id)).first()  # type: ignore[return-value]


def test_wheel_and_keys_zoom_and_home_shows_it_all(qtbot: QtBot, demo_archive: Archive) -> None:
    chart = _chart(qtbot, demo_archive, _case_id(demo_archive))
    canvas = chart.canvas
    whole = canvas.days_per_pixel
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.days_per_pixel < whole * 0.7
    qtbot.mouseClick(chart.zoom_out_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(chart.zoom_out_button, Qt.MouseButton.LeftButton)
    assert canvas.days_per_pixel > whole
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    assert canvas.days_per_pixel == whole
    low = canvas.low
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.low > low and canvas.days_per_pixel == whole


def test_a_drag_pans_the_view(qtbot: QtBot, demo_archive: Archive) -> None:
    chart = _chart(qtbot, demo_archive, _case_id(demo_archive))
    canvas = chart.canvas
    low, scale = canvas.low, canvas.days_per_pixel
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPointF(700, 400).toPoint())
    qtbot.mouseMove(canvas, QPointF(600, 400).toPoint())
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPointF(600, 400).toPoint())
    assert canvas.low > low and abs(canvas.days_per_pixel - scale) < 1e-9


def test_clicking_an_event_opens_it_in_the_timeline_editor(
    qtbot: QtBot, demo_archive: Archive, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(demo_archive)
    window.show()
    window.show_section("timeline")
    page = window.section("timeline").page
    button = next(b for b in page.findChildren(QPushButton) if b.text() == "Chart…")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    chart_window = window.timeline_window
    assert chart_window is not None
    qtbot.waitUntil(lambda: chart_window.chart.canvas.data is not None, timeout=20_000)
    qtbot.waitExposed(chart_window)
    canvas = chart_window.chart.canvas
    _painted(chart_window.chart)
    assert canvas.in_detail() and canvas.hits
    rect, mark = canvas.hits[0]
    event_id = mark.id
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert window.current.key == "timeline"
    assert window.editors["timeline"].record_id == event_id
    chart_window.close()


def test_the_case_tab_draws_the_case_and_a_click_asks_to_open_the_event(
    qtbot: QtBot, demo_archive: Archive
) -> None:
    from powmia_desktop.gui.ops import ArchiveOps

    ops = ArchiveOps(demo_archive)
    panel = CaseChartPanel(ops)
    qtbot.addWidget(panel)
    panel.resize(1100, 600)
    panel.show()
    with qtbot.waitSignal(panel.chart.loaded, timeout=20_000):
        panel.load(_case_id(demo_archive))
    canvas = panel.chart.canvas
    assert canvas.data is not None and canvas.data.total == len(canvas.marks_in_view()) > 5
    _painted(panel.chart)
    rect, mark = canvas.hits[-1]
    event_id = mark.id
    with qtbot.waitSignal(panel.open_record, timeout=5000) as opened:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert opened.args == ["event", event_id]


def test_export_writes_a_png_and_an_svg(
    qtbot: QtBot, demo_archive: Archive, tmp_path: Path
) -> None:
    chart = _chart(qtbot, demo_archive)
    chart.export(tmp_path / "t.png")
    image = QImage(str(tmp_path / "t.png"))
    assert not image.isNull() and image.width() >= 900 and image.height() >= 240
    chart.export(tmp_path / "t.svg")
    root = ET.parse(tmp_path / "t.svg").getroot()
    assert root.tag.endswith("svg")
    text = (tmp_path / "t.svg").read_text(encoding="utf-8")
    assert "Korean War" in text and "Capture" in text


def _add(archive: Archive, title: str, date: str) -> int:
    with archive.session() as session:
        case = Serviceman(surname="Fuzzy")
        event = TimelineEvent(title=title, date=FuzzyDate.parse(date), category="report")
        event.participants = [EventParticipant(serviceman=case)]
        session.add(event)
        session.flush()
        return case.id


def _coloured_columns(image: QImage, y: int, gutter: float) -> list[int]:
    """The x of every pixel on row ``y`` right of the lane names that is not white or grey."""
    found = []
    for x in range(int(gutter), image.width()):
        c = QColor(image.pixel(x, y))
        if max(c.red(), c.green(), c.blue()) - min(c.red(), c.green(), c.blue()) > 6:
            found.append(x)
    return found


def test_a_fuzzy_date_is_drawn_as_a_range_fading_at_its_ends(
    qtbot: QtBot, archive: Archive
) -> None:
    case_id = _add(archive, "Seen in a camp", "between 1960 and 1970")
    chart = _chart(qtbot, archive, case_id)
    canvas = chart.canvas
    canvas.set_view(year_day(1955), year_day(1975))
    image = _painted(chart)
    ((rect, _),) = canvas.hits
    left, right = canvas.x_of(year_day(1960)), canvas.x_of(year_day(1971))
    assert rect.width() > 0 and abs(rect.left() - (left - 2)) < 1
    y = int(rect.center().y())
    middle = QColor(image.pixel(int((left + right) / 2), y))
    near_end = QColor(image.pixel(int(left + 3), y))
    assert near_end.lightness() > middle.lightness() + 40  # the uncertain end is faded
    bar = [x for x in _coloured_columns(image, y, canvas.gutter) if x < right + 2]
    assert bar and min(bar) <= left + 8 and max(bar) >= right - 8


def test_many_events_are_counted_until_zoomed_in(qtbot: QtBot, archive: Archive) -> None:
    with archive.session() as session:
        for n in range(DETAIL_LIMIT * 2):
            month = ("Jan", "Feb", "Mar", "Apr")[n % 4]
            date = FuzzyDate.parse(f"{n % 28 + 1} {month} {1951 + n % 30}")
            session.add(TimelineEvent(title=f"Event {n}", date=date, category="report"))
    chart = _chart(qtbot, archive)
    canvas = chart.canvas
    assert canvas.data is not None and canvas.data.total == DETAIL_LIMIT * 2
    assert not canvas.in_detail()
    _painted(chart)
    assert canvas.buckets and not canvas.hits
    assert "zoom in" in chart.status.text()
    rect, low, high, count = canvas.buckets[0]
    assert count > 0 and canvas.bucket_at(rect.center()) == (low, high, count)
    assert bucket_words(low, high, count).startswith(f"{count:,} event")
    canvas.click(rect.center())
    assert canvas.in_detail()
    qtbot.waitUntil(canvas.events_read, timeout=20_000)  # read on a thread of its own
    _painted(chart)
    assert canvas.hits and not canvas.buckets


def test_lanes_taller_than_the_chart_scroll(qtbot: QtBot, demo_archive: Archive) -> None:
    chart = _chart(qtbot, demo_archive)
    chart.resize(1200, 300)
    canvas = chart.canvas
    qtbot.waitUntil(
        lambda: (
            chart.lane_scroll.isVisible()
            and chart.lane_scroll.maximum() == int(canvas.needed - canvas.height())
        ),
        timeout=5000,
    )
    assert chart.canvas.needed > chart.canvas.height()
    chart.lane_scroll.setValue(chart.lane_scroll.maximum())
    assert chart.canvas.top == chart.lane_scroll.maximum() > 0
    qtbot.keyClick(chart.canvas, Qt.Key.Key_Up)
    assert chart.canvas.top < chart.lane_scroll.maximum()
    assert chart.lane_scroll.value() == int(chart.canvas.top)


def test_the_chart_window_follows_the_archive_opened(
    qtbot: QtBot, demo_archive: Archive, make_window: Callable[..., MainWindow], tmp_path: Path
) -> None:
    window = make_window(demo_archive)
    window.show()
    window.open_timeline_chart()
    chart_window = window.timeline_window
    assert chart_window is not None
    qtbot.waitUntil(lambda: chart_window.chart.canvas.data is not None, timeout=20_000)
    assert chart_window.chart.canvas.data.total > 30
    other = Archive.open(location_for_path(tmp_path / "other.sqlite"), create=True)
    with qtbot.waitSignal(chart_window.chart.loaded, timeout=20_000):
        window.switch_archive(other)
        assert chart_window.chart.canvas.data is None  # nothing of the last archive meanwhile
        assert chart_window.chart.canvas.reads.in_flight is None
    assert chart_window.chart.canvas.data is not None
    assert chart_window.chart.canvas.data.total == 0
    chart_window.close()
