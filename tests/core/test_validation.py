"""Field checks give cleaned values or errors that name the field."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.validation import (
    MAX_LINE,
    clean_service_number,
    clean_state,
    clean_text,
    require_text,
)


def test_clean_text_strips_control_characters_and_folds_space() -> None:
    assert clean_text("  Roger\x00\x07  A.\n Dumas ") == "Roger A. Dumas"
    assert clean_text("line one\r\nline two\x1b", multiline=True) == "line one\nline two"
    assert clean_text(None) == ""
    assert clean_text("e\u0301") == "é"  # NFC


def test_text_keeps_hangul_right_to_left_and_markup() -> None:
    for text in ("박길연", "שלום", '<b>x</b> & "y"'):
        assert clean_text(text) == text


def test_too_long_and_required() -> None:
    with pytest.raises(ValidationError, match="Unit is too long") as raised:
        clean_text("x" * (MAX_LINE + 1), field="unit")
    assert raised.value.field == "unit"
    with pytest.raises(ValidationError, match=r"^Fill in “Surname”$"):
        require_text(" \t", "surname")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("RA11178451", "RA11178451"),
        ("ra 11178451", "RA11178451"),
        ("US-55000123", "US55000123"),
        ("O-59712", "O59712"),
        ("1234567", "1234567"),
        ("", ""),
    ],
)
def test_service_numbers_keep_their_prefix(typed: str, stored: str) -> None:
    assert clean_service_number(typed) == stored


@pytest.mark.parametrize("typed", ["12", "ABCD1234", "RA 1234 5678 9012", "RA-"])
def test_odd_service_numbers_are_refused(typed: str) -> None:
    with pytest.raises(ValidationError, match="service number"):
        clean_service_number(typed)


def test_states() -> None:
    assert clean_state("ct") == "CT"
    assert clean_state("Connecticut") == "Connecticut"
    with pytest.raises(ValidationError):
        clean_state("XX")


@given(st.text())
def test_clean_text_never_raises_on_short_text(text: str) -> None:
    cleaned = clean_text(text[:MAX_LINE])
    assert "\x00" not in cleaned and "\n" not in cleaned
