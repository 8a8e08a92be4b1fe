"""The timeline drawn: lanes of events over the years, zoomable, for a case or the archive."""
