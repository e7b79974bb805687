"""Facts derived from a student's record that several rules and reports need.

Ages come from the personal code (isikukood) through python-stdnum, or from the recorded birth
date of a student with a foreign document.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from cluster_cli.model.records import Curriculum, StatusEntry, Student


def birth_date(student_or_code) -> date | None:
    """Birth date from a valid personal code, else the recorded one, else None."""
    code = student_or_code if isinstance(student_or_code, str) else student_or_code.personal_code
    born = _code_birth_date(code) if code else None
    if born is None and isinstance(student_or_code, Student):
        return student_or_code.birth_date
    return born


@lru_cache(maxsize=None)
def _code_birth_date(code: str) -> date | None:
    """The birth date a personal code holds, None when the code is invalid — once per code:
    several rules ask it of every student."""
    from stdnum.ee import ik
    from stdnum.exceptions import ValidationError

    try:
        return ik.get_birth_date(ik.validate(code))
    except (ValidationError, ValueError):
        return None


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def is_minor(student: Student, day: date, adult_age: int) -> bool | None:
    """None when the age cannot be known (no valid code and no birth date)."""
    born = birth_date(student)
    return None if born is None else age_on(born, day) < adult_age


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def study_form(student: Student, curriculum: Curriculum | None) -> str | None:
    """The student's study form, else the curriculum's."""
    return student.study_form or (curriculum.study_form if curriculum else None)


def is_stationary(student: Student, curriculum: Curriculum | None) -> bool:
    """Stationary study (statsionaarne õpe): any study form but non-stationary (Lisa 11 III.1.1,
    Lisa 14 1.2, 6.12.8)."""
    return study_form(student, curriculum) != "non_stationary"


def is_level_education(curriculum: Curriculum | None, vocational_choice_excluded: bool = False) -> bool:
    """Level education (tasemeõpe, Lisa 11 III.1.1, Lisa 12 2.1.3, Lisa 14 1.2): every curriculum
    of levels 2–5 (3.1.2), vocational-choice studies included — 3.2.3 places them in level-2 study.
    A school that reads them out sets `allowances_exclude_vocational_choice` (off by default). An
    unknown curriculum is not held against anyone."""
    if curriculum is None or not vocational_choice_excluded:
        return True
    return curriculum.kind != "vocational_choice"


def has_state_funded_place(student: Student, curriculum: Curriculum | None) -> bool:
    """A state-funded study place (riigieelarvelise õppekoha): the student's own flag, on a
    curriculum that has such places (Lisa 11 III.1.1, Lisa 12 2.1.3, Lisa 14 2.1)."""
    return student.state_funded and (curriculum is None or curriculum.state_funded_places > 0)


def status_on(student: Student, day: date) -> StatusEntry | None:
    """The status entry in force on `day` (the latest that started by then and has not ended)."""
    current = None
    for entry in student.status:
        if entry.start <= day and (entry.end is None or day <= entry.end):
            current = entry
    return current


def abroad_placement_on(placements, day: date):
    """4.12.5 "välismaale õppima (sh praktikale)": going abroad for a placement is going abroad to
    study, so a placement abroad (kind `abroad`, not cancelled) running on `day` counts as
    studying abroad for the study allowance (4.12.6). The earliest such placement, or None."""
    return next((p for p in sorted(placements, key=lambda p: (p.start, p.id))
                 if p.kind == "abroad" and p.status != "cancelled" and p.start <= day <= p.end), None)


def unreturned_leave(student: Student, day: date) -> StatusEntry | None:
    """6.7.10, 6.8.2.5: the academic leave that ended before `day` with nothing recorded after
    it — neither the return to studies nor a removal from the list. None when a status is in
    force on `day` or anything is recorded after the leave."""
    if status_on(student, day) is not None:
        return None
    ended = [e for e in student.status if e.status == "academic_leave" and e.end is not None and e.end < day]
    if not ended:
        return None
    last = max(ended, key=lambda e: e.end)
    if any(e.start > last.end for e in student.status):
        return None
    return last


def leave_days(student: Student, until: date | None = None) -> int:
    """Days of academic leave taken (up to `until`); the study end moves by this much (6.7.6)."""
    total = 0
    for entry in student.status:
        if entry.status != "academic_leave":
            continue
        end = entry.end or until
        if end is None:
            continue
        if until is not None:
            end = min(end, until)
        if end >= entry.start:
            total += (end - entry.start).days + 1
    return total


def study_end(student: Student) -> date:
    """The nominal end extended by the academic leave taken (6.7.6)."""
    return student.nominal_end + timedelta(days=leave_days(student))


def default_period(period_id: str) -> tuple[date, date]:
    """Dates of a study period when the cluster file does not list it: autumn 1 Sep – 31 Jan,
    spring 1 Feb – 30 Jun (the two half-years of 2.43; grant rounds pay Sep–Jan and Feb–Jun)."""
    year, half = int(period_id[:4]), period_id[5:]
    if half == "autumn":
        return date(year, 9, 1), date(year + 1, 1, 31)
    return date(year, 2, 1), date(year, 6, 30)


def period_dates(cluster, period_id: str) -> tuple[date, date]:
    if cluster is not None:
        for p in cluster.periods:
            if p.id == period_id:
                return p.start, p.end
    return default_period(period_id)


def period_containing(cluster, day: date) -> str:
    """The id of the study period that contains `day` (summer counts to the spring before)."""
    if cluster is not None:
        for p in cluster.periods:
            if p.start <= day <= p.end:
                return p.id
    if day.month >= 9:
        return f"{day.year}-autumn"
    if day.month == 1:
        return f"{day.year - 1}-autumn"
    return f"{day.year}-spring"


def last_ended_period(cluster, day: date) -> str:
    """The latest study period that ended before `day`."""
    current = period_containing(cluster, day)
    start, end = period_dates(cluster, current)
    if end < day:
        return current
    year, half = int(current[:4]), current[5:]
    return f"{year}-spring" if half == "autumn" else f"{year - 1}-autumn"


def study_year_start(cluster, year: int) -> date:
    """First day of the study year starting in `year`: the autumn period's start, by default
    1 September or the nearest Monday (4.3.1)."""
    if cluster is not None:
        for p in cluster.periods:
            if p.id == f"{year}-autumn":
                return p.start
    from cluster_cli.regulation.study_year import nearest_monday

    return nearest_monday(date(year, 9, 1))


def admitted_mid_year(cluster, start: date, from_day: str) -> bool:
    """4.1.15, Lisa 1 IV.3: a start during the study year — from `from_day` (the profile's
    `mid_year_admission_from`, "MM-DD") to the end of the study year the start falls in."""
    from cluster_cli.regulation.study_year import month_day

    year = start.year if start >= study_year_start(cluster, start.year) else start.year - 1
    return start >= month_day(from_day, year)
