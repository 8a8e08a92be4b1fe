"""Reading many records at once: IN-queries in chunks, rows grouped by their owner."""

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

#: Ids per IN-query (well under any database's limit on parameters).
CHUNK = 500


def rows_by_owner(
    session: Session, query: Any, owner: Any, owner_ids: Sequence[int]
) -> dict[int, list[Any]]:
    """The rows of ``query`` whose ``owner`` column (its second) names one of ``owner_ids``,
    by owner, in the query's order."""
    found: dict[int, list[Any]] = {}
    for start in range(0, len(owner_ids), CHUNK):
        chunk = owner_ids[start : start + CHUNK]
        for row in session.execute(query.where(owner.in_(chunk))):
            found.setdefault(row[1], []).append(row)
    return found


def loaded_by_id(
    session: Session, model: type[Any], ids: Iterable[int | None], *options: Any
) -> dict[int, Any]:
    """The records of ``model`` with these ids, in IN-queries of ``CHUNK``; ``options``
    (``selectinload(...)``) load what each record brings with it in the same go."""
    wanted = sorted(i for i in set(ids) if i is not None)
    found: dict[int, Any] = {}
    for start in range(0, len(wanted), CHUNK):
        query = select(model).where(model.id.in_(wanted[start : start + CHUNK]))
        found.update((r.id, r) for r in session.scalars(query.options(*options)))
    return found
