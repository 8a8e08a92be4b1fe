"""The campaign report: progress toward the goal (chart and counts), the correspondence
with replies outstanding, and the cases the campaign is for — all from a CampaignView, so
nothing the audience may not see reaches the page."""

import datetime as dt

from reportlab.platypus import Flowable

from powmia_desktop.core.progress import Progress as ProgressCallback
from powmia_desktop.reports.document import Heading, PageFurniture, Rendered, render
from powmia_desktop.reports.flowables import (
    data_table,
    fields_table,
    gap,
    none_recorded,
    para,
    paragraphs,
    section,
)
from powmia_desktop.reports.progress_chart import ProgressChart
from powmia_desktop.reports.styles import styles
from powmia_desktop.services.audience import Audience
from powmia_desktop.services.audience.campaigns import CampaignView
from powmia_desktop.services.campaign_chart import chart_shape
from powmia_desktop.services.values import day_text


def campaign_story(view: CampaignView) -> list[Flowable]:
    s = styles()
    state = view.progress
    story: list[Flowable] = [
        Heading(view.title, 0, key=f"campaign-{view.id}"),
        para(" · ".join(p for p in (view.kind, view.status) if p), s.subtitle),
        fields_table(
            [
                ("Addressed to", view.addressed_to),
                ("Started", view.started),
                ("Progress", state.text()),
                ("Last counted", day_text(state.counted_on) if state.counted_on else ""),
            ]
        ),
    ]
    if view.description:
        story += [gap(4), *paragraphs(view.description)]
    story += section(Heading("Progress toward the goal", 1))
    shape = chart_shape([(c.day, c.count) for c in view.counts], state.goal)
    if shape is None:
        story.append(none_recorded("counts"))
    else:
        story += [
            ProgressChart(shape, state.unit, state.goal),
            gap(8),
            data_table(
                ["Date", "Count", "Where the number was read"],
                [[day_text(c.day), f"{c.count:,}", c.source] for c in view.counts],
                [2.2, 1.6, 6.2],
            ),
        ]
    outstanding = sum(1 for letter in view.letters if letter.outstanding)
    heading = "Correspondence"
    if outstanding:
        heading += f" ({outstanding} waiting for a reply past its date)"
    story += section(Heading(heading, 1))
    if view.letters:
        rows = [
            [
                x.date,
                f"{x.direction}: {', '.join(p for p in (x.official, x.office) if p)}",
                f"{x.kind}: {x.subject}",
                ("OVERDUE: " if x.outstanding else "") + x.reply,
            ]
            for x in view.letters
        ]
        story.append(data_table(["Date", "To / from", "Subject", "Reply"], rows, [1.6, 3, 3.4, 2]))
    else:
        story.append(none_recorded("correspondence"))
    story += section(Heading("The cases concerned", 1))
    story += [para(name) for name in view.cases] or [none_recorded("cases")]
    return story


def render_campaign_report(
    view: CampaignView,
    audience: Audience,
    *,
    prepared_on: dt.date | None = None,
    author: str = "",
    progress: ProgressCallback | None = None,
) -> Rendered:
    """The campaign report for ``audience`` as PDF bytes (the caller saves them)."""
    day = prepared_on or dt.date.today()
    furniture = PageFurniture(
        header_left=f"Campaign: {view.title}",
        header_right=f"For: {audience.name}",
        footer_left=f"Prepared {day_text(day)}",
    )
    return render(
        campaign_story(view),
        furniture,
        title=f"Campaign report: {view.title}",
        author=author,
        subject=f"Prepared for {audience.name}",
        progress=progress,
    )
