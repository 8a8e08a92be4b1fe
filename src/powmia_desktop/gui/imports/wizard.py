"""File > Import...: choose a file -> map its columns (with a preview) -> check (a dry run
that shows the counts) -> import (in the background, with progress and Cancel) -> result,
rejected rows included.

Every step calls the same service as ``powmia import``; ``run_import`` is that call.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.core.progress import Progress, no_progress
from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.fonts import size_for_text
from powmia_desktop.gui.imports.preview import PreviewModel
from powmia_desktop.gui.workers import run_job
from powmia_desktop.services.backup_first import backed_up_for_import
from powmia_desktop.services.importing.contact_rows import CONTACT_FIELDS
from powmia_desktop.services.importing.dispatch import ImportOptions, import_file, is_vcard
from powmia_desktop.services.importing.list_rows import LIST_FIELDS
from powmia_desktop.services.importing.outcome import ImportResult
from powmia_desktop.services.importing.tabular import Table, guess_mapping, read_table
from powmia_desktop.services.importing.timeline import TIMELINE_FIELDS

PREVIEW_ROWS = 20
IGNORE = "(ignore this column)"


@dataclass(frozen=True)
class ImportKind:
    key: str
    label: str
    file_filter: str
    fields: dict[str, tuple[str, ...]] | None = None


KINDS = [
    ImportKind("cases", "A list of servicemen (CSV or TSV)", "Spreadsheets (*.csv *.tsv *.txt)",
               LIST_FIELDS),
    ImportKind("contacts", "Contacts (vCard or CSV)", "Address books (*.vcf *.vcard *.csv)",
               CONTACT_FIELDS),
    ImportKind("meetings", "Meetings from a calendar (.ics)", "Calendars (*.ics)"),
    ImportKind("events", "Timeline events (CSV)", "Spreadsheets (*.csv *.tsv *.txt)",
               TIMELINE_FIELDS),
    ImportKind("archive", "A whole archive from another organizer (.zip)", "Archives (*.zip)"),
]  # fmt: skip
KIND_BY_KEY = {k.key: k for k in KINDS}


def run_import(
    archive: Archive,
    kind: str,
    path: Path,
    *,
    mapping: dict[str, str | None] | None = None,
    options: ImportOptions | None = None,
    dry_run: bool = False,
    progress: Progress = no_progress,
) -> ImportResult:
    """One import in its own transaction (committed unless ``dry_run``), after a backup.

    The backup lets a list imported with the wrong columns be undone whole by a restore.
    """
    if not dry_run:
        progress(0, 0, "Backing up the archive first")
    with backed_up_for_import(archive, dry_run=dry_run), archive.session() as session:
        return import_file(
            session, kind, path, attachments_dir=archive.location.attachments_dir,
            mapping=mapping, options=options, dry_run=dry_run, progress=progress,
        )  # fmt: skip


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.setTitle("Choose what to import")
        self._wizard = wizard
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(kind.label, kind.key)
        self.path = QLineEdit()
        self.path.setPlaceholderText("The file to import")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        self.list_title = QLineEdit()
        self.list_title.setPlaceholderText("The list's name (default: the file's name)")
        self.source = QLineEdit()
        self.source.setPlaceholderText("A source every row cites (optional)")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow("Kind:", self.kind)
        form.addRow("File:", row)
        form.addRow("List name:", self.list_title)
        form.addRow("Source:", self.source)
        self.path.textChanged.connect(self.completeChanged)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def selected(self) -> ImportKind:
        return KIND_BY_KEY[str(self.kind.currentData())]

    def file(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def _kind_changed(self) -> None:
        key = self.selected().key
        self.list_title.setEnabled(key == "cases")
        self.source.setEnabled(key == "events")

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Choose a file to import", "", self.selected().file_filter
        )
        if name:
            self.path.setText(name)

    def isComplete(self) -> bool:
        return self.file().is_file()

    def nextId(self) -> int:
        kind = self.selected()
        needs_mapping = kind.fields is not None and not is_vcard(self.file())
        return ImportWizard.MAPPING if needs_mapping else ImportWizard.CHECK


class MappingPage(QWizardPage):
    """A preview of the first rows and, per column, the field it goes to."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.setTitle("Which column is which?")
        self.setSubTitle("Columns with a name the program knows are already matched.")
        self._wizard = wizard
        self.model = PreviewModel(self)
        self.table_view = QTableView()
        self.table_view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table_view.setModel(self.model)
        self.table_view.verticalHeader().setVisible(True)
        self.message = _plain_label()
        self.combos: dict[str, QComboBox] = {}
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._grid_host)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table_view, 2)
        layout.addWidget(scroll, 1)
        self.table: Table | None = None

    def initializePage(self) -> None:
        page = self._wizard.file_page
        kind = page.selected()
        for combo in self.combos.values():
            combo.deleteLater()
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        self.combos = {}
        try:
            self.table = read_table(page.file())
            guessed = guess_mapping(self.table.headers, kind.fields or {})
        except PowmiaError as error:
            self.table = None
            self.message.setText(str(error))
            self.model.set_table([], [])
            return
        delimiter = "a tab" if self.table.delimiter == "\t" else repr(self.table.delimiter)
        self.message.setText(
            f"{len(self.table):,} rows; read as {self.table.encoding}, separated by {delimiter}"
        )
        self.model.set_table(self.table.headers, self.table.rows[:PREVIEW_ROWS])
        fields = sorted(kind.fields or {})
        for row, header in enumerate(self.table.headers):
            combo = QComboBox()
            combo.addItem(IGNORE, "")
            for name in fields:
                combo.addItem(name.replace("_", " "), name)
            target = guessed.get(header, "")
            combo.setCurrentIndex(max(combo.findData(target), 0))
            combo.currentIndexChanged.connect(self._changed)
            self._grid.addWidget(_plain_label(header), row, 0)
            self._grid.addWidget(combo, row, 1)
            self.combos[header] = combo
        self._changed()

    def mapping(self) -> dict[str, str | None]:
        return {h: (str(c.currentData()) or None) for h, c in self.combos.items()}

    def _changed(self) -> None:
        self.model.set_targets({h: t for h, t in self.mapping().items() if t})
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.table is not None


