"""A cross-reference of lists (services/lists/crossref.py) as printed pages: a heading per
group with its count, and a table of the men in it with both statuses side by side. The
same flowables print stand-alone (``render_crossref``) and as a packet section."""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable

from powmia_desktop.reports.citing import Tally
from powmia_desktop.reports.document import Heading, PageFurniture, Rendered, render
from powmia_desktop.reports.flowables import (
    data_table,
    end_of_section,
    gap,
    none_recorded,
    para,
    section,
)
from powmia_desktop.reports.styles import styles
from powmia_desktop.services.lists.crossref import CrossRef
from powmia_desktop.services.lists.packet import section_heading
from powmia_desktop.services.packets import PacketData, Section


def crossref_story(
    result: CrossRef, *, level: int = 0, withheld: int = 0, heading: str = ""
) -> list[Flowable]:
    """The result's flowables under a heading at ``level`` (0: a section of its own), its
    title unless ``heading`` is given."""
    s = styles()
    story: list[Flowable] = [Heading(heading or result.title, level)]
    if withheld:
        noun = "man" if withheld == 1 else "men"
        story.append(para(f"{withheld:,} {noun} not shown: marked beyond this audience.", s.small))
    for group in result.groups:
        heading = Heading(f"{group.heading} ({len(group.rows):,})", level + 1, toc=False)
        if not group.rows:
            story += [heading, none_recorded("one"), gap(8)]
            continue
        rows = [
            [r.name, str(r.case_id or "—"), str(r.row_number or ""), r.first, r.second]
            for r in group.rows
        ]
        table = data_table(
            ["Name", "Case", "Row", result.first_label, result.second_label],
            rows,
            [4, 1, 1, 3, 3],
        )
        story += [*section(heading, table), gap(8)]
    return story


def render_crossref(
    result: CrossRef,
    *,
    audience_name: str,
    withheld: int = 0,
    prepared_by: str = "",
    prepared_on: dt.date | None = None,
) -> Rendered:
    """A stand-alone PDF of the cross-reference (bytes; the caller saves it)."""
    day = prepared_on or dt.date.today()
    furniture = PageFurniture(
        header_left=f"Cross-reference: {result.title}",
        header_right=f"For: {audience_name}",
        footer_left=f"Prepared {day.day} {day:%b %Y}",
    )
    return render(
        crossref_story(result, withheld=withheld),
        furniture,
        title=f"Cross-reference: {result.title}",
        author=prepared_by,
        subject=f"Prepared for {audience_name}",
    )


def crossref_section(data: PacketData, options: Section, tally: Tally) -> list[Flowable]:
    """The packet section: the cross-reference gathered for it, as its audience may read it,
    under a heading that names the list and what it is set against."""
    part = next((p for s, p in data.crossrefs if s == options), None)
    if part is None:
        return []
    heading = section_heading(options, part.result)
    if part.result is None:
        return [Heading(heading, 0), para(part.problem, styles().small), *end_of_section()]
    story = crossref_story(part.result, withheld=part.withheld, heading=heading)
    return [*story, *end_of_section()]
