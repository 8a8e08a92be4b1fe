"""Every record schema agrees with the database model it is stored in, and the services
convert and validate by it."""

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import Boolean, Date, DateTime, Enum, ForeignKey, Integer, String, Text, inspect
from sqlalchemy.orm import Mapper
from sqlalchemy.sql.schema import Column

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.vocab import Branch
from powmia_desktop.db.models import Serviceman
from powmia_desktop.db.types import FuzzyDateType, SensitivityType, UTCDateTime
from powmia_desktop.services import record_schemas
from powmia_desktop.services.editing import apply_values, check_required, convert
from powmia_desktop.services.schema import Children, Field, Schema

#: The column types each field kind may be stored in.
STORED_AS: dict[str, tuple[type, ...]] = {
    "text": (String,),
    "long": (Text,),
    "service_number": (String,),
    "state": (String,),
    "zone": (String,),
    "date": (FuzzyDateType,),
    "day": (Date,),
    "moment": (DateTime, UTCDateTime),
    "bool": (Boolean,),
    "sensitivity": (SensitivityType,),
    "ref": (Integer,),
    "number": (Integer,),
}
#: Kinds whose conversion never gives None (blank text is "", a box is on or off).
NEVER_NONE = ("text", "long", "service_number", "state", "zone", "bool", "sensitivity")


def _schemas() -> Iterator[tuple[str, Schema]]:
    seen: set[int] = set()

    def walk(path: str, schema: Schema) -> Iterator[tuple[str, Schema]]:
        if id(schema) in seen:
            return
        seen.add(id(schema))
        yield path, schema
        for part in schema.children:
            yield from walk(f"{path}.{part.name}", part.schema)

    for name, value in vars(record_schemas).items():
        if isinstance(value, Schema):
            yield from walk(name, value)


SCHEMAS = sorted(_schemas(), key=lambda item: item[0])
FIELDS = [
    pytest.param(schema, spec, id=f"{path}.{spec.name}")
    for path, schema in SCHEMAS
    for spec in schema.columns
    if schema.model is not None
]


def test_the_schemas_are_found() -> None:
    names = {path.split(".")[0] for path, _ in SCHEMAS}
    assert {"CASE", "CONTACT", "SOURCE", "EVENT", "MEETING", "TASK", "QUESTION"} <= names
    assert len(FIELDS) > 100


@pytest.mark.parametrize(("schema", "spec"), FIELDS)
def test_every_field_is_a_column_of_a_fitting_type(schema: Schema, spec: Field) -> None:
    assert schema.model is not None
    columns = inspect(schema.model).columns
    assert spec.name in columns, f"{schema.model.__name__} has no column {spec.name}"
    column = columns[spec.name]
    if spec.vocabulary is not None:
        assert isinstance(column.type, Enum) and column.type.enum_class is spec.vocabulary
    else:
        assert isinstance(spec.kind, str)
        assert isinstance(column.type, STORED_AS[spec.kind]), (spec.kind, column.type)
    if spec.kind == "ref":
        assert column.foreign_keys, f"{spec.name} points at no table"
        (key,) = column.foreign_keys
        assert isinstance(key, ForeignKey) and key.column.table.name == _lookup_table(spec)


def _lookup_table(spec: Field) -> str:
    return {
        "contacts": "contact",
        "cases": "serviceman",
        "sources": "source",
        "meetings": "meeting",
        "campaigns": "campaign",
    }[spec.lookup]


@pytest.mark.parametrize(("schema", "spec"), FIELDS)
def test_nullability_fits_required(schema: Schema, spec: Field) -> None:
    """A required field's column may not be empty; an optional one's column takes what a
    blank field gives (None), or has a default for it."""
    assert schema.model is not None
    column = inspect(schema.model).columns[spec.name]
    assert isinstance(column, Column)
    if spec.required:
        assert not column.nullable, f"required {spec.name} is nullable in the database"
    elif not column.nullable:
        gives_none = spec.kind not in NEVER_NONE
        assert column.default is not None or not gives_none, (
            f"optional {spec.name} may be blank but its column is NOT NULL without a default"
        )


@pytest.mark.parametrize(
    ("schema", "part"),
    [
        pytest.param(schema, part, id=f"{path}.{part.name}")
        for path, schema in SCHEMAS
        for part in schema.children
        if schema.model is not None
    ],
)
def test_child_lists_are_relationships_both_ways(schema: Schema, part: Children) -> None:
    assert schema.model is not None
    mapper: Mapper[object] = inspect(schema.model)
    assert part.name in mapper.relationships, f"{schema.model.__name__} has no {part.name}"
    child_model = part.schema.model
    if child_model is None or not part.parent_key:
        return  # rows that link records the service saves itself
    back = inspect(child_model).relationships
    assert part.parent_key in back
    assert back[part.parent_key].mapper.class_ is schema.model


