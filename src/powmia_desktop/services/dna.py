"""The donor helper: for one case, who has given a DNA family reference sample, who could
still give which kind, and who is deceased or cannot be told from what is recorded.

The relatives and the rules are services/kinship.py's; this module puts them beside the
samples recorded on the case (FamilyReferenceSample). A sample counts as given once it is
submitted or on file; one requested or whose kit came counts as asked for. A line has a
usable reference when one of its samples is on file.
"""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from powmia_desktop.core.vocab import DnaLine, DnaSampleStatus
from powmia_desktop.db.models import FamilyReferenceSample
from powmia_desktop.services.cases import get_case
from powmia_desktop.services.kinship import Kin, relatives

GIVEN = (DnaSampleStatus.SUBMITTED, DnaSampleStatus.ON_FILE)
ASKED = (DnaSampleStatus.REQUESTED, DnaSampleStatus.KIT_RECEIVED)
#: What each line is called where space is short (the panel's columns, the follow-up list).
LINE_SHORT = {DnaLine.MTDNA: "mtDNA", DnaLine.Y_STR: "Y-STR", DnaLine.AU_STR: "Autosomal"}


@dataclass(frozen=True)
class Donor:
    """A person in one line's list: a relative, or a donor named on a sample."""

    contact_id: int | None
    name: str
    relation: str
    #: the furthest a sample of this line from this person has gone, if any
    sample: DnaSampleStatus | None = None
    #: why it cannot be told whether they share the line (the "cannot tell" list only)
    reason: str = ""


@dataclass(frozen=True)
class LineAdvice:
    line: DnaLine
    given: tuple[Donor, ...]
    could_give: tuple[Donor, ...]
    deceased: tuple[Donor, ...]
    cannot_tell: tuple[Donor, ...]

    @property
    def on_file(self) -> bool:
        return any(d.sample is DnaSampleStatus.ON_FILE for d in self.given)


@dataclass(frozen=True)
class DonorAdvice:
    case_id: int
    lines: tuple[LineAdvice, ...]
    relatives: tuple[Kin, ...]

    def line(self, line: DnaLine) -> LineAdvice:
        return next(a for a in self.lines if a.line is line)

    @property
    def usable_on_file(self) -> bool:
        return any(a.on_file for a in self.lines)


def _furthest(statuses: list[DnaSampleStatus]) -> DnaSampleStatus:
    order = list(DnaSampleStatus)
    return max(statuses, key=order.index)


def donor_advice(session: Session, case_id: int) -> DonorAdvice:
    """Who has given, who could still give, who is deceased or unknown, line by line."""
    case = get_case(session, case_id)
    kin = relatives(session, case_id, case.full_name)
    samples = session.scalars(
        select(FamilyReferenceSample)
        .where(FamilyReferenceSample.serviceman_id == case_id)
        .options(selectinload(FamilyReferenceSample.donor))
    ).all()
    by_kin = {k.contact_id: k for k in kin}
    lines = []
    for line in DnaLine:
        statuses: dict[int | None, list[DnaSampleStatus]] = {}
        names: dict[int | None, str] = {}
        for sample in samples:
            if sample.line is line:
                statuses.setdefault(sample.donor_id, []).append(sample.status)
                names[sample.donor_id] = (
                    sample.donor.display_name if sample.donor else "Donor not recorded"
                )
        given: list[Donor] = []
        could: list[Donor] = []
        deceased: list[Donor] = []
        unsure: list[Donor] = []
        for donor_id, found in statuses.items():
            status = _furthest(found)
            relative = by_kin.get(donor_id) if donor_id is not None else None
            relation = relative.relation if relative else ""
            donor = Donor(donor_id, names[donor_id], relation, status)
            if status in GIVEN:
                given.append(donor)
            elif relative is None:
                # Named on a sample but not found among the recorded family.
                could.append(donor)
        for k in kin:
            if k.contact_id in statuses and _furthest(statuses[k.contact_id]) in GIVEN:
                continue
            verdict = k.verdicts[line]
            furthest = _furthest(statuses[k.contact_id]) if k.contact_id in statuses else None
            donor = Donor(k.contact_id, k.name, k.relation, furthest, verdict.reason)
            if verdict.answer == "unknown":
                unsure.append(donor)
            elif verdict.answer == "yes":
                (could if k.living else deceased).append(donor)
        lines.append(LineAdvice(line, *(tuple(x) for x in (given, could, deceased, unsure))))
    return DonorAdvice(case_id, tuple(lines), tuple(kin))


@dataclass(frozen=True)
class RelativeRow:
    """One relative as the donor helper's table shows them: a word per DNA line."""

    contact_id: int
    name: str
    relation: str
    living: bool
    cells: tuple[str, ...]
    #: why a line cannot be told for them, one sentence per such line
    reasons: tuple[str, ...]


def _cell(advice: LineAdvice, contact_id: int) -> tuple[str, str]:
    for label, donors in (
        ("Given", advice.given),
        ("Could give", advice.could_give),
        ("Deceased", advice.deceased),
        ("Cannot tell", advice.cannot_tell),
    ):
        donor = next((d for d in donors if d.contact_id == contact_id), None)
        if donor is None:
            continue
        if donor.sample is not None and label in ("Given", "Could give"):
            label = f"{label} ({donor.sample.label.lower()})"
        return label, donor.reason if label == "Cannot tell" else ""
    return "—", ""


def relative_rows(advice: DonorAdvice) -> list[RelativeRow]:
    """The table of relatives, nearest first, with what each line says of each."""
    rows = []
    for kin in advice.relatives:
        cells = [_cell(line, kin.contact_id) for line in advice.lines]
        rows.append(
            RelativeRow(
                kin.contact_id,
                kin.name,
                kin.relation,
                kin.living,
                tuple(c for c, _ in cells),
                tuple(dict.fromkeys(r for _, r in cells if r)),
            )
        )
    return rows


def _who(donors: tuple[Donor, ...]) -> str:
    return "; ".join(f"{d.name} ({d.relation})" if d.relation else d.name for d in donors)


def summary_lines(advice: DonorAdvice) -> list[str]:
    """One sentence per DNA line: what is on file and who could still give."""
    out = []
    for line in advice.lines:
        parts = []
        if line.given:
            given = "; ".join(
                f"{d.name} ({d.sample.label.lower()})" for d in line.given if d.sample
            )
            parts.append(f"given by {given}")
        if line.could_give:
            parts.append(f"could still give: {_who(line.could_give)}")
        if line.deceased:
            parts.append(f"deceased: {_who(line.deceased)}")
        if line.cannot_tell:
            parts.append(f"cannot tell: {_who(line.cannot_tell)}")
        said = ". ".join(p[:1].upper() + p[1:] for p in parts) if parts else "Nobody recorded"
        out.append(f"{line.line.label}: {said}.")
    return out
