"""The demo archive: the Dumas case as the family's own text and the public sources tell it.

The content lives in ``resources/demo/dumas.json`` (format ``powmia-demo``, version 1), where
records refer to each other by local keys. ``load_demo`` checks the whole document, resolves
the keys and creates every record through the ORM in the caller's session; the caller owns the
transaction, so a failed load leaves nothing behind. Every demo record gets a uid derived from
its place in the document, so loading the demo twice is refused instead of doubling it.

document.py reads the document field by field; loader.py walks it in order, with the kinds
of record built by cases.py (tags, places, sources, contacts, cases, relationships) and
work.py (meetings, questions, tasks, events, audiences) over building.py's helpers;
summary.py counts what was made.
"""

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from powmia_desktop.core.errors import PowmiaError
from powmia_desktop.resources import resource_path
from powmia_desktop.services.demo.document import (
    DEMO_FORMAT,
    DEMO_VERSION,
    DocObject,
    read_document,
    uid_for,
)
from powmia_desktop.services.demo.loader import Loader, loaded_case
from powmia_desktop.services.demo.summary import DemoSummary

if TYPE_CHECKING:
    from powmia_desktop.db.archive import Archive

__all__ = [
    "DEMO_FORMAT",
    "DEMO_VERSION",
    "DemoSummary",
    "demo_is_loaded",
    "demo_path",
    "fill_with_demo",
    "load_demo",
    "uid_for",
]


def demo_path() -> Path:
    """The bundled demo document."""
    return resource_path("demo", "dumas.json")


def load_demo(session: Session, path: Path | None = None) -> DemoSummary:
    """Create the demo records in ``session`` (not committed) and say what was created.

    Raises ArchiveError when the demo is already in the archive, or when the document is
    unreadable or refers to a key it does not define.
    """
    file = demo_path() if path is None else path
    return Loader(session).load(DocObject(read_document(file), file.name))


def fill_with_demo(archive: "Archive") -> None:
    """Load the demo into an open archive unless it is there already; on failure the
    archive is closed and the error raised."""
    try:
        with archive.session() as session:
            if not demo_is_loaded(session):
                load_demo(session)
    except PowmiaError:
        archive.close()
        raise


def demo_is_loaded(session: Session, path: Path | None = None) -> bool:
    """Whether a case of the demo content is already in the archive."""
    return loaded_case(session, read_document(demo_path() if path is None else path)) is not None
