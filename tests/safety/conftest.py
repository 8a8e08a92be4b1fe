"""Fixtures of the safety tests (helpers live in support.py)."""

from pathlib import Path

import pytest
from tests.safety.support import make_demo_file


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    """A closed demo archive file, for tests that run ``powmia`` on it."""
    return make_demo_file(tmp_path / "family.sqlite")
