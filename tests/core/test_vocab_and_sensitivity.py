"""Vocabularies read loose text the same way everywhere; sensitivity levels are ordered."""

import pytest

from powmia_desktop.core.errors import ValidationError
from powmia_desktop.core.sensitivity import Sensitivity
from powmia_desktop.core.vocab import (
    AccountingStatus,
    Branch,
    CasualtyStatus,
    Confidence,
    RelationshipKind,
    Vocabulary,
)


@pytest.mark.parametrize(
    ("cls", "typed", "expected"),
    [
        (Branch, "USMC", Branch.MARINE_CORPS),
        (Branch, "Marine Corps", Branch.MARINE_CORPS),
        (Branch, "air_force", Branch.AIR_FORCE),
        (CasualtyStatus, "Missing, Presumed Dead", CasualtyStatus.MISSING_PRESUMED_DEAD),
        (CasualtyStatus, "hdwm", CasualtyStatus.HDWM),
        (CasualtyStatus, "Prisoner of War", CasualtyStatus.POW),
        (AccountingStatus, "Unaccounted-for", AccountingStatus.UNACCOUNTED_FOR),
    ],
)
def test_parse_accepts_values_labels_and_abbreviations(
    cls: type[Vocabulary], typed: str, expected: Vocabulary
) -> None:
    assert cls.parse(typed) is expected


def test_unknown_word_is_a_clear_error() -> None:
    with pytest.raises(ValidationError, match="'Space Force' is not a known branch; use one of"):
        Branch.parse("Space Force")


def test_non_recoverable_is_not_accounted_for() -> None:
    assert AccountingStatus.NON_RECOVERABLE is not AccountingStatus.ACCOUNTED_FOR
    assert "non-recoverable" in AccountingStatus.NON_RECOVERABLE.label


def test_every_member_has_a_label_and_relationships_read_both_ways() -> None:
    for cls in Vocabulary.__subclasses__():
        for member in cls:
            assert member.label.strip()
    assert RelationshipKind.NEPHEW_OF.reverse_label == "uncle or aunt of"
    assert [c.rank for c in Confidence] == [3, 2, 1, 0]
    # Plain words to choose from; the stored values (and the old words) still read.
    assert [c.label for c in Confidence] == [
        "Original document",
        "Official summary",
        "Someone's account",
        "Doubtful",
    ]
    assert Confidence.parse("primary") is Confidence.parse("Original document")


def test_sensitivity_order_and_parse() -> None:
    assert Sensitivity.PUBLIC < Sensitivity.OFFICIALS < Sensitivity.FAMILY < Sensitivity.PRIVATE
    assert Sensitivity.FAMILY.visible_to(Sensitivity.PRIVATE)
    assert not Sensitivity.PRIVATE.visible_to(Sensitivity.FAMILY)
    assert Sensitivity.parse(" Officials ") is Sensitivity.OFFICIALS
    assert Sensitivity.parse("3") is Sensitivity.PRIVATE
    with pytest.raises(ValidationError, match="not a sensitivity level"):
        Sensitivity.parse("secret")