def test_a_required_field_is_refused_by_its_label() -> None:
    surname = record_schemas.CASE.field("surname")
    with pytest.raises(ValidationError, match=r"^Fill in “Surname”$") as raised:
        convert(surname, "   ")
    assert raised.value.field == "surname"
    with pytest.raises(ValidationError, match=r"^Date of loss: 'soon' is not a whole number; type"):
        convert(Field("loss_date", "Date of loss", "number"), "soon")


@pytest.mark.parametrize(
    "schema",
    [pytest.param(schema, id=path) for path, schema in SCHEMAS if schema.model is not None],
)
def test_every_required_field_left_empty_says_what_to_do_by_its_label(schema: Schema) -> None:
    """A blank record is refused field by field; each refusal names the field by the label
    its form shows and says what to do ("Fill in “Surname” for the case"), never its column
    name or "is required"."""
    assert schema.model is not None
    record = schema.model()
    refused: list[str] = []
    for _ in schema.fields:
        try:
            check_required(record, schema)
        except ValidationError as error:
            spec = schema.field(error.field or "")
            verb = "Choose" if spec.vocabulary or spec.kind in ("ref", "sensitivity") else "Fill in"
            assert str(error) == f"{verb} “{spec.label}” for the {schema.noun}"
            refused.append(spec.name)
            filled = next(iter(spec.vocabulary)) if spec.vocabulary else 1
            setattr(record, spec.name, "x" if spec.kind in ("text", "long") else filled)
        else:
            break
    required = [f.name for f in schema.columns if f.required]
    assert set(refused) <= set(required)
    for spec in schema.columns:  # a field the record does not fill by itself is refused
        if spec.required and spec.name not in refused:
            assert getattr(schema.model(), spec.name, None) is not None or _has_default(
                schema, spec.name
            ), spec.name
        if spec.required and spec.kind in ("text", "long"):
            with pytest.raises(ValidationError) as raised:
                convert(spec, "  ", schema.noun)
            assert f"“{spec.label}” for the {schema.noun}" in str(raised.value)
            assert spec.name not in str(raised.value) or spec.name in spec.label.casefold()


def _has_default(schema: Schema, name: str) -> bool:
    assert schema.model is not None
    column = inspect(schema.model).columns.get(name)
    return column is not None and column.default is not None


def test_values_are_converted_by_kind() -> None:
    case = record_schemas.CASE
    assert convert(case.field("branch"), "army") is Branch.ARMY
    assert convert(case.field("service_number"), "ra 11178451") == "RA11178451"
    assert convert(case.field("home_state"), "ct") == "CT"
    assert convert(record_schemas.TASK.field("due_on"), "2027-05-01") == dt.date(2027, 5, 1)
    assert convert(record_schemas.TASK.field("assignee_id"), "") is None


def test_a_new_record_takes_its_column_defaults_for_required_choices() -> None:
    case = Serviceman(surname="")
    apply_values(case, {"surname": "Dumas"}, record_schemas.CASE)
    check_required(case, record_schemas.CASE)
    assert case.accounting_status is not None


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError, match="'shoe_size' is not a field of a case"):
        apply_values(Serviceman(surname="x"), {"shoe_size": "10"}, record_schemas.CASE)


def test_a_field_declared_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="declared twice"):
        record_schemas.CASE.with_field(Field("surname", "Surname again"))


@pytest.mark.parametrize(
    ("wrong", "problem"),
    [
        (Field("shoe_size", "Shoe size"), "has no column"),
        (Field("surname", "Surname", "bool"), "Boolean"),
        (Field("rosette_placed", "Rosette", Branch), "Enum"),
    ],
)
def test_the_model_check_catches_a_field_that_does_not_fit(wrong: Field, problem: str) -> None:
    with pytest.raises(AssertionError):
        test_every_field_is_a_column_of_a_fitting_type(record_schemas.CASE, wrong)


def test_the_model_check_catches_a_required_field_that_may_be_empty() -> None:
    with pytest.raises(AssertionError, match="nullable"):
        test_nullability_fits_required(record_schemas.CASE, Field("branch", "Branch", Branch, True))
