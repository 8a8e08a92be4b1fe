"""Creating, changing and listing cases through the services the GUI and CLI share."""

import pytest

from powmia_desktop.core.errors import ConflictError, NotFoundError, ValidationError
from powmia_desktop.core.vocab import AccountingStatus, CasualtyStatus
from powmia_desktop.db.archive import Archive
from powmia_desktop.services import cases
from powmia_desktop.services.case_detail import case_detail


def test_create_case_validates_and_cleans(archive: Archive) -> None:
    with archive.session() as session:
        case = cases.create_case(
            session,
            surname="  Dumas ",
            given_names="Roger\x00 A.",
            service_number="ra 11178451",
            branch="Army",
            home_state="ct",
            loss_date="4 Nov 1950",
        )
        case_id = case.id
    with archive.reader() as session:
        case = cases.get_case(session, case_id)
        assert (case.surname, case.given_names) == ("Dumas", "Roger A.")
        assert case.service_number == "RA11178451"
        assert case.home_state == "CT"
        assert str(case.loss_date) == "4 Nov 1950"
        assert case.accounting_status is AccountingStatus.UNACCOUNTED_FOR


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"surname": "  "}, "surname"),
        ({"surname": "X", "service_number": "12"}, "service_number"),
        ({"surname": "X", "home_state": "ZZ"}, "home_state"),
        ({"surname": "X", "shoe_size": "9"}, "shoe_size"),
    ],
)
def test_bad_fields_name_the_field(archive: Archive, fields: dict[str, str], field: str) -> None:
    with pytest.raises(ValidationError) as raised, archive.session() as session:
        cases.create_case(session, **fields)
    assert raised.value.field == field


def test_status_history_orders_by_date_and_sets_current_status(archive: Archive) -> None:
    with archive.session() as session:
        case_id = cases.create_case(session, surname="Dumas").id
        cases.add_status_change(
            session,
            case_id,
            status="POW",
            date="about 1983",
            authority="court",
            method="court order",
        )
        cases.add_status_change(session, case_id, status="MIA", date="Nov 1950", authority="Army")
        cases.add_status_change(
            session,
            case_id,
            status="missing, presumed dead",
            date="26 Feb 1954",
            authority="Army",
            method="presumptive finding",
        )
    with archive.reader() as session:
        case = cases.get_case(session, case_id)
        history = [(str(c.date), c.status) for c in case.status_changes]
        assert history == [
            ("Nov 1950", CasualtyStatus.MIA),
            ("26 Feb 1954", CasualtyStatus.MISSING_PRESUMED_DEAD),
            ("about 1983", CasualtyStatus.POW),
        ]
        assert case.current_status is CasualtyStatus.POW
        detail = case_detail(case)
    assert [c["status"]["value"] for c in detail["status_history"]] == [
        "mia",
        "missing_presumed_dead",
        "pow",
    ]
    assert detail["status_history"][2]["authority"]["label"] == "Court"


def test_list_filters_by_text_status_and_tag(archive: Archive) -> None:
    with archive.session() as session:
        a = cases.create_case(session, surname="Dumas", unit="19th Infantry Regiment")
        cases.create_case(session, surname="Smith", accounting_status="accounted for")
        cases.create_case(session, surname="100%_under\\score")
        cases.add_status_change(session, a.id, status="POW")
    with archive.reader() as session:
        assert [r.surname for r in cases.list_cases(session)] == [
            "100%_under\\score",
            "Dumas",
            "Smith",
        ]
        f = cases.CaseFilter
        assert [r.surname for r in cases.list_cases(session, f(text="infantry"))] == ["Dumas"]
        assert [r.surname for r in cases.list_cases(session, f(text="%"))] == ["100%_under\\score"]
        accounted = f(accounting_status=AccountingStatus.ACCOUNTED_FOR)
        assert [r.surname for r in cases.list_cases(session, accounted)] == ["Smith"]
        pows = f(current_status=CasualtyStatus.POW)
        assert [r.current_status for r in cases.list_cases(session, pows)] == ["pow"]


def test_stale_update_is_refused(archive: Archive) -> None:
    with archive.session() as session:
        case = cases.create_case(session, surname="Dumas")
        opened_version = case.row_version
    with archive.session() as session:
        cases.update_case(session, case.id, expected_version=opened_version, rank="Cpl.")
    with pytest.raises(ConflictError), archive.session() as session:
        cases.update_case(session, case.id, expected_version=opened_version, rank="Pvt.")


def test_delete_case_takes_its_history_with_it(archive: Archive) -> None:
    with archive.session() as session:
        case_id = cases.create_case(session, surname="Dumas").id
        cases.add_status_change(session, case_id, status="MIA")
    with archive.session() as session:
        cases.delete_case(session, case_id)
    with archive.reader() as session:
        assert cases.count_cases(session) == 0
        with pytest.raises(NotFoundError):
            cases.get_case(session, case_id)
