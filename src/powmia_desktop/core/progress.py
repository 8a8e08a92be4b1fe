"""How a long job reports progress and learns that it was cancelled.

Services that take a while (imports, packets, checks) accept ``progress``, a callable
``progress(done, total, message)``. The caller's callback may raise ``Cancelled`` to stop
the job; the service lets it propagate so the caller's transaction rolls back.
"""

from collections.abc import Callable

Progress = Callable[[int, int, str], None]


def no_progress(done: int, total: int, message: str) -> None:
    """The callback used when nobody is watching."""
