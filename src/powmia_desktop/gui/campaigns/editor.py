"""The campaign and correspondence editors. The fields are the schemas'
(services/campaign_schemas.py); this module says how they are shown, and adds the
campaign's Progress tab: its chart toward the goal and the letters of the campaign."""

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from powmia_desktop.core.campaign_vocab import (
    CampaignKind,
    CampaignStatus,
    CorrespondenceKind,
    Direction,
)
from powmia_desktop.core.errors import NotFoundError
from powmia_desktop.gui.campaigns import actions
from powmia_desktop.gui.campaigns.chart import ProgressChartWidget
from powmia_desktop.gui.editor import EditorSpec
from powmia_desktop.gui.flow_layout import button_row
from powmia_desktop.gui.fonts import scaled_font
from powmia_desktop.gui.forms.layout import REST, Look, form_tabs
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.gui.panels import AttachmentsPanel, RecordPanel, table_view
from powmia_desktop.gui.record_specs import returning_id, title_of
from powmia_desktop.gui.tables import Column, RowTableModel
from powmia_desktop.services import campaign_editing, campaigns
from powmia_desktop.services.campaign_schemas import CAMPAIGN, CORRESPONDENCE
from powmia_desktop.services.correspondence import LetterRow, list_letters, related_records
from powmia_desktop.services.pickers import picker_lists

LETTER_COLUMNS: list[Column[LetterRow]] = [
    Column("Date", lambda r: r.date, width=100),
    Column("", lambda r: r.direction, width=70),
    Column("Official", lambda r: r.official, width=200),
    Column("Subject", lambda r: r.subject, width=260),
    Column("Reply", lambda r: r.reply),
]

CAMPAIGN_LOOK = Look(
    tabs=(
        ("Campaign", (REST,)),
        ("Counts", ("counts",)),
        ("Cases && officials", ("cases", "targets")),
    ),
    headings={"title": "What", "goal": "Toward what", "description": "What it asks"},
    placeholders={
        "title": "e.g. Korean War POW/MIA Peace Treaty Initiative",
        "unit": "signatures",
        "started_on": "e.g. May 2018",
        "counts.counted_on": "type as 2021-06-01",
    },
    columns={
        "counts": ("counted_on", "count", "source_text"),
        "cases": ("serviceman_id",),
        "targets": ("contact_id",),
    },
)

LETTER_LOOK = Look(
    tabs=(
        ("Letter", (REST,)),
        ("Text && reply", ("body", "reply", "replied_on")),
        ("Cases", ("cases",)),
    ),
    headings={"direction": "What", "official_id": "With whom", "reply_due_on": "The reply"},
    placeholders={
        "subject": "e.g. The Peace Treaty Initiative and Cpl. Dumas",
        "date": "e.g. 2025-01-06",
        "reply_due_on": "type as 2025-02-05; a follow-up task is due then",
        "replied_on": "type as 2025-03-10",
    },
    columns={"cases": ("serviceman_id",)},
)


class ProgressPanel(RecordPanel):
    """The campaign's progress in words and as a chart, and its correspondence."""

    def __init__(self, ops: ArchiveOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.record_id: int | None = None
        # A letter saved in the Correspondence section shows here at once.
        ops.changed.connect(self._changed)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setFont(scaled_font(self, 1.2))
        self.chart = ProgressChartWidget(self)
        self.model: RowTableModel[LetterRow] = RowTableModel(LETTER_COLUMNS, self)
        self.table = table_view(self.model, self)
        self.table.doubleClicked.connect(self._open_letter)
        letters = QLabel("Correspondence of this campaign", self)
        letters.setStyleSheet("font-weight: bold;")
        self.buttons: dict[str, QPushButton] = {}
        for text, job in (
            ("Add representatives…", actions.add_family_representatives),
            ("Write letters…", actions.write_letters),
            ("Print report…", actions.print_report),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(partial(self._act, job))
            self.buttons[text] = button
        layout = QVBoxLayout(self)
        layout.addLayout(button_row(*self.buttons.values()))
        layout.addWidget(self.summary)
        layout.addWidget(self.chart, 3)
        layout.addWidget(letters)
        layout.addWidget(self.table, 2)

    def _act(self, job: Callable[[QWidget, ArchiveOps, int], None]) -> None:
        if self.record_id is not None:
            job(self, self.ops, self.record_id)
            self.load(self.record_id)

    def _changed(self, table: str, record_id: int) -> None:
        if table == "correspondence" and self.record_id is not None:
            try:
                self.load(self.record_id)
            except NotFoundError:  # the campaign itself was deleted meanwhile
                self.load(None)

    def load(self, record_id: int | None) -> None:
        self.record_id = record_id
        self.setEnabled(record_id is not None)
        rows: list[LetterRow] = []
        if record_id is None:
            self.summary.setText("")
            self.chart.set_series([], None, "")
        else:
            with self.ops.archive.reader() as session:
                campaign = campaigns.get_campaign(session, record_id)
                state = campaigns.progress(campaign)
                self.summary.setText(state.text()[:1].upper() + state.text()[1:])
                self.chart.set_series(campaigns.series(campaign), campaign.goal, campaign.unit)
                rows = list_letters(session, campaign_id=record_id)
        self.model.set_rows(rows, haystack=lambda r: f"{r.official} {r.subject}")

    def _open_letter(self) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            self.open_record.emit("correspondence", self.model.row_at(row).id)


CAMPAIGN_EDITOR = EditorSpec(
    table="campaign",
    noun="campaign",
    tabs=form_tabs(CAMPAIGN, CAMPAIGN_LOOK),
    read=campaign_editing.read_campaign_form,
    save=returning_id(campaign_editing.save_campaign),
    title=title_of("title"),
    lookups=picker_lists,
    defaults=lambda: {
        "kind": CampaignKind.PETITION,
        "status": CampaignStatus.ACTIVE,
        "unit": "signatures",
    },
    panels=(("Progress", ProgressPanel),),
)

LETTER_EDITOR = EditorSpec(
    table="correspondence",
    noun="letter",
    tabs=form_tabs(CORRESPONDENCE, LETTER_LOOK),
    read=campaign_editing.read_letter_form,
    save=returning_id(campaign_editing.save_letter),
    title=title_of("subject", limit=90),
    lookups=picker_lists,
    defaults=lambda: {"direction": Direction.SENT, "kind": CorrespondenceKind.LETTER},
    panels=(("Scan", lambda ops: AttachmentsPanel(ops, "correspondence_id")),),
    related=related_records,
)
