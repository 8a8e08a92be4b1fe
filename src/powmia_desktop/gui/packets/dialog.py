"""The Packet dialog: choose sections, audience, meeting and cases; read what will be left
out; then write the PDF and preview, print or save it.

Nothing is written before the person has seen the redaction log: "Write PDF…" is enabled
only after "Review" has gathered the packet for the current choices, and any change of
choice asks for a new review. Gathering and writing run off the GUI thread (run_job).
"""

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from powmia_desktop.core.errors import PowmiaError, ValidationError
from powmia_desktop.core.progress import Progress
from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.packets.sections_editor import SectionsEditor
from powmia_desktop.gui.packets.summary import PREPARER_SETTING, remembered_preparer
from powmia_desktop.gui.pdf_preview import PdfPreviewDialog
from powmia_desktop.gui.workers import run_job
from powmia_desktop.reports.packet import render_packet
from powmia_desktop.services import packets
from powmia_desktop.services.audience import Audience, RedactionLog
from powmia_desktop.services.cases import list_cases
from powmia_desktop.services.meetings import list_meetings

#: The field rules that also take details out of free text (services/audience/scrub.py).
_TEXT_RULES = ("hide_phones", "hide_emails", "hide_addresses")


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class PacketDialog(QDialog):
    """Build a briefing packet from ``archive``; ``case_id``/``meeting_id`` preselect."""

    def __init__(
        self,
        archive: Archive,
        parent: QWidget | None = None,
        *,
        case_id: int | None = None,
        meeting_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Briefing packet")
        self.archive = archive
        self.reviewed: packets.PacketRequest | None = None
        self.log: RedactionLog | None = None
        self.preview_dialog: PdfPreviewDialog | None = None
        self.packet_result: packets.PacketResult | None = None

        self.template_box = QComboBox(self)
        self.save_template_button = QPushButton("Save as template…", self)
        self.save_template_button.clicked.connect(self.save_template_with_dialog)
        self.sections = SectionsEditor(self)
        self.audience_box = QComboBox(self)
        self.audience_about = _plain(QLabel(self))
        self.include_private = QCheckBox("Also print records marked Private", self)
        self.meeting_box = QComboBox(self)
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText("The audience's purpose and the serviceman")
        self.prepared_by_edit = QLineEdit(remembered_preparer(), self)
        self.prepared_by_edit.setPlaceholderText("Your name, printed on the contents page")
        self.cases = QListWidget(self)
        self.custom_text = QPlainTextEdit(self)
        self.custom_text.setPlaceholderText("Text for the Custom text section, if ticked")
        self.custom_text.setMaximumHeight(90)

        self.contents_label = _plain(QLabel("Review the packet to see what it will hold.", self))
        self.contents_table = QTableWidget(0, 2, self)
        self.contents_table.setHorizontalHeaderLabels(["Section", "Will hold"])
        self.contents_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contents_table.verticalHeader().setVisible(False)
        self.contents_table.setWordWrap(True)
        self.contents_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.log_summary = _plain(QLabel("Review the packet to see what will be left out.", self))
        self.log_table = QTableWidget(0, 4, self)
        self.log_table.setHorizontalHeaderLabels(["Left out", "What", "Marked", "Why"])
        self.log_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log_table.verticalHeader().setVisible(False)
        header = self.log_table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.review_button = QPushButton("Review what is left out", self)
        self.review_button.setDefault(True)
        self.review_button.clicked.connect(self.review)
        self.write_button = QPushButton("Write PDF…", self)
        self.write_button.setEnabled(False)
        self.write_button.clicked.connect(self.write_with_dialog)
        self.close_button = QPushButton("Close", self)
        self.close_button.clicked.connect(self.reject)

        self._layout()
        self._load_choices(case_id, meeting_id)
        for signal in (
            self.sections.changed,
            self.audience_box.currentIndexChanged,
            self.include_private.toggled,
            self.meeting_box.currentIndexChanged,
            self.title_edit.textChanged,
            self.prepared_by_edit.textChanged,
            self.cases.itemChanged,
            self.custom_text.textChanged,
        ):
            signal.connect(self._choices_changed)
        self.template_box.currentIndexChanged.connect(self._template_chosen)
        self.audience_box.currentIndexChanged.connect(self._show_audience)
        self._show_audience()
        self.resize(1100, 760)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("Template:", self))
        top.addWidget(self.template_box, 1)
        top.addWidget(self.save_template_button)

        sections_box = QGroupBox("Sections, in order", self)
        QVBoxLayout(sections_box).addWidget(self.sections)
        form_box = QGroupBox("For whom and about what", self)
        form = QFormLayout(form_box)
        form.addRow("Audience:", self.audience_box)
        form.addRow("", self.audience_about)
        form.addRow("", self.include_private)
        form.addRow("Meeting:", self.meeting_box)
        form.addRow("Title:", self.title_edit)
        form.addRow("Prepared by:", self.prepared_by_edit)
        form.addRow("Cases:", self.cases)
        form.addRow("Custom text:", self.custom_text)
        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(sections_box)
        upper.addWidget(form_box)
        upper.setStretchFactor(1, 2)

        contents_box = QGroupBox("What each section will hold", self)
        contents_layout = QVBoxLayout(contents_box)
        contents_layout.addWidget(self.contents_label)
        contents_layout.addWidget(self.contents_table)
        log_box = QGroupBox("What this audience will not see", self)
        log_layout = QVBoxLayout(log_box)
        log_layout.addWidget(self.log_summary)
        log_layout.addWidget(self.log_table)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.review_button, self.write_button, self.close_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(contents_box)
        lower.addWidget(log_box)
        lower.setStretchFactor(1, 3)
        lower.setStretchFactor(0, 2)
        layout.addWidget(upper, 3)
        layout.addWidget(lower, 3)
        layout.addLayout(buttons)

    # -- choices ------------------------------------------------------------------------------

    def _load_choices(self, case_id: int | None, meeting_id: int | None) -> None:
        with self.archive.reader() as session:
            self.templates = packets.list_templates(session)
            self.audiences = packets.list_audiences(session)
            meetings = list_meetings(session)
            cases = list_cases(session)
        for template in self.templates:
            self.template_box.addItem(template.name)
        self.sections.set_template(self.templates[0])
        for found in self.audiences:
            self.audience_box.addItem(found.name)
        # Start with the usual reader of a packet: the DPAA analyst, when that profile exists.
        self.audience_box.setCurrentIndex(max(self.audience_box.findText("DPAA analyst"), 0))
        self.meeting_box.addItem("No meeting", None)
        for m in meetings:
            when = m.when_text or "no date"
            self.meeting_box.addItem(f"{m.title} ({when})", m.id)
        if meeting_id is not None:
            self.meeting_box.setCurrentIndex(max(self.meeting_box.findData(meeting_id), 0))
        for row in cases:
            item = QListWidgetItem(row.sort_name + (f", {row.rank}" if row.rank else ""))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if row.id == case_id else Qt.CheckState.Unchecked
            )
            self.cases.addItem(item)

    def _template_chosen(self, index: int) -> None:
        if 0 <= index < len(self.templates):
            self.sections.set_template(self.templates[index])

    def _show_audience(self) -> None:
        chosen = self.audience()
        self.audience_about.setText(
            chosen.describe() + (f" — {chosen.description}" if chosen.description else "")
        )

    def _choices_changed(self) -> None:
        if self.reviewed is not None:
            self.log_summary.setText("The choices changed: review again before writing.")
            self.contents_label.setText("The choices changed: review again.")
            self.contents_table.setRowCount(0)
        self.reviewed = None
        self.write_button.setEnabled(False)

    def audience(self) -> Audience:
        chosen = self.audiences[max(self.audience_box.currentIndex(), 0)]
        return replace(chosen, include_private=self.include_private.isChecked())

    def checked_case_ids(self) -> tuple[int, ...]:
        return tuple(
            int(self.cases.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.cases.count())
            if self.cases.item(row).checkState() == Qt.CheckState.Checked
        )

    def current_template(self) -> packets.Template:
        name = self.template_box.currentText() or packets.DEFAULT_TEMPLATE_NAME
        extra = {}
        if self.custom_text.toPlainText().strip():
            extra["custom_text"] = {"text": self.custom_text.toPlainText()}
        return packets.Template(name, self.sections.sections(extra))

    def request(self) -> packets.PacketRequest:
        return packets.PacketRequest(
            template=self.current_template(),
            audience=self.audience(),
            case_ids=self.checked_case_ids(),
            meeting_id=self.meeting_box.currentData(),
            title=self.title_edit.text().strip(),
            prepared_by=self.prepared_by_edit.text().strip(),
        )

    # -- review and write ----------------------------------------------------------------------

    def review(self) -> bool:
        """Gather the packet for the current choices and show what will be left out."""
        try:
            request = self.request()
            if not request.template.sections:
                raise ValidationError("Tick at least one section")
            folder = self.archive.location.attachments_dir

            def gather(progress: Progress) -> packets.PacketData:
                with self.archive.reader() as session:
                    return packets.gather_packet(
                        session, request, attachments_dir=folder, progress=progress
                    )

            data = run_job(self, "Reading the packet", gather)
        except PowmiaError as error:
            QMessageBox.warning(self, "Cannot prepare the packet", str(error))
            return False
        self._show_log(data)
        self.reviewed = request
        self.write_button.setEnabled(True)
        return True

    def _show_log(self, data: packets.PacketData) -> None:
        contents = packets.section_contents(data)
        self.contents_label.setText(f"{len(contents)} sections, in order:")
        self.contents_table.setRowCount(len(contents))
        for row, section in enumerate(contents):
            self.contents_table.setItem(row, 0, QTableWidgetItem(section.label))
            self.contents_table.setItem(row, 1, QTableWidgetItem(section.text))
        self.contents_table.resizeColumnToContents(0)
        self.contents_table.resizeRowsToContents()
        log = self.log = data.log
        cases = len(data.cases)
        head = f"{cases} case{'s' if cases != 1 else ''} for {data.audience.describe()}. "
        if not len(log):
            self.log_summary.setText(head + "Nothing will be left out.")
        else:
            self.log_summary.setText(
                head + f"{len(log)} item{'s' if len(log) != 1 else ''} will be left out "
                "entirely (not blacked out)"
                + (
                    "; a phone number, e-mail or street address inside text is replaced by a "
                    "short mark:"
                    if any(e.rule in _TEXT_RULES and " in " in e.kind for e in log.entries)
                    else ":"
                )
            )
        self.log_table.setRowCount(len(log))
        for row, entry in enumerate(log.entries):
            level = entry.sensitivity.label if entry.sensitivity is not None else ""
            for column, text in enumerate((entry.kind, entry.label, level, entry.reason)):
                self.log_table.setItem(row, column, QTableWidgetItem(text))
        for column in (0, 2):
            self.log_table.resizeColumnToContents(column)
        self.log_table.resizeRowsToContents()

    def contents_lines(self) -> list[str]:
        """The reviewed contents as "Section: what it will hold" lines."""
        table = self.contents_table

        def cell(row: int, column: int) -> str:
            item = table.item(row, column)
            return item.text() if item is not None else ""

        return [f"{cell(r, 0)}: {cell(r, 1)}" for r in range(table.rowCount())]

    def write_with_dialog(self) -> None:
        suggested = str(Path.home() / "packet.pdf")
        target, _ = QFileDialog.getSaveFileName(
            self, "Write the packet as", suggested, "PDF files (*.pdf)"
        )
        if target:
            # The file dialog has already asked before replacing a file.
            self.write_to(Path(target), overwrite=True)

    def write_to(self, target: Path, *, overwrite: bool = False) -> packets.PacketResult | None:
        """Write the reviewed packet to ``target``, log the run and open the preview."""
        request = self.reviewed
        if request is None:
            QMessageBox.information(self, "Review first", "Review what will be left out first.")
            return None
        folder = self.archive.location.attachments_dir

        def build(progress: Progress) -> packets.PacketResult:
            with self.archive.session() as session:
                return packets.build_packet(
                    session,
                    request,
                    target,
                    render=render_packet,
                    attachments_dir=folder,
                    overwrite=overwrite,
                    progress=progress,
                )

        if request.prepared_by:
            QSettings().setValue(PREPARER_SETTING, request.prepared_by)
        try:
            self.packet_result = run_job(self, "Writing the packet", build)
        except PowmiaError as error:
            QMessageBox.warning(self, "The packet was not written", str(error))
            return None
        self.preview_dialog = PdfPreviewDialog(target, f"Packet — {target.name}", self)
        self.preview_dialog.show()
        return self.packet_result

    def save_template_with_dialog(self) -> None:
        name, ok = QInputDialog.getText(self, "Save as template", "Template name:")
        if ok and name.strip():
            self.save_template(name.strip())

    def save_template(self, name: str) -> None:
        template = packets.Template(name, self.current_template().sections)
        try:
            with self.archive.session() as session:
                packets.save_template(session, template)
        except PowmiaError as error:
            QMessageBox.warning(self, "The template was not saved", str(error))
            return
        self.templates = [t for t in self.templates if t.name != name] + [template]
        if self.template_box.findText(name) < 0:
            self.template_box.addItem(name)
        self.template_box.blockSignals(True)
        self.template_box.setCurrentIndex(self.template_box.findText(name))
        self.template_box.blockSignals(False)
