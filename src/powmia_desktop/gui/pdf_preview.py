"""An in-app PDF preview with Print… and Save As…, so nobody needs an outside viewer.

QtPdf shows the pages (``QPdfView``); printing renders each page with
``QPdfDocument.render`` onto the printer at its resolution (capped, so a 300-page packet does
not need gigabytes), fitted to the printable area.
"""

import shutil
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from powmia_desktop.gui.fonts import size_for_text

#: Highest resolution a page is rendered at for printing (dots per inch).
MAX_PRINT_DPI = 300


class PdfPreview(QWidget):
    """The pages of one PDF file, a toolbar with Print… and Save As…, and a page count."""

    #: the file was copied to this path (Save As…)
    saved = Signal(Path)
    #: the pages were sent to this printer (its name; a file's path when printed to a file)
    printed = Signal(str)

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.toolbar = QToolBar(self)
        self.print_action = QAction("Print…", self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_with_dialog)
        self.save_action = QAction("Save As…", self)
        self.save_action.setShortcut(QKeySequence.StandardKey.SaveAs)
        self.save_action.triggered.connect(self.save_with_dialog)
        fit_width = QAction("Fit width", self)
        fit_width.triggered.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        fit_page = QAction("Whole page", self)
        fit_page.triggered.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        for action in (self.print_action, self.save_action, fit_width, fit_page):
            self.toolbar.addAction(action)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.load(path)

    def load(self, path: Path) -> None:
        self.path = path
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            self.status.setText(f"Cannot show {path.name}: {error.name}")
            return
        pages = self.document.pageCount()
        self.status.setText(f"{path.name} — {pages} page{'s' if pages != 1 else ''}")

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    # -- printing -------------------------------------------------------------------------

    def print_with_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.path.stem)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, max(self.page_count, 1))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Paint the pages (the printer's page range, or all) onto ``printer``; how many."""
        count = self.page_count
        first = printer.fromPage() or 1
        last = printer.toPage() or count
        pages = range(max(first, 1) - 1, min(last, count))
        painter = QPainter()
        if not pages or not painter.begin(printer):
            return 0
        try:
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            for n, index in enumerate(pages):
                if n:
                    printer.newPage()
                points = self.document.pagePointSize(index)
                size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                image = self.document.render(index, size)
                target = _fit(size, QRect(0, 0, area.width(), area.height()))
                painter.drawImage(target, image)
        finally:
            painter.end()
        self.printed.emit(printer.outputFileName() or printer.printerName() or "a printer")
        return len(pages)

    # -- saving ---------------------------------------------------------------------------

    def save_with_dialog(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, "Save the PDF as", str(self.path), "PDF files (*.pdf)"
        )
        if not target:
            return
        try:
            self.save_to(Path(target))
        except OSError as error:
            QMessageBox.warning(self, "Cannot save the PDF", f"{target}: {error.strerror}")

    def save_to(self, target: Path) -> None:
        if target.resolve() != self.path.resolve():
            shutil.copyfile(self.path, target)
        self.saved.emit(target)


def _fit(size: QSize, area: QRect) -> QRect:
    """The largest rectangle of ``size``'s shape inside ``area``, centred."""
    scale = min(area.width() / max(size.width(), 1), area.height() / max(size.height(), 1))
    width, height = round(size.width() * scale), round(size.height() * scale)
    return QRect(
        area.x() + (area.width() - width) // 2,
        area.y() + (area.height() - height) // 2,
        width,
        height,
    )


class PdfPreviewDialog(QDialog):
    """A window around :class:`PdfPreview`; ``temporary`` files are removed when it closes."""

    def __init__(
        self, path: Path, title: str, parent: QWidget | None = None, *, temporary: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.temporary = temporary
        self.preview = PdfPreview(path, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.preview)
        self.resize(size_for_text(self, 820, 900))
        self.finished.connect(self._cleanup)

    def _cleanup(self) -> None:
        if self.temporary:
            self.preview.document.close()
            shutil.rmtree(self.preview.path.parent, ignore_errors=True)
