"""School-lunch support (koolilõuna, 6.12.7–6.12.11): who qualifies, lunches at school, and
the practice-period support paid to the bank account.

A pure function of (dataset, profile, month). `--month M` is the school days and practice days
of month M (6.12.10, 6.12.11). Money is `Decimal` euros (`regulation/money.py`); every row
carries its reasons (`regulation/reasons.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from cluster_cli.model.dataset import Dataset
from cluster_cli.model.records import Application, Student
from cluster_cli.model.placements import Placement
from cluster_cli.regulation.facts import is_stationary
from cluster_cli.regulation.money import ZERO, money
from cluster_cli.regulation.months import days_of, month_start
from cluster_cli.regulation.profile import Profile
from cluster_cli.regulation.reasons import Reason
from cluster_cli.reports.allowance_common import calendar_of, latest, record_of, school_days, status_code


@dataclass
class LunchRow:
    student: Student
    reasons: list[Reason] = field(default_factory=list)  # why the student does not qualify
    school_days: int = 0  # the month's school days the student was at school (not on practice)
    attended: int | None = None  # from the school-days record, when there is one
    lunches: int = 0
    school_amount: Decimal = ZERO  # lunches at school × the daily amount (not paid to the student)
    practice_days: int = 0  # working days of the student's placements in the month
    submission: Application | None = None
    paid_days: int = 0
    amount: Decimal = ZERO  # practice-period support to the bank account (6.12.11)
    payable: bool = False
    notes: list[Reason] = field(default_factory=list)

    @property
    def qualifies(self) -> bool:
        return not self.reasons


@dataclass
class LunchReport:
    month: str
    per_day: Decimal
    school_days: int
    rows: list[LunchRow]

    @property
    def practice_rows(self) -> list[LunchRow]:
        return [r for r in self.rows if r.practice_days or r.submission is not None]

    @property
    def total(self) -> Decimal:
        return sum((r.amount for r in self.rows if r.payable), ZERO)


def lunch_qualifies(ds: Dataset, s: Student) -> list[Reason]:
    """6.12.8: stationary study on an initial curriculum, without secondary education; 6.12.9:
    level 2–3 curricula that need no basic education, basic-education-based curricula (level 4)
    and vocational secondary curricula. Level 5 requires secondary education (3.5.2)."""
    reasons = []
    curriculum = ds.curricula.get(s.curriculum)
    if not is_stationary(s, curriculum):
        reasons.append(Reason("lunch-not-stationary", "6.12.8, 6.12.9"))
    if curriculum is not None and curriculum.kind == "continuing":
        reasons.append(Reason("lunch-not-initial", "6.12.8"))
    if curriculum is not None and curriculum.level == 5:
        reasons.append(Reason("lunch-level-5", "6.12.9, 3.5.2"))
    elif s.has_secondary_education:
        reasons.append(Reason("lunch-secondary-education", "6.12.8"))
    return reasons


def _practice_dates(ds: Dataset, s: Student, month: str) -> set[date]:
    """Working days of the month inside the student's placements that are under way or done
    (valid, finished) away from school (workplace, abroad); school-based practice eats at school."""
    calendar = calendar_of(month)
    out: set[date] = set()
    placements: list[Placement] = [p for p in ds.placements_of(s.id)
                                   if p.status in ("valid", "finished") and p.kind != "school_based"]
    for p in placements:
        for d in days_of(month):
            if p.start <= d <= p.end and calendar.is_working_day(d):
                out.add(d)
    return out


def lunch_report(ds: Dataset, profile: Profile, month: str) -> LunchReport:
    """Who qualifies (6.12.8, 6.12.9); lunches at school — once each school day, unused ones do
    not carry over (6.12.10); the practice-period support paid to the bank account for the
    placement's days, on the group supervisor's submission signed by the study director
    (6.12.11, 6.12.13). The daily amount is the profile's `lunch_amount_per_day` (set by the
    director's directive, 6.12.10 — the shipped value is illustrative)."""
    first = month_start(month)
    per_day = money(profile.value("lunch_amount_per_day", first))
    per_school_day = profile.value("lunch_per_school_day", first)
    calendar = calendar_of(month)
    days = school_days(ds, month)
    working = [d for d in days_of(month) if calendar.is_working_day(d)]
    rows: list[LunchRow] = []
    for s in sorted(ds.records.get("students", []), key=lambda s: (s.group, s.id)):
        statuses = {status_code(s, d) for d in days_of(month)}
        if not statuses & {"active", "academic_leave", "abroad"}:
            continue  # not a student of the school in this month
        row = LunchRow(s, lunch_qualifies(ds, s))
        practice = _practice_dates(ds, s, month)
        present = [d for d in days if status_code(s, d) == "active" and d not in practice]
        row.practice_days = len([d for d in practice if status_code(s, d) in ("active", "abroad")])
        row.submission = latest([a for a in s.applications if a.kind == "lunch" and a.month == month])
        if not present and not row.practice_days:
            row.notes.append(Reason("lunch-not-at-school", "6.12.10", (("status", sorted(statuses - {"none"})),)))
        if row.qualifies and (row.submission is not None or row.practice_days):
            _practice_support(row, working)
        # Days of practice known only from the submission were school days in the calendar.
        outside = row.paid_days if (row.submission is not None and not row.practice_days) else 0
        row.school_days = max(len(present) - outside, 0)
        record = record_of(s, month)
        if record is not None:
            row.attended = min(record.attended, record.days)
            row.lunches = min(row.attended, row.school_days) * per_school_day
        else:
            row.lunches = row.school_days * per_school_day
        if row.qualifies:
            row.school_amount = per_day * row.lunches
            row.amount = per_day * row.paid_days * per_school_day
        else:
            row.lunches = 0
        if row.payable and not s.iban:
            row.notes.append(Reason("no-iban", "6.12.13"))
        rows.append(row)
    return LunchReport(month, per_day, len(days), rows)


def _practice_support(row: LunchRow, working: list[date]) -> None:
    """6.12.11: the practice period's lunch support, on the group supervisor's submission signed
    by the study director. Days: the submission's, at most the placement's working days in the
    month (or, for practice outside the cluster's placements, the month's working days); without
    a number in the submission, the placement's working days."""
    s, sub = row.student, row.submission
    if sub is None:
        row.paid_days = row.practice_days
        row.notes.append(Reason("lunch-no-submission", "6.12.11"))
        return
    paid = sub.days if sub.days is not None else row.practice_days
    if row.practice_days and paid > row.practice_days:
        row.notes.append(Reason("lunch-days-capped", "6.12.11", (("days", paid), ("placement", row.practice_days))))
        paid = row.practice_days
    elif not row.practice_days:
        possible = len([d for d in working if status_code(s, d) in ("active", "abroad")])
        if paid > possible:
            row.notes.append(Reason("lunch-days-capped-month", "6.12.10", (("days", paid), ("working", possible))))
            paid = possible
        if paid:
            row.notes.append(Reason("lunch-days-from-submission", "6.12.11", (("days", paid),)))
    row.paid_days = paid
    if sub.approved is None:
        row.notes.append(Reason("lunch-not-approved", "6.12.11"))
    else:
        row.payable = paid > 0
