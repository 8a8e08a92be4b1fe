"""Packet templates: ordered sections with options, like a Gramps book; saved by name."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import NotFoundError, ValidationError
from powmia_desktop.core.validation import clean_text
from powmia_desktop.db.models import PacketTemplate
from powmia_desktop.services.choices import DEFAULT_TEMPLATE_NAME

#: The one-section template a case summary printed on its own is logged with.
SUMMARY_TEMPLATE_NAME = "Case summary"


@dataclass(frozen=True)
class SectionKind:
    label: str
    defaults: Mapping[str, Any]
    description: str


#: Every kind of section a template may hold, in the order a new template lists them.
SECTION_KINDS: dict[str, SectionKind] = {
    "title_page": SectionKind(
        "Title page",
        {"title": "", "subtitle": "", "prepared_by": ""},
        "Packet title, meeting, date, who prepared it and for whom",
    ),
    "contents": SectionKind("Contents", {}, "Table of contents with page numbers"),
    "meeting": SectionKind(
        "Meeting and agenda", {"minutes": False}, "When and where, who attends, the agenda"
    ),
    "case_summaries": SectionKind(
        "Case summaries",
        {"status_history": True, "claims": True, "timeline": True, "sources": True, "photo": True},
        "One summary per serviceman: identity, loss, status history, claims, sources",
    ),
    "questions": SectionKind(
        "Questions for this meeting",
        {"include_answered": False},
        "Open questions for officials, with earlier answers",
    ),
    "timeline": SectionKind(
        "Timeline",
        {"scope": "cases", "chart": True, "table": True},
        "Dated events with their sources: a chart and a table",
    ),
    "sources": SectionKind("Sources", {"scope": "cited"}, "Every source the packet cites"),
    "contacts": SectionKind(
        "Contacts", {"scope": "packet"}, "People and offices named in the packet"
    ),
    "crossref": SectionKind(
        "Lists cross-reference",
        {"list": "Last Seen Alive", "against": "", "status": "presumed dead"},
        "Who on a list is carried with a status (the Last Seen Alive list against the "
        "presumed dead), or is on one list and not another",
    ),
    "attachments": SectionKind(
        "Attachments",
        {"pdfs": True, "images": True},
        "Attached PDFs appended, images placed on pages",
    ),
    "custom_text": SectionKind(
        "Custom text", {"title": "Notes", "text": ""}, "A page of your own words"
    ),
}
_SCOPES = {"timeline": ("cases", "all"), "sources": ("cited", "all"), "contacts": ("packet", "all")}


@dataclass(frozen=True)
class Section:
    """One section of a template: its kind and the options that differ from the defaults."""

    kind: str
    options: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in SECTION_KINDS:
            raise ValidationError(
                f"'{self.kind}' is not a packet section; use one of {', '.join(SECTION_KINDS)}",
                "sections",
            )
        unknown = set(self.options) - set(SECTION_KINDS[self.kind].defaults)
        if unknown:
            raise ValidationError(
                f"A {self.label} section has no option {', '.join(sorted(unknown))}", "sections"
            )
        scopes = _SCOPES.get(self.kind)
        if scopes and self.option("scope") not in scopes:
            raise ValidationError(
                f"The {self.label} scope must be one of {', '.join(scopes)}", "sections"
            )

    @property
    def label(self) -> str:
        return SECTION_KINDS[self.kind].label

    def option(self, name: str) -> Any:
        return self.options.get(name, SECTION_KINDS[self.kind].defaults[name])

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "options": dict(self.options)}


@dataclass(frozen=True)
class Template:
    name: str
    sections: tuple[Section, ...]

    @classmethod
    def from_json(cls, name: str, data: Iterable[Mapping[str, Any]]) -> "Template":
        try:
            return cls(name, tuple(Section(d["kind"], dict(d.get("options") or {})) for d in data))
        except (KeyError, TypeError, AttributeError):
            raise ValidationError(f"The saved template '{name}' is damaged", "sections") from None

    def to_json(self) -> list[dict[str, Any]]:
        return [s.to_json() for s in self.sections]

    def has(self, kind: str) -> bool:
        return any(s.kind == kind for s in self.sections)

    def section(self, kind: str) -> Section | None:
        return next((s for s in self.sections if s.kind == kind), None)


def default_template() -> Template:
    """The packet a family takes to a DPAA Family Member Update."""
    kinds = (
        "title_page",
        "contents",
        "meeting",
        "case_summaries",
        "questions",
        "timeline",
        "sources",
        "contacts",
        "attachments",
    )
    # The packet's own timeline and Sources section cover the cases' events and citations.
    options = {"case_summaries": {"timeline": False}}
    return Template(DEFAULT_TEMPLATE_NAME, tuple(Section(k, options.get(k, {})) for k in kinds))


def list_templates(session: Session) -> list[Template]:
    """The default template (unless a saved one took its name) and every saved template."""
    saved = [
        Template.from_json(t.name, t.sections)
        for t in session.scalars(select(PacketTemplate).order_by(PacketTemplate.name))
    ]
    if any(t.name == DEFAULT_TEMPLATE_NAME for t in saved):
        return saved
    return [default_template(), *saved]


def find_template(session: Session, name: str | None) -> Template:
    if not name:
        name = DEFAULT_TEMPLATE_NAME
    templates = list_templates(session)
    for template in templates:
        if template.name.casefold() == name.strip().casefold():
            return template
    names = ", ".join(f"'{t.name}'" for t in templates)
    raise NotFoundError(f"There is no packet template '{name}'; there are {names}")


def save_template(session: Session, template: Template) -> None:
    """Keep ``template`` in the archive under its name (replacing one of the same name)."""
    name = clean_text(template.name, field="name")
    if not name:
        raise ValidationError("A template needs a name", "name")
    if not template.sections:
        raise ValidationError("A template needs at least one section", "sections")
    row = session.scalar(select(PacketTemplate).where(PacketTemplate.name == name))
    if row is None:
        session.add(PacketTemplate(name=name, sections=template.to_json()))
    else:
        row.sections = template.to_json()
    session.flush()


def delete_template(session: Session, name: str) -> None:
    row = session.scalar(select(PacketTemplate).where(PacketTemplate.name == name))
    if row is None:
        raise NotFoundError(f"There is no saved packet template '{name}'")
    session.delete(row)
    session.flush()
