"""`cluster courses`: the learners of adult courses (Lisa 15) — what each owes or gets back
(5.1, 5.8, 5.9, `regulation/course_fees.py`) and the employers' discounts (5.5)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from cluster_cli.model.dataset import Dataset
from cluster_cli.regulation.course_fees import participant_fee
from cluster_cli.regulation.money import ZERO
from cluster_cli.regulation.profile import Profile


@dataclass(frozen=True)
class LearnerRow:
    course: str
    name: str
    employer: str | None
    registered: date
    enrolled: date | None
    withdrawn: date | None
    fee: Decimal
    discount: Fraction
    share: Fraction
    due: Decimal
    paid: Decimal
    balance: Decimal
    clause: str
    transferable: bool


@dataclass(frozen=True)
class EmployerRow:
    course: str
    employer: str
    learners: int
    discount: Fraction
    due: Decimal


@dataclass
class CoursesReport:
    learners: list[LearnerRow] = field(default_factory=list)
    employers: list[EmployerRow] = field(default_factory=list)


def courses_report(ds: Dataset, profile: Profile, course: str | None = None) -> CoursesReport:
    """Every learner of every course (or of one), in file order, with the fee computation; and per
    course and employer the learners, the discount and the total due."""
    report = CoursesReport()
    for c in ds.records.get("courses", []):
        if course is not None and c.id != course:
            continue
        per: dict[str, list[LearnerRow]] = {}
        for p in c.participants:
            fee = participant_fee(c, p, profile)
            row = LearnerRow(c.id, p.name, p.employer, p.registered, p.enrolled, p.withdrawn, fee.fee,
                             Fraction(fee.discount) / 100, fee.share, fee.due, fee.paid, fee.balance, fee.clause,
                             fee.transferable)
            report.learners.append(row)
            if p.employer:
                per.setdefault(p.employer, []).append(row)
        for employer, rows in per.items():
            report.employers.append(EmployerRow(c.id, employer, len(rows), rows[0].discount,
                                                sum((r.due for r in rows), ZERO)))
    return report
