"""The current members of Congress and their offices, imported from the real files (the
calling test is skipped when they are absent)."""

import pytest
from tests.services.importing.conftest import REAL

from powmia_desktop.db.archive import Archive
from powmia_desktop.services.importing.contacts import import_contact_csv

CONGRESS = REAL / "contacts" / "congress"


def import_congress(archive: Archive) -> Archive:
    """``archive`` with every current member of Congress imported, as the CLI would."""
    if not CONGRESS.is_dir():
        pytest.skip(f"the members-of-Congress files {CONGRESS} are not here")
    with archive.session() as session:
        import_contact_csv(
            session,
            CONGRESS / "legislators-current.csv",
            offices=CONGRESS / "legislators-district-offices.csv",
        )
    return archive
