"""Adding an optional text field to cases takes the model column, a migration and one line
in the case schema: the editor, validation, CSV export and the archive zip pick it up.

The model and the schema are changed in a separate Python process (a mapped class gains a
column for the life of its process), on a real archive file whose table is altered the way
a migration would.
"""

import csv
import json
import subprocess
import sys
import zipfile
from pathlib import Path

SCRIPT = r"""
import json, sys
from pathlib import Path

from sqlalchemy import Column, String, text

from powmia_desktop.db.models import Serviceman
from powmia_desktop.services import record_schemas
from powmia_desktop.services.schema import Field

# The model: one column.
column = Column("nickname", String(120), nullable=False, default="")
Serviceman.__table__.append_column(column)
Serviceman.__mapper__.add_property("nickname", column)
# The schema: one line.
record_schemas.CASE = record_schemas.CASE.with_field(
    Field("nickname", "Nickname", help="What his unit called him"), after="given_names"
)

from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QLineEdit

from powmia_desktop.db.archive import Archive
from powmia_desktop.db.location import location_for_path
from powmia_desktop.gui.cases.editor import CASE_EDITOR
from powmia_desktop.gui.editor import RecordEditor
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.services.case_editing import CaseForm, read_case_form, save_case
from powmia_desktop.services.exporting.archive_zip import export_archive
from powmia_desktop.services.exporting.privacy import Privacy
from powmia_desktop.services.exporting.tables import export_list

folder = Path(sys.argv[1])
archive = Archive.open(location_for_path(folder / "archive.sqlite"), create=True)
with archive.engine.begin() as connection:  # the migration
    connection.execute(
        text("ALTER TABLE serviceman ADD COLUMN nickname VARCHAR(120) NOT NULL DEFAULT ''")
    )
out = {}
with archive.session() as session:
    case_id = save_case(session, None, CaseForm({"surname": "Dumas", "nickname": " Frenchy "})).id

app = QApplication([])
editor = RecordEditor(CASE_EDITOR, ArchiveOps(archive))
editor.load(case_id)
form = editor.forms[0]
line = form.editors["nickname"]
assert isinstance(line, QLineEdit)
layout = form.layout()
assert isinstance(layout, QFormLayout)
label = layout.labelForField(line.parentWidget())
out["form_label"] = label.text() if isinstance(label, QLabel) else None
out["form_value"] = line.text()
out["form_help"] = line.toolTip()
line.setText("Frenchy " + "x" * 600)
line.textEdited.emit(line.text())
out["saved_too_long"] = editor.save()
out["error_in_place"] = form.errors["nickname"].text()
out["error_shown"] = not form.errors["nickname"].isHidden()
line.setText("Frenchy Dumas")
line.textEdited.emit(line.text())
out["saved"] = editor.save()
with archive.reader() as session:
    out["stored"] = read_case_form(session, case_id).values["nickname"]
    export_list(session, "cases", folder / "cases.csv", privacy=Privacy.everything())
    export_archive(session, None, folder / "archive.zip", privacy=Privacy.everything())
archive.close()
print(json.dumps(out))
"""


def test_a_new_optional_text_field_reaches_form_validation_and_exports(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["form_label"] == "Nickname"
    assert seen["form_value"] == "Frenchy"  # validated on the way in: trimmed
    assert seen["form_help"] == "What his unit called him"
    assert seen["saved_too_long"] is False
    assert seen["error_in_place"].startswith("Nickname is too long")
    assert seen["error_shown"] is True
    assert seen["saved"] is True and seen["stored"] == "Frenchy Dumas"

    with (tmp_path / "cases.csv").open(encoding="utf-8-sig", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["Nickname"] == "Frenchy Dumas"
    with zipfile.ZipFile(tmp_path / "archive.zip") as bundle:
        (case,) = json.loads(bundle.read("records/serviceman.json"))
    assert case["nickname"] == "Frenchy Dumas"
