"""Frame times of the timeline chart while it is zoomed and panned, rendered offscreen.

Opens the archive's timeline chart (every case, lanes by category, then by case) at
1400 × 800 and plays a fixed path: from the whole timeline, zoom in step by step (a wheel
notch each, 1.25×) around the densest days of the war until single events are drawn, pan
there, zoom back out and pan across the decades. Each frame is the step itself plus a full
paint of the chart into a QImage (``canvas.paint``); frames come at most 60 a second, the
event loop running in between as in the window, so the events a view needs are read on
their own thread meanwhile (gui/timeline_view/reads.py) and drawn by a later frame. Prints
the median, 95th percentile and worst frame in milliseconds (wall and CPU time of this
thread: on a busy machine the wall time stretches, so the load average is printed too),
how many frames drew single events and how many were still waiting for some, and the
seconds to read the chart's lanes and counts (on a thread of its own too).

Usage: QT_QPA_PLATFORM=offscreen python bench/timeline_frames.py ARCHIVE [--json]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path
from powmia_desktop.gui.collector import collect_on_gui_thread
from powmia_desktop.gui.timeline_view.canvas import TimelineCanvas
from powmia_desktop.gui.timeline_view.chart import TimelineChart

WIDTH, HEIGHT = 1400, 800
#: a frame's slot: frames come at most this often, the event loop running in between
SLOT_S = 1 / 60


def _densest_day(canvas: TimelineCanvas) -> float:
    """The start of the busiest month (where zooming in costs the most)."""
    assert canvas.data is not None
    histogram = canvas.data.histogram
    buckets: dict[float, int] = {}
    for lane in range(histogram.lanes):
        for start, n in histogram.buckets(lane, canvas.low, canvas.high, 30.44):
            buckets[start] = buckets.get(start, 0) + n
    return max(buckets, key=lambda start: buckets[start]) if buckets else canvas.low


def _path(canvas: TimelineCanvas) -> list[Callable[[], None]]:
    """The steps of the fixed path, from the whole timeline in view."""
    steps: list[Callable[[], None]] = []
    around = canvas.x_of(_densest_day(canvas) + 15)
    steps += [lambda: canvas.zoom(1.25, around)] * 44  # 80 years down to a few days
    steps += [lambda: canvas.pan(40)] * 30 + [lambda: canvas.pan(-40)] * 30
    steps += [lambda: canvas.zoom(1 / 1.25, around)] * 44
    steps += [lambda: canvas.pan(60)] * 40 + [lambda: canvas.pan(-60)] * 40
    steps += [lambda: canvas.zoom(1.25)] * 12 + [lambda: canvas.pan(-50)] * 40
    return steps


def _frames(chart: TimelineChart, slot: float) -> dict[str, Any]:
    canvas = chart.canvas
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    walls: list[float] = []
    cpus: list[float] = []
    detail = waiting = 0
    for step in _path(canvas):
        wall, cpu = time.perf_counter(), time.thread_time()
        step()
        painter = QPainter(image)
        canvas.paint(painter, WIDTH, HEIGHT)
        painter.end()
        cpus.append((time.thread_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
        detail += canvas.in_detail()
        waiting += canvas.reading()
        QApplication.processEvents()  # a read may arrive, as between frames in the window
        while time.perf_counter() < wall + slot:  # the rest of the frame's slot
            time.sleep(0.001)
            QApplication.processEvents()
    while not canvas.events_read():  # the last read ends before the chart is closed
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    walls.sort()
    return {
        "frames": len(walls),
        "detail_frames": detail,
        "waiting_frames": waiting,
        "median_ms": statistics.median(walls),
        "p95_ms": walls[int(len(walls) * 0.95) - 1],
        "worst_ms": walls[-1],
        "median_cpu_ms": statistics.median(cpus),
        "worst_cpu_ms": max(cpus),
    }


def measure(path: Path, slot: float = SLOT_S) -> dict[str, Any]:
    """The figures for the archive at ``path``; ``slot``: seconds between frames' starts."""
    app = QApplication.instance() or QApplication([])
    collect_on_gui_thread(app)  # as the window does: never a collection on a reading thread
    archive = Archive.open(location_for_path(path))
    try:
        chart = TimelineChart(archive.reader)
        chart.resize(WIDTH, HEIGHT + 40)
        result: dict[str, Any] = {}
        arrived: list[bool] = []
        chart.loaded.connect(lambda: arrived.append(True))
        for index, name in enumerate(("category", "case")):
            arrived.clear()
            started = time.perf_counter()
            if index:
                chart.lanes.setCurrentIndex(index)  # reads the lanes by case
            else:
                chart.show_case(None)
            while not arrived:  # read on a thread of its own
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
            loaded = time.perf_counter() - started
            assert chart.canvas.data is not None
            result[name] = {
                "events": chart.canvas.data.total,
                "lanes": len(chart.canvas.data.lanes),
                "load_s": loaded,
                **_frames(chart, slot),
            }
            chart.canvas.fit()
        chart.close()
        del chart
        return result
    finally:
        gc.collect()  # the chart's Qt objects go here, on this thread, not on some other one
        archive.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    result = measure(args.archive)
    result["load_average"] = os.getloadavg()[0]  # wall times stretch when other work runs
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"load average {result.pop('load_average'):.1f} on {os.cpu_count()} CPUs")
    for name, r in result.items():
        print(
            f"lanes by {name}: {r['events']:,} events in {r['lanes']} lanes, read in "
            f"{r['load_s']:.2f} s; {r['frames']} frames ({r['detail_frames']} drawing single "
            f"events, {r['waiting_frames']} of them while some were read): "
            f"median {r['median_ms']:.1f} ms, 95% {r['p95_ms']:.1f} ms, worst "
            f"{r['worst_ms']:.1f} ms (CPU median {r['median_cpu_ms']:.1f}, "
            f"worst {r['worst_cpu_ms']:.1f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
