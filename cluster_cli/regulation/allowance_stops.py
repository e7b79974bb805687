"""A recorded stop of a student's allowance (6.9.2.5, 6.1.10.2; Lisa 11 V.6, VII.1; Lisa 12 4.2):
an influence measure `allowance_stop` in the student's `measures`, decided by directive on the
allowance committee's proposal.

- Lisa 11 V.6, 6.1.10.2: for a material breach of duties the payment stops from the month after
  the decision.
- Lisa 11 VII.1: a student who had no right and knew or should have known (`ineligible: true`)
  is stopped at once — no payment for the month of the decision — and may not apply in that
  study year or the next.
- Lisa 12 4.2: a special allowance (`allowance: special`) is stopped at once, whether the student
  had no right or misused it.
"""

from __future__ import annotations

from datetime import date

from cluster_cli.model.records import Measure, Student


def _stops(s: Student, allowance: str) -> list[Measure]:
    return [m for m in s.measures if m.kind == "allowance_stop" and (m.allowance or "basic") == allowance]


def basic_stop(s: Student, month_first: date) -> Measure | None:
    """The basic-allowance stop in force for the month starting `month_first`: an ordinary stop
    decided before that month, an ineligibility stop (VII.1) decided in or before it."""
    for m in sorted(_stops(s, "basic"), key=lambda m: m.date):
        if (m.date.replace(day=1) <= month_first) if m.ineligible else (m.date < month_first):
            return m
    return None


def basic_barred(s: Student, first_year: int, decided_by: date, year_of) -> Measure | None:
    """Lisa 11 VII.1: an ineligibility stop decided by `decided_by` in the study year
    `first_year` or the one before bars the student from the round. `year_of(day)` gives the
    first calendar year of the study year a day belongs to."""
    for m in _stops(s, "basic"):
        if m.ineligible and m.date <= decided_by and year_of(m.date) in (first_year, first_year - 1):
            return m
    return None


def special_stop(s: Student, day: date) -> Measure | None:
    """Lisa 12 4.2: a special-allowance stop decided on or before `day` (the month's decision day)."""
    return next((m for m in sorted(_stops(s, "special"), key=lambda m: m.date) if m.date <= day), None)
