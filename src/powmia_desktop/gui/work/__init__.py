"""The task and question editors."""
