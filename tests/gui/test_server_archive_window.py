"""The window on an archive on the PostgreSQL server: a save the server cut off is not lost."""

from collections.abc import Callable

import psycopg
import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from tests.helpers.pg_server import DatabasePool

from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.services.cases import list_cases


@pytest.mark.parametrize("engine", ["postgresql"])
def test_a_save_cut_off_by_the_server_keeps_the_form_dirty_and_says_why(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    demo_archive: Archive,
    pg_pool: DatabasePool,
) -> None:
    window = make_window(demo_archive)
    window.cases_page.table.selectRow(0)
    editor = window.editors["cases"]
    rank = next(f.editors["rank"] for f in editor.forms if "rank" in f.editors)
    assert isinstance(rank, QLineEdit)
    rank.clear()
    qtbot.keyClicks(rank, "Sgt.")
    database = demo_archive.location.url.database
    admin = pg_pool.server.url("postgres").replace("+psycopg", "")
    with psycopg.connect(admin, autocommit=True) as c:  # the server drops the desk, for now
        c.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
        c.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
            (database,),
        )
    assert not editor.save()
    assert editor.is_dirty() and editor.forms[0].values()["rank"] == "Sgt."
    assert "Cannot reach the archive's server" in editor.banner.text()
    with psycopg.connect(admin, autocommit=True) as c:  # the server is back
        c.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')
    assert editor.save()  # the same save, tried again, goes through
    assert not editor.is_dirty()
    with demo_archive.reader() as session:
        assert list_cases(session)[0].rank == "Sgt."
