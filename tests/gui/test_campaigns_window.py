"""The Campaigns and Correspondence sections driven as a person would: a campaign created,
a count added, a letter logged with a reply due, and its follow-up task on the task list."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot
from tests.helpers.congress import import_congress
from tests.helpers.forms import add_row, fill, new, save, section

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Campaign, Contact, ContactAddress
from powmia_desktop.gui.campaigns.editor import ProgressPanel
from powmia_desktop.gui.campaigns.panels import CorrespondencePanel
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.services.campaigns import get_campaign, progress

MakeWindow = Callable[[Archive], MainWindow]


def test_a_campaign_a_count_and_a_letter_whose_follow_up_reaches_the_task_list(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    editor = new(window, "campaigns")
    fill(qtbot, editor, {"title": "Resolution for a full accounting", "goal": "1500"})
    add_row(
        qtbot,
        editor,
        "counts",
        {"counted_on": "2021-06-01", "count": "1160", "source_text": "the petition page"},
    )
    add_row(qtbot, editor, "cases", {"serviceman_id": "Dumas, Roger A."})
    campaign_id = save(window, editor)
    with demo_archive.reader() as session:
        assert progress(get_campaign(session, campaign_id)).text() == (
            "1,160 of 1,500 signatures (77%)"
        )
    panel = next(p for p in editor.panels if isinstance(p, ProgressPanel))
    assert panel.summary.text() == "1,160 of 1,500 signatures (77%)"
    assert panel.chart.shape is not None and panel.chart.shape.counts == (1160,)

    letter = new(window, "correspondence")
    due = dt.date.today() + dt.timedelta(days=30)
    fill(
        qtbot,
        letter,
        {
            "subject": "Please co-sponsor the resolution",
            "date": dt.date.today().isoformat(),
            "office": "U.S. Senate",
            "campaign_id": "Resolution for a full accounting",
            "reply_due_on": due.isoformat(),
        },
    )
    save(window, letter)

    tasks = window.section("tasks").page
    section(window, "tasks")
    qtbot.waitUntil(
        lambda: any(
            r.title.endswith("follow up on “Please co-sponsor the resolution”")
            for r in tasks.model.visible_rows()
        ),
        timeout=10_000,
    )
    (task,) = [r for r in tasks.model.visible_rows() if "co-sponsor" in r.title]
    assert task.due_on == due and not task.done
    assert task.title.startswith("No reply from U.S. Senate after 30 days")
    # The letter is listed on the campaign's Progress tab too.
    section(window, "campaigns")
    window.open_record("campaign", campaign_id)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    assert panel.model.row_at(0).reply.startswith("reply due")


def test_a_letter_past_its_reply_date_shows_on_the_home_page(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    letter = new(window, "correspondence")
    sent = dt.date.today() - dt.timedelta(days=45)
    fill(
        qtbot,
        letter,
        {
            "subject": "The Last Seen Alive list before any treaty",
            "date": sent.isoformat(),
            "official_id": "Sen. Richard Lugar",
            "reply_due_on": (sent + dt.timedelta(days=30)).isoformat(),
        },
    )
    save(window, letter)
    window.show_home()

    def overdue() -> list[str]:
        return [link.item.text for link in window.home.links()]

    qtbot.waitUntil(
        lambda: any(
            t.startswith("No reply from Sen. Richard Lugar after 30 days") for t in overdue()
        ),
        timeout=10_000,
    )
    link = next(x for x in window.home.links() if x.item.text.startswith("No reply from"))
    link.click()
    assert window.current.key == "tasks"


def test_a_case_and_a_contact_show_their_correspondence(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    for key, name, count in (("cases", "Dumas, Roger A.", 3), ("contacts", "Amb. Charles Ray", 1)):
        editor = section(window, key)
        page = window.section(key).page
        qtbot.waitUntil(lambda p=page: p.model.rowCount() > 0, timeout=10_000)
        row = page.model.find_row(
            lambda r, n=name: n in (getattr(r, "sort_name", "") or getattr(r, "display_name", ""))
        )
        assert row is not None
        page.table.selectRow(row)
        panel = next(p for p in editor.panels if isinstance(p, CorrespondencePanel))
        assert panel.model.rowCount() == count, key
    assert (
        panel.model.row_at(0).subject == "Resolve the POW/MIA issue before a peace treaty is signed"
    )


def test_representatives_added_and_letters_written_from_the_progress_tab(
    qtbot: QtBot,
    make_window: MakeWindow,
    archive: Archive,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import_congress(archive)
    with archive.session() as session:
        bill = Contact(display_name="Bill Dumas", surname="Dumas")
        bill.addresses.append(ContactAddress(city="Norwich", region="CT", district="2"))
        session.add_all([bill, Campaign(title="Peace Treaty Initiative", goal=1500)])
    told: list[str] = []
    answers = iter(["Bill Dumas (CT)", "The officials the campaign addresses", "Bill Dumas (CT)"])
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: (next(answers), True))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: told.append(text))
    window = make_window(archive)
    editor = section(window, "campaigns")
    page = window.section("campaigns").page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    page.table.selectRow(0)
    panel = next(p for p in editor.panels if isinstance(p, ProgressPanel))
    panel.buttons["Add representatives…"].click()
    assert told[-1] == "Added Richard Blumenthal, Christopher Murphy, Joe Courtney."
    with archive.reader() as session:
        assert [c.display_name for c in get_campaign(session, 1).targets] == [
            "Christopher Murphy",
            "Joe Courtney",
            "Richard Blumenthal",
        ]
    panel.buttons["Write letters…"].click()
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == [
        "01-christopher-murphy.pdf",
        "02-joe-courtney.pdf",
        "03-richard-blumenthal.pdf",
    ], told
    window.ops.undo_stack.undo()
    with archive.reader() as session:
        assert get_campaign(session, 1).targets == []
