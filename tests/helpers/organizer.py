"""What the organizer's job (tests/gui/test_organizer_s_day.py, and with the keyboard only
tests/gui/test_keyboard_only.py) must leave in the packet it writes."""

from pathlib import Path

from tests.reports.pdfs import all_text

#: Words the packet for the next meeting shows: the case, the meeting, the telegram and its source.
SHOWN = (
    "Cpl. Thomas J. Kelly",
    "Family Member Update, Boston",
    "Telegram: missing in action",
    "Western Union telegram to Mrs. Kelly",
)


def check_the_packet(path: Path) -> None:
    """The PDF read back holds the job's records, and not his sister (Family only, so a
    DPAA analyst's packet leaves her out)."""
    text = " ".join(all_text(path).split())
    for words in SHOWN:
        assert words in text, words
    assert "Margaret" not in text
