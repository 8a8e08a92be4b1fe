"""Full-text search over the archive, safe for anything a person types.

The user's text is never passed to FTS5 (or PostgreSQL's tsquery) as query syntax: it is
cut into words and each word becomes a quoted prefix term, all of which must match. Quotes,
``*``, ``-``, ``AND``, ``NEAR`` or unbalanced parentheses are therefore just text, and the
search cannot fail.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from powmia_desktop.db.models import Serviceman, TimelineEvent
from powmia_desktop.services.search_server import server_hits

#: The kinds of record the index holds, in the order results are shown.
KINDS = ("case", "event", "source", "contact", "meeting", "place")
KIND_LABELS = {
    "case": "Cases",
    "event": "Timeline events",
    "source": "Sources",
    "contact": "Contacts",
    "meeting": "Meetings",
    "place": "Places",
}
_WORD = re.compile(r"\w+", re.UNICODE)
_MAX_TERMS = 12
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


@dataclass(frozen=True)
class SearchHit:
    kind: str
    record_id: int
    title: str
    snippet: str
    score: float


@dataclass
class SearchResults:
    query: str
    hits: dict[str, list[SearchHit]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.hits.values())

    def of_kind(self, kind: str) -> list[SearchHit]:
        return self.hits.get(kind, [])


def _words(user_text: str) -> list[str]:
    words = _WORD.findall(user_text)
    # Operators typed out of habit ("yalu AND camp") are dropped rather than required.
    meaningful = [w for w in words if w.upper() not in _OPERATORS]
    return (meaningful or words)[:_MAX_TERMS]


def fts_query(user_text: str) -> str | None:
    """The FTS5 MATCH expression for what was typed, or None when it holds no words."""
    words = _words(user_text)
    if not words:
        return None
    return " ".join('"' + w.replace('"', "") + '"*' for w in words)


def search(session: Session, user_text: str, *, per_kind: int = 100) -> SearchResults:
    """Records matching every word typed (as word prefixes), best first, grouped by kind."""
    results = SearchResults(user_text)
    match = fts_query(user_text)
    if match is None:
        return results
    limit = per_kind * len(KINDS) * 2
    if session.get_bind().dialect.name == "postgresql":
        rows: Sequence[Any] = server_hits(session, _words(user_text), limit)
    else:
        rows = session.execute(
            text(
                "SELECT kind, record_id, title, "
                "snippet(search_index, 3, '«', '»', '…', 12), "
                "bm25(search_index, 0, 0, 8.0, 1.0) AS score "
                "FROM search_index WHERE search_index MATCH :match "
                "ORDER BY score LIMIT :limit"
            ),
            {"match": match, "limit": limit},
        ).all()
    seen: set[tuple[str, int]] = set()
    for kind, record_id, title, snippet, score in rows:
        key = (kind, record_id)
        bucket = results.hits.setdefault(kind, [])
        if key in seen or len(bucket) >= per_kind:
            continue
        seen.add(key)
        bucket.append(SearchHit(kind, record_id, title.strip(), snippet, score))
    _case_titles(session, results)
    results.hits = {k: results.hits[k] for k in KINDS if results.hits.get(k)}
    return results


def _case_titles(session: Session, results: SearchResults) -> None:
    """A case found through a name variant or claim is shown under the serviceman's name."""
    hits = results.hits.get("case")
    if not hits:
        return
    names = dict(
        session.execute(
            select(Serviceman.id, Serviceman.surname + ", " + Serviceman.given_names).where(
                Serviceman.id.in_([h.record_id for h in hits])
            )
        ).all()
    )
    results.hits["case"] = [
        SearchHit(
            h.kind, h.record_id, names.get(h.record_id, h.title).strip(", "), h.snippet, h.score
        )
        for h in hits
    ]


def record_at_place(session: Session, place_id: int) -> tuple[str, int] | None:
    """What a place found by the search opens: its earliest timeline event, else a case
    lost there; None when nothing is recorded at it yet."""
    e = TimelineEvent.__table__.c
    event = session.scalar(
        select(e.id).where(e.place_id == place_id).order_by(e.date_sort, e.id).limit(1)
    )
    if event is not None:
        return "event", int(event)
    s = Serviceman.__table__.c
    case = session.scalar(select(s.id).where(s.loss_place_id == place_id).order_by(s.id).limit(1))
    return ("case", int(case)) if case is not None else None
