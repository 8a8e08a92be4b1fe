"""The Disputed facts section: every fact of a case on which the sources disagree, beside
each version of the chosen case's disputed facts with the sources cited for it. Double-click
a fact, or press Open the case, to weigh the claims on the case's Claims tab."""

from html import escape

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from powmia_desktop.gui.fonts import scaled_font
from powmia_desktop.gui.heading import Heading
from powmia_desktop.gui.list_page import ListPage
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.gui.panels import SectionDetail
from powmia_desktop.gui.tables import Column
from powmia_desktop.services.disputed import DisputedFact, Version, case_disputes, list_disputed

DISPUTED_COLUMNS: list[Column[DisputedFact]] = [
    Column("Case", lambda r: r.case, width=170),
    Column("Fact", lambda r: r.fact, width=150),
    Column("Versions", lambda r: str(len(r.versions)), lambda r: len(r.versions), width=65),
    Column("What the sources say", lambda r: " | ".join(" ".join(v.split()) for v in r.versions)),
]


def disputed_page() -> ListPage[DisputedFact]:
    return ListPage(
        "disputed facts",
        DISPUTED_COLUMNS,
        list_disputed,
        lambda r: f"{r.case} {r.fact} {' '.join(r.versions)} {r.standing}",
        lambda r: r.id,
    )


def _version_html(version: Version) -> str:
    sources = "".join(f"<li>{escape(s)}</li>" for s in version.sources)
    cited = f"<ul>{sources}</ul>" if sources else "<p><i>No source cited.</i></p>"
    return f"<p><b>{escape(version.value)}</b> — {escape(version.standing)}</p>{cited}"


class DisputedDetail(SectionDetail):
    """The chosen case's disputed facts, every version with its sources."""

    def __init__(self, ops: ArchiveOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.case_id: int | None = None
        self.heading = Heading(self)  # a long name wraps (two lines at most), never widens
        self.heading.setFont(scaled_font(self, 1.2))
        self.text = QTextBrowser(self)
        self.text.setAccessibleName("Disputed facts and their sources")
        self.text.setOpenLinks(False)
        note = QLabel(
            "Every version is kept and none is picked silently: mark one accepted or "
            "rejected on the case's Claims tab once the evidence settles it.",
            self,
        )
        note.setWordWrap(True)
        self.open_button = QPushButton("Open the case", self)
        self.open_button.clicked.connect(self._open_case)
        buttons = QHBoxLayout()
        buttons.addWidget(note, 1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.show_record(None)

    def show_record(self, record_id: int | None) -> None:
        self.case_id = record_id
        facts: list[tuple[str, list[Version]]] = []
        name = ""
        if record_id is not None:
            with self.ops.archive.reader() as session:
                facts = case_disputes(session, record_id)
                found = list_disputed(session, record_id)
                name = found[0].case if found else ""
        self.heading.setText(f"Disputed facts of {name}" if name else "Choose a disputed fact")
        self.text.setHtml(
            "".join(
                f"<h3>{escape(fact)}</h3>" + "".join(_version_html(v) for v in versions)
                for fact, versions in facts
            )
        )
        self.setEnabled(record_id is not None)

    def _open_case(self) -> None:
        if self.case_id is not None:
            self.open_record.emit("case", self.case_id)
