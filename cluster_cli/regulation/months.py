"""Months as the regulation counts them: a month id is ``YYYY-MM`` (the `--month` of the
allowance and grant reports, the month of an application or a school-days record).

One definition of each month helper; `facts.add_months` does the date arithmetic.
"""

from __future__ import annotations

from datetime import date, timedelta

from cluster_cli.regulation.facts import add_months


def month_start(month: str) -> date:
    """The first day of month `YYYY-MM`."""
    return date(int(month[:4]), int(month[5:7]), 1)


def month_end(month: str) -> date:
    """The last day of month `YYYY-MM`."""
    return add_months(month_start(month), 1) - timedelta(days=1)


def month_id(day: date) -> str:
    """The month `YYYY-MM` that contains `day`."""
    return f"{day.year:04d}-{day.month:02d}"


def shift_month(month: str, n: int) -> str:
    """The month `n` months after (`n` < 0: before) `month`."""
    return month_id(add_months(month_start(month), n))


def days_of(month: str) -> list[date]:
    """Every day of the month, in order."""
    first, last = month_start(month), month_end(month)
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def study_year_of(month: str) -> str | None:
    """The study year `YYYY/YYYY` whose allowances are paid in `month`: September–June; July
    and August belong to none."""
    y, m = int(month[:4]), int(month[5:7])
    if m in (7, 8):
        return None
    return f"{y}/{y + 1}" if m >= 9 else f"{y - 1}/{y}"
