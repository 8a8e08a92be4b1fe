"""Results of the global search (Ctrl+F), grouped by kind; Enter or a double-click opens one."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from powmia_desktop.services.search import KIND_LABELS, SearchResults

KindRole = Qt.ItemDataRole.UserRole
IdRole = Qt.ItemDataRole.UserRole + 1


class SearchDialog(QDialog):
    #: (kind, record id) the person chose to open
    chosen = Signal(str, int)

    def __init__(self, results: SearchResults, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Search: {results.query}")
        summary = QLabel(self)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setText(
            f"{results.total} found for “{results.query}”"
            if results.total
            else f"Nothing in the archive matches “{results.query}”."
        )
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Found", "Where the words are"])
        self.tree.setColumnWidth(0, 360)
        for kind, hits in results.hits.items():
            group = QTreeWidgetItem([f"{KIND_LABELS[kind]} ({len(hits)})", ""])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            for hit in hits:
                item = QTreeWidgetItem([hit.title, " ".join(hit.snippet.split())])
                item.setData(0, KindRole, kind)
                item.setData(0, IdRole, hit.record_id)
                item.setToolTip(1, hit.snippet)
                group.addChild(item)
            group.setExpanded(True)
        self.tree.itemActivated.connect(self._activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(900, 520)
        first = self.tree.topLevelItem(0)
        child = first.child(0) if first is not None else None
        if child is not None:
            self.tree.setCurrentItem(child)

    def _activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        kind = item.data(0, KindRole)
        if kind:
            self.chosen.emit(kind, int(item.data(0, IdRole)))
            self.accept()
