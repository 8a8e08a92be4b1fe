"""The redaction log on the terminal: what a packet, summary or export left out, and why."""

from typing import TextIO

from powmia_desktop.services.audience import RedactionLog


def print_withheld(out: TextIO, log: RedactionLog, list_all: bool) -> None:
    """How much an audience's packet or export left out and why; with ``list_all`` each
    item, named by what and whose it is (the log never holds the private words)."""
    if not len(log):
        print("Nothing was withheld.", file=out)
        return
    print(f"Withheld {len(log)} item{'s' if len(log) != 1 else ''}:", file=out)
    for kind, reason, count in log.counts():
        print(f"  {count} × {kind}: {reason}", file=out)
    if list_all:
        for entry in log.entries:
            print(f"    - {entry.kind}: {entry.label}", file=out)
    else:
        print("  (add --list-withheld to see each item)", file=out)
