"""The Packet dialog: choose sections, audience, meeting and cases, then "Preview…".

It opens on the next planned meeting (or the one chosen where it was opened) with its cases
ticked, and the case chosen where it was opened. "Preview…" builds the packet into a
temporary file and shows it beside what each section holds and what the audience will not
see; it is printed or saved from there, which logs it as a run so any copy can be verified
(gui/packets/preview.py). Building runs off the GUI thread (run_job).
"""

import datetime as dt
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.core.progress import Progress
from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.fonts import size_for_text
from powmia_desktop.gui.packets.crossref_options import CrossRefOptions
from powmia_desktop.gui.packets.preview import PacketPreviewDialog
from powmia_desktop.gui.packets.sections_editor import SectionsEditor
from powmia_desktop.gui.packets.summary import PREPARER_SETTING, remembered_preparer
from powmia_desktop.gui.workers import run_job
from powmia_desktop.reports.packet import render_packet
from powmia_desktop.services import packets
from powmia_desktop.services.audience import Audience
from powmia_desktop.services.cases import list_cases
from powmia_desktop.services.meetings import (
    list_meetings,
    meeting_case_ids,
    next_planned_meeting,
)


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class PacketDialog(QDialog):
    """Build a briefing packet from ``archive``; ``case_id``/``meeting_id`` preselect. With
    no meeting given, the next planned one (from ``now``) is chosen; the meeting's cases are
    ticked, beside ``case_id``."""

    def __init__(
        self,
        archive: Archive,
        parent: QWidget | None = None,
        *,
        case_id: int | None = None,
        meeting_id: int | None = None,
        now: dt.datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Briefing packet")
        self.archive = archive
        self.preview_dialog: PacketPreviewDialog | None = None
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
        self.crossref_options = CrossRefOptions(self)

        self.preview_button = QPushButton("Preview…", self)
        self.preview_button.setToolTip(
            "See the packet beside what it leaves out; print or save it from there"
        )
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.preview)
        self.close_button = QPushButton("Close", self)
        self.close_button.clicked.connect(self.reject)

        self._layout()
        self._load_choices(case_id, meeting_id, now or dt.datetime.now(dt.UTC))
        self.meeting_box.currentIndexChanged.connect(self._meeting_chosen)
        self.template_box.currentIndexChanged.connect(self._template_chosen)
        self.audience_box.currentIndexChanged.connect(self._show_audience)
        self._show_audience()
        for box in (self.template_box, self.audience_box, self.meeting_box):
            box.setToolTip(box.currentText())  # whole, where a long choice is cut short
            box.currentTextChanged.connect(box.setToolTip)
        self.resize(size_for_text(self, 1100, 700))

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
        form.addRow("Cross-reference:", self.crossref_options)
        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(sections_box)
        upper.addWidget(form_box)
        upper.setStretchFactor(1, 2)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.preview_button, self.close_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(upper, 1)
        layout.addLayout(buttons)

    # -- choices ------------------------------------------------------------------------------

    def _load_choices(self, case_id: int | None, meeting_id: int | None, now: dt.datetime) -> None:
        with self.archive.reader() as session:
            self.templates = packets.list_templates(session)
            self.audiences = packets.list_audiences(session)
            meetings = list_meetings(session)
            self.crossref_options.load(session)
            cases = list_cases(session)
            if meeting_id is None:
                meeting_id = next_planned_meeting(session, now)
            ticked = {case_id} if case_id is not None else set()
            if meeting_id is not None:
                ticked |= set(meeting_case_ids(session, meeting_id))
        for template in self.templates:
            self.template_box.addItem(template.name)
        self.sections.changed.connect(self._sections_changed)
        self._set_template(self.templates[0])
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
                Qt.CheckState.Checked if row.id in ticked else Qt.CheckState.Unchecked
            )
            self.cases.addItem(item)

    def _template_chosen(self, index: int) -> None:
        if 0 <= index < len(self.templates):
            self._set_template(self.templates[index])

    def _set_template(self, template: packets.Template) -> None:
        self.sections.set_template(template)
        self.crossref_options.set_options(self.sections.options("crossref"))

    def _sections_changed(self) -> None:
        """The cross-reference's options are for its section: offered while it is ticked."""
        ticked = any(s.kind == "crossref" for s in self.sections.sections())
        self.crossref_options.setEnabled(ticked)

    def _show_audience(self) -> None:
        chosen = self.audience()
        self.audience_about.setText(
            chosen.describe() + (f" — {chosen.description}" if chosen.description else "")
        )

    def _meeting_chosen(self) -> None:
        """A meeting chosen: its cases are ticked too (others stay as they are)."""
        meeting_id = self.meeting_box.currentData()
        if meeting_id is None:
            return
        with self.archive.reader() as session:
            wanted = set(meeting_case_ids(session, meeting_id))
        for row in range(self.cases.count()):
            item = self.cases.item(row)
            if item.data(Qt.ItemDataRole.UserRole) in wanted:
                item.setCheckState(Qt.CheckState.Checked)

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
        extra["crossref"] = self.crossref_options.options()
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

    # -- preview ------------------------------------------------------------------------------

    def preview(self) -> PacketPreviewDialog | None:
        """Build the packet for the current choices into a temporary file and show it beside
        what it holds and leaves out, to print or save from there (which logs its run)."""
        request = self.request()
        if not request.template.sections:
            QMessageBox.information(
                self, "Briefing packet", "Tick at least one section under Sections, in order."
            )
            return None
        folder = Path(tempfile.mkdtemp(prefix="powmia-packet-"))
        target = folder / "briefing-packet.pdf"
        attachments = self.archive.location.attachments_dir

        def build(progress: Progress) -> packets.PacketResult:
            with self.archive.session() as session:
                return packets.build_packet(
                    session,
                    request,
                    target,
                    render=render_packet,
                    attachments_dir=attachments,
                    progress=progress,
                    log=False,
                )

        if request.prepared_by:
            QSettings().setValue(PREPARER_SETTING, request.prepared_by)
        try:
            result = run_job(self, "Building the packet", build)
        except PowmiaError as error:
            shutil.rmtree(folder, ignore_errors=True)
            QMessageBox.warning(self, "The packet could not be built", str(error))
            return None
        assert result.data is not None
        self.packet_result = result
        self.preview_dialog = PacketPreviewDialog(
            target,
            f"Packet — {result.data.title}",
            result.data,
            self,
            temporary=True,
            archive=self.archive,
            result=result,
        )
        self.preview_dialog.show()
        return self.preview_dialog

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
