"""What may leave the archive: the one place exports decide it.

Every export takes a ``Privacy``: a sensitivity ceiling (default ``family``) and whether
``private`` records may go too. ``private`` never leaves unless ``include_private`` is set,
whatever ceiling is asked for. The test is ``sensitivity <= ceiling`` in SQL, applied to
each table an export reads, child rows (phones, emails, addresses, citations) included.
Printed packets and summaries decide the same for an audience in services/audience/.

An export made *for an audience* (``Privacy.for_audience``) also obeys its field rules:
the phone numbers, e-mail and postal addresses it hides are left out, and so are those
typed into notes and other free text (services/audience/scrub.py); each is written to a
redaction log the export returns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Table

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.services.audience import Audience, Gate, RedactionLog


@dataclass(frozen=True)
class Privacy:
    ceiling: Sensitivity = Sensitivity.FAMILY
    include_private: bool = False
    #: The audience's field rules ("hide_phones", ...); none for a plain ceiling.
    rules: frozenset[str] = frozenset()
    #: Who the export is for, when it is for an audience.
    audience: str = ""

    @classmethod
    def for_audience(cls, audience: Audience) -> Privacy:
        """What ``audience`` may read: its ceiling and its field rules."""
        level = audience.effective_ceiling
        return cls(level, level is Sensitivity.PRIVATE, audience.rules, audience.name)

    def hides(self, rule: str) -> bool:
        return rule in self.rules

    def gate(self, log: RedactionLog) -> Gate:
        """The audience's gate for field rules and free text, logging into ``log``."""
        return Gate(Audience(self.audience or "Export", self.effective, self.rules), log)

    @property
    def effective(self) -> Sensitivity:
        """The ceiling actually applied: never ``private`` without ``include_private``."""
        if self.include_private:
            return Sensitivity.PRIVATE if self.ceiling >= Sensitivity.FAMILY else self.ceiling
        return min(self.ceiling, Sensitivity.FAMILY)

    def allows(self, level: int | Sensitivity) -> bool:
        return int(level) <= int(self.effective)

    @classmethod
    def everything(cls) -> Privacy:
        """Every record, private ones included: a whole-archive copy for oneself."""
        return cls(Sensitivity.PRIVATE, include_private=True)


DEFAULT_PRIVACY = Privacy()


def visible(table: Table, privacy: Privacy) -> ColumnElement[bool]:
    """The SQL condition "this row of ``table`` may be exported"."""
    return table.c.sensitivity <= int(privacy.effective)


#: The field rule for each kind of contact detail: (what it is, its table).
DETAILS = {
    "hide_phones": ("phone number", "contact_phone"),
    "hide_emails": ("email address", "contact_email"),
    "hide_addresses": ("postal address", "contact_address"),
}


def allowed(gate: Gate, rule: str, who: str, rows: Sequence[Any]) -> list[Any]:
    """The rows (phones, emails or addresses of ``who``) the audience's ``rule`` lets
    through; each one it hides is logged by its label, never its value."""
    kind, table = DETAILS[rule]
    return [
        r
        for r in rows
        if gate.rule_key(
            rule,
            f"{table}:{r.id}",
            r.sensitivity,
            kind,
            f"{who}: {kind}" + (f" ({r.label})" if r.label else ""),
        )
    ]
