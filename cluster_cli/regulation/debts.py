"""The debt engine: a student's study debts (õppevõlgnevused) and their state on a date.

- A debt arises from a negative result (2, MA) or undone work (X) in an assessment, period,
  topic, module, final, practice or independent-work result (2.1, 2.44, 6.2). Prior-learning
  decisions (VÕTA) are not debts.
- Consecutive negative results of the same module and topic are one debt (a failed re-sit does
  not restart the clock); a later positive result of the same module and topic clears it, as
  does an explicit `cleared` date on the record.
- An X still not done 14 days after it was recorded counts as a "2" (4.6.4.8, Lisa 3 II.24);
  from then on it is an *accounting* debt (arvestuslik võlgnevus, 2.1), as every negative result
  is — except that of an assessment marked `graded: false` (an ordinary test, not an arvestuslik
  hinne): a debt still, but not an accounting one.
- The student must agree the re-sit within 10 working days and clear the debt within 3 weeks
  of the day it arose (6.2.2); otherwise it is *expired* (aegunud).

Only records dated on or before the as-of date are taken into account, so that a report for a
past date is reproducible from today's data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from cluster_cli.model.grades import NEGATIVE
from cluster_cli.model.records import Grade, Student
from cluster_cli.regulation.calendar import WorkingDays

DEBT_KINDS = frozenset({"assessment", "period", "module", "final", "independent", "practice", "year_end"})

OPEN, AGREEMENT_OVERDUE, EXPIRED, CLEARED = "open", "agreement_overdue", "expired", "cleared"


@dataclass(frozen=True)
class Debt:
    module: str
    topic: str | None
    kind: str
    grade: str
    arose: date
    agree_by: date
    clear_by: date
    resit_agreed: date | None
    cleared_on: date | None
    fail_from: date | None
    accounting: bool
    state: str
    attempts: int
    grade_index: int

    @property
    def is_open(self) -> bool:
        return self.state != CLEARED

    def open_on(self, day: date) -> bool:
        """Was (or, for a day after the as-of date, is still expected to be) open on `day`."""
        return self.arose <= day and (self.cleared_on is None or self.cleared_on > day)

    @property
    def expired_on(self) -> date:
        return self.clear_by + timedelta(days=1)


@dataclass(frozen=True)
class DebtRules:
    """The numbers of 6.2.2 and 4.6.4.8, read once from the profile for the as-of date."""

    agreement_working_days: int
    clearing_days: int
    x_fail_days: int

    @classmethod
    def from_profile(cls, profile, on: date) -> "DebtRules":
        return cls(
            profile.value("debt_agreement_working_days", on),
            profile.value("debt_clearing_days", on),
            profile.value("x_becomes_fail_days", on),
        )


def student_debts(student: Student, as_of: date, rules: DebtRules, calendar: WorkingDays) -> list[Debt]:
    """Every debt of the student up to `as_of`, in the order they arose."""
    runs: dict[tuple[str, str | None], list] = {}
    finished: list[Debt] = []
    relevant = [(g.date, i, g) for i, g in enumerate(student.grades) if g.date <= as_of and g.kind in DEBT_KINDS]
    relevant.sort(key=lambda x: (x[0], x[1]))
    for _, index, grade in relevant:
        key = (grade.module, grade.topic)
        run = runs.get(key)
        if grade.value in NEGATIVE:
            if run is None:
                runs[key] = [index, grade, [grade]]
            else:
                run[2].append(grade)
        elif run is not None:
            finished.append(_debt(run, grade.date, as_of, rules, calendar))
            del runs[key]
    finished.extend(_debt(run, None, as_of, rules, calendar) for run in runs.values())
    finished.sort(key=lambda d: (d.arose, d.grade_index))
    return finished


def arose_on(student: Student) -> dict[int, date]:
    """For every negative debt-kind grade (by its index in `student.grades`), the day the debt it
    belongs to arose: the first negative result of its run of the same module and topic, as
    `student_debts` groups them (a failed re-sit does not restart the clock). All records count,
    whatever their date: `validate` checks the data's own consistency."""
    start: dict[tuple[str, str | None], date] = {}
    out: dict[int, date] = {}
    # by date, then index: the index is unique, so the grades themselves are never compared
    ordered = sorted((g.date, i, g) for i, g in enumerate(student.grades) if g.kind in DEBT_KINDS)
    for _, index, grade in ordered:
        key = (grade.module, grade.topic)
        if grade.value in NEGATIVE:
            out[index] = start.setdefault(key, grade.date)
        else:
            start.pop(key, None)
    return out


def _debt(run: list, positive_on: date | None, as_of: date, rules: DebtRules, calendar: WorkingDays) -> Debt:
    index, first, grades = run
    first: Grade
    explicit = [g.cleared for g in grades if g.cleared is not None and g.cleared <= as_of]
    cleared_on = min([d for d in (positive_on, *explicit) if d is not None], default=None)
    agreed = [g.resit_agreed for g in grades if g.resit_agreed is not None and g.resit_agreed <= as_of]
    resit_agreed = min(agreed, default=None)
    arose = first.date
    agree_by = calendar.add(arose, rules.agreement_working_days)
    clear_by = calendar.deadline(arose, rules.clearing_days)
    fail_from = None
    # 2.1: only a graded (arvestuslik) assessment's negative result is an accounting debt; every
    # other debt kind (period, module, final, independent topic, …) always is.
    graded = first.graded or first.kind != "assessment"
    accounting = graded and any(g.value != "X" for g in grades)
    if first.value == "X":
        # 4.6.4.8 "2 nädala jooksul": the two weeks include day D + 14, so an X recorded on D
        # counts as a 2 from D + 15 — counted as 6.2.2's three weeks are (clear by D + 21).
        fail_from = arose + timedelta(days=rules.x_fail_days + 1)
        if graded and fail_from <= as_of and (cleared_on is None or cleared_on >= fail_from):
            accounting = True
    if cleared_on is not None:
        state = CLEARED
    elif as_of > clear_by:
        state = EXPIRED
    elif resit_agreed is None and as_of > agree_by:
        state = AGREEMENT_OVERDUE
    else:
        state = OPEN
    return Debt(
        module=first.module,
        topic=first.topic,
        kind=first.kind,
        grade=first.value,
        arose=arose,
        agree_by=agree_by,
        clear_by=clear_by,
        resit_agreed=resit_agreed,
        cleared_on=cleared_on,
        fail_from=fail_from,
        accounting=accounting,
        state=state,
        attempts=len(grades),
        grade_index=index,
    )


def calendar_for(students, as_of: date) -> WorkingDays:
    """A working-day calendar spanning every grade date of `students` and the as-of date."""
    from cluster_cli.regulation.calendar import working_days

    first = min(min((g.date for s in students for g in s.grades), default=as_of), as_of)
    # from the start of a five-year block: the students checked one at a time (`open-debts`)
    # then share a calendar or two — a day's working days are the same in any calendar covering it
    return working_days(date((first.year - 1) // 5 * 5 + 1, 1, 1), as_of)
