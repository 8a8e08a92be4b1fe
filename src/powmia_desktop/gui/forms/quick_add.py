"""A new contact or source made from inside a picker, without leaving the form.

Each picker of contacts offers "New contact…", each picker of sources "Add source…": a
small dialog asks the few fields that record needs, saves it as one undoable change
(gui/ops.py) and hands back its id, which the picker then chooses.
"""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import PowmiaError, ValidationError
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import ContactKind, SourceType
from powmia_desktop.gui.forms.form import FormWidget
from powmia_desktop.gui.forms.layout import Look, form_fields
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.services import contact_editing, source_editing
from powmia_desktop.services.editing import RecordForm
from powmia_desktop.services.record_schemas import CONTACT, SOURCE
from powmia_desktop.services.schema import Schema, Values


@dataclass(frozen=True)
class QuickAdd:
    """How one kind of record is made from a picker: the fields asked and how it is saved."""

    table: str
    noun: str
    schema: Schema
    look: Look
    save: Callable[[Session, RecordForm], int]
    title_field: str
    defaults: Callable[[], Values]


QUICK_ADDS = {
    "contacts": QuickAdd(
        "contact",
        "contact",
        CONTACT.only("kind", "display_name", "given_names", "surname", "living", "sensitivity"),
        Look(
            tabs=(),
            placeholders={
                "display_name": "e.g. Margaret Dumas Kelly",
                "given_names": "e.g. Margaret",
                "surname": "e.g. Kelly",
            },
        ),
        lambda session, form: contact_editing.save_contact(session, None, form).id,
        "display_name",
        lambda: {"kind": ContactKind.PERSON, "living": True, "sensitivity": Sensitivity.FAMILY},
    ),
    "sources": QuickAdd(
        "source",
        "source",
        SOURCE.only("title", "source_type", "author", "date", "repository", "sensitivity"),
        Look(
            tabs=(),
            placeholders={
                "title": "e.g. Army telegram of 12 Dec 1950",
                "author": "e.g. Department of the Army",
                "repository": "e.g. family papers",
            },
        ),
        lambda session, form: source_editing.save_source(session, None, form).id,
        "title",
        lambda: {"source_type": SourceType.OTHER, "sensitivity": Sensitivity.OFFICIALS},
    ),
}


class QuickAddDialog(QDialog):
    """The few fields of a new contact or source; OK saves it as one undoable change."""

    def __init__(self, ops: ArchiveOps, kind: QuickAdd, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.kind = kind
        self.record_id: int | None = None
        self.setWindowTitle(f"New {kind.noun}")
        self.form = FormWidget(form_fields(kind.schema, kind.look), self)
        self.form.set_values(dict(kind.defaults()))
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())
        first = next(iter(self.form.editors.values()), None)
        title = self.form.editors.get(kind.title_field, first)
        if title is not None:
            title.setFocus()

    def save(self) -> None:
        """Save and close, or say in place what is missing."""
        self.form.clear_errors()
        self.message.hide()
        missing = self.form.missing_required()
        for spec in missing:
            self.form.show_error(spec.name, spec.missing)
        if missing:
            return
        values = self.form.values()
        form = RecordForm({k: v for k, v in values.items() if not isinstance(v, list)})
        name = " ".join(str(values.get(self.kind.title_field) or "").split())
        try:
            self.record_id = self.ops.perform(
                f"Add {self.kind.noun} {name}",
                self.kind.table,
                None,
                lambda session: self.kind.save(session, form),
            )
        except ValidationError as error:
            if not (error.field and self.form.show_error(error.field, str(error))):
                self._say(str(error))
            return
        except PowmiaError as error:
            self._say(str(error))
            return
        self.accept()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


def add_record_with_dialog(parent: QWidget, ops: ArchiveOps, lookup: str) -> int | None:
    """Ask for a new record of the kind a picker lists (``lookup``); its id, or None."""
    kind = QUICK_ADDS.get(lookup)
    if kind is None:
        return None
    dialog = QuickAddDialog(ops, kind, parent)
    return dialog.record_id if dialog.exec() == QDialog.DialogCode.Accepted else None
