"""The timeline frame benchmark (bench/timeline_frames.py) runs on a small archive.

It asserts no timings (those are for the bench archive of 500,000 events); only that the
path is played in both lane modes, that some frames draw single events and that every
figure is reported.
"""

import sys
from pathlib import Path

import pytest

from powmia_desktop.db.archive import Archive

BENCH = Path(__file__).resolve().parents[1] / "bench"


def test_the_frame_benchmark_plays_its_path_and_reports(
    qapp: object, demo_archive: Archive, archive_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(BENCH))
    import timeline_frames

    demo_archive.close()
    result = timeline_frames.measure(archive_path, slot=0.0)  # frames back to back
    assert set(result) == {"category", "case"}
    for figures in result.values():
        assert figures["events"] > 10 and figures["frames"] > 200
        assert 0 < figures["detail_frames"] <= figures["frames"]
        assert figures["worst_ms"] >= figures["median_ms"] > 0
    sys.modules.pop("timeline_frames", None)
