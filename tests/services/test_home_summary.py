"""What the home page lists: the next meeting and what is ready for it, overdue tasks,
recent changes and the archive's backups, read from real archives."""

import datetime as dt

from sqlalchemy import select

from powmia_desktop.core.vocab import CasualtyStatus, MeetingStatus, MeetingType, QuestionStatus
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Meeting, Question, StatusChange, Task
from powmia_desktop.services.backup import backup_now
from powmia_desktop.services.cases import create_case
from powmia_desktop.services.home import (
    SHOWN,
    archive_size,
    home_summary,
    last_backup,
    next_meeting,
    overdue_tasks,
    recent_changes,
)
from powmia_desktop.services.meetings import meeting_id_for_uid

NOW = dt.datetime(2026, 12, 4, 12, 0, tzinfo=dt.UTC)


def test_an_empty_archive_says_it_is_empty(archive: Archive) -> None:
    with archive.reader() as session:
        summary = home_summary(session)
    assert summary.counts.empty
    assert summary.next_meeting is None and summary.overdue == [] and summary.recent == []
    assert summary.counts.text() == "0 cases · 0 contacts · 0 meetings · 0 events · 0 sources"


def test_the_demo_s_next_meeting_with_its_questions_tasks_and_case(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        found = next_meeting(session, now=NOW)
        assert found is not None
        assert found.meeting.title == "Family Member Update (illustrative)"
        assert found.meeting.when_text == "17 Apr 2027, 09:00"
        assert meeting_id_for_uid(session, found.uid) == found.meeting.id
        waiting = session.scalars(
            select(Question.id).where(Question.status != QuestionStatus.ANSWERED)
        ).all()
    assert {q.record_id for q in found.questions} <= set(waiting)
    assert len(found.questions) == 5 and all(q.kind == "question" for q in found.questions)
    assert [t.detail for t in found.tasks] == ["due 15 Feb 2027", "due 10 Apr 2027"]
    assert [(c.kind, c.text, c.detail) for c in found.cases] == [
        ("case", "Dumas, Roger A.", "Cpl.")
    ]


def test_next_meeting_skips_held_cancelled_and_past_ones(archive: Archive) -> None:
    def meeting(title: str, when: dt.datetime, status: MeetingStatus) -> Meeting:
        return Meeting(title=title, meeting_type=MeetingType.OTHER, starts_at=when, status=status)

    with archive.session() as session:
        session.add_all(
            [
                meeting("Last year", NOW - dt.timedelta(days=300), MeetingStatus.PLANNED),
                meeting("Called off", NOW + dt.timedelta(days=2), MeetingStatus.CANCELLED),
                meeting("Later", NOW + dt.timedelta(days=40), MeetingStatus.PLANNED),
                meeting("This morning", NOW - dt.timedelta(hours=3), MeetingStatus.PLANNED),
            ]
        )
    with archive.reader() as session:
        found = next_meeting(session, now=NOW)
        assert found is not None and found.meeting.title == "This morning"
        later = next_meeting(session, now=NOW + dt.timedelta(days=1))
        assert later is not None and later.meeting.title == "Later"
        assert next_meeting(session, now=NOW + dt.timedelta(days=41)) is None


def test_overdue_tasks_oldest_first_and_counted_beyond_the_shown(archive: Archive) -> None:
    today = dt.date(2026, 12, 4)
    with archive.session() as session:
        for n in range(SHOWN + 3):
            session.add(Task(title=f"Late {n}", due_on=today - dt.timedelta(days=n + 1)))
        session.add(Task(title="Done late", due_on=today - dt.timedelta(days=50), done=True))
        session.add(Task(title="Due today", due_on=today))
        session.add(Task(title="No date"))
    with archive.reader() as session:
        shown, total = overdue_tasks(session, today)
    assert total == SHOWN + 3
    assert [t.text for t in shown] == [f"Late {n}" for n in range(SHOWN + 2, 2, -1)]
    assert shown[0].detail == f"due {(today - dt.timedelta(days=SHOWN + 3)).day} Nov 2026"


def test_recent_changes_name_each_record_once_and_parts_open_their_case(
    archive: Archive,
) -> None:
    with archive.session() as session:
        first = create_case(session, surname="Able", given_names="Ann")
        second = create_case(session, surname="Baker", given_names="Bob")
        task = Task(title="Write to the casualty office")
        session.add(task)
    with archive.session() as session:
        session.add(StatusChange(serviceman_id=first.id, status=CasualtyStatus.MIA))
    with archive.session() as session:
        session.delete(session.get(Task, task.id))
    with archive.reader() as session:
        items = recent_changes(session)
    assert [(i.kind, i.record_id, i.text) for i in items] == [
        ("task", 0, "A task was deleted"),
        ("case", first.id, "Able, Ann"),
        ("case", second.id, "Baker, Bob"),
    ]
    assert items[1].detail.startswith("today ") and items[2].detail.startswith("today ")
    assert items[1].described == f"changed {items[1].detail}"
    assert items[2].described == f"added {items[2].detail}"
    assert items[0].described == items[0].detail  # "A task was deleted" says what was done


def test_archive_size_and_last_backup(archive: Archive) -> None:
    assert last_backup(archive) is None
    size = archive_size(archive)
    assert size is not None and size > 0
    made = backup_now(archive, "manual")
    found = last_backup(archive)
    assert found is not None and found.path == made.path
