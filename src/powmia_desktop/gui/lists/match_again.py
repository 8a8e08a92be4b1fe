"""A list row whose case was deleted reads as unmatched (services/lists/overview.py); under the
list's rows it is offered the decisions of a held row — the same man as a case chosen from
the archive, a new case from the row, or reject it — each one undo step. The case is chosen
by searching the archive's cases (services/search.py), from the name the list prints."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from powmia_desktop.gui.flow_layout import button_row
from powmia_desktop.gui.fonts import size_for_text
from powmia_desktop.gui.lists.common import Decide, decide_row, new_and_reject_buttons
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.services.lists import review
from powmia_desktop.services.lists.overview import ListRowView
from powmia_desktop.services.search import search

#: Cases the chooser shows at most for what is typed.
SHOWN = 50
CaseRole = Qt.ItemDataRole.UserRole


def _row_words(row: ListRowView) -> str:
    where = f"Row {row.row_number}" if row.row_number else "A row"
    return f"{where} ({row.name_as_printed or 'no name printed'})"


class CaseChooser(QDialog):
    """The case a row is: typed words find cases; ``case_id`` is the one chosen."""

    def __init__(self, ops: ArchiveOps, row: ListRowView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle("Match the row to a case")
        intro = QLabel(f"{_row_words(row)} is the same man as:", self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.words = QLineEdit(row.name_as_printed, self)
        self.words.setPlaceholderText("Words of the case's name…")
        self.words.setAccessibleName("Find the case")
        self.cases = QListWidget(self)
        self.cases.setAccessibleName("Cases found")
        self.found = QLabel(self)
        self.found.setTextFormat(Qt.TextFormat.PlainText)
        self.found.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Same man: confirm")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.words.textChanged.connect(lambda _: self._find())
        self.cases.currentRowChanged.connect(lambda _: self._enable())
        self.cases.itemActivated.connect(lambda _: self.accept())
        layout = QVBoxLayout(self)
        for widget in (intro, self.words, self.found):
            layout.addWidget(widget)
        layout.addWidget(self.cases, 1)
        layout.addWidget(self.buttons)
        self.resize(size_for_text(self, 440, 380))
        self._find()

    @property
    def case_id(self) -> int | None:
        item = self.cases.currentItem()
        return int(item.data(CaseRole)) if item is not None else None

    def _find(self) -> None:
        with self.ops.archive.reader() as session:
            hits = search(session, self.words.text(), per_kind=SHOWN).of_kind("case")
        self.cases.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.title} (case {hit.record_id})")
            item.setData(CaseRole, hit.record_id)
            self.cases.addItem(item)
        if hits:
            self.cases.setCurrentRow(0)
        typed = bool(self.words.text().strip())
        self.found.setText(
            ("Type words of the case's name." if not typed else "No case has all these words.")
            if not hits
            else f"{len(hits)} case{'s' if len(hits) != 1 else ''} found"
            + (" (the first ones)" if len(hits) == SHOWN else "")
        )
        self._enable()

    def _enable(self) -> None:
        self.ok.setEnabled(self.case_id is not None)


class MatchAgainBar(QWidget):
    """Shown for a row whose case was deleted (``show_row``); hidden for every other."""

    def __init__(self, ops: ArchiveOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.row: ListRowView | None = None
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.match_button = QPushButton("Same man as a case…", self)
        self.match_button.setToolTip("Choose the case in the archive this row is")
        self.new_button, self.reject_button = new_and_reject_buttons(self, self._decide)
        self.match_button.clicked.connect(self.choose_case)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addLayout(button_row(self.match_button, self.new_button, self.reject_button))
        self.show_row(None)

    def show_row(self, row: ListRowView | None) -> None:
        self.row = row if row is not None and row.case_deleted else None
        self.setVisible(self.row is not None)
        if self.row is not None:
            self.label.setText(
                f"{_row_words(self.row)}: its case was deleted, so it reads as unmatched. "
                "Match it again, or undo the deletion (Edit > Undo)."
            )
            self.new_button.setEnabled(bool(self.row.printed.strip("{} ")))

    def choose_case(self) -> None:
        """Ask for the case, and match the row to it."""
        row = self.row
        if row is None:
            return
        chooser = CaseChooser(self.ops, row, self)
        case_id = chooser.case_id if chooser.exec() == QDialog.DialogCode.Accepted else None
        if case_id is not None:
            label = chooser.cases.currentItem().text()
            self._decide(
                lambda name: f"Confirm {name} as {label}",
                lambda session, row_id: review.confirm_match(session, row_id, case_id),
            )

    def _decide(self, words: Callable[[str], str], decide: Decide) -> None:
        if self.row is not None:
            decide_row(
                self, self.ops, words(self.row.name_as_printed or "the row"), self.row.id, decide
            )
