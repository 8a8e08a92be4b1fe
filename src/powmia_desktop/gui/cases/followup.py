"""The DNA follow-up section: every case with no usable family reference on file, beside
the chosen case's donor helper (who could still give which kind). Double-click a case, or
press Open the case, to work on it; File > Export this list writes the list as CSV."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from powmia_desktop.core.vocab import AccountingStatus, Branch
from powmia_desktop.gui.cases.dna_panel import DonorHelperPanel
from powmia_desktop.gui.list_page import ListPage
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.gui.panels import SectionDetail
from powmia_desktop.gui.tables import Column
from powmia_desktop.services.dna_followup import (
    FollowUpRow,
    count_followup,
    list_followup,
    progress_text,
)
from powmia_desktop.services.values import stored_label

FOLLOWUP_COLUMNS: list[Column[FollowUpRow]] = [
    Column("Name", lambda r: r.sort_name, lambda r: (r.surname, r.given_names), width=190),
    Column("Branch", lambda r: stored_label(Branch, r.branch), width=90),
    Column("State", lambda r: r.home_state, width=50),
    Column("Accounting", lambda r: stored_label(AccountingStatus, r.accounting_status), width=120),
    Column("Samples so far", progress_text, width=130),
    Column(
        "Family links",
        lambda r: str(r.family_links or ""),
        lambda r: r.family_links,
        align_right=True,
    ),
]


def followup_page() -> ListPage[FollowUpRow]:
    return ListPage(
        "cases",
        FOLLOWUP_COLUMNS,
        list_followup,
        lambda r: (
            f"{r.surname} {r.given_names} {r.service_number} {r.home_state} {progress_text(r)}"
        ),
        lambda r: r.id,
        first=lambda session, n: list_followup(session, limit=n),
        count=count_followup,
    )


class FollowUpDetail(SectionDetail):
    """The chosen case's donor helper, and a button that opens the case."""

    def __init__(self, ops: ArchiveOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_id: int | None = None
        intro = QLabel(
            "Cases not accounted for with no family reference sample on file. A Family "
            "Member Update is where swabs are taken; the Service Casualty Office sends kits.",
            self,
        )
        intro.setWordWrap(True)
        self.helper = DonorHelperPanel(ops, self)
        self.helper.open_record.connect(self.open_record)
        self.open_button = QPushButton("Open the case", self)
        self.open_button.clicked.connect(self._open_case)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        # in a scroll area: at a large text size the words around the table would
        # otherwise squeeze it to a row
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.helper)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        layout.setAlignment(buttons, Qt.AlignmentFlag.AlignRight)
        self.show_record(None)

    def show_record(self, record_id: int | None) -> None:
        self.case_id = record_id
        self.helper.load(record_id)
        self.setEnabled(record_id is not None)

    def _open_case(self) -> None:
        if self.case_id is not None:
            self.open_record.emit("case", self.case_id)
