"""The gate: asks the audience about each record and writes each refusal to the log.

Records come as ORM objects (a case and what hangs from it) or as plain rows (the timeline,
read in bulk); both pass the same questions, logged under the same "table:id" keys. Also
here: the names a view prints for a case or a place, as the audience may see them.
"""

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple, TypeVar

from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.models import Citation, Contact, Place, Record, Serviceman, Source
from powmia_desktop.services.audience.log import RedactionLog
from powmia_desktop.services.audience.profile import Audience
from powmia_desktop.services.audience.scrub import MARKS, described, scrub
from powmia_desktop.services.audience.views import CitationView
from powmia_desktop.services.values import label

_CITATION: str = Citation.__tablename__
_SOURCE: str = Source.__tablename__
V = TypeVar("V")
#: View fields that hold no words a person typed: a file's hash and type.
_NOT_WORDS = frozenset({"sha256", "mime_type"})


def record_key(record: Record) -> str:
    """ "citation:12": how the redaction log names a record, once per record and rule."""
    return f"{type(record).__tablename__}:{record.id}"  # type: ignore[attr-defined]


class CitedRow(NamedTuple):
    """A citation read as plain values with its source's title and level (no ORM object)."""

    id: int
    owner_id: int
    source_id: int
    source_title: str
    source_sensitivity: Sensitivity
    locator: str
    quote: str
    confidence: Any
    notes: str
    sensitivity: Sensitivity


