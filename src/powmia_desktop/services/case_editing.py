"""Reading a case into form values and saving the form back, children included.

The case editor shows one serviceman with his status history, name variants, captivity,
claims (each with its citations) and the contacts related to him, as ``CASE`` in
services/record_schemas.py declares them; ``save_case`` writes all of that in the caller's
single transaction, so a save is one undoable step.
"""

from sqlalchemy.orm import Session

from powmia_desktop.db.models import Serviceman
from powmia_desktop.services.cases import get_case, refresh_current_status
from powmia_desktop.services.editing import RecordForm
from powmia_desktop.services.editing_support import read_form, save_form
from powmia_desktop.services.record_schemas import CASE

#: The case form is the generic record form; the name reads better in callers.
CaseForm = RecordForm


def read_case_form(session: Session, case_id: int) -> CaseForm:
    return read_form(get_case(session, case_id), CASE)


def save_case(session: Session, case_id: int | None, form: CaseForm) -> Serviceman:
    """Create (``case_id`` None) or change a case from its form, in the caller's transaction.

    With ``form.row_version`` set, a case saved elsewhere since it was read is refused.
    """
    case = save_form(
        session,
        Serviceman,
        CASE,
        case_id,
        form,
        name=lambda c: c.sort_name,
        make=lambda: Serviceman(surname=""),
    )
    refresh_current_status(session, case)
    session.flush()
    return case
