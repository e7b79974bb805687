"""What the monthly allowances (special, travel, lunch) share: the month's school days, a
student's status and school-days record in a month, and the latest of several applications.

Months are in `regulation/months.py`, money in `regulation/money.py`, reasons in
`regulation/reasons.py`, working days in `regulation/calendar.py`.
"""

from __future__ import annotations

from datetime import date

from cluster_cli.model.dataset import Dataset
from cluster_cli.model.records import Application, Student
from cluster_cli.regulation.facts import status_on
from cluster_cli.regulation.months import days_of, month_start


def calendar_of(month: str):
    """The working-day calendar around `month`."""
    from cluster_cli.regulation.calendar import working_days

    return working_days(month_start(month))


def in_school_holiday(ds: Dataset, day: date) -> bool:
    return any(h.start <= day <= h.end for h in (ds.cluster.school_holidays if ds.cluster else []))


def school_days(ds: Dataset, month: str) -> list[date]:
    """The month's school days: working days (Mon–Fri, not public holidays) outside the school
    holidays of `cluster.yaml`."""
    calendar = calendar_of(month)
    return [d for d in days_of(month) if calendar.is_working_day(d) and not in_school_holiday(ds, d)]


def record_of(s: Student, month: str):
    """The student's school-days record of the month (the last one given), or None."""
    found = [r for r in s.school_days if r.month == month]
    return found[-1] if found else None


def status_code(s: Student, day: date) -> str:
    """The student's status on `day`, "none" outside every status entry."""
    entry = status_on(s, day)
    return entry.status if entry else "none"


def latest(apps: list[Application]) -> Application | None:
    """One application per student and month: the latest submitted replaces earlier ones."""
    return max(apps, key=lambda a: a.submitted) if apps else None
