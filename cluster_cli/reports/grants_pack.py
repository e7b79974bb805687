"""What the allowance committee needs for its meeting on a basic-allowance round (Lisa 11 V.1,
V.2; Tahvel's tracker, oppeinfo #150 and #153): per curriculum the ranking with each student's
components and the margin to the cut-off, every exclusion with its reason and clause, the
students who also receive another allowance in the round's months (the special allowance, Lisa
12; travel compensation, Lisa 13–14), and the committee and its meeting from `cluster.yaml`.

A pure function of (dataset, profile, round); `render/grants_pack.py` makes the workbook and the
protocol draft of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from cluster_cli.model.dataset import Dataset
from cluster_cli.model.cluster import GrantCommittee
from cluster_cli.regulation.profile import Profile
from cluster_cli.reports.grant_eligibility import Candidate
from cluster_cli.reports.grants import LOWER_IS_BETTER, Ranking, rank


@dataclass(frozen=True)
class OtherAllowance:
    """An allowance the student also receives in one of the round's months."""

    kind: str  # special | travel
    month: str
    amount: Decimal
    clause: str


@dataclass
class PackRow:
    candidate: Candidate
    places_to_cutoff: int | None = None  # allowances minus rank: ≥ 0 inside the cut-off (ranked only)
    margin: Fraction | None = None  # the first criterion against the cut-off's, better is positive
    others: list[OtherAllowance] = field(default_factory=list)


@dataclass
class CurriculumPack:
    code: str
    name: str
    grants: int  # allowances the round's fund gives the curriculum
    criterion: str  # the first criterion of the ranking, which the margin is measured in
    cutoff: Fraction | None  # its value for the last awarded student
    ranked: list[PackRow]
    excluded: list[PackRow]

    @property
    def awarded(self) -> int:
        return sum(1 for r in self.ranked if r.candidate.awarded)

    @property
    def applied(self) -> int:
        return len(self.ranked) + len(self.excluded)


@dataclass
class CommitteePack:
    ranking: Ranking
    curricula: list[CurriculumPack]
    committee: GrantCommittee | None
    meeting: date | None
    place: str | None

    @property
    def with_others(self) -> list[PackRow]:
        return [r for c in self.curricula for r in c.ranked + c.excluded if r.others]


def other_allowances(ds: Dataset, profile: Profile, months: tuple[str, ...]) -> dict[str, list[OtherAllowance]]:
    """Per student, the special allowances awarded and the travel compensation payable in the
    round's months (each month's report as `cluster allowances` computes it)."""
    from cluster_cli.reports.special_allowance import AMOUNT_CLAUSE, special_report
    from cluster_cli.reports.travel import travel_report

    found: dict[str, list[OtherAllowance]] = {}
    for month in months:
        for a in special_report(ds, profile, month).ranked:
            if a.awarded:
                found.setdefault(a.student.id, []).append(OtherAllowance("special", month, a.amount,
                                                                         AMOUNT_CLAUSE[a.kind]))
        paid: dict[str, OtherAllowance] = {}
        for c in travel_report(ds, profile, month).claims:
            if c.payable:
                before = paid.get(c.student.id)
                amount = c.amount + (before.amount if before else 0)
                paid[c.student.id] = OtherAllowance("travel", month, amount, before.clause if before else c.clause)
        for sid, other in paid.items():
            found.setdefault(sid, []).append(other)
    return found


def _value(c: Candidate, name: str) -> Fraction | None:
    value = c.scores.value(name) if c.scores else None
    return None if value is None else Fraction(value)


def committee_pack(ds: Dataset, profile: Profile, round_id: str) -> CommitteePack:
    ranking = rank(ds, profile, round_id)
    rnd = ranking.round
    criterion = profile.value("grant_ranking", rnd.first_day)["criteria"][0]["name"]
    sign = -1 if criterion in LOWER_IS_BETTER else 1
    others = other_allowances(ds, profile, rnd.months)
    codes = sorted(set(ranking.by_curriculum) | {c.student.curriculum for c in ranking.excluded})
    curricula = []
    for code in codes:
        cands = ranking.by_curriculum.get(code, [])
        grants = ranking.grants.get(code, 0)
        last = [c for c in cands if c.awarded]
        cutoff = _value(last[-1], criterion) if last else None
        ranked = []
        for c in cands:
            value = _value(c, criterion)
            margin = sign * (value - cutoff) if value is not None and cutoff is not None else None
            ranked.append(PackRow(c, grants - c.rank, margin, others.get(c.student.id, [])))
        excluded = [PackRow(c, others=others.get(c.student.id, []))
                    for c in ranking.excluded if c.student.curriculum == code]
        curriculum = ds.curricula.get(code)
        curricula.append(CurriculumPack(code, curriculum.name if curriculum else code, grants, criterion,
                                        cutoff, ranked, excluded))
    committee = ds.cluster.grant_committee if ds.cluster else None
    meeting = next((m for m in (committee.meetings if committee else []) if m.round == round_id), None)
    return CommitteePack(ranking, curricula, committee, meeting.date if meeting else None,
                         meeting.place if meeting else None)
