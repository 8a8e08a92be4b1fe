"""Pausing Python's cycle collector while many small objects are made at once.

Reading 100,000 list rows or planning a 100,000-row import makes millions of tuples and
strings, none of them in reference cycles; the collector would walk them all again and
again while they are made (about a third of the time). It is paused for such a job and
resumed after, whatever happens. The pause is counted, so jobs on two threads at once
(a list read and an import) resume it only when the last one ends.
"""

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_paused = 0
_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    global _paused, _was_enabled
    with _lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _lock:
            _paused -= 1
            if _paused == 0 and _was_enabled:
                gc.enable()
