"""The editor on the right of a section: a record's fields in tabs, Save and Revert.

One class for every kind of record; what differs (fields, how to read and save) is an
``EditorSpec``. A save is one transaction and one undo step (gui/ops.py). Validation
errors are shown next to their field or, for child rows, in a line above the form —
never as a traceback.
"""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedLayout,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import ConflictError, NotFoundError, PowmiaError, ValidationError
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.gui.fonts import scaled_font
from powmia_desktop.gui.forms.fields import FieldSpec
from powmia_desktop.gui.forms.form import FormWidget, Lookups
from powmia_desktop.gui.forms.quick_add import add_record_with_dialog
from powmia_desktop.gui.heading import Heading
from powmia_desktop.gui.ops import ArchiveOps, Related
from powmia_desktop.gui.panels import PanelFactory, RecordPanel
from powmia_desktop.services.editing import RecordForm
from powmia_desktop.services.schema import Row, Rows, Values

#: What the heading adds while the record has changes not saved yet.
NOT_SAVED = " (not saved)"


@dataclass(frozen=True)
class EditorSpec:
    table: str
    noun: str
    tabs: tuple[tuple[str, tuple[FieldSpec, ...]], ...]
    read: Callable[[Session, int], RecordForm]
    save: Callable[[Session, int | None, RecordForm], int]
    title: Callable[[Values], str]
    lookups: Callable[[Session], Lookups]
    #: values a new record starts with
    defaults: Callable[[], Values] = dict
    #: further tabs that act at once (attachments, linked events), built per editor
    panels: tuple[tuple[str, PanelFactory], ...] = ()
    #: records outside this one's cascade that a save may create or change, so that undo
    #: restores them too (a meeting's questions and tasks), and the child lists that edit
    #: such records: children field name -> table
    related: Related | None = None
    related_children: tuple[tuple[str, str], ...] = ()


