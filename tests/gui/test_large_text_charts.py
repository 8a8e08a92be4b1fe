"""The charts at a large text size: their words are drawn whole in the room left for them
(the counts beside a campaign's chart, the goal above it, the days under it), and the
timeline chart's rows are as tall as their names, which never run into the next row."""

import datetime as dt
import itertools

from PySide6.QtGui import QFontMetrics, QFontMetricsF
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from tests.helpers.large_text import LARGE, WINDOW, settle, text_size

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Serviceman
from powmia_desktop.gui.campaigns.chart import ProgressChartWidget
from powmia_desktop.gui.timeline_view.chart import TimelineChart


def test_a_campaign_chart_leaves_room_for_its_words_at_a_large_text_size(qtbot: QtBot) -> None:
    with text_size(LARGE):
        chart = ProgressChartWidget()
        qtbot.addWidget(chart)
        chart.set_series([(dt.date(2021, 6, 1), 1_160), (dt.date(2022, 3, 1), 12_480)], 15_000, "")
        chart.resize(560, 260)
        chart.show()
        settle()
        assert chart.shape is not None
        metrics = QFontMetrics(chart.small_font())
        assert metrics.height() > 20  # the text is large
        area = chart.plot_area()
        widest = max(metrics.horizontalAdvance(f"{value:,}") for value, _ in chart.shape.ticks)
        assert widest >= metrics.horizontalAdvance("15,000")
        assert area.left() >= widest + 6, "the counts at the left are cut"
        assert area.top() >= metrics.height() + 2, "the goal's words above the top are cut"
        assert chart.height() - area.bottom() >= metrics.height() + 2, "the days are cut"
        assert area.width() > 300 and area.height() > 100


def test_the_timeline_chart_rows_hold_large_text_without_running_into_each_other(
    qtbot: QtBot, demo_archive: Archive
) -> None:
    with text_size(LARGE):
        chart = TimelineChart(demo_archive.reader)
        qtbot.addWidget(chart)
        chart.resize(WINDOW[0], WINDOW[1])
        chart.show()
        with demo_archive.reader() as session:
            case_id = session.scalars(select(Serviceman.id)).first()
        with qtbot.waitSignal(chart.loaded, timeout=20_000):
            chart.show_case(case_id)
        qtbot.waitExposed(chart)
        canvas = chart.canvas
        canvas.grab()  # a drawing records where each event landed
        assert canvas.in_detail() and len(canvas.hits) >= 10
        line = QFontMetricsF(canvas.font()).height()
        assert line > 20  # the text is large
        rects = [rect for rect, _mark in canvas.hits]
        assert all(rect.height() >= line for rect in rects), "a row is lower than its text"
        for a, b in itertools.combinations(rects, 2):  # names in rows of their own
            if abs(a.top() - b.top()) > 1:
                assert min(a.bottom(), b.bottom()) - max(a.top(), b.top()) <= 1, (a, b)
