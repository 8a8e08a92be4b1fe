"""How each recorded relative is related to a missing man, and which DNA line he shares.

The family links are the relationships already recorded (a contact is "mother of" the case,
"sister of" another contact…). They are walked from the case as a graph of three steps: up
to a parent, across to a sibling, down to a child. A link that skips a generation ("aunt
of", "nephew of", "grandparent of", "cousin of") stands for two or three steps through a
person nobody recorded, whose side of the family its words may name ("maternal aunt",
"brother's son").

The rules (docs/field-notes.md, section 1.6): mtDNA passes only from a mother to her
children, so a donor shares his mtDNA when every ancestor on the way up and every parent on
the way down is a woman (his mother, his full siblings, his mother's sister and her
children); the Y chromosome passes only from father to son, so a donor shares it when he
and every person on the way are men (his brother, his brother's son, his father's brother);
autosomal DNA is useful from close relatives: first degree (parents, children, full
siblings) and second degree (grandparents, aunts and uncles, nieces and nephews,
half-siblings); a link worded "step…", "…-in-law", "adopted" or "foster" is not followed.
Whether a person is a woman or a man is read from the relationships' own
words ("mother of", "sister", "Mrs."); when it is not recorded the answer is "cannot tell",
with what to record to tell. The missing man himself is taken to be a man.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from powmia_desktop.core.vocab import DnaLine, RelationshipKind
from powmia_desktop.db.models import Contact, Relationship

K = RelationshipKind
Sex = Literal["F", "M"] | None
Step = Literal["up", "sib", "half", "down"]
Answer = Literal["yes", "unknown", "no"]

#: How far the walk goes from the case, in single steps (a first cousin's child is five).
MAX_STEPS = 6
#: Relationship hops read from the archive around a case.
MAX_HOPS = 5

_FEMALE_KINDS = {K.MOTHER_OF, K.DAUGHTER_OF, K.SISTER_OF, K.AUNT_OF, K.NIECE_OF}
_MALE_KINDS = {K.FATHER_OF, K.SON_OF, K.BROTHER_OF, K.UNCLE_OF, K.NEPHEW_OF}
_FEMALE_WORDS = {
    "mother", "daughter", "sister", "aunt", "niece", "grandmother", "granddaughter",
    "wife", "widow", "mrs", "ms", "miss", "stepmother", "stepdaughter", "stepsister",
}  # fmt: skip
_MALE_WORDS = {
    "father", "son", "brother", "uncle", "nephew", "grandfather", "grandson",
    "husband", "widower", "mr", "stepfather", "stepson", "stepbrother",
}  # fmt: skip
_MOTHER_SIDE = ("maternal", "mother's", "mothers", "sister's", "sisters", "daughter's")
_FATHER_SIDE = ("paternal", "father's", "fathers", "brother's", "brothers", "son's")
#: Kinship links, as single steps from the named person to the one they are named for.
_CHAINS: dict[RelationshipKind, tuple[Step, ...]] = {
    K.MOTHER_OF: ("up",), K.FATHER_OF: ("up",), K.PARENT_OF: ("up",),
    K.SON_OF: ("down",), K.DAUGHTER_OF: ("down",), K.CHILD_OF: ("down",),
    K.BROTHER_OF: ("sib",), K.SISTER_OF: ("sib",), K.SIBLING_OF: ("sib",),
    K.AUNT_OF: ("up", "sib"), K.UNCLE_OF: ("up", "sib"),
    K.NIECE_OF: ("sib", "down"), K.NEPHEW_OF: ("sib", "down"),
    K.COUSIN_OF: ("up", "sib", "down"),
    K.GRANDPARENT_OF: ("up", "up"), K.GRANDCHILD_OF: ("down", "down"),
}  # fmt: skip
KIN_KINDS = tuple(_CHAINS)
#: Words that make a family link one of marriage or adoption, not of blood.
_NOT_BLOOD = re.compile(r"\bstep|in-law|\badopt|\bfoster", re.IGNORECASE)
_INVERSE: dict[Step, Step] = {"up": "down", "down": "up", "sib": "sib", "half": "half"}
_WORDS: dict[Step, tuple[str, str, str]] = {
    "up": ("mother", "father", "parent"),
    "sib": ("sister", "brother", "sibling"),
    "half": ("half-sister", "half-brother", "half-sibling"),
    "down": ("daughter", "son", "child"),
}


@dataclass(frozen=True)
class Person:
    """A node of the family graph: the case, a contact, or someone only implied by a link."""

    key: str
    name: str
    sex: Sex
    #: what to record to know this person's sex, when it is not known
    unknown_sex: str = ""


@dataclass(frozen=True)
class Verdict:
    answer: Answer
    reason: str = ""

    @property
    def rank(self) -> int:
        return ("no", "unknown", "yes").index(self.answer)


@dataclass(frozen=True)
class Kin:
    """One recorded relative of the missing man and what each DNA line says of them."""

    contact_id: int
    name: str
    living: bool
    #: how they are related: the recorded words for a direct link, else "mother's sister"
    relation: str
    #: 1 for parents, children, full siblings; 2 for aunts, nephews, grandparents…
    degree: int
    verdicts: dict[DnaLine, Verdict] = field(default_factory=dict)


Path = list[tuple[Step, Person]]


def _sex_from_words(text: str) -> Sex:
    """The sex a link's words name ("maternal aunt" F, "sister's son" M): the last kin
    word that is not a possessive."""
    found: Sex = None
    for word in re.findall(r"[a-z']+", text.casefold().replace("’", "'")):
        if word.endswith("'s"):
            continue
        if word in _FEMALE_WORDS:
            found = "F"
        elif word in _MALE_WORDS:
            found = "M"
    return found


def _side(text: str) -> Sex:
    """The sex of the unrecorded person a link goes through, from words such as "maternal"."""
    words = text.casefold().replace("’", "'")
    mother = any(w in words for w in _MOTHER_SIDE)
    father = any(w in words for w in _FATHER_SIDE)
    return "F" if mother and not father else "M" if father and not mother else None


def _one(evidence: set[str]) -> Sex:
    return "F" if evidence == {"F"} else "M" if evidence == {"M"} else None


def _read_links(session: Session, case_id: int) -> tuple[list[Relationship], dict[int, Contact]]:
    """The kinship links around the case, MAX_HOPS links out, and the contacts they name."""
    r = Relationship
    links: dict[int, Relationship] = {}
    # A family member's link to another case is no step in this case's family.
    here = or_(r.to_serviceman_id == case_id, r.to_contact_id.is_not(None))
    found = session.scalars(
        select(r).where(r.to_serviceman_id == case_id, r.kind.in_(KIN_KINDS))
    ).all()
    seen: set[int] = set()
    frontier: set[int] = set()
    for hop in range(MAX_HOPS + 1):
        for link in found:
            links.setdefault(link.id, link)
            for cid in (link.from_contact_id, link.to_contact_id):
                if cid is not None and cid not in seen:
                    frontier.add(cid)
        if not frontier or hop == MAX_HOPS:
            break
        seen |= frontier
        ids, frontier = sorted(frontier), set()
        found = session.scalars(
            select(r).where(
                r.kind.in_(KIN_KINDS),
                here,
                or_(r.from_contact_id.in_(ids), r.to_contact_id.in_(ids)),
            )
        ).all()
    named = {c for link in links.values() for c in (link.from_contact_id, link.to_contact_id) if c}
    contacts = {c.id: c for c in session.scalars(select(Contact).where(Contact.id.in_(named)))}
    return list(links.values()), contacts


class FamilyGraph:
    """The people around one case and the single steps between them."""

    def __init__(self, case_name: str, links: Iterable[Relationship], contacts: dict[int, Contact]):
        self.case = Person("case", case_name, "M")
        self.contacts = contacts
        self.direct: dict[int, str] = {}
        self.edges: dict[str, list[Path]] = {}
        links = list(links)
        sexes = self._sexes(links)
        self.people = {
            cid: Person(
                f"c{cid}",
                c.display_name,
                sexes.get(cid),
                f"whether {c.display_name} is a woman or a man is not recorded",
            )
            for cid, c in contacts.items()
        }
        for link in links:
            self._add(link)

    def _sexes(self, links: list[Relationship]) -> dict[int, Sex]:
        evidence: dict[int, set[str]] = {}
        for cid, contact in self.contacts.items():
            sex = _sex_from_words(contact.honorific)
            if sex:
                evidence.setdefault(cid, set()).add(sex)
        for link in links:
            words = link.label or link.kind.label
            sex = "F" if link.kind in _FEMALE_KINDS else "M" if link.kind in _MALE_KINDS else None
            for found in (sex, _sex_from_words(words)):
                if found:
                    evidence.setdefault(link.from_contact_id, set()).add(found)
            back = _sex_from_words(link.reverse_label)
            if back and link.to_contact_id is not None:
                evidence.setdefault(link.to_contact_id, set()).add(back)
        return {cid: _one(found) for cid, found in evidence.items()}

    def _node(self, contact_id: int | None) -> Person:
        return self.case if contact_id is None else self.people[contact_id]

    def _add(self, link: Relationship) -> None:
        named, target = self._node(link.from_contact_id), self._node(link.to_contact_id)
        words = link.forward_words
        if _NOT_BLOOD.search(words):
            return  # a stepbrother, a daughter-in-law, an adopted son share no DNA line
        if link.to_serviceman_id is not None:
            self.direct[link.from_contact_id] = re.sub(r"\s+of$", "", words.strip())
        steps: list[Step] = list(_CHAINS[link.kind])
        if "half" in words.casefold():
            steps = ["half" if s == "sib" else s for s in steps]
        # The persons after each step, from the target to the named one; the unrecorded
        # ones in between take their sex from the link's words ("maternal", "brother's").
        between = [
            Person(
                f"r{link.id}.{i}",
                f"the relative through whom {named.name} is related",
                _side(words),
                f"which side of the family {named.name} is on is not recorded",
            )
            for i in range(len(steps) - 1)
        ]
        persons = [*between, named]
        forward: Path = list(zip(steps, persons, strict=True))
        before = [target, *between]
        backward: Path = [
            (_INVERSE[s], p) for s, p in zip(reversed(steps), reversed(before), strict=True)
        ]
        self.edges.setdefault(target.key, []).append(forward)
        self.edges.setdefault(named.key, []).append(backward)

    def walks(self) -> Iterable[tuple[int, Path]]:
        """Every distinct way (up to MAX_STEPS single steps) from the case to each contact.

        Ways that come to the same normalized path (a sibling's sibling is a sibling) go
        on the same way, so each is followed once: a large family with every sibling linked
        to every other is walked in a moment, not one walk per order of the siblings.
        """
        by_key = {p.key: cid for cid, p in self.people.items()}
        seen: set[tuple[tuple[str, str], ...]] = set()

        def go(key: str, path: Path) -> Iterable[tuple[int, Path]]:
            for edge in self.edges.get(key, []):
                end = edge[-1][1].key
                if end == self.case.key or len(path) + len(edge) > MAX_STEPS:
                    continue
                norm = normalize(path + edge)
                if norm is None:
                    continue
                form = tuple((step, person.key) for step, person in norm)
                if form in seen:
                    continue
                seen.add(form)
                if end in by_key:
                    yield by_key[end], norm
                yield from go(end, norm)

        yield from go(self.case.key, [])


def normalize(path: Path) -> Path | None:
    """The path as up* [sibling] down*, or None when it goes through in-laws.

    A full sibling shares both parents, so a sibling's parent is one's own parent and a
    child's sibling is another child; going up after going down leaves the blood line.
    """
    out: Path = []
    for step, person in path:
        last = out[-1][0] if out else None
        if last == "sib" and step == "up":
            out[-1] = (step, person)
        elif last == "down" and step == "sib":
            out[-1] = ("down", person)
        elif last == "sib" and step == "sib":
            out[-1] = ("sib", person)
        elif (last in ("half", "down") and step in ("up", "half")) or (
            last == "sib" and step == "half"
        ):
            return None
        else:
            out.append((step, person))
    steps = [s for s, _ in out]
    first_other = next((i for i, s in enumerate(steps) if s != "up"), len(steps))
    rest = steps[first_other:]
    if "up" in rest or len([s for s in rest if s in ("sib", "half")]) > 1:
        return None
    return out


def degree(path: Path) -> int:
    """Degree of kinship: 1 parent, child, full sibling; 2 aunt, nephew, half-sibling."""
    ups = sum(s in ("up", "sib", "half") for s, _ in path)
    downs = sum(s in ("down", "sib", "half") for s, _ in path)
    full = any(s == "sib" for s, _ in path)
    return ups + downs - (1 if full else 0)


def _need(person: Person, sex: str) -> Verdict:
    if person.sex == sex:
        return Verdict("yes")
    if person.sex is None:
        return Verdict("unknown", person.unknown_sex)
    line = "female" if sex == "F" else "male"
    return Verdict("no", f"the {line} line stops at {person.name}")


def _all(verdicts: Iterable[Verdict]) -> Verdict:
    worst = Verdict("yes")
    for v in verdicts:
        if v.rank < worst.rank:
            worst = v
    return worst


def line_verdict(path: Path, line: DnaLine, start: Person) -> Verdict:
    """Whether the person at the end of a normalized path shares the case's ``line``."""
    if line is DnaLine.AU_STR:
        return Verdict("yes") if degree(path) <= 2 else Verdict("no", "not a close relative")
    sex = "F" if line is DnaLine.MTDNA else "M"
    checks: list[Verdict] = []
    before = start
    for step, person in path:
        if step == "up":
            checks.append(_need(person, sex))
        elif step == "down":
            checks.append(_need(before, sex))
        elif step == "half":
            checks.append(Verdict("unknown", f"which parent {person.name} shares is not recorded"))
        before = person
    if line is DnaLine.Y_STR and path:
        checks.append(_need(path[-1][1], "M"))
    return _all(checks)


def chain_words(path: Path) -> str:
    """The path in words, each step named by the person's sex where it is known: "mother's
    sister's son"."""
    names = []
    for step, person in path:
        female, male, either = _WORDS[step]
        names.append(female if person.sex == "F" else male if person.sex == "M" else either)
    return "'s ".join(names)


def relatives(session: Session, case_id: int, case_name: str = "") -> list[Kin]:
    """Every recorded blood relative of the case, nearest first."""
    links, contacts = _read_links(session, case_id)
    graph = FamilyGraph(case_name or "the missing man", links, contacts)
    best: dict[int, tuple[int, Path]] = {}
    verdicts: dict[int, dict[DnaLine, Verdict]] = {}
    for cid, path in graph.walks():
        norm = normalize(path)
        if norm is None or not norm:
            continue
        d = degree(norm)
        if cid not in best or d < best[cid][0]:
            best[cid] = (d, norm)
        mine = verdicts.setdefault(cid, {})
        for line in DnaLine:
            v = line_verdict(norm, line, graph.case)
            if line not in mine or v.rank > mine[line].rank:
                mine[line] = v
    out = [
        Kin(
            cid,
            contacts[cid].display_name,
            contacts[cid].living,
            graph.direct.get(cid) or chain_words(path),
            d,
            verdicts[cid],
        )
        for cid, (d, path) in best.items()
    ]
    return sorted(out, key=lambda k: (k.degree, k.name.casefold(), k.contact_id))
