"""The review step in words: what each section of a gathered packet will contain.

Shown by the Packet dialog and ``powmia packet --dry-run`` before anything is written, next
to the redaction log, so the person sees both what goes in and what stays out.
"""

from dataclasses import dataclass

from powmia_desktop.services.packets.gathering import PacketData
from powmia_desktop.services.packets.templates import Section


@dataclass(frozen=True)
class SectionContents:
    """One section of the packet: its heading, how many items, and those items in words."""

    label: str
    count: int | None
    text: str

    def line(self) -> str:
        return f"{self.label}: {self.text}"


def _counted(n: int, noun: str, plural: str = "") -> str:
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def _named(names: list[str], most: int = 4) -> str:
    shown = ", ".join(names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")


#: Sections told by a count alone: the PacketData field each shows, and what it holds.
_COUNTED = {
    "questions": ("questions", "question"),
    "timeline": ("events", "event"),
    "sources": ("sources", "source"),
    "attachments": ("attachments", "file"),
}


def _one(section: Section, data: PacketData) -> SectionContents:
    kind, label = section.kind, section.label
    if kind == "title_page":
        return SectionContents(label, None, f"“{data.title}” for {data.audience.name}")
    if kind == "contents":
        return SectionContents(label, None, "the sections below with their pages")
    if kind == "meeting":
        m = data.meeting
        if m is None:
            return SectionContents(label, 0, "no meeting chosen (left out)")
        parts = [_counted(len(m.attendees), "attendee"), _counted(len(m.agenda), "agenda item")]
        return SectionContents(label, 1, f"{m.title}, {m.when or 'no date'}; " + ", ".join(parts))
    if kind == "case_summaries":
        names = [c.name for c in data.cases]
        return SectionContents(label, len(names), _with_names(len(names), "case", names))
    if kind in _COUNTED:
        field, noun = _COUNTED[kind]
        n = len(getattr(data, field))
        return SectionContents(label, n, _counted(n, noun))
    if kind == "contacts":
        names = [c.name for c in data.contacts]
        return SectionContents(label, len(names), _with_names(len(names), "contact", names))
    if kind == "crossref":
        part = next((p for s, p in data.crossrefs if s == section), None)
        if part is None or part.result is None:
            return SectionContents(label, 0, part.problem if part else "nothing to compare")
        n = sum(len(g.rows) for g in part.result.groups)
        return SectionContents(label, n, f"{part.result.title}: {_counted(n, 'man', 'men')}")
    title = str(section.option("title")) if kind == "custom_text" else ""
    return SectionContents(label, None, title or "as written")


def _with_names(n: int, noun: str, names: list[str]) -> str:
    return _counted(n, noun) + (f": {_named(names)}" if names else "")


def section_contents(data: PacketData) -> list[SectionContents]:
    """What each of the template's sections will hold, in the packet's order."""
    return [_one(section, data) for section in data.template.sections]