class Gate:
    """Asks the audience about each record and writes the refusals to the log."""

    def __init__(self, audience: Audience, log: RedactionLog) -> None:
        self.audience, self.log = audience, log
        #: whether the audience hides anything typed inside text: every text and exported
        #: cell passes here, and most exports are for an audience that hides none of it
        self.scrubs = bool(audience.rules.intersection(MARKS))

    def admit(self, record: Record, kind: str, text: str) -> bool:
        return self.admit_key(record_key(record), record.sensitivity, kind, text)

    def admit_key(self, key: str, sensitivity: Sensitivity, kind: str, text: str) -> bool:
        """:meth:`admit` for a record read as plain values: ``key`` is "table:id"."""
        if self.audience.allows(sensitivity):
            return True
        if sensitivity is Sensitivity.PRIVATE:
            # Even its name is the person's own: the log says only what kind and which one.
            text = f"no. {key.rpartition(':')[2]}"
        rule = "private" if sensitivity is Sensitivity.PRIVATE else "ceiling"
        self._withhold(kind, text, sensitivity, rule, key)
        return False

    def _withhold(
        self, kind: str, text: str, sensitivity: Sensitivity | None, rule: str, key: str
    ) -> None:
        """Log a refusal; its label (a title, a name) loses what the rules hide, too."""
        self.log.withhold(kind, scrub(text, self.audience.rules).text, sensitivity, rule, key)

    def rule(self, rule: str, record: Record, kind: str, text: str) -> bool:
        """True when the field rule lets the field of ``record`` through."""
        return self.rule_key(rule, record_key(record), record.sensitivity, kind, text)

    def rule_key(self, rule: str, key: str, sensitivity: Sensitivity, kind: str, text: str) -> bool:
        if not self.audience.hides(rule):
            return True
        self._withhold(kind, text, sensitivity, rule, f"{key}:{kind}")
        return False

    def out_of_scope(self, record: Record, kind: str, text: str) -> bool:
        """Log ``record`` as left out for being about a case not chosen; always False."""
        self._withhold(kind, text, record.sensitivity, "other_case", record_key(record))
        return False

    def notes(self, record: Record, owner: str) -> str:
        return self.notes_key(record_key(record), record.sensitivity, record.notes, owner)

    def notes_key(self, key: str, sensitivity: Sensitivity, notes: str, owner: str) -> str:
        if not notes or self.rule_key("hide_notes", key, sensitivity, "notes", f"notes: {owner}"):
            return self.text_key(key, sensitivity, notes, "notes", owner)
        return ""

    def text(self, record: Record, text: str, field: str, owner: str) -> str:
        """Free text (a summary, minutes, a quote) as the audience may read it."""
        return self.text_key(record_key(record), record.sensitivity, text, field, owner)

    def text_key(
        self, key: str, sensitivity: Sensitivity, text: str, field: str, owner: str
    ) -> str:
        """``text`` with the phone numbers, e-mail and street addresses the audience's rules
        hide replaced by a mark; each kind found is logged, naming where, never what."""
        if not self.scrubs:
            return text
        found = scrub(text, self.audience.rules)
        by_kind = dict(found.found)
        for rule, (what, _) in MARKS.items():
            if what in by_kind:
                self._withhold(
                    f"{what} in {field}",
                    f"{owner} – {field}: {described(((what, by_kind[what]),))}",
                    sensitivity,
                    rule,
                    f"{key}:{field}",
                )
        return found.text

    def cells(
        self,
        key: str,
        sensitivity: Sensitivity,
        row: Sequence[str],
        heads: Sequence[str],
        owner: str,
    ) -> list[str]:
        """A row of an exported list (or card) as the audience may read it: each cell passed
        through :meth:`text_key`, named by its column's heading."""
        if not self.scrubs:
            return list(row)
        return [
            self.text_key(key, sensitivity, cell, head, owner)
            for cell, head in zip(row, heads, strict=True)
        ]

    def view(self, record: Record, view: V, owner: str) -> V:
        """``view`` of ``record`` with every text in it (a title, a caption, a place, a file
        name: each field, so a field added later too) passed through :meth:`text_key`."""
        return self.view_key(record_key(record), record.sensitivity, view, owner)

    def view_key(self, key: str, sensitivity: Sensitivity, view: V, owner: str) -> V:
        """:meth:`view` for a record read as plain values. Views inside ``view`` (a case's
        claims) are left as they are: each was made through here for its own record."""
        if not self.scrubs:
            return view
        changed = {
            f.name: new
            for f in dataclasses.fields(view)  # type: ignore[arg-type]
            if f.name not in _NOT_WORDS
            and (new := self.words(key, sensitivity, old := getattr(view, f.name), _said(f), owner))
            is not old
        }
        return dataclasses.replace(view, **changed) if changed else view  # type: ignore[type-var]

    def words(self, key: str, sensitivity: Sensitivity, value: Any, field: str, owner: str) -> Any:
        """``value`` (text, or tuples, lists and mappings of it: a JSON value) through
        :meth:`text_key`; the very same object when nothing in it changed. Views inside
        are left alone."""
        if isinstance(value, str):
            done = self.text_key(key, sensitivity, value, field, owner)
            return value if done == value else done
        if isinstance(value, dict):
            pairs = {k: self.words(key, sensitivity, v, field, owner) for k, v in value.items()}
            return value if all(pairs[k] is v for k, v in value.items()) else pairs
        if isinstance(value, tuple | list) and not any(map(dataclasses.is_dataclass, value)):
            items = [self.words(key, sensitivity, v, field, owner) for v in value]
            if all(a is b for a, b in zip(items, value, strict=True)):
                return value
            return tuple(items) if isinstance(value, tuple) else items
        return value

    def name(self, contact: Contact | None, why: str) -> str:
        """A contact's name where one is mentioned; empty when the contact is withheld."""
        if contact is None:
            return ""
        ok = self.admit(contact, "contact", f"{contact.display_name} ({why})")
        return contact.display_name if ok else ""

    def citations(self, citations: Iterable[Citation], owner: str) -> tuple[CitationView, ...]:
        return self.cited_rows(
            (
                CitedRow(
                    c.id,
                    0,
                    c.source_id,
                    c.source.title,
                    c.source.sensitivity,
                    c.locator,
                    c.quote,
                    c.confidence,
                    c.notes,
                    c.sensitivity,
                )
                for c in citations
            ),
            owner,
        )

    def cited_rows(self, citations: Iterable[CitedRow], owner: str) -> tuple[CitationView, ...]:
        shown = []
        for c in citations:
            where = f"{owner}: {c.source_title}" + (f", {c.locator}" if c.locator else "")
            key = f"{_CITATION}:{c.id}"
            if self.admit_key(key, c.sensitivity, "citation", where) and self.admit_key(
                f"{_SOURCE}:{c.source_id}", c.source_sensitivity, "source", c.source_title
            ):
                shown.append(
                    self.view_key(
                        key,
                        c.sensitivity,
                        CitationView(
                            c.source_id,
                            c.source_title,
                            c.locator,
                            self.text_key(key, c.sensitivity, c.quote, "quote", where),
                            label(c.confidence),
                            self.notes_key(key, c.sensitivity, c.notes, where),
                        ),
                        where,
                    )
                )
        return tuple(shown)


def _said(field: "dataclasses.Field[Any]") -> str:
    """A view's field as the redaction log names it: "file name", "loss place"."""
    return str(field.metadata.get("words") or field.name.replace("_", " "))


def case_name(case: Serviceman) -> str:
    """ "Cpl. Roger A. Dumas": rank and name as a letter would address him."""
    return f"{case.rank} {case.full_name}".strip()


def place_name(gate: Gate, place: Place | None, text: str) -> str:
    if text or place is None:
        return text
    return place.name if gate.audience.allows(place.sensitivity) else ""


def other_names(gate: Gate, place: Place | None, text: str) -> tuple[str, ...]:
    """A camp's other names ("Old Pyoktong", "Tongju-ri"), without the one already shown."""
    if place is None or not gate.audience.allows(place.sensitivity):
        return ()
    names = [
        place.name,
        *(n.name for n in place.alternate_names if gate.audience.allows(n.sensitivity)),
    ]
    shown = (text or place.name).casefold()
    return tuple(dict.fromkeys(n for n in names if n.casefold() != shown))
