"""Tasks and questions for officials: their lists and their forms."""

import datetime as dt

import pytest
from sqlalchemy import select

from powmia_desktop.core.errors import ConflictError, ValidationError
from powmia_desktop.core.vocab import QuestionStatus
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Contact, Meeting, Question, Task
from powmia_desktop.services import work_editing as we
from powmia_desktop.services.work import get_question, get_task, list_questions, list_tasks


def test_new_task_and_the_task_list(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        bill = session.scalars(select(Contact.id).where(Contact.display_name == "Bill Dumas")).one()
    form = we.WorkForm({"title": "Mail the DNA kit", "due_on": "1 Jan 2027", "assignee_id": bill})
    with demo_archive.session() as session:
        task_id = we.save_task(session, None, form).id
    with demo_archive.reader() as session:
        task = get_task(session, task_id)
        assert (task.due_on, task.done, task.assignee_id) == (dt.date(2027, 1, 1), False, bill)
        rows = list_tasks(session)
        assert rows[0].id == task_id and rows[0].assignee == "Bill Dumas"
        assert rows[-1].done  # finished work last
        assert we.read_task_form(session, task_id).values["due_on"] == "2027-01-01"


def test_a_due_date_must_be_one_day(archive: Archive) -> None:
    form = we.WorkForm({"title": "Mail the DNA kit", "due_on": "spring 2027"})
    with (
        pytest.raises(ValidationError, match="type it as 2027-05-01") as raised,
        archive.session() as session,
    ):
        we.save_task(session, None, form)
    assert raised.value.field == "due_on"


def test_new_question_on_two_meetings(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        meetings = session.scalars(select(Meeting.id).order_by(Meeting.starts_at)).all()
    rows = [{"id": None, "meeting_id": m} for m in reversed(meetings)]
    form = we.WorkForm({"text": "Has DPAA searched Camp 5?", "status": "open"}, {"meetings": rows})
    with demo_archive.session() as session:
        question_id = we.save_question(session, None, form).id
    with demo_archive.reader() as session:
        question = get_question(session, question_id)
        assert question.status is QuestionStatus.OPEN
        assert {m.id for m in question.meetings} == set(meetings)
        read = we.read_question_form(session, question_id)
        assert [r["meeting_id"] for r in read.children["meetings"]] == meetings  # oldest first
        row = next(r for r in list_questions(session) if r.id == question_id)
        assert row.meeting.startswith("17 Apr 2027")


def test_a_question_needs_its_text(archive: Archive) -> None:
    with pytest.raises(ValidationError) as raised, archive.session() as session:
        we.save_question(session, None, we.WorkForm({"text": "\n ", "status": "open"}))
    assert raised.value.field == "text"


def test_saving_every_read_form_again_changes_nothing(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        tasks = {i: we.read_task_form(session, i) for i in session.scalars(select(Task.id))}
        questions = {
            i: we.read_question_form(session, i) for i in session.scalars(select(Question.id))
        }
    with demo_archive.session() as session:
        for task_id, form in tasks.items():
            we.save_task(session, task_id, form)
        for question_id, form in questions.items():
            we.save_question(session, question_id, form)
        assert not [o for o in session.dirty if session.is_modified(o)]


def test_stale_form_is_a_conflict(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        task_id = list_tasks(session)[0].id
        mine = we.read_task_form(session, task_id)
        theirs = we.read_task_form(session, task_id)
    theirs.values["done"] = True
    with demo_archive.session() as session:
        we.save_task(session, task_id, theirs)
    with pytest.raises(ConflictError), demo_archive.session() as session:
        we.save_task(session, task_id, mine)
