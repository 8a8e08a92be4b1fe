"""Private details typed inside free text: phone numbers, e-mail and street addresses.

A phone number written into a contact's notes ("call her at 513-555-0142") is as private
as one in the phone field. For an audience that hides phones, emails or addresses, these
are found in every text it reads (the gate passes each view and exported row through) and
replaced by a short mark ("[phone number withheld]"); what was replaced is counted, never
kept.

Phone numbers are found by ``phonenumbers`` (Google's libphonenumber rules): valid numbers
as a US reader writes them, and international ones written with "+", "011" or "00" (the
prefix dialled from Europe and most of the world: "0044 20 7946 0958"). E-mail addresses
and US street addresses ("1412 Elm Street", "P.O. Box 77") by patterns.
"""

import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

#: What each field rule removes from free text, and the mark left in its place.
MARKS: dict[str, tuple[str, str]] = {
    "hide_phones": ("phone number", "[phone number withheld]"),
    "hide_emails": ("email address", "[email address withheld]"),
    "hide_addresses": ("street address", "[street address withheld]"),
}

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_SUFFIX = (
    r"Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl"
    r"|Terrace|Ter|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Trail|Trl|Square|Sq|Pike|Row|Alley"
)
_UNIT = r"(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|No|#)\.?\s*[\w-]+)?"
_ZIP = r"(?:,?\s+[A-Z]{2}(?:\s+\d{5}(?:-\d{4})?)?)?"
_CITY = rf"(?:,\s*[A-Z][A-Za-z.'-]+(?:\s+[A-Z][A-Za-z.'-]+){{0,2}}{_ZIP})?"
_STREET = re.compile(
    rf"\b\d{{1,6}}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?:(?:[A-Z][\w.'-]*|\d+(?:st|nd|rd|th))\s+){{1,3}}"
    rf"(?:{_SUFFIX})\b\.?{_UNIT}{_CITY}"
    r"|\b(?:P\.?\s?O\.?\s+Box|Post Office Box)\s+\d+"
)


@dataclass(frozen=True)
class Scrubbed:
    """Text with the private details the rules hide replaced, and how many of each."""

    text: str
    found: tuple[tuple[str, int], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.found)


#: Seven or more digits with only spacing, dashes, dots, brackets or "+" between them: the
#: least any phone number has. Text without such a run is not given to the (slower) matcher.
_DIGITS = re.compile(r"\d(?:[\s().+/-]{0,3}\d){6,}")


#: "00" opening a number: the international prefix outside North America.
_DOUBLE_ZERO = re.compile(r"(?<![\d+])00(?=\s?[1-9])")


def _phones(text: str) -> list[tuple[int, int]]:
    if not _DIGITS.search(text):
        return []
    import phonenumbers  # here: most text has no run of digits (a summary starts sooner)

    def found(in_text: str) -> list[tuple[int, int]]:
        leniency = phonenumbers.Leniency.VALID
        return [(m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(in_text, "US", leniency)]

    spans = found(text)
    # Read from the US, "0044 ..." is no number; the same text with " +" in place of the
    # "00" (of the same length, so the places match) is, and the span takes the "00" back.
    opened = [m.start() for m in _DOUBLE_ZERO.finditer(text)]
    if opened:
        plussed = list(text)
        for at in opened:
            plussed[at : at + 2] = " +"
        for start, end in found("".join(plussed)):
            if start - 1 in opened and not any(start < e and s < end for s, e in spans):
                spans.append((start - 1, end))
    return spans


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _emails(text: str) -> list[tuple[int, int]]:
    return _matches(_EMAIL, text) if "@" in text else []


def _streets(text: str) -> list[tuple[int, int]]:
    return _matches(_STREET, text)


_FINDERS: dict[str, Callable[[str], list[tuple[int, int]]]] = {
    "hide_emails": _emails,
    "hide_phones": _phones,
    "hide_addresses": _streets,
}


def scrub(text: str, rules: frozenset[str] | set[str]) -> Scrubbed:
    """``text`` with every phone number, e-mail or street address the rules hide replaced."""
    if not text or not rules.intersection(_FINDERS):
        return Scrubbed(text)
    return _scrubbed(text, frozenset(rules))


@functools.lru_cache(maxsize=4096)
def _scrubbed(text: str, rules: frozenset[str]) -> Scrubbed:
    """:func:`scrub`, remembered: a source's title or a man's name is met again and again in
    one packet (each citation, each event), and the phone number matcher is slow."""
    spans: list[tuple[int, int, str]] = []
    # E-mail first: the digits of "jo.513.555.0142@example.org" are not a phone number.
    for rule in ("hide_emails", "hide_phones", "hide_addresses"):
        if rule not in rules:
            continue
        for start, end in _FINDERS[rule](text):
            if not any(start < e and s < end for s, e, _ in spans):
                spans.append((start, end, rule))
    if not spans:
        return Scrubbed(text)
    spans.sort()
    parts, at = [], 0
    for start, end, rule in spans:
        parts += [text[at:start], MARKS[rule][1]]
        at = end
    parts.append(text[at:])
    tally = Counter(MARKS[rule][0] for _, _, rule in spans)
    return Scrubbed("".join(parts), tuple(sorted(tally.items())))


def described(found: tuple[tuple[str, int], ...]) -> str:
    """ "2 phone numbers, 1 email address": what was replaced, in words."""
    return ", ".join(f"{n} {kind}{_plural(kind, n)}" for kind, n in found)


def _plural(kind: str, n: int) -> str:
    if n == 1:
        return ""
    return "es" if kind.endswith("ss") else "s"
