"""Correspondence with officials: listed per campaign, per contact and per case, and the
follow-up of a letter that is waiting for its reply.

A letter sent with a reply date and no reply yet has a task on the task list ("No reply
from Sen. X after 30 days: follow up"), due on that date, so it shows on the home page with
the other open work. Recording the reply ticks the task off; nothing is deleted.
"""

import datetime as dt
from typing import NamedTuple

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from powmia_desktop.core.campaign_vocab import Direction
from powmia_desktop.core.errors import NotFoundError
from powmia_desktop.core.fuzzydate import FuzzyDate
from powmia_desktop.db.models import Correspondence, Task, correspondence_case
from powmia_desktop.services.values import day_text

#: Days a letter waits for its reply before the follow-up is due, unless told otherwise.
DEFAULT_REPLY_DAYS = 30


class LetterRow(NamedTuple):
    id: int
    date: str
    direction: str
    kind: str
    official: str
    subject: str
    campaign: str
    reply: str
    sensitivity: int


def reply_state(letter: Correspondence, today: dt.date | None = None) -> str:
    """How the reply stands, in words: "replied 3 Feb 2025", "reply due 5 Mar 2025",
    "no reply after 45 days", or "" for what needs none (a received letter)."""
    if letter.replied_on is not None:
        return f"replied {day_text(letter.replied_on)}"
    if letter.direction is not Direction.SENT or letter.reply_due_on is None:
        return ""
    today = today or dt.date.today()
    if today <= letter.reply_due_on:
        return f"reply due {day_text(letter.reply_due_on)}"
    sent = letter.date.earliest if letter.date is not None else None
    waited = (today - sent).days if sent is not None else None
    return f"no reply after {waited} days" if waited is not None else "no reply, overdue"


def awaiting_reply(letter: Correspondence, today: dt.date | None = None) -> bool:
    """A sent letter whose reply date has passed with no reply."""
    today = today or dt.date.today()
    return (
        letter.direction is Direction.SENT
        and letter.replied_on is None
        and letter.reply_due_on is not None
        and letter.reply_due_on < today
    )


def reply_due(date: FuzzyDate | None, days: int) -> dt.date | None:
    """The day a reply is due: ``days`` after the last day the letter's date can mean."""
    if date is None or date.latest is None:
        return None
    return date.latest + dt.timedelta(days=days)


def follow_up_title(letter: Correspondence) -> str:
    who = letter.official.display_name if letter.official else (letter.office or "the official")
    days = ""
    sent = letter.date.earliest if letter.date is not None else None
    if sent is not None and letter.reply_due_on is not None:
        days = f" after {(letter.reply_due_on - sent).days} days"
    return f"No reply from {who}{days}: follow up on “{letter.subject}”"[:300]


def sync_follow_up(session: Session, letter: Correspondence) -> Task | None:
    """Keep the letter's follow-up task in step with it (in the caller's transaction): one
    is made when a sent letter has a reply date and no reply; it is ticked off when the
    reply is in; its date and title follow the letter's."""
    task = letter.follow_up_task
    waiting = (
        letter.direction is Direction.SENT
        and letter.reply_due_on is not None
        and letter.replied_on is None
    )
    if task is None and not waiting:
        return None
    if task is None:
        task = Task(title="", done=False, sensitivity=letter.sensitivity)
        session.add(task)
        letter.follow_up_task = task
    task.title = follow_up_title(letter)
    task.due_on = letter.reply_due_on
    task.done = not waiting
    task.serviceman_id = letter.cases[0].id if letter.cases else None
    task.sensitivity = letter.sensitivity
    session.flush()
    return task


def get_letter(session: Session, letter_id: int) -> Correspondence:
    letter = session.get(Correspondence, letter_id, options=[selectinload(Correspondence.cases)])
    if letter is None:
        raise NotFoundError(f"There is no correspondence with id {letter_id}")
    return letter


def list_letters(
    session: Session,
    *,
    campaign_id: int | None = None,
    contact_id: int | None = None,
    case_id: int | None = None,
    today: dt.date | None = None,
) -> list[LetterRow]:
    """Correspondence oldest first, all of it or one campaign's, contact's or case's."""
    query = select(Correspondence).options(
        selectinload(Correspondence.official),
        selectinload(Correspondence.campaign),
    )
    if campaign_id is not None:
        query = query.where(Correspondence.campaign_id == campaign_id)
    if contact_id is not None:
        query = query.where(
            or_(Correspondence.official_id == contact_id, Correspondence.writer_id == contact_id)
        )
    if case_id is not None:
        cc = correspondence_case.c
        query = query.where(
            Correspondence.id.in_(select(cc.correspondence_id).where(cc.serviceman_id == case_id))
        )
    query = query.order_by(
        Correspondence.date_sort.is_(None), Correspondence.date_sort, Correspondence.id
    )
    return [letter_row(letter, today) for letter in session.scalars(query)]


def letter_row(letter: Correspondence, today: dt.date | None = None) -> LetterRow:
    official = letter.official.display_name if letter.official else ""
    return LetterRow(
        letter.id,
        letter.date.format() if letter.date is not None else "",
        "To" if letter.direction is Direction.SENT else "From",
        letter.kind.label,
        ", ".join(p for p in (official, letter.office) if p),
        letter.subject,
        letter.campaign.title if letter.campaign else "",
        reply_state(letter, today),
        int(letter.sensitivity),
    )


def related_records(session: Session, letter_id: int) -> list[tuple[str, int]]:
    """The letter's follow-up task: a record a letter save may create or change outside the
    letter's own cascade (so undo must be told about it)."""
    task_id = session.scalar(
        select(Correspondence.follow_up_task_id).where(Correspondence.id == letter_id)
    )
    return [("task", task_id)] if task_id is not None else []
