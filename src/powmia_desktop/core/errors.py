"""Typed errors with messages a person can act on.

Every layer raises one of these; the GUI shows the message in a dialog and the CLI prints it
on one line and exits 1. Nothing else should reach a user.
"""

from datetime import UTC, datetime


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
    """Another window or person saved the same record since it was opened here.

    On a server archive (``desk``) the other save came from another desk: the message says
    so, with who saved and when (``by``, ``at``) when the change log knows.
    """

    def __init__(
        self, what: str, *, desk: bool = False, by: str = "", at: datetime | None = None
    ) -> None:
        self.what, self.desk, self.by, self.at = what, desk, by, at
        done = f"saved {self.where}" if desk else "changed elsewhere"
        super().__init__(f"{what} was {done} after you opened it; reload it to see those changes")

    @property
    def where(self) -> str:
        """Where the other save came from, as a person reads it after "saved"."""
        if not self.desk:
            return "in another window, or by another person"
        said = "at another desk" + (f" by {self.by}" if self.by else "")
        if self.at is not None:
            local = (self.at if self.at.tzinfo else self.at.replace(tzinfo=UTC)).astimezone()
            said += f" at {local:%H:%M} on {local.day} {local:%b %Y}"
        return said


class Cancelled(PowmiaError):
    """The person pressed Cancel; the job stopped and its transaction was rolled back."""

    def __init__(self, message: str = "Cancelled; nothing was changed") -> None:
        super().__init__(message)
