"""The main window: a section sidebar, the section's list, and the selected record."""

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from powmia_desktop import APP_NAME, __version__
from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path
from powmia_desktop.gui.case_card import CaseCard
from powmia_desktop.gui.sections import Section, make_sections
from powmia_desktop.services.cases import case_detail, get_case


class MainWindow(QMainWindow):
    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.sections: list[Section] = make_sections()

        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.addItems([s.title for s in self.sections])
        self.sidebar.setFixedWidth(170)
        self.sidebar.setStyleSheet("QListWidget#sidebar::item { padding: 8px 10px; }")
        self.stack = QStackedWidget(self)
        for section in self.sections:
            self.stack.addWidget(section.page)
        self.sidebar.currentRowChanged.connect(self._show_section)

        self.case_card = CaseCard(self)
        self.cases_page.record_selected.connect(self._show_case)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.case_card)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setCollapsible(0, False)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self._fit_to_screen()
        self.reload()
        self._restore_state()

    @property
    def cases_page(self):  # type: ignore[no-untyped-def]
        return self.sections[0].page

    def reload(self) -> None:
        """Re-read every list from the archive (after the archive changed)."""
        with self.archive.reader() as session:
            for section in self.sections:
                section.page.reload(session)
        if self.cases_page.model.rowCount():
            self.cases_page.table.selectRow(0)
        else:
            self.case_card.show_nothing()
        self.setWindowTitle(f"{APP_NAME} — {self.archive.location.display}")
        self.statusBar().showMessage(f"Archive: {self.archive.location.display}")

    def _fit_to_screen(self) -> None:
        """Start at a comfortable size that never exceeds the screen's free area."""
        screen = self.screen().availableGeometry()
        width, height = min(1400, screen.width()), min(860, screen.height())
        self.resize(width, height)
        self.splitter.setSizes([width * 3 // 5, width * 2 // 5])

    def _show_section(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.case_card.setVisible(self.sections[row].key == "cases")

    def _show_case(self, case_id: int) -> None:
        try:
            with self.archive.reader() as session:
                self.case_card.show_case(case_detail(get_case(session, case_id)))
        except PowmiaError as error:
            self.case_card.setPlainText(str(error))

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        open_action = QAction("&Open archive…", self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self._open_archive)
        file_menu.addAction(open_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        find = QAction("&Filter the list", self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._focus_filter)
        self.addAction(find)

        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _focus_filter(self) -> None:
        page = self.sections[max(self.sidebar.currentRow(), 0)].page
        page.filter_edit.setFocus()
        page.filter_edit.selectAll()

    def _open_archive(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open archive", "", "Archives (*.sqlite *.db *.powmia);;All files (*)"
        )
        if not path:
            return
        try:
            archive = Archive.open(location_for_path(Path(path)))
        except PowmiaError as error:
            QMessageBox.warning(self, "Cannot open the archive", str(error))
            return
        self.archive.close()
        self.archive = archive
        self.reload()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\n\nA case archive for families of servicemen missing "
            f"from the Korean War.\n\nArchive: {self.archive.location.display}",
        )

    # -- remembered between sessions --------------------------------------------------
    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("main/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        splitter = settings.value("main/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        section = settings.value("main/section", 0)
        row = int(str(section)) if str(section).isdigit() else 0
        self.sidebar.setCurrentRow(min(row, len(self.sections) - 1))

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        settings = QSettings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/splitter", self.splitter.saveState())
        settings.setValue("main/section", self.sidebar.currentRow())
        super().closeEvent(event)
