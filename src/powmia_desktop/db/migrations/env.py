"""Alembic environment: runs on the connection the program hands it (db/migrate.py).

Run by hand (``alembic -c alembic.ini revision --autogenerate``) it connects to
``$POWMIA_DB`` or ``sqlalchemy.url`` instead.
"""

import os

from alembic import context
from sqlalchemy import Connection

from powmia_desktop.db.engine import make_engine
from powmia_desktop.db.location import resolve_location
from powmia_desktop.db.models import Base

config = context.config


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


given = config.attributes.get("connection")
if given is not None:
    run(given)
else:
    url = os.environ.get("POWMIA_DB") or config.get_main_option("sqlalchemy.url")
    engine = make_engine(resolve_location(url).url)
    with engine.begin() as connection:
        run(connection)
