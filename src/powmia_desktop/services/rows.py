"""Reading list rows fast: the driver's own tuples, and how many rows a table holds.

The window's lists read 100,000 cases or 500,000 events at a time; these skip what the ORM
and SQLAlchemy's result rows add per row, which a list of plain values does not need.
"""

from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session


def plain_rows(session: Session, query: Select[Any]) -> list[Any]:
    """A Core select's rows as the driver's own tuples (no Row objects, no type processing)."""
    connection = session.connection()
    compiled = query.compile(
        dialect=connection.dialect, compile_kwargs={"render_postcompile": True}
    )
    params = compiled.construct_params()
    if compiled.positional and compiled.positiontup is not None:
        result = connection.exec_driver_sql(
            str(compiled), tuple(params[name] for name in compiled.positiontup)
        )
    else:
        result = connection.exec_driver_sql(str(compiled), params)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def count_rows(session: Session, model: Any) -> int:
    """How many rows ``model``'s table holds (a list says so while its rows are read)."""
    table = model.__table__
    return session.connection().execute(select(func.count()).select_from(table)).scalar() or 0
