"""Reading vCards as phones and address books write them: 2.1, 3.0 and 4.0.

Our own tolerant reader rather than vobject's: on real exports of phones and address books it
stops at a truncated base64 photo (Android), a stray undeclared byte in quoted-printable
text (Android) and a PROFILE line (Lotus Notes), losing the whole card. Here each card is
read line by line; a part that cannot be decoded is dropped with a note and the rest of the
card is kept. A card that has no name at all is reported with its number.

Handled: line folding (3.0/4.0) and quoted-printable soft breaks (2.1); ``group.`` prefixes;
parameters in both forms (``TEL;WORK;FAX`` and ``TEL;TYPE=work,fax``); CHARSET; QUOTED-
PRINTABLE and BASE64/``b`` encodings; ``data:`` URIs (4.0 photos); backslash escapes.
"""

from __future__ import annotations

import base64
import binascii
import quopri
import re
from dataclasses import dataclass, field
from typing import Final

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.vocab import OrganizationType

#: An address book file larger than this is refused before it is read.
MAX_VCARD_BYTES: Final = 64 * 1024 * 1024
#: A value (a photo, most often) larger than this is left out of its card, with a note;
#: 10 MB is a very large photo.
MAX_VALUE_CHARS: Final = 10 * 1024 * 1024
_FOLDED: Final = (" ", "\t")
_CHARSET: Final = re.compile(rb"^[^:]*?;CHARSET=\"?([A-Za-z0-9_.-]+)", re.I)
_BEGIN: Final = re.compile(r"^BEGIN:VCARD\s*$", re.I)
_END: Final = re.compile(r"^END:VCARD\s*$", re.I)
_NAME: Final = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)(.*)$", re.S)
#: TYPE words that say nothing a person needs to read on a phone or address label.
_QUIET_TYPES: Final = frozenset(
    {"voice", "pref", "internet", "msg", "x400", "postal", "parcel", "dom", "intl"}
)
_MIME: Final = {
    "jpeg": "image/jpeg",
    "jpg": "image/jpeg",
    "png": "image/png",
    "gif": "image/gif",
    "bmp": "image/bmp",
}


@dataclass
class Property:
    name: str
    params: dict[str, list[str]]
    value: str
    #: Decoded bytes, for base64 values (photos).
    data: bytes | None = None

    def types(self) -> list[str]:
        return [t.lower() for t in self.params.get("TYPE", [])]

    def label(self) -> str:
        words = [t for t in self.types() if t not in _QUIET_TYPES]
        return " ".join(dict.fromkeys(words))[:60]


@dataclass
class Photo:
    data: bytes
    mime_type: str


