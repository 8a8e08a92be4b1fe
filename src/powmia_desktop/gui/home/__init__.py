"""The home page: the next meeting, overdue tasks, recent changes, the archive's state."""

from powmia_desktop.gui.home.page import ArchiveFacts, HomePage

__all__ = ["ArchiveFacts", "HomePage"]
