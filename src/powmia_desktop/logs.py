"""Where unexpected errors are written, so a person sees one line and a helper sees the rest.

``powmia`` imports this module on every start, so what only writing a log needs
(platformdirs, traceback) is imported when a log is written.
"""

from datetime import UTC, datetime
from pathlib import Path

from powmia_desktop import APP_NAME


def log_file() -> Path:
    import platformdirs

    return platformdirs.user_log_path(APP_NAME, appauthor=False) / "errors.log"


def log_unexpected(error: BaseException) -> Path:
    """Append the traceback of an error nobody expected; return the log's path."""
    import traceback

    path = log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now(UTC).isoformat()}\n")
            handle.write("".join(traceback.format_exception(error)))
    except OSError:
        pass
    return path
