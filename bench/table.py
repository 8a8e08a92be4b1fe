"""The benchmark's table: each figure beside its baseline and the issue's target."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

#: Targets on a 2-core machine (issue 7): (row key, limit, unit, "max" or "min" or "ratio").
TARGETS: dict[str, tuple[float, str]] = {
    "import": (3.0, "ratio"),
    "list": (0.3, "max"),
    "filter": (0.050, "max"),
    "search": (0.050, "max"),
    "summaries": (300.0, "min"),
    "packet": (1.0, "max"),
    "cold_start": (1.0, "max"),
    "rss": (400.0, "max"),
    # issue 14: the command line answers at once
    "cli_version": (0.15, "max"),
    "cli_help": (0.15, "max"),
    "cli_list": (0.4, "max"),
    "cli_summary": (0.8, "max"),
}


@dataclass
class Row:
    """One line of the table: a figure, its baseline and whether the target is met."""

    key: str
    what: str
    value: float | None
    unit: str
    baseline: float | None = None
    baseline_what: str = ""
    note: str = ""
    #: The same figure in CPU seconds of the process (wall time suffers when the machine
    #: is shared; CPU time much less).
    cpu: float | None = None

    @property
    def target(self) -> str:
        spec = TARGETS.get(self.key)
        if spec is None:
            return ""
        limit, kind = spec
        if kind == "ratio":
            return f"<= {limit:g}x baseline"
        return f"{'<' if kind == 'max' else '>='} {_fmt(limit, self.unit)}"

    @property
    def met(self) -> bool | None:
        spec = TARGETS.get(self.key)
        if spec is None or self.value is None:
            return None
        limit, kind = spec
        if kind == "ratio":
            return self.baseline is not None and self.value <= limit * self.baseline
        return self.value < limit if kind == "max" else self.value >= limit

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "target": self.target, "met": self.met}


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "pages/s":
        return f"{value:.0f} pages/s"
    return f"{value:g} {unit}"


def print_table(rows: list[Row], header: str) -> None:
    print(header)
    lines = [("what", "time/rate", "cpu", "baseline", "x base", "target", "met")]
    for r in rows:
        ratio = (
            f"{r.value / r.baseline:.1f}x"
            if r.value is not None and r.baseline and r.unit == "s"
            else ""
        )
        base = f"{_fmt(r.baseline, r.unit)} ({r.baseline_what})" if r.baseline else ""
        met = "" if r.met is None else "met" if r.met else "NOT MET"
        if r.value is None:
            met = "skipped"
        cpu = _fmt(r.cpu, "s") if r.cpu is not None else ""
        lines.append((r.what, _fmt(r.value, r.unit), cpu, base, ratio, r.target, met))
    widths = [max(len(line[i]) for line in lines) for i in range(7)]
    for n, line in enumerate(lines):
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    notes = [r for r in rows if r.note]
    if notes:
        print()
        for r in notes:
            print(f"* {r.what}: {r.note}")
