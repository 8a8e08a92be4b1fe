"""Checks shared by forms, importers and the CLI, so a value is judged the same everywhere.

Each check returns the cleaned value or raises ``ValidationError`` naming the field, in words
a person can act on ("Fill in “Surname” for the case"), never a bare ``ValueError``.
"""

import re
import unicodedata

from powmia_desktop.core.errors import ValidationError

#: Longest single-line text a field takes; notes and narratives allow far more.
MAX_LINE = 500
MAX_TEXT = 1_000_000

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SERVICE_NUMBER = re.compile(r"^[A-Z]{0,3}[ -]?\d{4,10}$")

US_STATES = frozenset(
    [
        "AL",
        "AK",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "DC",
        "FL",
        "GA",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "OH",
        "OK",
        "OR",
        "PA",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VA",
        "WA",
        "WV",
        "WI",
        "WY",
        "PR",
        "GU",
        "VI",
        "AS",
        "MP",
    ]
)


def clean_text(
    value: str | None, *, multiline: bool = False, field: str = "text", label: str = ""
) -> str:
    """Normalize to NFC, drop control characters, trim; keep newlines only in multi-line text.

    Messages call the field ``label`` (what the form shows), else a label made of its name.
    """
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    if not multiline:
        text = " ".join(text.split())
    text = text.strip()
    limit = MAX_TEXT if multiline else MAX_LINE
    if len(text) > limit:
        raise ValidationError(
            f"{label or _label(field)} is too long ({len(text):,} characters; at most {limit:,})",
            field,
        )
    return text


def require_text(value: str | None, field: str, *, multiline: bool = False, noun: str = "") -> str:
    """Clean a value that may not be empty (``noun``: whose it is, for the message)."""
    text = clean_text(value, multiline=multiline, field=field)
    if not text:
        where = f" for the {noun}" if noun else ""
        raise ValidationError(f"Fill in “{_label(field)}”{where}", field)
    return text


def clean_service_number(value: str | None) -> str:
    """Service numbers are text: letter prefixes such as RA (Regular Army) or US are kept.

    Spaces and hyphens between prefix and digits are removed; anything that is not a prefix
    of up to three letters followed by 4-10 digits is rejected rather than guessed at.
    """
    text = clean_text(value, field="service_number").upper()
    if not text:
        return ""
    if not _SERVICE_NUMBER.match(text):
        raise ValidationError(
            f"'{text}' does not look like a service number (letters such as RA or US, "
            "then 4 to 10 digits)",
            "service_number",
        )
    return re.sub(r"[ -]", "", text)


def clean_state(value: str | None) -> str:
    """A two-letter U.S. state or territory code; full names are left as typed."""
    text = clean_text(value, field="home_state")
    if len(text) == 2:
        code = text.upper()
        if code not in US_STATES:
            raise ValidationError(f"'{text}' is not a U.S. state code", "home_state")
        return code
    return text


def _label(field: str) -> str:
    return field.replace("_", " ").capitalize()
