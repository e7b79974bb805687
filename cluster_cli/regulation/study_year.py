"""The study year (õppeaasta) and its two study periods (õppeperioodid), from the profile.

4.3.1: the study year starts on 1 September or the Monday nearest to it and ends on 31 August or
the working day before it; 2.43: a study period is a half-year of the study year, set in the
school's study schedule (4.3.3). The days are the profile's `study_year_start`, `study_year_end`
and `study_periods` (month-day values, `"09-01"`), read as in force on the nominal first day of
the study year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class StudyPeriod:
    id: str  # `2026-autumn`, `2027-spring`
    start: date
    end: date


@dataclass(frozen=True)
class StudyYear:
    first_year: int  # 2026 for the study year 2026/2027
    start: date
    end: date
    periods: tuple[StudyPeriod, ...]

    @property
    def label(self) -> str:
        return f"{self.first_year}/{self.first_year + 1}"


def month_day(value: str, year: int) -> date:
    """`"09-01"` in `year`; ValueError for anything else."""
    month, _, day = str(value).partition("-")
    return date(year, int(month), int(day))


def nearest_monday(day: date) -> date:
    """`day` when it is a Monday, else the Monday nearest to it (4.3.1): Tuesday–Thursday go back,
    Friday–Sunday go forward."""
    back = day.weekday()
    return day - timedelta(days=back) if back <= 3 else day + timedelta(days=7 - back)


def study_year(profile, first_year: int) -> StudyYear:
    """The study year `first_year`/`first_year + 1` with its autumn and spring periods (once a
    profile: the rules ask it of every file they check)."""
    derived = getattr(profile, "derived", None)
    if derived is None:
        return _study_year(profile, first_year)
    key = ("study_year", first_year)
    if key not in derived:
        derived[key] = _study_year(profile, first_year)
    return derived[key]


def _study_year(profile, first_year: int) -> StudyYear:
    from cluster_cli.regulation.calendar import working_days

    nominal = month_day(profile.value("study_year_start", date(first_year, 9, 1)), first_year)
    start = nearest_monday(nominal)
    last = month_day(profile.value("study_year_end", nominal), first_year + 1)
    end = working_days(last).on_or_before(last)
    halves = profile.value("study_periods", nominal)
    spring_start = month_day(halves["spring_start"], first_year + 1)
    spring_end = month_day(halves["spring_end"], first_year + 1)
    periods = (
        StudyPeriod(f"{first_year}-autumn", start, spring_start - timedelta(days=1)),
        StudyPeriod(f"{first_year + 1}-spring", spring_start, min(spring_end, end)),
    )
    return StudyYear(first_year, start, end, periods)


def current_first_year(profile, today: date) -> int:
    """The first calendar year of the study year `today` belongs to: the one that has started."""
    return today.year if today >= study_year(profile, today.year).start else today.year - 1
