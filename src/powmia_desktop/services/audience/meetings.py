"""Meetings and questions for officials as an audience may see them."""

import datetime as dt
from collections.abc import Collection, Iterable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from powmia_desktop.core.errors import NotFoundError
from powmia_desktop.db.models import AgendaItem, Attendance, Contact, Meeting, Question
from powmia_desktop.services.audience.gate import Gate, case_name
from powmia_desktop.services.audience.log import RedactionLog
from powmia_desktop.services.audience.profile import Audience
from powmia_desktop.services.audience.views import (
    AgendaItemView,
    AttendeeView,
    MeetingView,
    QuestionView,
)
from powmia_desktop.services.values import label


def meeting_view(
    session: Session,
    meeting_id: int,
    audience: Audience,
    log: RedactionLog,
    *,
    case_ids: Collection[int] | None = None,
) -> MeetingView | None:
    """A meeting with its attendees and agenda; None (and logged) when withheld.

    With ``case_ids`` (the cases a packet was made for), what the meeting holds about
    other cases stays out: their questions, and attendees tied only to other cases (another
    family); each is logged as not about the chosen cases.
    """
    gate = Gate(audience, log)
    m = session.get(
        Meeting,
        meeting_id,
        options=[
            selectinload(Meeting.attendances)
            .selectinload(Attendance.contact)
            .selectinload(Contact.relationships),
            selectinload(Meeting.agenda_items).selectinload(AgendaItem.presenter),
            selectinload(Meeting.cases),
            selectinload(Meeting.questions),
        ],
    )
    if m is None:
        raise NotFoundError(f"There is no meeting with id {meeting_id}")
    if not gate.admit(m, "meeting", m.title):
        return None
    chosen = None if case_ids is None else set(case_ids)
    attendees = [
        gate.view(a, AttendeeView(a.contact_id, name, label(a.role), a.attended), m.title)
        for a in m.attendances
        if gate.admit(a, "attendance", f"{m.title}: {a.contact.display_name}")
        and _about_chosen(gate, a.contact, chosen)
        and (name := gate.name(a.contact, f"attending {m.title}"))
    ]
    questions = [
        q
        for q in m.questions
        if chosen is None
        or q.serviceman_id is None
        or q.serviceman_id in chosen
        or gate.out_of_scope(q, "question", f"question {q.id} about another case")
    ]
    agenda = [
        gate.view(
            i,
            AgendaItemView(
                i.title,
                gate.name(i.presenter, f"presenting at {m.title}"),
                gate.text(i, i.minutes, "minutes", f"{m.title}: {i.title}"),
            ),
            m.title,
        )
        for i in m.agenda_items
        if gate.admit(i, "agenda item", f"{m.title}: {i.title}")
    ]
    view = MeetingView(
        m.id,
        m.title,
        label(m.meeting_type),
        meeting_when(m.starts_at, m.ends_at, m.all_day, m.timezone),
        m.place,
        label(m.status),
        gate.text(m, m.description, "description", m.title),
        gate.text(m, m.minutes, "minutes", m.title),
        tuple(attendees),
        tuple(agenda),
        tuple(s.id for s in m.cases if chosen is None or s.id in chosen),
        tuple(q.id for q in questions),
    )
    return gate.view(m, view, m.title)


def _about_chosen(gate: Gate, contact: Contact, chosen: set[int] | None) -> bool:
    """False (and logged) for a contact tied to cases, none of them chosen: another family."""
    if chosen is None:
        return True
    cases = {r.to_serviceman_id for r in contact.relationships if r.to_serviceman_id}
    if not cases or cases & chosen:
        return True
    return gate.out_of_scope(contact, "contact", f"{contact.display_name} (another case)")


def meeting_when(
    starts: dt.datetime | None, ends: dt.datetime | None, all_day: bool, zone: str
) -> str:
    """ "17 Apr 2027, 09:00–16:00 (America/New_York)"; a date alone for all-day meetings."""
    if starts is None:
        return ""
    tz: dt.tzinfo = dt.UTC
    if zone:
        try:
            tz = ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            zone = ""
    start = starts.astimezone(tz) if starts.tzinfo else starts
    day = f"{start.day} {start:%b %Y}"
    if all_day:
        return day
    text = f"{day}, {start:%H:%M}"
    if ends is not None:
        end = ends.astimezone(tz) if ends.tzinfo else ends
        same_day = end.date() == start.date()
        text += f"–{end:%H:%M}" if same_day else f" – {end.day} {end:%b %Y}, {end:%H:%M}"
    return f"{text} ({zone or 'UTC'})"


def question_views(
    session: Session,
    audience: Audience,
    log: RedactionLog,
    *,
    question_ids: Iterable[int] | None = None,
    case_ids: Iterable[int] | None = None,
    statuses: Iterable[str] | None = None,
) -> list[QuestionView]:
    """Questions for officials, by id or by case, optionally only some statuses."""
    gate = Gate(audience, log)
    query = select(Question).options(
        selectinload(Question.serviceman),
        selectinload(Question.addressed_to),
        selectinload(Question.asked_at),
    )
    if question_ids is not None:
        query = query.where(Question.id.in_(list(question_ids)))
    if case_ids is not None:
        query = query.where(Question.serviceman_id.in_(list(case_ids)))
    if statuses is not None:
        query = query.where(Question.status.in_(list(statuses)))
    shown = []
    for q in session.scalars(query.order_by(Question.serviceman_id, Question.id)):
        s = q.serviceman
        if s is not None and not gate.admit(s, "case", s.sort_name):
            continue
        about = f"question {q.id}" + (f" about {s.sort_name}" if s is not None else "")
        if not gate.admit(q, "question", about):
            continue
        asked = q.asked_at
        shown.append(
            gate.view(
                q,
                QuestionView(
                    q.id,
                    q.serviceman_id,
                    case_name(s) if s is not None else "",
                    gate.text(q, q.text, "question", about),
                    (to := gate.name(q.addressed_to, "a question is addressed to them")),
                    q.addressed_to_id if to else None,
                    asked.title if asked is not None and audience.allows(asked.sensitivity) else "",
                    gate.text(q, q.answer, "answer", about),
                    label(q.status),
                ),
                about,
            )
        )
    return shown
