"""A mail-merged letter to an official as a PDF: the sender's address, the date, the
official's name and office address, the letter itself, then the case summary attached."""

from reportlab.platypus import Flowable, PageBreak

from powmia_desktop.reports.document import PageFurniture, Rendered, render
from powmia_desktop.reports.flowables import gap, lines, para
from powmia_desktop.reports.styles import styles
from powmia_desktop.reports.summary import case_story
from powmia_desktop.services.letters import Letter


def letter_story(letter: Letter) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = []
    if letter.sender_address:
        story.append(lines((letter.sender, "bold"), *((a, "body") for a in letter.sender_address)))
        story.append(gap(14))
    story.append(para(f"{letter.date.day} {letter.date:%B %Y}", s.body))
    story.append(gap(10))
    story.append(
        lines(
            (letter.official, "bold"),
            (letter.title, "body"),
            *((a, "body") for a in letter.address),
        )
    )
    story.append(gap(14))
    story.append(para(f"Re: {letter.subject}", s.body, bold=True))
    story.append(gap(6))
    for text in letter.paragraphs:
        for n, line in enumerate(text.split("\n")):
            story.append(para(line, s.body))
            if n == len(text.split("\n")) - 1:
                story.append(gap(4))
    if letter.cases:
        story.append(gap(10))
        story.append(para(f"Attached: case summary of {', '.join(c.name for c in letter.cases)}"))
    for case in letter.cases:
        story.append(PageBreak())
        story += case_story(case)
    return story


def render_letter(letter: Letter) -> Rendered:
    """One letter with its case summaries, as PDF bytes."""
    furniture = PageFurniture(
        header_left=f"To {letter.official}",
        header_right=letter.subject,
        footer_left=f"From {letter.sender}",
        skip_first_page=True,
    )
    return render(
        letter_story(letter),
        furniture,
        title=f"Letter to {letter.official}: {letter.subject}",
        author=letter.sender,
        subject=letter.subject,
    )
