"""The contact, meeting, timeline, source, task and question editors, driven by typing and
clicking: create a record with a child row added through its dialog, save, and find it in
the archive; edit and undo; errors shown beside their field."""

from collections.abc import Callable

from pytestqt.qtbot import QtBot
from sqlalchemy import select
from tests.helpers.forms import add_row as _add_row
from tests.helpers.forms import enter as _enter
from tests.helpers.forms import field as _field
from tests.helpers.forms import fill as _fill
from tests.helpers.forms import new as _new
from tests.helpers.forms import save as _save
from tests.helpers.forms import section as _section

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import (
    AttendanceRole,
    Confidence,
    EventCategory,
    ParticipantRole,
    QuestionStatus,
    RelationshipKind,
    SourceType,
)
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Contact, Meeting, Source
from powmia_desktop.gui.forms.child_table import ChildTable
from powmia_desktop.gui.forms.fuzzy_date_edit import FuzzyDateEdit
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.gui.sources.cited_by import CitedByPanel
from powmia_desktop.services.contacts import get_contact
from powmia_desktop.services.meetings import get_meeting
from powmia_desktop.services.sources import get_source
from powmia_desktop.services.timeline import get_event
from powmia_desktop.services.work import get_question, get_task

MakeWindow = Callable[[Archive], MainWindow]


