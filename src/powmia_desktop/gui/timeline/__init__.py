"""The timeline event editor."""
