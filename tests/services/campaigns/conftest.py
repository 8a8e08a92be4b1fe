"""The members of Congress from the real files (skipped when they are absent)."""

import pytest
from tests.helpers.congress import import_congress

from powmia_desktop.db.archive import Archive


@pytest.fixture
def congress(archive: Archive) -> Archive:
    return import_congress(archive)
