"""A new timeline event made from where the person is: a case's Timeline tab.

The event editor opens in a dialog with the case already among the event's people (as its
subject); OK saves the event as one undoable change, Cancel drops it.
"""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import ParticipantRole
from powmia_desktop.db.models import Serviceman
from powmia_desktop.gui.editor import RecordEditor
from powmia_desktop.gui.fonts import size_for_text
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.gui.timeline.editor import EVENT_EDITOR
from powmia_desktop.services.schema import Row


class NewEventDialog(QDialog):
    """The event editor for a new event of one case, with OK and Cancel."""

    def __init__(self, ops: ArchiveOps, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add event")
        self.editor = RecordEditor(EVENT_EDITOR, ops, self)
        self.editor.save_button.hide()
        self.editor.revert_button.hide()
        with ops.archive.reader() as session:
            case = session.get(Serviceman, case_id)
            level = case.sensitivity if case is not None else Sensitivity.OFFICIALS
        subject: Row = {
            "id": None,
            "serviceman_id": case_id,
            "contact_id": None,
            "role": ParticipantRole.SUBJECT,
            "sensitivity": level,
        }
        self.editor.new({"sensitivity": level, "participants": [subject]})
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Save event")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.resize(size_for_text(self, 760, 640))

    def save(self) -> None:
        """Save and close; a refusal is shown in the editor, and the dialog stays open."""
        if self.editor.save():
            self.accept()

    def reject(self) -> None:
        self.editor.clear()  # nothing of the unsaved event is asked about again
        super().reject()

    @property
    def event_id(self) -> int | None:
        return self.editor.record_id


def add_case_event(parent: QWidget, ops: ArchiveOps, case_id: int) -> int | None:
    """Ask for a new event of the case; the saved event's id, or None when cancelled."""
    dialog = NewEventDialog(ops, case_id, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.event_id
