"""The Cases section: the case list and the case editor."""
