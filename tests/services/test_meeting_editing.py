"""Saving a meeting form: local times in the meeting's zone, attendees, the agenda in order,
cases, questions carried between meetings and follow-up tasks."""

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from powmia_desktop.core.errors import ConflictError, ValidationError
from powmia_desktop.core.vocab import AttendanceRole, MeetingType, QuestionStatus
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Contact, Meeting, Question, Serviceman, Task
from powmia_desktop.services import meeting_editing as me
from powmia_desktop.services.meeting_times import clean_zone, parse_moment
from powmia_desktop.services.meetings import get_meeting

UTC = dt.UTC


def _demo(archive: Archive) -> dict[str, int]:
    with archive.reader() as session:
        meetings = session.execute(select(Meeting.id).order_by(Meeting.starts_at)).scalars()
        older, newer = meetings.all()
        return {
            "bill": session.scalars(
                select(Contact.id).where(Contact.display_name == "Bill Dumas")
            ).one(),
            "case": session.scalars(select(Serviceman.id)).one(),
            "2006": older,
            "2027": newer,
        }


def _new_meeting(values: dict[str, Any], **children: list[dict[str, Any]]) -> me.MeetingForm:
    base = {
        "title": "Family Member Update, Boston",
        "meeting_type": MeetingType.FAMILY_MEMBER_UPDATE,
        "status": "planned",
        "timezone": "Eastern",
        "starts_at": "2027-09-18 09:00",
        "ends_at": "16:30",
        "all_day": False,
    }
    return me.MeetingForm({**base, **values}, children)


def test_new_meeting_with_all_its_parts(demo_archive: Archive) -> None:
    ids = _demo(demo_archive)
    form = _new_meeting(
        {},
        attendances=[{"id": None, "contact_id": ids["bill"], "role": "family", "attended": True}],
        agenda_items=[
            {"id": None, "position": "2", "title": "Questions from families"},
            {"id": None, "position": "", "title": "Closing"},
            {"id": None, "position": "1", "title": "Welcome", "presenter_id": ids["bill"]},
        ],
        cases=[{"id": None, "serviceman_id": ids["case"]}] * 2,
        questions=[
            {"id": None, "text": "Is there news on Camp 5?", "status": "open"},
            {"id": None, "text": "Was the list handed over?", "status": "asked"},
        ],
        tasks=[{"id": None, "title": "Send the DNA kit", "due_on": "2027-10-01"}],
    )
    with demo_archive.session() as session:
        meeting_id = me.save_meeting(session, None, form).id
    with demo_archive.reader() as session:
        meeting = get_meeting(session, meeting_id)
        # 09:00 in Boston in September is 13:00 UTC (daylight saving time).
        assert meeting.starts_at == dt.datetime(2027, 9, 18, 13, 0, tzinfo=UTC)
        assert meeting.ends_at == dt.datetime(2027, 9, 18, 20, 30, tzinfo=UTC)
        assert meeting.timezone == "America/New_York"
        assert meeting.attendances[0].role is AttendanceRole.FAMILY
        assert meeting.attendances[0].attended
        assert [(i.position, i.title) for i in meeting.agenda_items] == [
            (1, "Welcome"),
            (2, "Questions from families"),
            (3, "Closing"),
        ]
        assert [c.surname for c in meeting.cases] == ["Dumas"]
        asked = {q.text: q.asked_at_id for q in meeting.questions}
        assert asked == {"Is there news on Camp 5?": None, "Was the list handed over?": meeting_id}
        assert [(t.title, t.due_on) for t in meeting.tasks] == [
            ("Send the DNA kit", dt.date(2027, 10, 1))
        ]
        again = me.read_meeting_form(session, meeting_id)
    assert (again.values["starts_at"], again.values["ends_at"]) == (
        "2027-09-18 09:00",
        "2027-09-18 16:30",
    )
    assert again.children["tasks"][0]["due_on"] == "2027-10-01"


