"""The Campaigns and Correspondence sections driven as a person would: a campaign created,
a count added, a letter logged with a reply due, and its follow-up task on the task list."""

import datetime as dt
from collections.abc import Callable

from pytestqt.qtbot import QtBot
from tests.helpers.forms import add_row, fill, new, save, section

from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.campaigns.editor import ProgressPanel
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
