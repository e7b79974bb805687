"""The year-end transfer outlook (6.3, 6.7.6) of `cluster debts`: would the student move to the
next course if the study year ended on the as-of date?

- 6.3 speaks of the transfer to the *next* course: a student in the curriculum's last course has
  none — the final exam (4.13, Lisa 4 3.2) follows instead (`reports/debts.py:_final_exam`).
- 6.7.6: no transfer while on academic leave, unless the curriculum is fulfilled ("v.a õppekava
  täitmisel") — read as the course's modules all passed and no open accounting debt.
- 6.3.1, 6.3.4: otherwise no transfer with accounting debts, except conditionally when at most
  20 % of the year's volume is unfulfilled.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from cluster_cli.model.grades import POSITIVE
from cluster_cli.model.records import Curriculum, Student
from cluster_cli.regulation.calendar import WorkingDays
from cluster_cli.regulation.debts import Debt
from cluster_cli.regulation.facts import add_months, status_on, study_year_start
from cluster_cli.regulation.money import EKAP_TENTH, round_to
from cluster_cli.regulation.profile import Profile

# Summary results that pass a module (as for the final exam's admission, Lisa 4 3.2).
PASSING_KINDS = ("module", "final", "prior_learning", "practice")


@dataclass
class Transfer:
    """Year-end transfer outlook (6.3.1, 6.3.4, 6.7.6) if the year ended on the as-of date.

    status: full | conditional | none | leave (on academic leave, course not fulfilled, 6.7.6) |
    last_course (no next course: the final exam follows, 4.13, Lisa 4 3.2)."""

    status: str
    unfulfilled_ekap: Decimal
    year_ekap: Decimal
    clear_by: date | None
    leave_since: date | None = None
    not_passed: tuple[str, ...] = ()  # the course's modules without a passing result (6.7.6)


def is_last_course(s: Student, curriculum: Curriculum | None) -> bool:
    """The student's course is the curriculum's last (its nominal years, rounded up)."""
    return curriculum is not None and s.course >= math.ceil(curriculum.nominal_years)


def transfer_outlook(ds, s: Student, curriculum: Curriculum | None, debts: list[Debt], as_of: date,
                     profile: Profile, calendar: WorkingDays) -> Transfer:
    """6.3, 6.7.6, 6.3.1, 6.3.4 (see the module's docstring). The conditional transferee clears
    the debts in the first month of the new year, or within three weeks of returning from a
    placement that runs at the year's start.

    A module without a `year` runs through the whole curriculum: one year's part of it is its
    volume over the nominal years, both in the year's volume and in what a debt leaves undone."""
    year_ekap = Decimal(profile.value("study_year_ekap", as_of))
    per_year: dict[str, Decimal] = {}
    if curriculum is not None:
        years = Decimal(max(1, math.ceil(curriculum.nominal_years)))
        per_year = {m.id: m.ekap if m.year else round_to(m.ekap / years, EKAP_TENTH) for m in curriculum.modules}
        of_year = [per_year[m.id] for m in curriculum.modules if m.year in (s.course, None)]
        if of_year:
            year_ekap = sum(of_year, Decimal(0))
    owing = {d.module for d in debts if d.is_open and d.accounting}
    unfulfilled = sum((per_year[m] for m in owing if m in per_year), Decimal(0))
    if is_last_course(s, curriculum):
        return Transfer("last_course", unfulfilled, year_ekap, None)
    status = status_on(s, as_of)
    if status is not None and status.status == "academic_leave":
        not_passed = _not_passed(s, curriculum, as_of)
        if owing or not_passed or curriculum is None:
            return Transfer("leave", unfulfilled, year_ekap, None, status.start, not_passed)
    if not owing:
        return Transfer("full", Decimal(0), year_ekap, None)
    limit = profile.value("transfer_max_unfulfilled_share", as_of)
    if Fraction(unfulfilled) > Fraction(year_ekap) * limit:
        return Transfer("none", unfulfilled, year_ekap, None)
    year = as_of.year if as_of >= study_year_start(ds.cluster, as_of.year) else as_of.year - 1
    new_year = study_year_start(ds.cluster, year + 1)
    clear_by = add_months(new_year, 1) - timedelta(days=1)
    for placement in ds.placements_of(s.id):
        if placement.status != "cancelled" and placement.start <= new_year <= placement.end:
            clear_by = calendar.deadline(placement.end, profile.value("transfer_clearing_days_after_practice", as_of))
    return Transfer("conditional", unfulfilled, year_ekap, clear_by)


def _not_passed(s: Student, curriculum: Curriculum | None, as_of: date) -> tuple[str, ...]:
    """6.7.6 "õppekava täitmisel": the modules of the student's course (those with `year` equal
    to the course) that have no passing summary result by the as-of date. A course with no
    modules of its own cannot be shown fulfilled, so all of the curriculum's modules count."""
    if curriculum is None:
        return ()
    mine = [m.id for m in curriculum.modules if m.year == s.course] or [m.id for m in curriculum.modules]
    done = {g.module for g in s.grades if g.date <= as_of and g.value in POSITIVE and g.kind in PASSING_KINDS}
    return tuple(sorted(m for m in mine if m not in done))