class _RunPage(QWizardPage):
    """Runs the import (a dry run or the real one) when shown and lists what it did."""

    dry_run = True

    def __init__(self, wizard: ImportWizard, title: str) -> None:
        super().__init__()
        self.setTitle(title)
        self._wizard = wizard
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.report)
        self.result: ImportResult | None = None
        self.error: PowmiaError | None = None

    def initializePage(self) -> None:
        self.result, self.error = None, None
        try:
            self.result = self._wizard.run(dry_run=self.dry_run)
        except PowmiaError as error:
            self.error = error
            self.report.setPlainText(
                f"{error}\n\nGo Back to change the mapping or to choose another file."
            )
        else:
            self.report.setPlainText("\n".join(self.result.lines()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.result is not None


class CheckPage(_RunPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, "What the import will do")
        self.setSubTitle("Nothing has been changed yet. Press Import to import.")
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "Import")


class ResultPage(_RunPage):
    dry_run = False

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard, "Imported")

    def initializePage(self) -> None:
        super().initializePage()
        if self.error is not None:
            self.setTitle("Not imported")
        self._wizard.outcome = self.result


class ImportWizard(QWizard):
    FILE, MAPPING, CHECK, RESULT = range(4)

    def __init__(
        self,
        archive: Archive,
        parent: QWidget | None = None,
        *,
        kind: str | None = None,
        path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import")
        self.archive = archive
        self.outcome: ImportResult | None = None
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.result_page = ResultPage(self)
        self.setPage(self.FILE, self.file_page)
        self.setPage(self.MAPPING, self.mapping_page)
        self.setPage(self.CHECK, self.check_page)
        self.setPage(self.RESULT, self.result_page)
        if kind is not None:
            self.file_page.kind.setCurrentIndex(self.file_page.kind.findData(kind))
        if path is not None:
            self.file_page.path.setText(str(path))
        self.resize(size_for_text(self, 820, 600))

    def run(self, *, dry_run: bool) -> ImportResult:
        page = self.file_page
        kind, path = page.selected().key, page.file()
        mapping = self.mapping_page.mapping() if self.hasVisitedPage(self.MAPPING) else None
        options = ImportOptions().given(
            list_title=page.list_title.text().strip(), source=page.source.text().strip()
        )
        title = "Checking the file" if dry_run else f"Importing {path.name}"
        return run_job(
            self,
            title,
            lambda progress: run_import(
                self.archive, kind, path, mapping=mapping, options=options,
                dry_run=dry_run, progress=progress,
            ),
        )  # fmt: skip


def open_import_wizard(parent: QWidget | None, archive: Archive) -> ImportResult | None:
    """Show the wizard modally; the result of the import, or None if nothing was imported."""
    wizard = ImportWizard(archive, parent)
    wizard.exec()
    return wizard.outcome
