"""The lists a record editor's pickers choose from: contacts, cases, sources, meetings.

Each is a list of (id, label) in the order a person looks for them; ``picker_lists``
reads all of them in one go, as an editor does on each load.
"""

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from powmia_desktop.db.models import Campaign, Contact, Meeting, Serviceman, Source

Choices = list[tuple[int, str]]


def contact_choices(session: Session) -> Choices:
    """(id, name) of every contact, for pickers."""
    c = Contact.__table__.c
    rows = session.execute(select(c.id, c.display_name).order_by(c.surname, c.display_name))
    return [(i, n) for i, n in rows]


def source_choices(session: Session) -> Choices:
    """(id, title) of every source, for citation pickers."""
    s = Source.__table__.c
    return [(i, t) for i, t in session.execute(select(s.id, s.title).order_by(s.title))]


def case_choices(session: Session) -> Choices:
    """(id, "Dumas, Roger A.") of every case, for pickers."""
    s = Serviceman.__table__.c
    rows = session.execute(
        select(s.id, s.surname, s.given_names, s.suffix).order_by(s.surname, s.given_names, s.id)
    )
    return [(i, case_name(surname, given, suffix)) for i, surname, given, suffix in rows]


def case_name(surname: str, given_names: str, suffix: str = "") -> str:
    """Surname first, as on a list: "Dumas, Roger A."."""
    name = f"{surname}, {given_names}" if given_names else surname
    return f"{name} {suffix}" if suffix else name


def meeting_choices(session: Session) -> Choices:
    """(id, "15 Oct 2006 — title") of every meeting, newest first, for pickers."""
    m = Meeting.__table__.c
    rows = session.execute(
        select(m.id, m.title, Meeting.starts_at).order_by(
            Meeting.starts_at.desc().nulls_last(), m.id
        )
    )
    return [(i, meeting_label(title, starts)) for i, title, starts in rows]


def meeting_label(title: str, starts: dt.datetime | None) -> str:
    if starts is None:
        return title
    return f"{starts.day} {starts:%b %Y} — {title}"


def campaign_choices(session: Session) -> Choices:
    """(id, title) of every campaign, for pickers."""
    c = Campaign.__table__.c
    return [(i, t) for i, t in session.execute(select(c.id, c.title).order_by(c.title, c.id))]


def picker_lists(session: Session) -> dict[str, Choices]:
    """Every list a record editor's pickers choose from, read in one go on each load."""
    return {
        "contacts": contact_choices(session),
        "cases": case_choices(session),
        "sources": source_choices(session),
        "meetings": meeting_choices(session),
        "campaigns": campaign_choices(session),
    }
