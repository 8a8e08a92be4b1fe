"""Forms built from field lists: one way to edit every kind of record."""
