"""Storage: SQLAlchemy models, the archive file, migrations and the full-text index."""
