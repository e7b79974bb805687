"""Who signs a placement contract (Lisa 7 1.4: the school, the student — with the legal
representative for a minor, 4.12.5 — and each host), and whose signature is still missing.

One definition for the status command, the signature check and the contract list.
"""

from __future__ import annotations

from dataclasses import dataclass

from cluster_cli.model.dataset import Dataset
from cluster_cli.model.records import Member, Person, Student
from cluster_cli.model.placements import Placement
from cluster_cli.regulation.facts import is_minor


@dataclass(frozen=True)
class Party:
    """A party that signs: `school`, `student`, `guardian` or `host` (with its member id)."""

    party: str
    member: str | None
    name: str | None
    """The signer's name: the member's representative, the student, the legal representative."""
    personal_code: str | None
    """The signer's personal code where the data has it (matches a DigiDoc certificate)."""

    def key(self) -> tuple[str, str | None]:
        return (self.party, self.member)


def representative(member: Member | None) -> Person | None:
    """The member's representative: its first contact with a role, else its first contact."""
    if member is None or not member.contacts:
        return None
    with_role = [c for c in member.contacts if c.role]
    return (with_role or member.contacts)[0]


def signing_parties(p: Placement, ds: Dataset, adult_age: int) -> list[Party]:
    """The parties that must sign `p`'s contract, in the contract's order. A host that is the
    school itself (a school placement at the school) signs once, as the school."""
    return parties_of(p, ds.students.get(p.student), ds, adult_age)


def parties_of(p: Placement, student: Student | None, ds: Dataset, adult_age: int) -> list[Party]:
    """`signing_parties` with `p`'s student given (None: not known) — it looks up members only."""
    school_id = student.school if student is not None else None
    school = ds.members.get(school_id) if school_id else None
    rep = representative(school)
    parties = [Party("school", school_id, rep.name if rep else None, rep.personal_code if rep else None)]
    if student is not None:
        parties.append(Party("student", None, student.full_name, student.personal_code))
        minor = is_minor(student, p.start, adult_age)
        if student.guardian is not None and minor is not False:
            g = student.guardian
            parties.append(Party("guardian", None, g.name, g.personal_code))
    seen = {school_id}
    for h in p.hosts:
        if h.member in seen:
            continue
        seen.add(h.member)
        rep = representative(ds.members.get(h.member))
        parties.append(Party("host", h.member, rep.name if rep else None, rep.personal_code if rep else None))
    return parties


def missing_signatures(p: Placement, parties: list[Party]) -> list[Party]:
    """The parties of `parties` with no recorded signature on `p`."""
    signed = {(s.party, s.member if s.party == "host" else None) for s in p.signatures}
    return [x for x in parties if (x.party, x.member if x.party == "host" else None) not in signed]
