"""Python's cycle collector, run on the GUI thread only.

A collection frees every unreachable cycle it finds, Qt objects' wrappers among them, on
whichever thread happens to allocate when a collection falls due. A list read or a chart
read on a thread of its own could so delete a widget off the GUI thread and crash the
program (seen as a segmentation fault when a read ended). So the window turns automatic
collection off and collects on the GUI thread, on a timer, whenever the allocation counts
say a collection is due — the same rule the automatic collector follows.
"""

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

#: how often the GUI thread looks whether a collection is due
INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Owns the timer; one per application (see :func:`collect_on_gui_thread`)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("gui-thread-collector")
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_when_due)
        self._timer.start(INTERVAL_MS)

    def collect_when_due(self) -> int | None:
        """Collect the oldest generation that is due; returns it, or None when none is."""
        thresholds = gc.get_threshold()
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return generation
        return None


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Turn automatic collection off and collect on ``app``'s thread from now on (once)."""
    existing = app.findChild(GuiThreadCollector, "gui-thread-collector")
    if isinstance(existing, GuiThreadCollector):
        return existing
    return GuiThreadCollector(app)