@dataclass
class ContactCard:
    """What one vCard says, in the shape of a Contact."""

    number: int
    display_name: str = ""
    surname: str = ""
    given_names: str = ""
    honorific: str = ""
    suffix: str = ""
    organization: str = ""
    title: str = ""
    is_organization: bool = False
    organization_type: OrganizationType | None = None
    #: An id from the file that other files use to refer to this contact (CSV imports).
    key: str = ""
    #: The card's UID (a contact exported from an archive carries its uid).
    uid: str = ""
    phones: list[tuple[str, str]] = field(default_factory=list)
    emails: list[tuple[str, str]] = field(default_factory=list)
    #: (label, street, city, region, postal code, country)
    addresses: list[tuple[str, str, str, str, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def split_cards(text: str) -> list[tuple[int, list[str]]]:
    """(card number, its unfolded lines) for every BEGIN:VCARD ... END:VCARD in ``text``."""
    cards: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    depth = 0
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if raw[:1] in _FOLDED:  # a folded line (most of a photo) cannot begin or end a card
            if current is not None:
                current.append(raw)
            continue
        if _BEGIN.match(raw):
            depth += 1
            if depth == 1:
                current = []
                continue
        if _END.match(raw) and current is not None:
            depth -= 1
            if depth == 0:
                cards.append((len(cards) + 1, _unfold(current)))
                current = None
                continue
        if current is not None:
            current.append(raw)
    return cards


def _unfold(lines: list[str]) -> list[str]:
    out: list[list[str]] = []  # the pieces of each logical line, joined once at the end
    soft = False  # the previous quoted-printable line ended in "=": it goes on
    for line in lines:
        if soft and out:
            out[-1][-1] = out[-1][-1][:-1]
            out[-1].append(line)
        elif line[:1] in _FOLDED and out:
            out[-1].append(line[1:])
        elif not line.strip():
            continue
        else:
            out.append([line])
        soft = (
            out[-1][-1].endswith("=") and "QUOTED-PRINTABLE" in out[-1][0].split(":", 1)[0].upper()
        )
    return ["".join(parts) for parts in out]


class DeclaredCharset:
    """For each line of a .vcf file, the CHARSET its property declares (vCard 2.1); a folded
    line goes on in the charset of the line it continues."""

    def __init__(self) -> None:
        self.current: str | None = None

    def __call__(self, line: bytes) -> str | None:
        if line[:1] in (b" ", b"\t"):
            return self.current
        match = _CHARSET.match(line)
        self.current = match.group(1).decode("ascii") if match else None
        return self.current

    @staticmethod
    def anywhere(data: bytes) -> bool:
        return _CHARSET_ANYWHERE.search(data) is not None


_CHARSET_ANYWHERE: Final = re.compile(rb";CHARSET=", re.I)


def _params(text: str) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for part in _split(text, ";"):
        if not part:
            continue
        key, sep, value = part.partition("=")
        if not sep:  # 2.1 style: TEL;WORK;FAX
            key, value = (
                ("ENCODING", part)
                if part.upper() in ("QUOTED-PRINTABLE", "BASE64", "B")
                else ("TYPE", part)
            )
        values = [v.strip('"') for v in value.split(",")]
        params.setdefault(key.upper(), []).extend(values)
    return params


def _split(text: str, separator: str) -> list[str]:
    """Split on ``separator`` not escaped with a backslash (kept escaped for _unescape)."""
    parts, current, escaped = [], [], False
    for char in text:
        if escaped:
            current.append("\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    if escaped:
        current.append("\\")
    parts.append("".join(current))
    return parts


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def parse_property(line: str) -> Property | None:
    head, sep, value = line.partition(":")
    if not sep:
        return None
    match = _NAME.match(head)
    if match is None:
        return None
    name, params = match.group(1).upper(), _params(match.group(2).lstrip(";"))
    encoding = [e.upper() for e in params.get("ENCODING", [])]
    charset = (params.get("CHARSET") or ["utf-8"])[0]
    if "QUOTED-PRINTABLE" in encoding:
        raw = quopri.decodestring(value.encode("latin-1", "replace"))
        value = _decode(raw, charset)
    elif "BASE64" in encoding or "B" in encoding:
        return Property(name, params, "", _base64(value))
    return Property(name, params, value)


def _decode(raw: bytes, charset: str) -> str:
    try:
        return raw.decode(charset, "replace")
    except LookupError:
        return raw.decode("utf-8", "replace")


def _base64(text: str) -> bytes | None:
    cleaned = re.sub(r"\s+", "", text)
    try:
        return base64.b64decode(cleaned + "=" * (-len(cleaned) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


def _photo(prop: Property) -> Photo | str:
    """The photo's bytes, or why it is not kept."""
    kind = (prop.types() or ["jpeg"])[0]
    if prop.data is not None:
        return Photo(prop.data, _MIME.get(kind, f"image/{kind}"))
    if "BASE64" in [e.upper() for e in prop.params.get("ENCODING", [])] or prop.value == "":
        return "its photo is damaged (not valid base64) and was left out"
    value = prop.value.strip()
    if value.startswith("data:") and "," in value:
        header, _, payload = value.partition(",")
        data = _base64(payload) if header.endswith(";base64") else None
        if data is None:
            return "its photo is damaged and was left out"
        return Photo(data, header[5:].split(";")[0] or "image/jpeg")
    return f"Photo: {value}"


def read_card(number: int, lines: list[str]) -> ContactCard:
    card = ContactCard(number)
    formatted = ""
    for line in lines:
        if len(line) > MAX_VALUE_CHARS:
            card.problems.append(_too_large(line))
            continue
        prop = parse_property(line)
        if prop is None:
            continue
        name, value = prop.name, prop.value
        if name == "FN":
            formatted = _unescape(value).strip()
        elif name == "N":
            parts = [" ".join(_unescape(p).split()) for p in _split(value, ";")] + [""] * 5
            card.surname, card.given_names = parts[0], " ".join(p for p in parts[1:3] if p)
            card.honorific, card.suffix = parts[3], parts[4]
        elif name == "ORG":
            card.organization = ", ".join(
                p for p in (_unescape(x).strip() for x in _split(value, ";")) if p
            )
        elif name == "UID":
            card.uid = value.strip().removeprefix("urn:uuid:").lower()
        elif name == "TITLE":
            card.title = _unescape(value).strip()
        elif name == "TEL":
            number_text = _unescape(value).strip().removeprefix("tel:")
            if number_text:
                card.phones.append((prop.label(), number_text))
        elif name == "EMAIL":
            address = _unescape(value).strip().removeprefix("mailto:")
            if address:
                card.emails.append((prop.label(), address))
        elif name == "ADR":
            parts = [
                ", ".join(_unescape(p).split("\n")).strip(", ") for p in _split(value, ";")
            ] + [""] * 7
            street = ", ".join(p for p in parts[:3] if p)
            if any(parts[:7]):
                card.addresses.append(
                    (prop.label(), street, parts[3], parts[4], parts[5], parts[6])
                )
        elif name == "NOTE":
            card.notes.append(_unescape(value).strip())
        elif name in ("NICKNAME", "BDAY", "URL", "ROLE", "CATEGORIES") and value.strip():
            word = {"BDAY": "Birthday", "URL": "Web", "NICKNAME": "Nickname"}.get(
                name, name.title()
            )
            card.notes.append(f"{word}: {_unescape(value).strip()}")
        elif (name == "KIND" and value.strip().lower() in ("org", "organization")) or (
            name == "X-ABSHOWAS" and value.strip().upper() == "COMPANY"
        ):
            card.is_organization = True
        elif name == "PHOTO":
            photo = _photo(prop)
            if isinstance(photo, Photo):
                card.photos.append(photo)
            elif photo.startswith("Photo: "):
                card.notes.append(photo)
            else:
                card.problems.append(photo)
    person = " ".join(p for p in (card.honorific, card.given_names, card.surname, card.suffix) if p)
    card.display_name = formatted or person or card.organization
    if not card.display_name and card.emails:
        card.display_name = card.emails[0][1]
    return card


def _too_large(line: str) -> str:
    match = _NAME.match(line.partition(":")[0])
    name = match.group(1).upper() if match else "a value"
    return (
        f"its {name} is {len(line) / 2**20:,.0f} MB, over the {MAX_VALUE_CHARS // 2**20} MB "
        "a card's value may take, and was left out"
    )


def read_vcards(text: str) -> list[ContactCard]:
    """Every card of a .vcf file's text; raises ValidationError if there is none."""
    if len(text) > MAX_VCARD_BYTES:
        raise ValidationError(
            f"The file is too large to be an address book (at most {MAX_VCARD_BYTES // 2**20} MB)"
        )
    cards = [read_card(number, lines) for number, lines in split_cards(text)]
    if not cards:
        raise ValidationError("There is no vCard in this file (no BEGIN:VCARD ... END:VCARD)")
    return cards
