"""Campaigns: counts over time give the progress, the campaign form saves through the
shared path, and a letter waiting for its reply puts a follow-up task on the task list."""

import datetime as dt

import pytest
from sqlalchemy import select

from powmia_desktop.core.errors import NotFoundError, ValidationError
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Campaign, Contact, Serviceman, Task
from powmia_desktop.services import campaigns as cs
from powmia_desktop.services.campaign_editing import (
    read_campaign_form,
    read_letter_form,
    save_campaign,
    save_letter,
)
from powmia_desktop.services.correspondence import list_letters, reply_due
from powmia_desktop.services.editing import RecordForm
from powmia_desktop.services.work import list_tasks


def _campaign(archive: Archive, **values: object) -> int:
    form = RecordForm(
        {"title": "Peace Treaty Initiative", "kind": "petition", "status": "active", **values}
    )
    with archive.session() as session:
        return save_campaign(session, None, form).id


def test_counts_over_time_give_the_progress_toward_the_goal(archive: Archive) -> None:
    campaign_id = _campaign(archive, goal=1500, unit="signatures")
    with archive.session() as session:
        campaign = cs.get_campaign(session, campaign_id)
        assert cs.progress(campaign).text() == "no count yet"
        cs.add_count(session, campaign, 1160, on=dt.date(2021, 6, 1), source_text="change.org")
        # Entered later but dated earlier: an older count, not the latest one.
        cs.add_count(session, campaign, 400, on=dt.date(2018, 5, 8), source_text="first tally")
    with archive.reader() as session:
        campaign = cs.get_campaign(session, campaign_id)
        progress = cs.progress(campaign)
        assert (progress.count, progress.goal, progress.percent) == (1160, 1500, 77)
        assert progress.text() == "1,160 of 1,500 signatures (77%)"
        assert cs.series(campaign) == [(dt.date(2018, 5, 8), 400), (dt.date(2021, 6, 1), 1160)]
        (row,) = cs.list_campaigns(session)
        assert row.progress == "1,160 of 1,500 signatures (77%)" and row.percent == 77
        assert [c.source_text for c in campaign.counts] == ["first tally", "change.org"]


def test_progress_is_rounded_down_and_needs_a_goal() -> None:
    assert cs.Progress(1499, 1500, "signatures", None).percent == 99
    assert cs.Progress(1500, 1500, "", None).text() == "1,500 of 1,500 (100%)"
    assert cs.Progress(12, None, "letters", None).text() == "12 letters"
    assert cs.Progress(12, None, "letters", None).percent is None


def test_a_bad_count_is_refused_with_a_message(archive: Archive) -> None:
    campaign_id = _campaign(archive, goal=10)
    with archive.session() as session:
        campaign = cs.get_campaign(session, campaign_id)
        with pytest.raises(ValidationError, match="below zero"):
            cs.add_count(session, campaign, -3)
        tomorrow = dt.date.today() + dt.timedelta(days=1)
        with pytest.raises(ValidationError, match="after today"):
            cs.add_count(session, campaign, 3, on=tomorrow)


def test_a_campaign_is_found_by_number_title_or_a_unique_part(archive: Archive) -> None:
    first = _campaign(archive)
    _campaign(archive, title="Resolution 25 letter drive", kind="letter drive")
    with archive.reader() as session:
        assert cs.find_campaign(session, str(first)).id == first
        assert cs.find_campaign(session, "peace treaty initiative").id == first
        assert cs.find_campaign(session, "treaty").id == first
        with pytest.raises(NotFoundError, match="2 campaigns"):
            cs.find_campaign(session, "i")
        with pytest.raises(NotFoundError, match="no campaign called"):
            cs.find_campaign(session, "50%")


def test_the_campaign_form_saves_counts_cases_and_officials(archive: Archive) -> None:
    with archive.session() as session:
        case = Serviceman(surname="Dumas", given_names="Roger A.")
        senator = Contact(display_name="Richard Blumenthal", surname="Blumenthal")
        session.add_all([case, senator])
        session.flush()
        case_id, senator_id = case.id, senator.id
    form = RecordForm(
        {"title": "Peace Treaty Initiative", "kind": "petition", "status": "active", "goal": 1500},
        {
            "counts": [{"counted_on": dt.date(2021, 6, 1), "count": 1160, "source_text": "page"}],
            "cases": [{"serviceman_id": case_id}],
            "targets": [{"contact_id": senator_id}],
        },
    )
    with archive.session() as session:
        campaign_id = save_campaign(session, None, form).id
    with archive.reader() as session:
        again = read_campaign_form(session, campaign_id)
        assert again.values["goal"] == 1500
        assert [r["count"] for r in again.children["counts"]] == [1160]
        assert again.children["cases"] == [{"id": case_id, "serviceman_id": case_id}]
        assert again.children["targets"] == [{"id": senator_id, "contact_id": senator_id}]
    form.row_version = again.row_version
    form.children = {"cases": [{"serviceman_id": case_id + 99}]}
    with archive.session() as session, pytest.raises(ValidationError, match="no longer exists"):
        save_campaign(session, campaign_id, form)


def test_a_letter_with_a_reply_due_makes_a_follow_up_task_until_answered(
    archive: Archive,
) -> None:
    campaign_id = _campaign(archive, goal=1500)
    with archive.session() as session:
        senator = Contact(display_name="Richard Blumenthal", surname="Blumenthal")
        case = Serviceman(surname="Dumas", given_names="Roger A.")
        session.add_all([senator, case])
        session.flush()
        senator_id, case_id = senator.id, case.id
    sent = FuzzyDate.parse("2025-01-06")
    form = RecordForm(
        {
            "direction": "sent",
            "kind": "letter",
            "date": sent,
            "official_id": senator_id,
            "office": "U.S. Senate",
            "subject": "Peace treaty and the POW accounting",
            "campaign_id": campaign_id,
            "reply_due_on": reply_due(sent, 30),
        },
        {"cases": [{"serviceman_id": case_id}]},
    )
    with archive.session() as session:
        letter_id = save_letter(session, None, form).id
    with archive.reader() as session:
        (task,) = list_tasks(session)
        assert task.due_on == dt.date(2025, 2, 5) and not task.done
        assert task.title == (
            "No reply from Richard Blumenthal after 30 days: "
            "follow up on “Peace treaty and the POW accounting”"
        )
        assert task.case == "Dumas, Roger A."
        (row,) = list_letters(session, campaign_id=campaign_id, today=dt.date(2025, 3, 7))
        assert row.reply == "no reply after 60 days"
        assert list_letters(session, contact_id=senator_id) == list_letters(
            session, case_id=case_id
        )
        form = read_letter_form(session, letter_id)
    form.values["replied_on"] = dt.date(2025, 3, 10)
    form.values["reply"] = "The senator has written to the DPAA."
    with archive.session() as session:
        save_letter(session, letter_id, form)
    with archive.reader() as session:
        (task,) = list_tasks(session)
        assert task.done
        (row,) = list_letters(session)
        assert row.reply == "replied 10 Mar 2025"
        assert session.scalar(select(Task.id)) is not None
        assert session.get(Campaign, campaign_id) is not None
