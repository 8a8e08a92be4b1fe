"""Results of the global search (Ctrl+F), grouped by kind; Enter or a double-click opens one.

The words found are shown in bold within their context (the index marks them with « »,
which the person never sees); the text is escaped first, so nothing typed in the archive
is ever read as markup.
"""

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from powmia_desktop.gui.fonts import size_for_text
from powmia_desktop.services.search import KIND_LABELS, SearchResults

KindRole = Qt.ItemDataRole.UserRole
IdRole = Qt.ItemDataRole.UserRole + 1
#: The snippet as markup: escaped text with the words found in <b>.
MarkupRole = Qt.ItemDataRole.UserRole + 2
#: How the search index marks the words found in a snippet.
HIT_START, HIT_END = "«", "»"


def snippet_markup(snippet: str) -> str:
    """The snippet's text escaped, its marked words in bold: "a «Yalu» b" -> "a <b>Yalu</b> b"."""
    words = html.escape(" ".join(snippet.split()), quote=False)
    return words.replace(HIT_START, "<b>").replace(HIT_END, "</b>")


def snippet_text(snippet: str) -> str:
    """The snippet as plain text, without the marks (for tooltips and screen readers)."""
    return " ".join(snippet.split()).replace(HIT_START, "").replace(HIT_END, "")


class _BoldHits(QStyledItemDelegate):
    """Paints a result's snippet with the words found in bold."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        markup = index.data(MarkupRole)
        if not markup:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is None:
            return
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        document = QTextDocument()
        document.setDefaultFont(item.font)
        document.setDocumentMargin(0)
        document.setHtml(markup)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, item.palette.color(role))
        painter.save()
        top = area.top() + (area.height() - document.size().height()) / 2
        painter.translate(area.left(), top)
        painter.setClipRect(0, 0, area.width(), area.height())
        document.documentLayout().draw(painter, context)
        painter.restore()


#: The letters of a found record's name the first column has room for.
FOUND_LETTERS = 44


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
        self.tree.setAccessibleName("Search results")
        self.tree.setHeaderLabels(["Found", "Where the words are"])
        # the names keep their room at any text size (the words found take the rest)
        self.tree.setColumnWidth(0, self.tree.fontMetrics().averageCharWidth() * FOUND_LETTERS)
        self.tree.setItemDelegateForColumn(1, _BoldHits(self.tree))
        for kind, hits in results.hits.items():
            group = QTreeWidgetItem([f"{KIND_LABELS[kind]} ({len(hits)})", ""])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            for hit in hits:
                item = QTreeWidgetItem([hit.title, snippet_text(hit.snippet)])
                item.setToolTip(0, hit.title)
                item.setData(0, KindRole, kind)
                item.setData(0, IdRole, hit.record_id)
                item.setData(1, MarkupRole, snippet_markup(hit.snippet))
                item.setToolTip(1, snippet_text(hit.snippet))
                group.addChild(item)
            group.setExpanded(True)
        self.tree.itemActivated.connect(self._activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(size_for_text(self, 900, 520))
        first = self.tree.topLevelItem(0)
        child = first.child(0) if first is not None else None
        if child is not None:
            self.tree.setCurrentItem(child)

    def _activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        kind = item.data(0, KindRole)
        if kind:
            self.chosen.emit(kind, int(item.data(0, IdRole)))
            self.accept()
