"""A study period's attendance as the regulation counts it: the journal's lessons and absences
(4.7.5), with the lessons a student spent on a placement counted as practice, not absence, once
the placement's contract is valid — the side effect Tahvel gives a valid contract (4.11.5: the
contract is concluded before practice starts; a placement without one is not practice).

The attendance record is per period (Tahvel's group teacher's report); `on_placement` says how
many of its unexcused lessons fell on placement days. They count as practice when every
placement of the student overlapping the period (cancelled ones aside) has a `valid` or
`finished` contract; while one is still `draft` or `review` they stay absences, and the placement
is named. One definition for `cluster debts` (6.1.8–6.1.10, 5.3.1.1) and the allowance ranking
(Lisa 11 V.2).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from cluster_cli.model.records import Attendance
from cluster_cli.model.placements import Placement
from cluster_cli.regulation.facts import period_dates

CONTRACTED = ("valid", "finished")


@dataclass(frozen=True)
class Counted:
    lessons: int
    unexcused: int
    """Unexcused absences, without the lessons counted as practice."""
    late: int
    excused: int
    practice: int
    """Lessons on placement days counted as practice (a valid or finished contract)."""
    not_valid: tuple[str, ...] = ()
    """Placements in the period without a valid contract whose lessons stay absences."""
    kept: int = 0
    """Lessons on placement days that stay absences because of `not_valid` (or no placement)."""

    @property
    def rate(self) -> Fraction | None:
        """The share of lessons attended (practice counts as attended)."""
        if not self.lessons:
            return None
        return Fraction(self.lessons - self.unexcused - self.excused, self.lessons)


def placements_in(cluster, period: str, placements: list[Placement]) -> list[Placement]:
    """The student's placements (not cancelled) with a day inside the study period."""
    start, end = period_dates(cluster, period)
    return [p for p in placements if p.status != "cancelled" and p.start <= end and p.end >= start]


def counted(cluster, a: Attendance, placements: list[Placement]) -> Counted:
    """`a` with its placement lessons counted as practice where the contract is valid."""
    on = min(a.on_placement, a.unexcused)
    during = placements_in(cluster, a.period, placements) if on else []
    not_valid = tuple(p.id for p in during if p.status not in CONTRACTED)
    practice = on if during and not not_valid else 0
    return Counted(a.lessons, a.unexcused - practice, a.late, a.excused, practice, not_valid, on - practice)