# -- one test per editor --------------------------------------------------------------------
def test_create_a_contact_with_a_phone_and_a_link_to_the_case(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    editor = _new(window, "contacts")
    _fill(qtbot, editor, {"display_name": "Robert Dumas", "given_names": "Robert"})
    _fill(qtbot, editor, {"surname": "Dumas", "living": False})
    _add_row(qtbot, editor, "phones", {"label": "home", "number": "555-0100"})
    _add_row(
        qtbot,
        editor,
        "relationships",
        {"kind": "Sibling of", "to_serviceman_id": "Dumas, Roger A.", "label": "brother"},
    )
    contact_id = _save(window, editor)
    assert editor.heading.text() == "Robert Dumas"
    assert window.section("contacts").page.selected_id() == contact_id
    with demo_archive.reader() as session:
        bob = get_contact(session, contact_id)
        assert (bob.given_names, bob.surname, bob.living) == ("Robert", "Dumas", False)
        assert [p.number for p in bob.phones] == ["555-0100"]
        link = bob.relationships[0]
        assert (link.kind, link.label) == (RelationshipKind.SIBLING_OF, "brother")
        assert link.to_serviceman is not None and link.to_serviceman.surname == "Dumas"


def test_create_a_meeting_with_attendee_question_and_task(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    editor = _new(window, "meetings")
    _fill(
        qtbot,
        editor,
        {"title": "Family Member Update, Boston", "starts_at": "2027-09-18 09:00"},
    )
    _fill(qtbot, editor, {"ends_at": "16:30", "place": "Boston, MA"})
    _add_row(
        qtbot, editor, "attendances", {"contact_id": "Bill Dumas", "role": "Family", "attended": 1}
    )
    _add_row(qtbot, editor, "agenda_items", {"title": "Welcome", "position": "1"})
    _add_row(qtbot, editor, "cases", {"serviceman_id": "Dumas, Roger A."})
    _add_row(
        qtbot,
        editor,
        "questions",
        {"text": "Has Camp 5 been searched?", "serviceman_id": "Dumas, Roger A."},
    )
    _add_row(
        qtbot,
        editor,
        "tasks",
        {"title": "Send the DNA kit", "due_on": "2027-10-01", "assignee_id": "Bill Dumas"},
    )
    meeting_id = _save(window, editor)
    with demo_archive.reader() as session:
        meeting = get_meeting(session, meeting_id)
        assert meeting.timezone == "America/New_York"
        assert meeting.starts_at is not None and meeting.starts_at.hour == 13  # 09:00 EDT
        assert meeting.attendances[0].contact.display_name == "Bill Dumas"
        assert meeting.attendances[0].role is AttendanceRole.FAMILY
        assert meeting.attendances[0].attended
        assert [i.title for i in meeting.agenda_items] == ["Welcome"]
        assert [c.surname for c in meeting.cases] == ["Dumas"]
        assert meeting.questions[0].status is QuestionStatus.OPEN
        assert str(meeting.tasks[0].due_on) == "2027-10-01"
    assert _field(editor, "starts_at").text() == "2027-09-18 09:00"  # type: ignore[attr-defined]
    _section(window, "tasks")  # the new task is in the Tasks list too
    tasks = window.section("tasks").page
    titles = [tasks.model.row_at(r).title for r in range(tasks.model.rowCount())]
    assert "Send the DNA kit" in titles


def test_bring_in_unanswered_questions_from_an_earlier_meeting(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    editor = _new(window, "meetings")
    _fill(qtbot, editor, {"title": "Annual briefing 2028", "starts_at": "2028-08-04 09:00"})
    _enter(qtbot, _field(editor, "carry_from"), "17 Apr 2027 — Family Member Update (illustrative)")
    meeting_id = _save(window, editor)
    questions = _field(editor, "questions")
    assert isinstance(questions, ChildTable) and questions.model.rowCount() >= 2
    with demo_archive.reader() as session:
        assert len(get_meeting(session, meeting_id).questions) == questions.model.rowCount()


def test_create_a_timeline_event_with_a_person_and_a_citation(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    with demo_archive.reader() as session:
        source = session.scalars(select(Source.title).order_by(Source.title)).first()
    window = make_window(demo_archive)
    editor = _new(window, "timeline")
    _fill(qtbot, editor, {"date": "c. 1955", "title": "Letter from the Army"})
    _fill(qtbot, editor, {"category": "Letter"})
    date = _field(editor, "date")
    assert isinstance(date, FuzzyDateEdit) and date.feedback.text() == "Understood as: about 1955"
    _add_row(
        qtbot, editor, "participants", {"serviceman_id": "Dumas, Roger A.", "role": "Recipient"}
    )
    _add_row(
        qtbot,
        editor,
        "citations",
        {"source_id": source, "locator": "p. 2", "confidence": Confidence.PRIMARY.label},
    )
    event_id = _save(window, editor)
    with demo_archive.reader() as session:
        event = get_event(session, event_id)
        assert (str(event.date), event.category) == ("about 1955", EventCategory.LETTER)
        assert event.participants[0].role is ParticipantRole.RECIPIENT
        assert event.citations[0].source.title == source
        assert event.citations[0].confidence is Confidence.PRIMARY


def test_create_a_source_and_see_what_cites_one(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    editor = _new(window, "sources")
    _fill(qtbot, editor, {"title": "Army letter of 26 Feb 1954", "date": "26 Feb 1954"})
    _fill(qtbot, editor, {"source_type": "Letter", "repository": "family papers"})
    source_id = _save(window, editor)
    with demo_archive.reader() as session:
        source = get_source(session, source_id)
        assert (source.source_type, source.repository) == (SourceType.LETTER, "family papers")
        cited = session.scalars(
            select(Source.id).where(Source.title.like("Korean War POW/MIA Peace%"))
        )
        initiative = cited.first()
    assert initiative is not None
    window.section("sources").page.select_id(initiative)
    panel = next(p for p in editor.panels if isinstance(p, CitedByPanel))
    records = {panel.model.row_at(r).record for r in range(panel.model.rowCount())}
    assert {"Case", "Claim", "Timeline event"} <= records


def test_create_a_task_and_a_question(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    tasks = _new(window, "tasks")
    _fill(qtbot, tasks, {"title": "Call the Army casualty office", "due_on": "2027-01-15"})
    _fill(qtbot, tasks, {"assignee_id": "Bill Dumas", "sensitivity": "Family only"})
    task_id = _save(window, tasks)
    page = window.section("tasks").page
    assert page.model.row_at(0).id == task_id  # soonest due first

    questions = _new(window, "questions")
    _fill(qtbot, questions, {"text": "Where are the Camp 5 records?", "status": "Open"})
    _add_row(
        qtbot,
        questions,
        "meetings",
        {"meeting_id": "17 Apr 2027 — Family Member Update (illustrative)"},
    )
    question_id = _save(window, questions)
    with demo_archive.reader() as session:
        task = get_task(session, task_id)
        assert str(task.due_on) == "2027-01-15" and task.sensitivity is Sensitivity.FAMILY
        question = get_question(session, question_id)
        assert [m.title for m in question.meetings] == ["Family Member Update (illustrative)"]


def test_edit_a_contact_save_and_undo(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    with demo_archive.reader() as session:
        bill = session.scalars(select(Contact.id).where(Contact.display_name == "Bill Dumas")).one()
        phones = len(get_contact(session, bill).phones)
    window = make_window(demo_archive)
    editor = _section(window, "contacts")
    window.section("contacts").page.select_id(bill)
    assert editor.heading.text() == "Bill Dumas"
    _fill(qtbot, editor, {"display_name": "Bill (William) Dumas"})
    _add_row(qtbot, editor, "phones", {"label": "cell", "number": "555-0177"})
    _save(window, editor)
    with demo_archive.reader() as session:
        assert len(get_contact(session, bill).phones) == phones + 1
    window.undo_action.trigger()
    assert editor.heading.text() == "Bill Dumas"
    with demo_archive.reader() as session:
        contact = get_contact(session, bill)
        assert (contact.display_name, len(contact.phones)) == ("Bill Dumas", phones)
    window.redo_action.trigger()
    assert editor.heading.text() == "Bill (William) Dumas"


def test_errors_are_shown_beside_their_field(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    editor = _new(window, "meetings")
    _fill(qtbot, editor, {"title": "Visit to the senator", "starts_at": "next Tuesday at 9"})
    assert editor.save() is False
    error = editor.forms[0].errors["starts_at"]
    assert not error.isHidden() and "type it as 2006-10-15 09:00" in error.text()
    assert editor.is_dirty()
    _fill(qtbot, editor, {"starts_at": "2027-03-02 09:00", "timezone": "Narnia"})
    assert editor.save() is False
    assert error.isHidden() and "not a time zone" in editor.forms[0].errors["timezone"].text()
    _fill(qtbot, editor, {"timezone": "Central"})
    _save(window, editor)
    with demo_archive.reader() as session:
        titles = session.scalars(select(Meeting.timezone).where(Meeting.title.like("Visit%")))
        assert titles.all() == ["America/Chicago"]


def test_every_section_shows_its_first_record(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window = make_window(demo_archive)
    window.resize(1280, 800)
    window.show()
    titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert titles == [
        "Home", "Cases", "Contacts", "Meetings", "Timeline", "Sources", "Lists",
        "DNA follow-up", "Disputed facts", "Tasks", "Questions", "Campaigns", "Correspondence",
    ]  # fmt: skip
    for section in (s for s in window.sections if s.editor is not None):
        editor = _section(window, section.key)
        section.page.table.selectRow(0)
        assert editor.isEnabled() and editor.heading.text(), section.key
        assert not window.grab().isNull()


def test_undo_a_meeting_save_takes_back_its_new_question_and_task(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    from powmia_desktop.db.models import Question, Task

    def counts() -> tuple[int, int]:
        with demo_archive.reader() as session:
            return (
                len(session.scalars(select(Question.id)).all()),
                len(session.scalars(select(Task.id)).all()),
            )

    before = counts()
    window = make_window(demo_archive)
    editor = _new(window, "meetings")
    _fill(qtbot, editor, {"title": "Congressional visit", "starts_at": "2027-03-02 10:00"})
    _add_row(qtbot, editor, "questions", {"text": "Where is the LSA list?"})
    _add_row(qtbot, editor, "tasks", {"title": "Bring the petition"})
    meeting_id = _save(window, editor)
    assert counts() == (before[0] + 1, before[1] + 1)

    window.undo_action.trigger()
    assert counts() == before
    with demo_archive.reader() as session:
        assert session.get(Meeting, meeting_id) is None

    window.redo_action.trigger()
    assert counts() == (before[0] + 1, before[1] + 1)
    with demo_archive.reader() as session:
        meeting = get_meeting(session, meeting_id)
        assert [q.text for q in meeting.questions] == ["Where is the LSA list?"]
        assert [t.title for t in meeting.tasks] == ["Bring the petition"]


def test_undo_an_edited_answer_on_a_meeting(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    from powmia_desktop.services.meeting_editing import read_meeting_form, save_meeting

    with demo_archive.reader() as session:
        meeting_id = session.scalars(select(Meeting.id).order_by(Meeting.id)).first()
        assert meeting_id is not None
        form = read_meeting_form(session, meeting_id)
    assert form.children["questions"], "the demo meeting has questions"
    original = form.children["questions"][0]["answer"]
    window = make_window(demo_archive)
    form.children["questions"][0]["answer"] = "Answered in writing, May 2027"
    window.ops.perform(
        "Edit meeting",
        "meeting",
        meeting_id,
        lambda session: save_meeting(session, meeting_id, form).id,
        related=window.editors["meetings"].spec.related,
        touched=[("question", form.children["questions"][0]["id"])],
    )
    window.undo_action.trigger()
    with demo_archive.reader() as session:
        assert read_meeting_form(session, meeting_id).children["questions"][0]["answer"] == original
