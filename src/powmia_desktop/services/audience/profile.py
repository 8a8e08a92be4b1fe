"""Who will read: a sensitivity ceiling, field rules, and whether private records may go."""

from dataclasses import dataclass

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.models import AudienceProfile

#: The field rules an AudienceProfile may name, and what each removes, in people's words.
FIELD_RULES: dict[str, str] = {
    "hide_phones": "phone numbers",
    "hide_emails": "email addresses",
    "hide_addresses": "postal addresses",
    "hide_dna_donors": "DNA donor names",
    "hide_notes": "notes",
}


@dataclass(frozen=True)
class Audience:
    """Who will read a packet: a ceiling, field rules, and whether private records may go."""

    name: str
    ceiling: Sensitivity
    rules: frozenset[str] = frozenset()
    description: str = ""
    include_private: bool = False
    profile_id: int | None = None

    def __post_init__(self) -> None:
        unknown = sorted(set(self.rules) - set(FIELD_RULES))
        if unknown:
            raise ValidationError(
                f"Audience '{self.name}': unknown field rule {', '.join(unknown)}; "
                f"use {', '.join(FIELD_RULES)}",
                "field_rules",
            )

    @classmethod
    def from_profile(cls, profile: AudienceProfile, *, include_private: bool = False) -> "Audience":
        return cls(
            name=profile.name,
            ceiling=profile.ceiling,
            rules=frozenset(profile.field_rules or ()),
            description=profile.description,
            include_private=include_private,
            profile_id=profile.id,
        )

    @property
    def effective_ceiling(self) -> Sensitivity:
        if self.include_private:
            return self.ceiling
        return min(self.ceiling, Sensitivity.FAMILY)

    def allows(self, sensitivity: Sensitivity) -> bool:
        return sensitivity <= self.effective_ceiling

    def hides(self, rule: str) -> bool:
        return rule in self.rules

    def describe(self) -> str:
        """ "Press (public only; hides phone numbers, DNA donor names)" for dialogs and logs."""
        level = self.effective_ceiling
        reach = "public only" if level is Sensitivity.PUBLIC else f"up to {level.label}"
        hidden = [FIELD_RULES[r] for r in FIELD_RULES if r in self.rules]
        return f"{self.name} ({reach}{'; hides ' + ', '.join(hidden) if hidden else ''})"
