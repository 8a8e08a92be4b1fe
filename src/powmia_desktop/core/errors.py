"""Typed errors with messages a person can act on.

Every layer raises one of these; the GUI shows the message in a dialog and the CLI prints it
on one line and exits 1. Nothing else should reach a user.
"""


class PowmiaError(Exception):
    """Base of every error the program expects and can explain."""


class ValidationError(PowmiaError, ValueError):
    """A value typed or imported is not acceptable; ``field`` names where, when known."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ArchiveError(PowmiaError):
    """The archive cannot be opened, created, upgraded or written."""


class NotFoundError(PowmiaError):
    """A record asked for by id does not exist (any more)."""


class ConflictError(PowmiaError):
    """Another window or person saved the same record since it was opened here."""

    def __init__(self, what: str) -> None:
        super().__init__(
            f"{what} was changed elsewhere after you opened it; reload it to see those changes"
        )
        self.what = what


class Cancelled(PowmiaError):
    """The person pressed Cancel; the job stopped and its transaction was rolled back."""

    def __init__(self, message: str = "Cancelled; nothing was changed") -> None:
        super().__init__(message)
