"""The meeting editor."""
