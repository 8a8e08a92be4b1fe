"""The home page, first in the sidebar and shown on start: the next meeting and what is
ready for it, overdue tasks, the latest changes, and the archive's size and last backup.
An archive with nothing in it shows how to start instead.

The page only shows what services/home.py read; every line opens its record through
``open_record`` and the buttons ask the window for the job (``build_packet`` with the
meeting's uid, ``start`` with "import", "new_case", "demo", "new_meeting" or "backup").
"""

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from powmia_desktop.db.backup_file import BackupInfo
from powmia_desktop.gui.fonts import scaled_font
from powmia_desktop.gui.home.links import Box, RecordLink, plain_label
from powmia_desktop.gui.icons import icon
from powmia_desktop.services.backup import size_text
from powmia_desktop.services.home import SHOWN, HomeItem, HomeSummary, NextMeeting

#: The ways to begin an empty archive: (job, title, what it does).
STARTS = (
    (
        "import",
        "Import a list…",
        "Cases, contacts, meetings or timeline events from a spreadsheet (CSV) file, "
        "or everything from another archive.",
    ),
    ("new_case", "Add a case", "Type in a serviceman's name, unit and date of loss."),
    (
        "demo",
        "Open the demo",
        "A separate archive holding the case of Cpl. Roger A. Dumas, to look around in. "
        "This archive stays as it is.",
    ),
)


START_ICONS = {"import": "import", "new_case": "new", "demo": "open"}


@dataclass(frozen=True)
class ArchiveFacts:
    """What the page says about the archive file itself."""

    where: str
    size: int | None
    last_backup: BackupInfo | None


class HomePage(QScrollArea):
    open_record = Signal(str, int)
    #: the uid of the meeting to build a packet for
    build_packet = Signal(str)
    #: one of the jobs of ``STARTS``, "new_meeting" or "backup"
    start = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("home")
        self.setAccessibleName("Home")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.summary: HomeSummary | None = None
        self.packet_button: QPushButton | None = None
        self.setWidget(QWidget(self))

    def show_summary(self, summary: HomeSummary, facts: ArchiveFacts) -> None:
        """Lay the page out afresh for ``summary`` (a few dozen widgets at most)."""
        self.summary = summary
        self.packet_button = None
        content = QWidget(self)
        content.setObjectName("home-content")
        columns = QHBoxLayout(content)
        columns.setContentsMargins(16, 12, 16, 16)
        columns.setSpacing(16)
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        if summary.counts.empty:
            left.addWidget(self._getting_started(content))
        else:
            left.addWidget(self._meeting_box(summary.next_meeting, content))
        # the latest changes under the meeting, where their names have room; the narrow
        # column keeps what asks for action (overdue tasks, "Back up now") in view at the top
        recent = Box("Recent changes", content)
        recent.add_list("", summary.recent, "Nothing has been changed yet.")
        left.addWidget(recent)
        left.addStretch(1)
        overdue = Box("Overdue tasks", content)
        overdue.add_list(
            "", summary.overdue, "Nothing is overdue.", summary.overdue_count - len(summary.overdue)
        )
        right.addWidget(overdue)
        right.addWidget(self._archive_box(summary, facts, content))
        right.addStretch(1)
        for box in content.findChildren(Box):
            box.chosen.connect(self.open_record)
        old = self.takeWidget()
        self.setWidget(content)
        if old is not None:
            old.deleteLater()

    def links(self) -> list[RecordLink]:
        """Every line of the page that opens a record (for tests and keyboard walks)."""
        content = self.widget()
        return content.findChildren(RecordLink) if content is not None else []

    # -- the parts of the page ------------------------------------------------------
    def _getting_started(self, parent: QWidget) -> Box:
        box = Box("Getting started", parent)
        box.body.addWidget(
            plain_label("This archive is empty. Begin in one of these ways:", box, quiet=True)
        )
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(10)
        for row, (job, title, description) in enumerate(STARTS):
            button = QPushButton(icon(START_ICONS[job]), title, box)
            button.setObjectName(f"start-{job}")
            button.setAccessibleDescription(description)
            button.clicked.connect(lambda _=False, job=job: self.start.emit(job))
            grid.addWidget(button, row, 0)
            grid.addWidget(plain_label(description, box), row, 1)
        box.body.addLayout(grid)
        return box

    def _meeting_box(self, next_meeting: NextMeeting | None, parent: QWidget) -> Box:
        box = Box("Next meeting", parent)
        if next_meeting is None:
            box.body.addWidget(plain_label("No meeting is planned.", box, quiet=True))
            plan = QPushButton(icon("meetings"), "Plan a meeting…", box)
            plan.clicked.connect(lambda: self.start.emit("new_meeting"))
            box.add_button(plan)
            return box
        meeting = next_meeting.meeting
        title = RecordLink(HomeItem("meeting", meeting.id, meeting.title), box)
        title.setFont(scaled_font(box, 1.3))
        title.chosen.connect(box.chosen)
        box.body.addWidget(title)
        when = " · ".join(part for part in (meeting.when_text, meeting.place) if part)
        box.body.addWidget(plain_label(when, box))
        packet = QPushButton(icon("packet"), "Build packet…", box)
        packet.setToolTip("File > Briefing packet… with this meeting and its cases chosen")
        packet.clicked.connect(lambda: self.build_packet.emit(next_meeting.uid))
        self.packet_button = packet
        box.add_button(packet)
        box.add_list(
            "Open questions", next_meeting.questions, "No questions wait for this meeting."
        )
        box.add_list("Tasks due", next_meeting.tasks, "No tasks are open for this meeting.")
        box.add_list("Cases to discuss", next_meeting.cases, "No cases are on this meeting.")
        if SHOWN in (len(next_meeting.questions), len(next_meeting.cases)):
            box.body.addWidget(plain_label("Open the meeting to see all of them.", box, quiet=True))
        return box

    def _archive_box(self, summary: HomeSummary, facts: ArchiveFacts, parent: QWidget) -> Box:
        box = Box("This archive", parent)
        where = plain_label(facts.where, box)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.body.addWidget(where)
        lines = [summary.counts.text()]
        if facts.size is not None:
            lines.append(f"Size: {size_text(facts.size)}")
        backup = facts.last_backup
        if backup is not None:
            when = backup.created_at.astimezone()
            lines.append(f"Last backup: {when.day} {when:%b %Y, %H:%M}")
        elif facts.size is not None:
            lines.append("Not backed up yet.")
        box.body.addWidget(plain_label("\n".join(lines), box, quiet=True))
        if facts.size is not None:
            button = QPushButton(icon("backup"), "Back up now", box)
            button.clicked.connect(lambda: self.start.emit("backup"))
            box.add_button(button)
        return box
