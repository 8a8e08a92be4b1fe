"""Every printed fact is cited or visibly uncited.

A fact prints with the numbers of its sources ("near the Yalu River [2, 5]"); a fact with no
citation gets a small "uncited" mark and is counted, so the contents page can say how many
there are; a fact the sources disagree on says so ("disputed — see claims").
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable, Paragraph

from powmia_desktop.reports.styles import TextBlock, markup, paragraph, styles
from powmia_desktop.services.audience import CitationView, ClaimView

UNCITED = "uncited"
DISPUTED = "disputed — see claims"
_MARK_HEX = "#8a5300"

#: Which claims speak to which printed field of a case.
CLAIM_FIELDS: dict[str, tuple[str, ...]] = {
    "loss_place": ("loss_place", "capture_place"),
    "loss_date": ("loss_date", "capture_date"),
    "rank": ("rank",),
    "unit": ("unit",),
}


def _mark(text: str) -> str:
    return f'<font size="7.5" color="{_MARK_HEX}">{text}</font>'


@dataclass
class Tally:
    """How many facts printed without a source (shared by every section of one document)."""

    uncited: int = 0

    def sentence(self) -> str:
        if not self.uncited:
            return "Every fact in this document names its source."
        facts = "fact has" if self.uncited == 1 else "facts have"
        return f"{self.uncited} {facts} no cited source; each is marked “{UNCITED}”."


class SourceNumbers:
    """Numbers sources [1], [2] … in the order first cited, keeping each passage cited.

    With ``fixed`` (a packet's own numbering of its Sources section) the numbers come from
    there and no list is printed under the case. Uncited facts are counted in ``tally``.
    """

    def __init__(self, fixed: dict[int, int] | None = None, tally: Tally | None = None) -> None:
        self.fixed = fixed
        self.tally = tally if tally is not None else Tally()
        self.numbers: dict[int, int] = {}
        self.passages: dict[int, list[CitationView]] = {}

    def refs(self, citations: Iterable[CitationView]) -> str:
        numbers = set()
        for c in citations:
            if self.fixed is not None:
                if c.source_id in self.fixed:
                    numbers.add(self.fixed[c.source_id])
                continue
            if c.source_id not in self.numbers:
                self.numbers[c.source_id] = len(self.numbers) + 1
                self.passages[c.source_id] = []
            passages = self.passages[c.source_id]
            if all((p.locator, p.quote) != (c.locator, c.quote) for p in passages):
                passages.append(c)
            numbers.add(self.numbers[c.source_id])
        return f"[{', '.join(str(n) for n in sorted(numbers))}]" if numbers else ""

    def cite(self, text: str, citations: Iterable[CitationView], *, disputed: bool = False) -> str:
        """``text`` as markup with its source numbers, or marked (and counted) uncited."""
        if not text:
            return ""
        shown = markup(text)
        if disputed:
            shown += " " + _mark(DISPUTED)
        refs = self.refs(citations)
        if refs:
            return f"{shown} {refs}"
        return shown + " " + self.uncited_mark()

    def sources(self, citations: Iterable[CitationView]) -> str:
        """Just the source numbers of a fact printed elsewhere in its row, or the mark."""
        return self.refs(citations) or self.uncited_mark()

    def uncited_mark(self) -> str:
        """The small mark after a fact with no source (counted)."""
        self.tally.uncited += 1
        return _mark(UNCITED)

    def cited(
        self,
        text: str,
        citations: Iterable[CitationView],
        *,
        disputed: bool = False,
        bold: bool = False,
    ) -> Paragraph | str:
        """A table cell: the cited fact as a paragraph ("" when there is no fact)."""
        shown = self.cite(text, citations, disputed=disputed)
        if not shown:
            return ""
        s = styles()
        return paragraph(shown, s.cell_bold if bold else s.cell)


def field_claims(claims: Sequence[ClaimView], field: str) -> list[ClaimView]:
    """The claims that speak to a printed field (its own fact, or the capture for a loss)."""
    keys = CLAIM_FIELDS.get(field, (field,))
    return [c for c in claims if c.key in keys]


def is_disputed(claims: Sequence[ClaimView]) -> bool:
    """The sources disagree: a version marked disputed, or two versions still standing."""
    standing = [c for c in claims if c.status.casefold() != "rejected"]
    if any(c.status.casefold() == "disputed" for c in standing):
        return True
    return len({c.value.strip().casefold() for c in standing}) > 1


class TallyNote(Flowable):  # type: ignore[misc]
    """The count of uncited facts, read when laid out (after every section was written)."""

    def __init__(self, tally: Tally) -> None:
        super().__init__()
        self.tally = tally
        self._text: TextBlock | None = None

    def _paragraph(self) -> TextBlock:
        if self._text is None:
            self._text = TextBlock(markup(self.tally.sentence()), styles().small)
        return self._text

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        size: tuple[float, float] = self._paragraph().wrap(availWidth, availHeight)
        return size

    def draw(self) -> None:
        self._paragraph().drawOn(self.canv, 0, 0)
