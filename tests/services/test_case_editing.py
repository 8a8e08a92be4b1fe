"""Saving a case form writes the case and all its child rows in one go, validated."""

import pytest
from sqlalchemy import select

from powmia_desktop.core.errors import ConflictError, ValidationError
from powmia_desktop.core.vocab import CasualtyStatus, ClaimProperty
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Contact, Serviceman, Source
from powmia_desktop.services import case_editing as ce
from powmia_desktop.services.cases import get_case


def test_new_case_with_children_and_citations(archive: Archive) -> None:
    with archive.session() as session:
        nephew = Contact(display_name="Bill Dumas", surname="Dumas")
        courant = Source(title="Hartford Courant, 12 Nov 1992")
        session.add_all([nephew, courant])
        session.flush()
        form = ce.CaseForm(
            {
                "surname": "Dumas",
                "given_names": "Roger A.",
                "loss_date": "c. Nov 1950",
                "branch": "Army",
                "last_seen_alive": True,
            },
            {
                "status_changes": [
                    {"id": None, "status": "MIA", "date": "Nov 1950", "authority": "Army"},
                    {
                        "id": None,
                        "status": CasualtyStatus.POW,
                        "date": "1984",
                        "citations": [
                            {
                                "id": None,
                                "source_id": courant.id,
                                "locator": "p. 1",
                                "quote": "won a federal suit",
                            }
                        ],
                    },
                ],
                "name_variants": [{"id": None, "name": "DUMAS ROGER A", "kind": "aka"}],
                "claims": [
                    {
                        "id": None,
                        "fact": "capture place",
                        "value": "near Anju",
                        "citations": [{"id": None, "source_id": courant.id}],
                    }
                ],
                "relationships": [{"id": None, "from_contact_id": nephew.id, "kind": "nephew of"}],
            },
        )
        case_id = ce.save_case(session, None, form).id
    with archive.reader() as session:
        case = get_case(session, case_id)
        assert str(case.loss_date) == "about Nov 1950"
        assert case.current_status is CasualtyStatus.POW
        assert case.claims[0].fact is ClaimProperty.CAPTURE_PLACE
        assert case.claims[0].citations[0].source.title.startswith("Hartford")
        assert case.relationships[0].from_contact.display_name == "Bill Dumas"
        form = ce.read_case_form(session, case_id)
    assert form.values["loss_date"] == "c. Nov 1950"  # what was typed comes back
    assert [r["status"] for r in form.children["status_changes"]] == [
        CasualtyStatus.MIA,
        CasualtyStatus.POW,
    ]
    assert form.children["status_changes"][1]["citations"][0]["quote"] == "won a federal suit"


def test_saving_the_read_form_again_changes_nothing(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        case_id = session.scalars(select(Serviceman.id)).one()
        form = ce.read_case_form(session, case_id)
    with demo_archive.session() as session:
        ce.save_case(session, case_id, form)
        assert not session.dirty
    with demo_archive.reader() as session:
        assert ce.read_case_form(session, case_id).children == form.children


def test_removing_and_editing_children(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        case_id = session.scalars(select(Serviceman.id)).one()
        form = ce.read_case_form(session, case_id)
    form.children["status_changes"] = form.children["status_changes"][:2]
    form.children["name_variants"][0]["name"] = "R. A. DUMAS"
    with demo_archive.session() as session:
        ce.save_case(session, case_id, form)
    with demo_archive.reader() as session:
        case = get_case(session, case_id)
        assert case.current_status is CasualtyStatus.MISSING_PRESUMED_DEAD
        assert case.name_variants[0].name == "R. A. DUMAS"


def test_bad_child_row_names_the_row_and_changes_nothing(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        case_id = session.scalars(select(Serviceman.id)).one()
        form = ce.read_case_form(session, case_id)
    form.values["rank"] = "Sgt."
    form.children["name_variants"].append({"id": None, "name": "  "})
    with (
        pytest.raises(ValidationError, match=r"Name variant 3: Fill in “Name”$"),
        demo_archive.session() as session,
    ):
        ce.save_case(session, case_id, form)
    with demo_archive.reader() as session:
        assert get_case(session, case_id).rank == "Cpl."


def test_stale_form_is_a_conflict(demo_archive: Archive) -> None:
    with demo_archive.reader() as session:
        case_id = session.scalars(select(Serviceman.id)).one()
        mine = ce.read_case_form(session, case_id)
        theirs = ce.read_case_form(session, case_id)
    theirs.values["rank"] = "Sgt."
    with demo_archive.session() as session:
        ce.save_case(session, case_id, theirs)
    mine.values["rank"] = "Pvt."
    with pytest.raises(ConflictError), demo_archive.session() as session:
        ce.save_case(session, case_id, mine)
