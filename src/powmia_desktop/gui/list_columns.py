"""The columns of a list a person can read: sized to what they hold (the main one, a name
or a title, may take the room the others leave), the last one stretched to the edge, and
chosen from the header's menu (right-click).

Which columns are shown and the widths a person dragged are remembered per list in the
settings, by column heading, so a list that gains a column keeps what was chosen.
"""

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from powmia_desktop.gui.tables import Column

#: No column sized to its contents grows wider than this many average characters (the
#: main one may take more when there is room): a long date or unit is cut with "…", its
#: whole text in the tooltip.
MAX_CHARS = 20
MAIN_CHARS = 42
#: How long after the last drag of a column edge the widths are written down.
SAVE_DELAY_MS = 400


class ColumnChooser(QObject):
    """Sizes, shows and hides the columns of ``view``; ``key`` names the list's settings."""

    def __init__(self, view: QTableView, columns: Sequence[Column[Any]], key: str) -> None:
        super().__init__(view)
        self.view = view
        self.columns = list(columns)
        self.key = f"lists/{key}/columns"
        #: the widths a person set by dragging, by heading (not sized again by ``fit``)
        self.widths: dict[str, int] = {}
        self._fitting = False
        self._fitted = False
        #: the column that may take the room the others leave: the one marked main, or
        #: else the first (a list's name or title comes first)
        self.main = next((i for i, c in enumerate(self.columns) if c.main), 0)
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._menu)
        header.setToolTip("Right-click to choose the columns shown")
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save)
        hidden = self._restore()
        for i, column in enumerate(self.columns):
            view.setColumnHidden(i, column.header in hidden)
        header.sectionResized.connect(self._resized)

    # -- what is shown ----------------------------------------------------------------
    def shown(self) -> list[str]:
        return [c.header for i, c in enumerate(self.columns) if not self.view.isColumnHidden(i)]

    def set_shown(self, header: str, shown: bool) -> None:
        """Show or hide one column (the last one shown stays); remembered at once."""
        index = next(i for i, c in enumerate(self.columns) if c.header == header)
        if not shown and self.shown() == [header]:
            return
        self.view.setColumnHidden(index, not shown)
        if shown:
            self._fit_column(index)
        self.save()

    # -- sizes ------------------------------------------------------------------------
    def fit(self) -> None:
        """Size the columns to the rows on screen, once there are rows (the first time);
        the main column last, so it may take the room the others leave."""
        if self._fitted or self.view.model().rowCount() == 0:
            return
        self._fitted = True
        order = sorted(range(len(self.columns)), key=lambda i: i == self.main)
        for i in order:
            if not self.view.isColumnHidden(i):
                self._fit_column(i)

    def _fit_column(self, index: int) -> None:
        header = self.view.horizontalHeader()
        column = self.columns[index]
        width = self.widths.get(column.header)
        if width is None:
            main = index == self.main
            chars = MAIN_CHARS if main else MAX_CHARS
            cap = self.view.fontMetrics().averageCharWidth() * chars
            if main:
                others = sum(
                    header.sectionSize(i)
                    for i in range(len(self.columns))
                    if i != index and not self.view.isColumnHidden(i)
                )
                cap = max(cap, self.view.viewport().width() - others)
            content = self.view.sizeHintForColumn(index)
            width = max(header.sectionSizeHint(index), min(content, cap))
        self._fitting = True
        try:
            header.resizeSection(index, width)
        finally:
            self._fitting = False

    def _resized(self, index: int, old: int, new: int) -> None:
        if self._fitting or index == self._last_shown():
            return  # sized by us, or stretched to the edge
        if new > 0 and not self.view.isColumnHidden(index):
            self.widths[self.columns[index].header] = new
            self._save_timer.start()

    # -- remembering ------------------------------------------------------------------
    def save(self) -> None:
        shown = set(self.shown())
        hidden = [c.header for c in self.columns if c.header not in shown]
        QSettings().setValue(self.key, json.dumps({"hidden": hidden, "widths": self.widths}))

    def _restore(self) -> set[str]:
        """The headings to hide: as remembered, else the columns hidden at first."""
        default = {c.header for c in self.columns if c.hidden}
        try:
            saved = json.loads(str(QSettings().value(self.key, "") or "{}"))
        except ValueError:
            return default
        if not isinstance(saved, dict):
            return default
        widths = saved.get("widths", {})
        if isinstance(widths, dict):
            self.widths = {
                str(k): int(v) for k, v in widths.items() if isinstance(v, int) and v > 0
            }
        hidden = saved.get("hidden")
        if not isinstance(hidden, list):
            return default
        known = {c.header for c in self.columns}
        chosen = {str(h) for h in hidden} & known
        return chosen if chosen != known else default

    # -- the header's menu ------------------------------------------------------------
    def menu(self) -> QMenu:
        """A tick per column, and a way back to the sizes that fit the contents."""
        menu = QMenu(self.view)
        shown = set(self.shown())
        for column in self.columns:
            action = QAction(column.header, menu)
            action.setCheckable(True)
            action.setChecked(column.header in shown)
            action.setEnabled(not (column.header in shown and len(shown) == 1))
            action.toggled.connect(lambda on, h=column.header: self.set_shown(h, on))
            menu.addAction(action)
        menu.addSeparator()
        fit = menu.addAction("Fit the columns to their contents")
        fit.triggered.connect(self.refit)
        return menu

    def _last_shown(self) -> int:
        shown = [i for i in range(len(self.columns)) if not self.view.isColumnHidden(i)]
        return shown[-1] if shown else -1

    def refit(self) -> None:
        self.widths.clear()
        self._fitted = False
        self.fit()
        self.save()

    def _menu(self, where: QPoint) -> None:
        self.menu().exec(self.view.horizontalHeader().mapToGlobal(where))
