"""Choosing a template's sections and their order: a checkable list with Up and Down."""

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from powmia_desktop.services.packets import SECTION_KINDS, Section, Template

_KIND = Qt.ItemDataRole.UserRole
_OPTIONS = Qt.ItemDataRole.UserRole + 1


class SectionsEditor(QWidget):
    """Every kind of section once: the template's in its order (ticked), the rest after."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setObjectName("packetSections")
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.list.currentRowChanged.connect(self._enable_buttons)
        self.up = QPushButton("Up", self)
        self.down = QPushButton("Down", self)
        self.up.clicked.connect(lambda: self.move_current(-1))
        self.down.clicked.connect(lambda: self.move_current(1))
        buttons = QVBoxLayout()
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._enable_buttons(-1)

    def set_template(self, template: Template) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        used = {s.kind for s in template.sections}
        for section in template.sections:
            self._add(section.kind, dict(section.options), checked=True)
        for kind in SECTION_KINDS:
            if kind not in used:
                self._add(kind, {}, checked=False)
        self.list.blockSignals(False)
        self._fit_names()
        self._enable_buttons(self.list.currentRow())
        self.changed.emit()

    def _fit_names(self) -> None:
        """As wide as the longest section's name with its tick box, at any text size."""
        lists = self.list
        bar = lists.style().pixelMetric(lists.style().PixelMetric.PM_ScrollBarExtent)
        lists.setMinimumWidth(lists.sizeHintForColumn(0) + 2 * lists.frameWidth() + bar + 4)

    def _add(self, kind: str, options: dict[str, Any], *, checked: bool) -> None:
        item = QListWidgetItem(SECTION_KINDS[kind].label)
        item.setToolTip(SECTION_KINDS[kind].description)
        item.setData(_KIND, kind)
        item.setData(_OPTIONS, options)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.addItem(item)

    def sections(self, extra: dict[str, dict[str, Any]] | None = None) -> tuple[Section, ...]:
        """The ticked sections in order; ``extra`` options override per kind."""
        chosen = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() != Qt.CheckState.Checked:
                continue
            kind = str(item.data(_KIND))
            options = dict(item.data(_OPTIONS) or {})
            options.update((extra or {}).get(kind, {}))
            chosen.append(Section(kind, options))
        return tuple(chosen)

    def set_checked(self, kind: str, checked: bool) -> None:
        item = self._item(kind)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def options(self, kind: str) -> dict[str, Any]:
        return dict(self._item(kind).data(_OPTIONS) or {})

    def _item(self, kind: str) -> QListWidgetItem:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(_KIND) == kind:
                return item
        raise KeyError(kind)

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()

    def _enable_buttons(self, row: int) -> None:
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < self.list.count() - 1)
