"""The options of a packet's Lists cross-reference section, chosen in the Packet dialog: which
list, and what it is set against — its previous edition, another list, or the men carried
with a status. They become the section's options, so the packet's run (and a template saved
from the dialog) remembers them, and the printed section's heading names them."""

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget
from sqlalchemy.orm import Session

from powmia_desktop.core.vocab import CasualtyStatus
from powmia_desktop.services.lists.overview import list_names
from powmia_desktop.services.packets import Section

#: The choice "its previous edition": neither another list nor a status. A choice is kept
#: in the combo as text: "editions:", "against:TITLE" or "status:WORDS".
EDITIONS = "editions:"


class CrossRefOptions(QWidget):
    """A list and what it is set against; ``options()`` are the section's options."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.titles: list[str] = []
        self.list_box = QComboBox(self)
        self.list_box.setAccessibleName("Cross-reference the list")
        self.against_box = QComboBox(self)
        self.against_box.setAccessibleName("Set against")
        self.list_box.currentIndexChanged.connect(lambda _: self._offer_against())
        self.against_box.currentIndexChanged.connect(lambda _: self.changed.emit())
        # "LIST against" above what it is set against: side by side, the longer choices
        # were cut to a few words each
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list_box, 0, 0)
        layout.addWidget(QLabel("against", self), 0, 1)
        layout.addWidget(self.against_box, 1, 0, 1, 2)
        layout.setColumnStretch(0, 1)

    def load(self, session: Session) -> None:
        """Offer the archive's lists (by title, as the section names them)."""
        self.titles = [title for _, title in list_names(session)]

    def set_options(self, options: dict[str, Any]) -> None:
        """Show a section's options (those it leaves out are the section's defaults). A list
        the archive does not hold is offered still, as named: the packet then says so."""
        section = Section("crossref", {k: v for k, v in options.items() if k in _NAMES})
        name = str(section.option("list") or "")
        against = str(section.option("against") or "")
        status = "" if against else str(section.option("status") or "")
        self.list_box.blockSignals(True)
        self.list_box.clear()
        for title in self.titles:
            self.list_box.addItem(title)
        if name and self.list_box.findText(name) < 0:
            self.list_box.insertItem(0, name)
        self.list_box.setCurrentIndex(max(self.list_box.findText(name), 0))
        self.list_box.blockSignals(False)
        self._offer_against(
            f"against:{against}" if against else f"status:{status}" if status else EDITIONS
        )

    def options(self) -> dict[str, str]:
        kind, _, value = str(self.against_box.currentData() or EDITIONS).partition(":")
        return {
            "list": self.list_box.currentText(),
            "against": value if kind == "against" else "",
            "status": value if kind == "status" else "",
        }

    def _offer_against(self, wanted: str | None = None) -> None:
        """What the list can be set against (not itself), keeping the choice when it can."""
        kept = wanted if wanted is not None else self.against_box.currentData()
        chosen = self.list_box.currentText()
        self.against_box.blockSignals(True)
        self.against_box.clear()
        self.against_box.addItem("Its previous edition (added, left, changed)", EDITIONS)
        for title in self.titles:
            if title != chosen:
                self.against_box.addItem(f"The list {title}", f"against:{title}")
        self.against_box.addItem("Cases carried as presumed dead", "status:presumed dead")
        for status in CasualtyStatus:
            self.against_box.addItem(f"Cases carried as {status.label}", f"status:{status.value}")
        if kept and self.against_box.findData(kept) < 0:  # as a template names it
            kind, _, value = str(kept).partition(":")
            words = f"The list {value}" if kind == "against" else f"Cases carried as {value}"
            self.against_box.addItem(words, kept)
        self.against_box.setCurrentIndex(max(self.against_box.findData(kept), 0))
        self.against_box.blockSignals(False)
        self.changed.emit()


_NAMES = ("list", "against", "status")
