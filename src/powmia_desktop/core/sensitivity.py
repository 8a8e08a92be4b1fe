"""Who may see a record: the four levels of docs/data-model.md, ordered.

An audience has a ceiling; a record or field is shown only when its level is at or below it.
``PRIVATE`` never leaves the archive unless the person explicitly includes it.
"""

from enum import IntEnum

from powmia_desktop.core.errors import ValidationError


class Sensitivity(IntEnum):
    PUBLIC = 0
    OFFICIALS = 1
    FAMILY = 2
    PRIVATE = 3

    @property
    def label(self) -> str:
        return self.name.capitalize()

    @classmethod
    def parse(cls, text: str) -> "Sensitivity":
        """Accept a level by name (any case) or number, as typed in a file or a CLI option."""
        key = text.strip()
        if key.isdigit() and int(key) in cls._value2member_map_:
            return cls(int(key))
        try:
            return cls[key.upper()]
        except KeyError:
            names = ", ".join(m.name.lower() for m in cls)
            raise ValidationError(
                f"'{text}' is not a sensitivity level; use one of {names}", "sensitivity"
            ) from None

    def visible_to(self, ceiling: "Sensitivity") -> bool:
        return self <= ceiling
