"""Bringing data in: lists of servicemen, contacts, calendars, timelines and whole archives.

Every importer takes a Session (the caller commits), a file, ``dry_run`` and ``progress``,
and returns an ImportResult; the CLI and the GUI wizard call the same functions.
"""
