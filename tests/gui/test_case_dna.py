"""The case's DNA samples and Sightings tabs and the donor helper, driven by clicking."""

from collections.abc import Callable

from pytestqt.qtbot import QtBot
from tests.helpers.forms import add_row, save, section

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import DnaLine, DnaSampleStatus
from powmia_desktop.db.archive import Archive
from powmia_desktop.gui.cases.dna_panel import DonorHelperPanel
from powmia_desktop.gui.editor import RecordEditor
from powmia_desktop.gui.main_window import MainWindow
from powmia_desktop.services.cases import get_case

MakeWindow = Callable[[Archive], MainWindow]


def _demo_case(window: MainWindow) -> tuple[MainWindow, RecordEditor, int]:
    """The window with the demo case open in the case editor."""
    editor = section(window, "cases")
    window.cases_page.table.selectRow(0)
    case_id = window.cases_page.selected_id()
    assert case_id is not None
    return window, editor, case_id


def _helper(editor: RecordEditor) -> DonorHelperPanel:
    return next(p for p in editor.panels if isinstance(p, DonorHelperPanel))


def test_record_a_sample_see_it_in_the_helper_and_undo(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window, editor, case_id = _demo_case(make_window(demo_archive))
    helper = _helper(editor)
    # The demo records Bob as Roger's brother and Bill as his nephew (side not recorded).
    rows = {helper.model.row_at(i).name: helper.model.row_at(i) for i in range(2)}
    assert rows["Bob Dumas"].cells == ("Could give", "Could give", "Could give")
    assert rows["Bill Dumas"].cells == ("Cannot tell", "Cannot tell", "Could give")
    assert "which side of the family Bill Dumas is on" in helper.reasons.text()

    add_row(
        qtbot,
        editor,
        "reference_samples",
        {
            "donor_id": "Bob Dumas",
            "line": "Y-STR (paternal)",
            "status": "On file",
            "submitted_on": "12 Apr 2019",
            "casualty_office": "Family Member Update, Boston",
        },
    )
    save(window, editor)
    with demo_archive.reader() as session:
        (sample,) = get_case(session, case_id).reference_samples
        assert (sample.line, sample.status) == (DnaLine.Y_STR, DnaSampleStatus.ON_FILE)
        assert sample.donor is not None and sample.donor.display_name == "Bob Dumas"
        assert sample.sensitivity is Sensitivity.FAMILY
        assert str(sample.submitted_on) == "12 Apr 2019"
    bob = next(
        helper.model.row_at(i) for i in range(2) if helper.model.row_at(i).name == "Bob Dumas"
    )
    assert bob.cells[1] == "Given (on file)"
    assert "Given by Bob Dumas (on file)" in helper.summary.text()

    window.undo_action.trigger()
    with demo_archive.reader() as session:
        assert get_case(session, case_id).reference_samples == []
    assert "Given" not in " ".join(helper.model.row_at(i).cells[1] for i in range(2))


def test_record_a_live_sighting_report_kept_private(
    qtbot: QtBot, make_window: MakeWindow, demo_archive: Archive
) -> None:
    window, editor, case_id = _demo_case(make_window(demo_archive))
    add_row(
        qtbot,
        editor,
        "live_sightings",
        {
            "reported_on": "1982",
            "sighting_date": "1979",
            "sighting_place_text": "a collective farm",
            "content": "As many as 50 American POWs seen at work.",
        },
    )
    save(window, editor)
    with demo_archive.reader() as session:
        reports = get_case(session, case_id).live_sightings
        assert len(reports) == 2
        new = reports[-1]
        assert new.sighting_place_text == "a collective farm"
        assert new.sensitivity is Sensitivity.PRIVATE
    window.undo_action.trigger()
    with demo_archive.reader() as session:
        assert len(get_case(session, case_id).live_sightings) == 1
