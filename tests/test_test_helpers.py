"""The suite's own machinery: archive copies, stable exports, generous Qt waits, Hypothesis."""

import os
import sqlite3
import zipfile
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from tests.helpers.stable import ARCHIVE_UID, MOMENT, stabilize_zip
from tests.helpers.templates import copy_archive

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path
from powmia_desktop.db.migrate import head_revision


def _uid(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        row = connection.execute("SELECT value FROM archive_setting WHERE key = 'archive_uid'")
        return str(row.fetchone()[0])


def test_copies_of_a_template_are_current_archives_each_with_its_own_uid(tmp_path: Path) -> None:
    first = copy_archive("demo", tmp_path / "a.sqlite")
    second = copy_archive("demo", tmp_path / "b.sqlite")
    assert _uid(first) != _uid(second)
    assert not Path(f"{first}-wal").exists()
    with Archive.open(location_for_path(second)) as archive:
        assert archive.upgrade_result.from_revision == head_revision()
        assert not archive.upgrade_result.upgraded
    with pytest.raises(FileExistsError):
        copy_archive("empty", first)


def _export(path: Path, when: tuple[int, int, int, int, int, int], stamp: str, uid: str) -> Path:
    manifest = f'{{\n  "archive_uid": "{uid}",\n  "exported_at": "{stamp}+00:00"\n}}'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("manifest.json", when), manifest)
        rows = f'[{{"id":1,"uid":"u-1","created_at":"{stamp}.5","title":"Yalu"}}]'
        archive.writestr(zipfile.ZipInfo("records/case.json", when), rows)
    return path


def test_exports_made_at_different_moments_become_the_same_bytes(tmp_path: Path) -> None:
    one = _export(tmp_path / "1.zip", (2026, 12, 4, 9, 0, 0), "2026-12-04T09:00:00", "a-1")
    two = _export(tmp_path / "2.zip", (2026, 12, 5, 17, 3, 8), "2026-12-05T17:03:08", "b-2")
    assert one.read_bytes() != two.read_bytes()
    assert stabilize_zip(one).read_bytes() == stabilize_zip(two).read_bytes()
    with zipfile.ZipFile(one) as archive:
        assert archive.namelist() == ["manifest.json", "records/case.json"]
        assert ARCHIVE_UID in archive.read("manifest.json").decode()
        rows = archive.read("records/case.json").decode()
        assert f'"created_at":"{MOMENT}"' in rows and '"uid":"u-1"' in rows  # row uids stay


def test_qt_waits_without_a_timeout_wait_long(qtbot: Any) -> None:
    assert qtbot.waitUntil.keywords["timeout"] >= 30_000  # tests/conftest.py
    qtbot.waitUntil(lambda: True)  # and a met condition returns at once


@pytest.mark.skipif(
    os.environ.get("HYPOTHESIS_PROFILE", "repeatable") != "repeatable", reason="exploring"
)
def test_hypothesis_draws_the_same_examples_on_every_run() -> None:
    assert settings.default.derandomize and settings.default.database is None
