"""What was left out of a packet or summary, and why: the redaction log a person reads first."""

from dataclasses import dataclass
from typing import Any

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.services.audience.profile import FIELD_RULES


@dataclass(frozen=True)
class Withheld:
    """One thing left out of a packet, and why (an entry of the redaction log)."""

    kind: str
    label: str
    sensitivity: Sensitivity | None
    rule: str
    record: str

    @property
    def reason(self) -> str:
        if self.rule == "private":
            return "marked Private (never printed unless included)"
        if self.rule == "ceiling" and self.sensitivity is not None:
            return f"marked {self.sensitivity.label}, above the audience's level"
        if self.rule == "other_case":
            return "about a case not chosen for this packet"
        return f"the audience's rule: hide {FIELD_RULES.get(self.rule, self.rule)}"

    def to_json(self) -> dict[str, Any]:
        level = None if self.sensitivity is None else self.sensitivity.name.lower()
        return {
            "kind": self.kind,
            "label": self.label,
            "sensitivity": level,
            "rule": self.rule,
            "reason": self.reason,
            "record": self.record,
        }


class RedactionLog:
    """What was withheld, once per record and rule, in the order it was met."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], Withheld] = {}

    def withhold(
        self, kind: str, text: str, sensitivity: Sensitivity | None, rule: str, record: str
    ) -> None:
        self._entries.setdefault((record, rule), Withheld(kind, text, sensitivity, rule, record))

    @property
    def entries(self) -> tuple[Withheld, ...]:
        return tuple(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def counts(self) -> list[tuple[str, str, int]]:
        """(kind, reason, how many) for a one-screen summary."""
        tally: dict[tuple[str, str], int] = {}
        for entry in self._entries.values():
            key = (entry.kind, entry.reason)
            tally[key] = tally.get(key, 0) + 1
        return [(kind, reason, n) for (kind, reason), n in tally.items()]

    def to_json(self) -> list[dict[str, Any]]:
        return [entry.to_json() for entry in self._entries.values()]
