"""The contact editor."""
