"""Who a packet is for: the archive's audience profiles, or the four defaults."""

from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from powmia_desktop.core.errors import NotFoundError
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.db.models import AudienceProfile
from powmia_desktop.services.audience import Audience
from powmia_desktop.services.packets.templates import SUMMARY_TEMPLATE_NAME

#: Used when an archive holds no audience profiles (the demo brings the same four).
DEFAULT_AUDIENCES = (
    Audience(
        "DPAA analyst",
        Sensitivity.OFFICIALS,
        description="Everything up to officials level.",
    ),
    Audience(
        "Congressional office",
        Sensitivity.OFFICIALS,
        frozenset({"hide_phones"}),
        "Officials level, without phone numbers.",
    ),
    Audience("Extended family", Sensitivity.FAMILY, description="Everything but private."),
    Audience(
        "Press",
        Sensitivity.PUBLIC,
        frozenset({"hide_phones", "hide_emails", "hide_addresses", "hide_dna_donors"}),
        "Public record only; no phone numbers, emails, addresses or DNA donors.",
    ),
)


#: What a packet is for, by audience: its title says so ("Press background: Cpl. …").
_PURPOSES = {
    "dpaa analyst": "Case briefing for DPAA",
    "congressional office": "Case briefing for a congressional office",
    "extended family": "Family update",
    "press": "Press background",
}


def audience_purpose(audience: Audience) -> str:
    """What a packet for this audience is for, in a few words."""
    known = _PURPOSES.get(audience.name.strip().casefold())
    if known:
        return known
    if audience.effective_ceiling == Sensitivity.PUBLIC:
        return f"Public background for {audience.name}"
    return f"Briefing for {audience.name}"


def audience_banner(audience: Audience) -> str:
    """The line on every page that says whom a packet is for and whether it may be passed on."""
    who = "DPAA" if audience.name.casefold() == "dpaa analyst" else audience.name
    if audience.effective_ceiling == Sensitivity.PUBLIC:
        return f"For {who} — public record only"
    if audience.effective_ceiling >= Sensitivity.PRIVATE:
        return f"For {who} — private, not for release"
    return f"For {who} — not for release"


def packet_title(audience: Audience, case_names: list[str], template_name: str = "") -> str:
    """The audience's purpose and the serviceman (or how many cases)."""
    purpose = audience_purpose(audience)
    if template_name == SUMMARY_TEMPLATE_NAME:
        purpose = f"Case summary for {audience.name}"
    if not case_names:
        return purpose
    if len(case_names) <= 2:
        return f"{purpose}: {' and '.join(case_names)}"
    return f"{purpose}: {len(case_names)} cases"


def list_audiences(session: Session) -> list[Audience]:
    """The archive's audience profiles by name, or the defaults when it has none."""
    profiles = session.scalars(select(AudienceProfile).order_by(AudienceProfile.name)).all()
    if not profiles:
        return list(DEFAULT_AUDIENCES)
    return [Audience.from_profile(p) for p in profiles]


def find_audience(session: Session, name: str, *, include_private: bool = False) -> Audience:
    """An audience by profile name, or by a level ("officials": that ceiling, no rules)."""
    wanted = name.strip().casefold()
    audiences = list_audiences(session)
    for found in audiences:
        if found.name.casefold() == wanted:
            return replace(found, include_private=include_private)
    for level in Sensitivity:
        if level.name.casefold() == wanted:
            return Audience(level.label, level, include_private=include_private)
    names = ", ".join(f"'{a.name}'" for a in audiences)
    levels = ", ".join(level.name.lower() for level in Sensitivity)
    raise NotFoundError(f"There is no audience '{name}'; use one of {names}, or a level ({levels})")


def ensure_default_audiences(session: Session) -> int:
    """Store the default audience profiles in an archive that has none; how many were added."""
    if session.scalar(select(func.count()).select_from(AudienceProfile)):
        return 0
    for a in DEFAULT_AUDIENCES:
        session.add(
            AudienceProfile(
                name=a.name,
                ceiling=a.ceiling,
                field_rules=sorted(a.rules),
                description=a.description,
            )
        )
    session.flush()
    return len(DEFAULT_AUDIENCES)
