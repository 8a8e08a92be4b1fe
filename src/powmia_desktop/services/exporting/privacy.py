"""What may leave the archive: the one place exports decide it.

Every export takes a ``Privacy``: a sensitivity ceiling (default ``family``) and whether
``private`` records may go too. ``private`` never leaves unless ``include_private`` is set,
whatever ceiling is asked for. The test is ``sensitivity <= ceiling`` in SQL, applied to
each table an export reads, child rows (phones, emails, addresses, citations) included.
Printed packets and summaries decide the same for an audience in services/audience/.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Table

from powmia_desktop.core.sensitivity import Sensitivity


@dataclass(frozen=True)
class Privacy:
    ceiling: Sensitivity = Sensitivity.FAMILY
    include_private: bool = False

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
