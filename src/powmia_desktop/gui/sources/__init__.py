"""The source editor and the list of what cites a source."""
