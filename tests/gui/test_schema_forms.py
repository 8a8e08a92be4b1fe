"""The editors' forms are built from the record schemas: every field shows once, with its
label, its required mark and the widget of its kind, and errors show beside the field."""

import pytest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.db.archive import Archive
from powmia_desktop.db.models import Serviceman
from powmia_desktop.gui.cases.editor import CASE_EDITOR, CASE_LOOK
from powmia_desktop.gui.contacts.editor import CONTACT_EDITOR
from powmia_desktop.gui.editor import EditorSpec, RecordEditor
from powmia_desktop.gui.forms.child_table import ChildTable
from powmia_desktop.gui.forms.form import FormWidget
from powmia_desktop.gui.forms.fuzzy_date_edit import FuzzyDateEdit
from powmia_desktop.gui.forms.layout import form_tabs
from powmia_desktop.gui.meetings.editor import MEETING_EDITOR
from powmia_desktop.gui.ops import ArchiveOps
from powmia_desktop.gui.sources.editor import SOURCE_EDITOR
from powmia_desktop.gui.timeline.editor import EVENT_EDITOR
from powmia_desktop.gui.work.editor import QUESTION_EDITOR, TASK_EDITOR
from powmia_desktop.services import record_schemas as rs
from powmia_desktop.services.editing import convert
from powmia_desktop.services.schema import Field, Schema

EDITORS = [
    (CASE_EDITOR, rs.CASE),
    (CONTACT_EDITOR, rs.CONTACT),
    (SOURCE_EDITOR, rs.SOURCE),
    (EVENT_EDITOR, rs.EVENT),
    (MEETING_EDITOR, rs.MEETING),
    (TASK_EDITOR, rs.TASK),
    (QUESTION_EDITOR, rs.QUESTION),
]


def _label_of(form: FormWidget, editor: QWidget) -> str:
    layout = form.layout()
    assert isinstance(layout, QFormLayout)
    label = layout.labelForField(editor.parentWidget())
    return label.text() if isinstance(label, QLabel) else ""


def _widget_kind(field: Field) -> type[QWidget]:
    if field.vocabulary is not None or field.kind in ("sensitivity", "ref"):
        return QComboBox
    return {
        "long": QPlainTextEdit,
        "bool": QCheckBox,
        "date": FuzzyDateEdit,
    }.get(str(field.kind), QLineEdit)


@pytest.mark.parametrize(("spec", "schema"), EDITORS, ids=[e.noun for e, _ in EDITORS])
def test_every_schema_field_shows_once_with_its_label_and_mark(
    qtbot: QtBot, spec: EditorSpec, schema: Schema
) -> None:
    shown: dict[str, tuple[FormWidget, QWidget]] = {}
    for _, fields in spec.tabs:
        form = FormWidget(fields)
        qtbot.addWidget(form)
        for name, editor in form.editors.items():
            assert name not in shown, f"{name} shows twice"
            shown[name] = (form, editor)
    assert set(shown) == {f.name for f in schema.fields} | {c.name for c in schema.children}
    for field in schema.fields:
        form, editor = shown[field.name]
        assert isinstance(editor, _widget_kind(field)), field.name
        assert _label_of(form, editor) == field.label + (" *" if field.required else "")
        assert editor.toolTip() == field.help
    for part in schema.children:
        table = shown[part.name][1]
        assert isinstance(table, ChildTable)
        assert table.add_button.text() == f"Add {part.noun}…"
        assert {f.name for f in table.spec.children} == {f.name for f in part.schema.fields} | {
            c.name for c in part.schema.children
        }


def test_a_field_added_to_a_copy_of_the_case_schema_shows_and_is_validated(
    qtbot: QtBot,
) -> None:
    nickname = Field("nickname", "Nickname", help="What his unit called him")
    schema = rs.CASE.with_field(nickname, after="given_names")
    first_tab = form_tabs(schema, CASE_LOOK)[0][1]
    names = [f.name for f in first_tab if f.kind != "section"]
    assert names[names.index("given_names") + 1] == "nickname"
    form = FormWidget(first_tab)
    qtbot.addWidget(form)
    line = form.editors["nickname"]
    assert isinstance(line, QLineEdit)
    assert _label_of(form, line) == "Nickname"
    assert convert(schema.field("nickname"), "  Frenchy ") == "Frenchy"
    with pytest.raises(ValidationError, match="Nickname is too long") as raised:
        convert(schema.field("nickname"), "x" * 600)
    assert raised.value.field == "nickname"
    assert "nickname" not in {f.name for f in form_tabs(rs.CASE, CASE_LOOK)[0][1]}


def test_a_required_field_left_empty_is_named_beside_it(
    qtbot: QtBot, demo_archive: Archive
) -> None:
    editor = RecordEditor(CASE_EDITOR, ArchiveOps(demo_archive))
    qtbot.addWidget(editor)
    with demo_archive.reader() as session:
        case_id = session.scalars(select(Serviceman.id)).one()
    editor.load(case_id)
    surname = editor.forms[0].editors["surname"]
    assert isinstance(surname, QLineEdit)
    surname.selectAll()
    qtbot.keyClicks(surname, " ")
    assert editor.save() is False
    error = editor.forms[0].errors["surname"]
    assert error.text() == "Fill in “Surname” for the case" and not error.isHidden()
    assert editor.banner.isHidden()
    with demo_archive.reader() as session:
        assert session.get(Serviceman, case_id).surname == "Dumas"  # type: ignore[union-attr]
