"""The Lists section: every list, its rows as printed, the review queue and cross-references."""
