"""How fast packets and case summaries are built (issue 4), beside bare ReportLab.

Run from the repository root: ``.venv/bin/python bench/reports_bench.py [--cases 2000]``.
It makes a throw-away archive of generated cases (Core inserts, as a list import would),
then times:

* a 50-case briefing packet (gather the redacted view + lay out: a pass that only measures,
  then the pass that draws, the table of contents already filled in), end to end;
* a case summary for each of N cases, each its own PDF (what ``powmia summary`` does), and
  the same summaries as one document;
* a bare ReportLab document of the same text (Helvetica paragraphs, no tables, no fonts
  embedded, no table of contents), per case and as one document — the floor.

Prints a small table of CPU seconds (this process only, so other work on the machine
disturbs it less than wall time); nothing is asserted.
"""

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.reports.pdfs (the case generator the tests use)

from reportlab.lib.styles import getSampleStyleSheet  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate  # noqa: E402
from reportlab.platypus.flowables import PageBreak  # noqa: E402
from tests.reports.pdfs import add_generated_cases  # noqa: E402

from powmia_desktop.db.archive import Archive  # noqa: E402
from powmia_desktop.db.location import location_for_path  # noqa: E402
from powmia_desktop.reports.document import PageFurniture, render  # noqa: E402
from powmia_desktop.reports.packet import render_packet  # noqa: E402
from powmia_desktop.reports.summary import case_story, render_case_summary  # noqa: E402
from powmia_desktop.services import packets  # noqa: E402
from powmia_desktop.services.audience import CaseView, RedactionLog, case_views  # noqa: E402

T = TypeVar("T")


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    """The result and the CPU seconds it took (steadier than wall time on a busy machine)."""
    start = time.process_time()
    result = fn()
    return result, time.process_time() - start


def case_text(case: CaseView) -> list[str]:
    """The words a summary prints, as plain paragraphs (for the bare ReportLab floor)."""
    lines = [case.name, case.unit, case.loss_date, case.loss_place, case.circumstances]
    lines += [f"{c.date} {c.status} {c.authority}" for c in case.status_history]
    lines += [f"{c.fact}: {c.value} ({c.status})" for c in case.claims]
    lines += [case.summary]
    return [line for line in lines if line]


def bare_pdf(cases: list[CaseView]) -> int:
    style = getSampleStyleSheet()["Normal"]
    story = []
    for i, case in enumerate(cases):
        if i:
            story.append(PageBreak())
        story += [Paragraph(line, style) for line in case_text(case)]
    doc = SimpleDocTemplate(BytesIO())
    doc.build(story)
    return int(doc.page)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000, help="summaries to build (2000)")
    args = parser.parse_args()
    rows: list[tuple[str, float, int]] = []
    with tempfile.TemporaryDirectory() as folder:
        archive = Archive.open(location_for_path(Path(folder) / "bench.sqlite"), create=True)
        with archive.session() as session:
            ids = add_generated_cases(session, max(args.cases, 50))
        with archive.reader() as session:
            officials = packets.find_audience(session, "officials")
            request = packets.PacketRequest(
                packets.default_template(), officials, case_ids=tuple(ids[:50])
            )

            def packet() -> int:
                data = packets.gather_packet(session, request)
                return render_packet(data).pages

            pages, seconds = timed(packet)
            rows.append(("50-case packet (gather + measure + draw)", seconds, pages))

            views, seconds = timed(
                lambda: case_views(session, ids[: args.cases], officials, RedactionLog())
            )
            rows.append((f"redacted views of {len(views)} cases", seconds, 0))

        def separate() -> int:
            return sum(render_case_summary(v, officials).pages for v in views)

        pages, seconds = timed(separate)
        rows.append((f"{len(views)} summaries, one PDF each", seconds, pages))

        def together() -> int:
            story = []
            for i, view in enumerate(views):
                if i:
                    story.append(PageBreak())
                story += case_story(view)
            return render(story, PageFurniture("Summaries"), title="Summaries", author="").pages

        pages, seconds = timed(together)
        rows.append((f"{len(views)} summaries in one PDF", seconds, pages))

        pages, seconds = timed(lambda: sum(bare_pdf([v]) for v in views))
        rows.append((f"bare ReportLab, same text, {len(views)} PDFs", seconds, pages))
        pages, seconds = timed(lambda: bare_pdf(views))
        rows.append(("bare ReportLab, same text, one PDF", seconds, pages))
        archive.close()

    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  {'cpu s':>8}  {'pages':>6}  {'pages/s':>8}")
    for what, seconds, pages in rows:
        rate = f"{pages / seconds:8.0f}" if pages else f"{'':8}"
        shown = f"{pages:6d}" if pages else f"{'':6}"
        print(f"{what:<{width}}  {seconds:8.2f}  {shown}  {rate}")


if __name__ == "__main__":
    main()