def test_saving_every_read_form_again_changes_nothing(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        forms = {i: me.read_meeting_form(session, i) for i in session.scalars(select(Meeting.id))}
    for meeting_id, form in forms.items():
        with demo_archive.session() as session:
            me.save_meeting(session, meeting_id, form)
            assert not [o for o in session.dirty if session.is_modified(o)]
    with demo_archive.reader() as session:
        for meeting_id, form in forms.items():
            assert me.read_meeting_form(session, meeting_id) == form


def test_questions_and_tasks_taken_off_a_meeting_stay_in_the_archive(
    demo_archive: Archive,
) -> None:
    ids = _demo(demo_archive)
    with demo_archive.reader() as session:
        form = me.read_meeting_form(session, ids["2027"])
        questions = session.scalars(select(Question.id).order_by(Question.id)).all()
        tasks = session.scalars(select(Task.id).order_by(Task.id)).all()
    assert form.children["questions"] and form.children["tasks"]
    form.children["questions"][0]["answer"] = "Not yet."
    kept_question = form.children["questions"][0]["id"]
    form.children["questions"] = form.children["questions"][:1]
    form.children["tasks"] = []
    with demo_archive.session() as session:
        me.save_meeting(session, ids["2027"], form)
    with demo_archive.reader() as session:
        meeting = get_meeting(session, ids["2027"])
        assert [(q.id, q.answer) for q in meeting.questions] == [(kept_question, "Not yet.")]
        assert meeting.tasks == []
        assert session.scalars(select(Question.id).order_by(Question.id)).all() == questions
        assert session.scalars(select(Task.id).order_by(Task.id)).all() == tasks


def test_carry_open_questions_to_the_next_meeting(demo_archive: Archive) -> None:
    ids = _demo(demo_archive)
    with demo_archive.session() as session:
        answered = Question(text="Answered already", status=QuestionStatus.ANSWERED)
        waiting = Question(text="Still waiting", status=QuestionStatus.ASKED)
        older = session.get(Meeting, ids["2006"])
        assert older is not None
        older.questions.extend([answered, waiting])
        new_id = me.save_meeting(session, None, _new_meeting({})).id
    with demo_archive.session() as session:
        added = me.carry_open_questions(session, ids["2006"], new_id)
        assert added == 2  # the demo's follow-up question and "Still waiting"
        assert me.carry_open_questions(session, ids["2006"], new_id) == 0
    with demo_archive.reader() as session:
        texts = {q.text for q in get_meeting(session, new_id).questions}
        assert "Still waiting" in texts and "Answered already" not in texts
        assert len(texts) == 2


def test_the_form_can_bring_in_open_questions_on_save(demo_archive: Archive) -> None:
    ids = _demo(demo_archive)
    with demo_archive.session() as session:
        meeting_id = me.save_meeting(session, None, _new_meeting({"carry_from": ids["2027"]})).id
    with demo_archive.reader() as session:
        carried = get_meeting(session, meeting_id).questions
        on_2027 = get_meeting(session, ids["2027"]).questions
        assert {q.id for q in carried} == {q.id for q in on_2027 if q.status != "answered"}
        assert carried
        assert me.read_meeting_form(session, meeting_id).values["carry_from"] is None


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"starts_at": "next Tuesday 9:00"}, "starts_at", "not a day and time; type it as 2006"),
        ({"starts_at": "2027-09-18"}, "starts_at", "no time of day"),
        ({"starts_at": "2027-09-18 25:00"}, "starts_at", "not a time of day"),
        ({"ends_at": "08:00"}, "ends_at", "ends before it starts"),
        ({"starts_at": "", "ends_at": "2027-09-18 10:00"}, "starts_at", "the start as well"),
        ({"timezone": "Atlantis"}, "timezone", "not a time zone"),
        ({"title": " "}, "title", "^Fill in “Title” for the meeting$"),
        ({"meeting_type": None}, "meeting_type", "^Choose “Kind of meeting” for the meeting$"),
    ],
)
def test_what_cannot_be_read_is_refused_by_field(
    archive: Archive, values: dict[str, Any], field: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message) as raised, archive.session() as session:
        me.save_meeting(session, None, _new_meeting(values))
    assert raised.value.field == field
    with archive.reader() as session:
        assert session.scalars(select(Meeting.id)).all() == []


@pytest.mark.parametrize(
    ("child", "row", "message"),
    [
        ("tasks", {"title": "Call the SCO", "due_on": "May 2027"}, "Task 1: 'May 2027' is not"),
        ("tasks", {"due_on": "2027-05-01"}, "Task 1: Fill in “Task”$"),
        ("agenda_items", {"title": "Welcome", "position": "first"}, "is not a number"),
        ("attendances", {"role": "family"}, "Attendee 1: Choose “Contact”$"),
        ("questions", {"text": "  ", "status": "open"}, "Question 1: Fill in “Question”$"),
        ("cases", {"serviceman_id": 999}, "Case 1 no longer exists"),
    ],
)
def test_bad_rows_are_refused_naming_the_row(
    archive: Archive, child: str, row: dict[str, Any], message: str
) -> None:
    form = _new_meeting({}, **{child: [{"id": None, **row}]})
    with pytest.raises(ValidationError, match=message), archive.session() as session:
        me.save_meeting(session, None, form)


def test_all_day_meetings_keep_their_day() -> None:
    noon = parse_moment("2027-04-17", "America/Los_Angeles", True, "starts_at")
    assert noon == dt.datetime(2027, 4, 17, 12, tzinfo=UTC)
    assert parse_moment("2027-04-17 9:30 pm", "Asia/Seoul", False, "starts_at") == dt.datetime(
        2027, 4, 17, 12, 30, tzinfo=UTC
    )
    assert clean_zone("pacific time") == "America/Los_Angeles"
    assert clean_zone("america/chicago") == "America/Chicago"
    assert clean_zone("") == ""


def test_stale_form_is_a_conflict(demo_archive: Archive) -> None:
    ids = _demo(demo_archive)
    with demo_archive.reader() as session:
        mine = me.read_meeting_form(session, ids["2006"])
        theirs = me.read_meeting_form(session, ids["2006"])
    theirs.values["place"] = "Arlington, VA"
    with demo_archive.session() as session:
        me.save_meeting(session, ids["2006"], theirs)
    mine.values["place"] = "Crystal City"
    with pytest.raises(ConflictError), demo_archive.session() as session:
        me.save_meeting(session, ids["2006"], mine)