class RecordEditor(QWidget):
    """A record's form; with no record loaded it says what to do instead of showing a
    greyed, empty form (``set_list_empty`` chooses the words, ``new_requested`` is its
    New button)."""

    saved = Signal(int)
    new_requested = Signal()

    def __init__(self, spec: EditorSpec, ops: ArchiveOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.ops = ops
        self.record_id: int | None = None
        self.row_version: int | None = None
        self._dirty = False

        self.heading = Heading(self, keep=NOT_SAVED)
        self.heading.setFont(scaled_font(self, 1.45))
        self.banner = QLabel(self)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #fdecea; color: #611a15; padding: 6px; border-radius: 3px;"
        )
        self.banner.hide()
        self.save_button = QPushButton("Save", self)
        self.revert_button = QPushButton("Revert", self)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)

        self.tabs = QTabWidget(self)
        self.forms: list[FormWidget] = []
        for title, fields in spec.tabs:
            form = FormWidget(fields, self)
            form.changed.connect(self._mark_dirty)
            form.set_adder(self._add_record)
            if "sensitivity" not in form.editors:  # its child rows take the record's level
                form.set_inherited_level(self._record_level)
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            scroll.setWidget(form)
            self.tabs.addTab(scroll, title)
            self.forms.append(form)
        self.panels: list[RecordPanel] = []
        for title, factory in spec.panels:
            panel = factory(ops)
            # in a scroll area, like the forms: no tab may make the window wider than a
            # 1366-pixel screen (a chart's toolbar asks for more than that at 11 points)
            holder = QScrollArea(self)
            holder.setWidgetResizable(True)
            holder.setFrameShape(QScrollArea.Shape.NoFrame)
            holder.setWidget(panel)
            self.tabs.addTab(holder, title)
            self.panels.append(panel)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.revert_button)
        top.addWidget(self.save_button)
        #: the heading, buttons and tabs, shown while a record (or a new one) is open
        self.form_page = QWidget(self)
        layout = QVBoxLayout(self.form_page)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.empty_page = EmptyEditor(spec.noun, self)
        self.empty_page.new_button.clicked.connect(self.new_requested)
        self._pages = QStackedLayout(self)
        self._pages.addWidget(self.form_page)
        self._pages.addWidget(self.empty_page)
        self._update_buttons()
        self._show_empty()

    @property
    def showing_record(self) -> bool:
        """Whether the form is shown (a record, or a new one), not the words of an empty one."""
        return self._pages.currentWidget() is self.form_page

    def set_list_empty(self, empty: bool) -> None:
        """Say "there are none yet" rather than "choose one on the left"."""
        self.empty_page.set_list_empty(empty)

    def _show_empty(self) -> None:
        self.form_page.setEnabled(False)
        self._pages.setCurrentWidget(self.empty_page)

    # -- state ------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self._dirty

    def _mark_dirty(self) -> None:
        self._dirty = True
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self._dirty)
        self.revert_button.setEnabled(self._dirty)
        title = self.heading.text().removesuffix(NOT_SAVED)
        self.heading.setText(title + (NOT_SAVED if self._dirty else ""))

    # -- loading ----------------------------------------------------------------------
    def load(self, record_id: int) -> None:
        try:
            with self.ops.archive.reader() as session:
                form = self.spec.read(session, record_id)
                lookups = self.spec.lookups(session)
        except NotFoundError:
            self.clear()
            return
        self.record_id = record_id
        self.row_version = form.row_version
        self._show(form, lookups)
        self._load_panels()

    def _load_panels(self) -> None:
        for panel in self.panels:
            panel.load(self.record_id)

    def _record_level(self) -> Sensitivity | None:
        """Who may see the record as the form shows it now (its level may be on another tab)."""
        for form in self.forms:
            combo = form.editors.get("sensitivity")
            if isinstance(combo, QComboBox) and combo.currentData() is not None:
                return Sensitivity(combo.currentData())
        return None

    def _add_record(self, lookup: str, parent: QWidget) -> tuple[int, Lookups] | None:
        """A picker's "New contact…" or "Add source…": the new record's id, the lists again."""
        new_id = add_record_with_dialog(parent, self.ops, lookup)
        if new_id is None:
            return None
        with self.ops.archive.reader() as session:
            lookups = self.spec.lookups(session)
        for form in self.forms:
            form.set_lookups(lookups)
        return new_id, lookups

    def new(self, start: Row | None = None) -> None:
        """An empty record with the spec's defaults, and ``start``'s values and rows over them
        (an event added from a case starts with the case among its people)."""
        with self.ops.archive.reader() as session:
            lookups = self.spec.lookups(session)
        self.record_id = None
        self.row_version = None
        values: Values = self.spec.defaults()
        children: dict[str, Rows] = {}
        for name, value in (start or {}).items():
            if isinstance(value, list):
                children[name] = value
            else:
                values[name] = value
        self._show(RecordForm(values, children), lookups)
        self._load_panels()
        self._dirty = True
        self.heading.setText(f"New {self.spec.noun}")
        self._update_buttons()
        self.tabs.setCurrentIndex(0)
        self.forms[0].setFocus()
        first = next(iter(self.forms[0].editors.values()), None)
        if first is not None:
            first.setFocus()

    def clear(self) -> None:
        self.record_id = None
        self._load_panels()
        self.heading.setText("")
        self._dirty = False
        self.banner.hide()
        self._show_empty()
        self._update_buttons()

    def _show(self, form: RecordForm, lookups: Lookups) -> None:
        values: Row = {**form.values, **form.children}
        for widget in self.forms:
            widget.set_lookups(lookups)
            widget.set_values(values)
        self.heading.setText(self.spec.title(form.values))
        self.banner.hide()
        self._dirty = False
        self.form_page.setEnabled(True)
        self._pages.setCurrentWidget(self.form_page)
        self._update_buttons()

    def revert(self) -> None:
        if self.record_id is None:
            self.clear()
        else:
            self.load(self.record_id)

    # -- saving -----------------------------------------------------------------------
    def form_values(self) -> RecordForm:
        values: Values = {}
        children: dict[str, Rows] = {}
        for form in self.forms:
            for name, value in form.values().items():
                if isinstance(value, list):
                    children[name] = value
                else:
                    values[name] = value
        return RecordForm(values, children, self.row_version)

    def save(self) -> bool:
        """Save the form as one undoable change; False (with the reason shown) if refused."""
        if not self._dirty:
            return True
        for widget in self.forms:
            widget.clear_errors()
        self.banner.hide()
        form = self.form_values()
        verb = "Add" if self.record_id is None else "Edit"
        name = self.spec.title(form.values) or self.spec.noun
        touched = [
            (table, row_id)
            for field_name, table in self.spec.related_children
            for row in form.children.get(field_name, [])
            if isinstance(row_id := row.get("id"), int)
        ]
        while True:
            try:
                new_id = self.ops.perform(
                    f"{verb} {self.spec.noun} {name}",
                    self.spec.table,
                    self.record_id,
                    lambda session: self.spec.save(session, self.record_id, form),
                    related=self.spec.related,
                    touched=touched,
                )
                break
            except ConflictError as error:
                choice = self._ask_about_conflict(error)
                if choice == QMessageBox.StandardButton.Save:  # keep mine: save over theirs
                    form.row_version = None
                    continue
                if choice == QMessageBox.StandardButton.Discard and self.record_id is not None:
                    self._dirty = False  # take theirs: show the record as it is now
                    self.load(self.record_id)
                    return True
                # went on editing: nothing was saved, and the choice is still there
                self.banner.setText(
                    f"Not saved: {error.what} was saved {error.where} after you opened it. "
                    "Save again to keep your changes over theirs, or Revert to see theirs."
                )
                self.banner.show()
                return False
            except ValidationError as error:
                self._show_error(error)
                return False
            except PowmiaError as error:
                self.banner.setText(str(error))
                self.banner.show()
                return False
        self._dirty = False
        self.load(new_id)
        self.saved.emit(new_id)
        return True

    def _ask_about_conflict(self, error: ConflictError) -> QMessageBox.StandardButton:
        """Someone saved this record elsewhere since it was opened here: whose version stays?

        Save keeps these edits (over the other save, which undo cannot bring back),
        Discard shows the record as the other window (or desk) saved it, Cancel goes on editing.
        """
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Changed elsewhere")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            f"{error.what} was saved {error.where} after you opened this "
            f"{self.spec.noun} here.\n\nWhich version should stay?"
        )
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.button(QMessageBox.StandardButton.Save).setText("Keep my changes")
        box.button(QMessageBox.StandardButton.Discard).setText("Show theirs (drop mine)")
        box.button(QMessageBox.StandardButton.Cancel).setText("Go on editing")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return QMessageBox.StandardButton(box.exec())

    def _show_error(self, error: ValidationError) -> None:
        shown = False
        if error.field:
            for index, form in enumerate(self.forms):
                if form.show_error(error.field, str(error)):
                    self.tabs.setCurrentIndex(index)
                    shown = True
                    break
        if not shown:
            self.banner.setText(str(error))
            self.banner.show()

    def confirm_leave(self) -> bool:
        """Ask what to do with unsaved edits; True when it is fine to move on."""
        if not self._dirty:
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            f"The {self.spec.noun} '{self.heading.text().removesuffix(NOT_SAVED)}' has "
            "changes that are not saved. Save them?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self._dirty = False
            self.revert()
            return True
        return False


class EmptyEditor(QWidget):
    """What the editor shows with no record open: what to do, and a New button."""

    def __init__(self, noun: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.noun = noun
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setObjectName("empty-editor-message")
        self.new_button = QPushButton(f"New {noun}", self)
        self.new_button.setAccessibleName(f"New {noun}")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.set_list_empty(False)

    def set_list_empty(self, empty: bool) -> None:
        an = "an" if self.noun[:1] in "aeiou" else "a"
        self.message.setText(
            f"There is no {self.noun} yet. Press “New {self.noun}” to add the first."
            if empty
            else f"Choose {an} {self.noun} on the left, or press “New {self.noun}”."
        )
