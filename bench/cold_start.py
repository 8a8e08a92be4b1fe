"""Start ``powmia-desktop`` on an archive and quit as soon as its window has been painted.

Runs the program's own ``powmia_desktop.app.main`` (argument parsing, QApplication, opening
the archive, the main window and its lists, ``show``, the event loop), with one addition: an
application-wide event filter that, after the first paint of the main window, prints
``shown`` and quits the event loop; then it prints ``rss_kb N``, its peak resident memory.

The benchmark times it from outside, from start to that line.
Usage: QT_QPA_PLATFORM=offscreen python bench/cold_start.py ARCHIVE
"""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from powmia_desktop import app as desktop


class _FirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self.done
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and isinstance(watched.window(), QMainWindow)
        ):
            self.done = True
            # The whole window is painted in this same pass; quit once it is over.
            QTimer.singleShot(0, self._shown)
        return False

    def _shown(self) -> None:
        print("shown", flush=True)
        self.app.quit()


def peak_rss_kb() -> int:
    """This process's peak resident memory since it started (VmHWM; 0 where unknown)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    app = QApplication([sys.argv[0]])
    watcher = _FirstPaint(app)
    app.installEventFilter(watcher)
    status = desktop.main(["--db", sys.argv[1]])
    # Read here, not by the parent from wait4(): that peak counts the parent's memory too
    # when the child was forked from a large process.
    print(f"rss_kb {peak_rss_kb()}", flush=True)
    return status if watcher.done else 3


if __name__ == "__main__":
    sys.exit(main())
