"""A cross-reference as a packet section: worked out when the packet's data is gathered and
cut to what the packet's audience may read (each man left out is written to the packet's
log of what was withheld, as every other section's records are).

The cross-reference itself (and the list importer's readers it uses) is imported only when
a packet has such a section: a case summary prints sooner without them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.services.audience import Audience, Gate, RedactionLog

if TYPE_CHECKING:
    from powmia_desktop.services.lists.crossref import CrossRef


@dataclass(frozen=True)
class CrossRefPart:
    """What one crossref section prints: the result (or why there is none) and how many
    men the audience may not read about were left out."""

    result: CrossRef | None
    withheld: int = 0
    problem: str = ""


#: The heading every crossref section prints, before what it sets against what.
SECTION_HEADING = "Lists cross-reference"


def section_heading(options: Any, result: CrossRef | None = None) -> str:
    """The section's heading with its options: the list and what it is set against (the
    titles as the archive spells them once they are found, else as the options name them)."""
    if result is not None:
        return f"{SECTION_HEADING} — {result.title}"
    name = str(options.option("list") or "").strip()
    against = str(options.option("against") or "").strip()
    status = str(options.option("status") or "").strip()
    if not name:
        return SECTION_HEADING
    if against:
        return f"{SECTION_HEADING} — {name} against {against}"
    if status:
        return f"{SECTION_HEADING} — {name}: carried as {status}"
    return f"{SECTION_HEADING} — {name}: the latest edition against the one before"


def crossref_part(
    session: Session, options: Any, audience: Audience, log: RedactionLog
) -> CrossRefPart:
    """The section's cross-reference: ``options`` gives the list, and ``against`` another
    list or else ``status`` a status (neither: the list's two latest editions)."""
    from powmia_desktop.services.lists import crossref

    name = str(options.option("list") or "").strip()
    against = str(options.option("against") or "").strip()
    status = str(options.option("status") or "").strip()
    try:
        if not name:
            return CrossRefPart(None, problem="No list was named for this section.")
        first = crossref.find_list(session, name)
        if against:
            result = crossref.against(session, first, crossref.find_list(session, against))
        elif status:
            result = crossref.with_status(session, first, status)
        else:
            result = crossref.between_editions(session, first)
    except PowmiaError as error:
        return CrossRefPart(None, problem=str(error))
    read, withheld = read_by(result, audience, log)
    return CrossRefPart(read, withheld)


def read_by(
    result: CrossRef, audience: Audience, log: RedactionLog | None = None
) -> tuple[CrossRef, int]:
    """``result`` as ``audience`` may read it, wherever it goes (a packet, the command line,
    the window's tab): the men it may not read about left out of it (``result`` is cut in
    place; each is logged) and the phone numbers, e-mail and street addresses it hides
    taken out of the rest; with how many men were left out."""
    from powmia_desktop.services.lists import crossref

    log = RedactionLog() if log is None else log

    def allows(level: Sensitivity) -> bool:
        if audience.allows(level):
            return True
        rule = "private" if level is Sensitivity.PRIVATE else "ceiling"
        log.withhold("list cross-reference", "a man on the list", level, rule, "crossref")
        return False

    withheld = crossref.restrict(result, allows)
    return _scrubbed(result, Gate(audience, log)), withheld


def _scrubbed(result: CrossRef, gate: Gate) -> CrossRef:
    """The result with the phone numbers, e-mail and street addresses the audience hides
    taken out of its titles and of each row (a name as printed on a list is free text)."""
    what = "lists cross-reference"
    level = Sensitivity.PUBLIC
    groups = [
        replace(
            gate.view_key(f"crossref:{g.key}", level, g, what),
            rows=[
                gate.view_key(f"crossref:{g.key}:{i}", row.sensitivity, row, what)
                for i, row in enumerate(g.rows)
            ],
        )
        for g in result.groups
    ]
    return replace(gate.view_key("crossref", level, result, what), groups=groups)
