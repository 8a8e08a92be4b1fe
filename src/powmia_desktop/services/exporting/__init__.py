"""Letting data out: CSV of any list, vCard, iCalendar, timeline CSV and whole-archive zips.

Every export takes a ``Privacy`` (privacy.py): nothing above its ceiling is written, and
``private`` records never leave unless explicitly included.
"""
