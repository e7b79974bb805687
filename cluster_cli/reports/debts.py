"""The study-debt and attendance report (`cluster debts`): who owes what, by when, and what
the regulation says must happen now.

A pure function of (dataset, profile, as-of date) → `DebtReport`. Actions carry their clause;
every number comes from the profile. Students who are studying on the as-of date (active, on
academic leave or abroad) are reported, and so is a student whose academic leave has ended with
no return recorded (6.7.10, 6.8.2.5) — flagged, with their debts, until the data says what
happened.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from cluster_cli.i18n import Period
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.grades import POSITIVE
from cluster_cli.model.records import Attendance, Curriculum, Student
from cluster_cli.regulation.attendance import Counted, counted
from cluster_cli.regulation.calendar import WorkingDays
from cluster_cli.regulation.debts import (
    AGREEMENT_OVERDUE,
    EXPIRED,
    OPEN,
    Debt,
    DebtRules,
    calendar_for,
    student_debts,
)
from cluster_cli.regulation.facts import (
    is_minor,
    last_ended_period,
    period_containing,
    period_dates,
    status_on,
    unreturned_leave,
)
from cluster_cli.regulation.profile import Profile
from cluster_cli.reports.transfer import Transfer, transfer_outlook

STUDYING = ("active", "academic_leave", "abroad")

# Urgency: 1 = a decision on the student's place in school; 2 = act this week; 3 = notify
# or remind; 4 = plan. Within one urgency the earliest due date comes first.
URGENCY = {
    "expulsion-debts": 1,
    "expulsion-absences": 1,
    "leave-no-return-expulsion": 1,
    "half-year-unsatisfactory": 1,
    "round-table": 2,
    "leave-no-return": 2,
    "placement-blocked": 2,
    "final-exam-no-attempts": 2,
    "agreement-overdue": 3,
    "notify-parent": 3,
    "notify-director": 3,
    "reprimand": 3,
    "attendance-duty": 3,
    "practice-absences": 3,
    "clear-debts": 4,
    "transfer-none": 4,
    "transfer-conditional": 4,
    "transfer-leave": 4,
    "no-representation": 4,
    "final-exam-not-admitted": 4,
}


@dataclass(frozen=True)
class Action:
    code: str
    clause: str
    due: date | None
    args: tuple[tuple[str, Any], ...] = ()

    @property
    def urgency(self) -> int:
        return URGENCY[self.code]


@dataclass
class AttendanceRow:
    period: Period
    lessons: int
    unexcused: int
    late: int
    excused: int
    rate: Fraction | None
    below_duty: bool
    reasons_notified: bool
    practice: int = 0
    """Lessons on placement days counted as practice (a valid or finished contract)."""
    not_valid: tuple[str, ...] = ()
    """Placements in the period whose contract is not valid: their lessons stay absences."""
    kept: int = 0
    """Lessons on placement days that stay absences."""


@dataclass
class FinalExam:
    admitted: bool
    missing_modules: list[str]
    vocational_debts: int
    attempts_used: int
    attempts_left: int
    passed: bool


@dataclass
class StudentReport:
    student: Student
    debts: list[Debt]
    attendance: list[AttendanceRow]
    transfer: Transfer
    final_exam: FinalExam | None
    actions: list[Action] = field(default_factory=list)


@dataclass
class GroupSummary:
    group: str
    students: int
    with_debts: int
    open: int
    overdue: int
    expired: int
    actions: int


@dataclass
class DebtReport:
    as_of: date
    students: list[StudentReport]
    groups: list[GroupSummary]

    def all_actions(self) -> list[tuple[StudentReport, Action]]:
        pairs = [(s, a) for s in self.students for a in s.actions]
        pairs.sort(key=lambda p: (p[1].urgency, p[1].due or date.max, p[0].student.group, p[0].student.id, p[1].code))
        return pairs


def debt_report(
    ds: Dataset,
    profile: Profile,
    as_of: date,
    group: str | None = None,
    student: str | None = None,
) -> DebtReport:
    chosen = [
        s
        for s in ds.records.get("students", [])
        if (group is None or s.group == group) and (student is None or s.id == student)
        and (_studying(s, as_of) or unreturned_leave(s, as_of) is not None)
    ]
    rules = DebtRules.from_profile(profile, as_of)
    calendar = calendar_for(chosen, as_of)
    reports = []
    for s in chosen:
        reports.append(_student_report(ds, profile, s, as_of, rules, calendar))
    reports.sort(key=lambda r: (r.student.group, r.student.id))
    groups = _summaries(reports)
    shown = [r for r in reports if r.debts or r.actions]
    return DebtReport(as_of, shown, groups)


def _studying(s: Student, day: date) -> bool:
    status = status_on(s, day)
    return status is not None and status.status in STUDYING


def _student_report(ds: Dataset, profile: Profile, s: Student, as_of: date, rules: DebtRules,
                    calendar: WorkingDays) -> StudentReport:
    p = lambda name: profile.value(name, as_of)  # noqa: E731 - a local shorthand
    debts = student_debts(s, as_of, rules, calendar)
    curriculum = ds.curricula.get(s.curriculum)
    placements = ds.placements_of(s.id)
    attendance = [_attendance_row(counted(ds.cluster, a, placements), a, p("attendance_min_share"))
                  for a in sorted(s.attendance, key=lambda a: period_dates(ds.cluster, a.period))]  # by start
    transfer = transfer_outlook(ds, s, curriculum, debts, as_of, profile, calendar)
    final = _final_exam(s, curriculum, debts, as_of, profile)
    report = StudentReport(s, debts, attendance, transfer, final)
    add = report.actions.append

    _leave_return_action(s, as_of, profile, calendar, add)
    expired = [d for d in debts if d.state == EXPIRED]
    overdue = [d for d in debts if d.state == AGREEMENT_OVERDUE]
    open_ = [d for d in debts if d.state in (OPEN, AGREEMENT_OVERDUE)]
    if expired:
        add(Action("round-table", "6.2.2", min(d.expired_on for d in expired),
                   (("count", len(expired)), ("modules", _modules(expired)))))
    expired_accounting = [d for d in expired if d.accounting]
    if len(expired_accounting) >= p("expired_debts_expulsion"):
        add(Action("expulsion-debts", profile.clause("expired_debts_expulsion"), None,
                   (("count", len(expired_accounting)), ("limit", p("expired_debts_expulsion")))))
    if overdue:
        add(Action("agreement-overdue", "6.2.2", min(d.agree_by for d in overdue),
                   (("count", len(overdue)), ("modules", _modules(overdue)))))
    if open_:
        # 5.3.1.1: the student's duty to fulfil the curriculum and the study tasks 100 % — an
        # open debt is a task not yet fulfilled.
        add(Action("clear-debts", "6.2.2, 5.3.1.1", min(d.clear_by for d in open_),
                   (("count", len(open_)), ("modules", _modules(open_)),
                    ("date", min(d.clear_by for d in open_)))))
    if s.student_council and expired:
        add(Action("no-representation", "6.11.5", None, ()))
    for placement in ds.placements_of(s.id):
        if placement.status not in ("draft", "review", "valid") or placement.end < as_of:
            continue
        day = min(placement.start, as_of)
        blocking = [d for d in debts if d.open_on(day)]
        if blocking:
            add(Action("placement-blocked", "6.2.3, Lisa 7 8.2", placement.start,
                       (("placement", placement.id), ("start", placement.start),
                        ("modules", _modules(blocking)), ("override", placement.debt_override is not None))))
    _attendance_actions(ds, s, as_of, profile, attendance, add)
    _half_year_action(ds, s, as_of, profile, add)
    if transfer.status == "leave":
        add(Action("transfer-leave", "6.7.6", None,
                   (("since", transfer.leave_since), ("modules", list(transfer.not_passed) or "—"),
                    ("debts", _modules([d for d in debts if d.is_open and d.accounting]) or "—"))))
    elif transfer.status in ("conditional", "none"):
        code = "transfer-conditional" if transfer.status == "conditional" else "transfer-none"
        add(Action(code, "6.3.1, 6.3.4", transfer.clear_by,
                   (("unfulfilled", transfer.unfulfilled_ekap), ("year", transfer.year_ekap),
                    ("limit", p("transfer_max_unfulfilled_share")),
                    ("date", transfer.clear_by if transfer.clear_by else ""))))
    if final is not None and not final.passed:
        if final.attempts_left == 0:
            add(Action("final-exam-no-attempts", "Lisa 4 3.4, 4.5", None, (("used", final.attempts_used),)))
        elif not final.admitted:
            add(Action("final-exam-not-admitted", "Lisa 4 3.2, 4.13.5", None,
                       (("missing", final.missing_modules), ("debts", final.vocational_debts),
                        ("left", final.attempts_left))))
    report.actions.sort(key=lambda a: (a.urgency, a.due or date.max, a.code))
    return report


def _leave_return_action(s: Student, as_of: date, profile: Profile, calendar: WorkingDays, add) -> None:
    """6.7.10, 6.8.2.5: a leave ended and no return (or removal) is recorded. A student not back
    within one week of the leave's end is expelled on the group supervisor's proposal (6.7.10);
    6.8.2.5 says two weeks — the source contradicts itself, so both deadlines are given, each a
    term of calendar days that moves to the next working day when it ends on a rest day (TsÜS
    § 136 (6)). Until the first deadline: record the return; after it: the proposal."""
    leave = unreturned_leave(s, as_of)
    if leave is None:
        return
    back_by = calendar.deadline(leave.end, profile.value("leave_return_days", leave.end))
    latest = calendar.deadline(leave.end, profile.value("leave_return_days_expulsion", leave.end))
    clause = f"{profile.clause('leave_return_days')}, {profile.clause('leave_return_days_expulsion')}"
    args = (("end", leave.end), ("back_by", back_by), ("latest", latest))
    if as_of <= back_by:
        add(Action("leave-no-return", clause, back_by, args))
    else:
        add(Action("leave-no-return-expulsion", clause, latest, args))


def _modules(debts: list[Debt]) -> list[str]:
    return sorted({d.module + (f"/{d.topic}" if d.topic else "") for d in debts})


def _attendance_row(c: Counted, a: Attendance, minimum: Fraction) -> AttendanceRow:
    """The period's figures with lessons on placement days counted as practice where the
    contract is valid (`regulation/attendance.py`)."""
    rate = c.rate
    return AttendanceRow(Period(a.period), c.lessons, c.unexcused, c.late, c.excused, rate,
                         rate is not None and rate < minimum, a.reasons_notified, c.practice, c.not_valid, c.kept)


def _attendance_actions(ds, s: Student, as_of: date, profile: Profile, rows: list[AttendanceRow], add) -> None:
    """6.1.8, 6.1.10 and 5.3.1.1 for the current study period's attendance record, and for the
    period just ended through the week after it (6.2.1: "Kokkuvõte eelneva õppeperioodi
    õppevõlgnevustest tehakse üldjuhul sellele järgneva nädala jooksul"); 6.1.9 counts every
    unexcused lesson so far, with no period window ("20 või rohkem õppetundi")."""
    p = lambda name: profile.value(name, as_of)  # noqa: E731
    minor = is_minor(s, as_of, p("adult_age"))
    windows = [period_containing(ds.cluster, as_of)]
    ended = last_ended_period(ds.cluster, as_of)
    if ended != windows[0] and as_of <= period_dates(ds.cluster, ended)[1] + timedelta(days=p("debts_summary_days")):
        windows.insert(0, ended)
    for row in (r for r in rows if r.period in windows):
        args = (("period", row.period), ("unexcused", row.unexcused))
        if minor and row.unexcused > 0:
            add(Action("notify-parent", "6.1.8", None, args + (("guardian", s.guardian.name if s.guardian else "—"),)))
        if row.unexcused > p("unexcused_reprimand"):
            add(Action("reprimand", "6.1.10.1, 6.1.10.2", None, args + (("limit", p("unexcused_reprimand")),)))
        if row.unexcused > p("unexcused_expulsion") and not row.reasons_notified:
            add(Action("expulsion-absences", profile.clause("unexcused_expulsion"), None,
                       args + (("limit", p("unexcused_expulsion")),)))
        if row.kept and row.not_valid:
            add(Action("practice-absences", "4.11.5, Lisa 7 1.4", None,
                       (("period", row.period), ("lessons", row.kept), ("placements", list(row.not_valid)))))
        if row.below_duty:
            add(Action("attendance-duty", profile.clause("attendance_min_share"), None,
                       args + (("rate", row.rate), ("need", p("attendance_min_share")))))
    so_far = sorted((r for r in rows if period_dates(ds.cluster, r.period)[0] <= as_of),
                    key=lambda r: period_dates(ds.cluster, r.period)[0])
    total = sum(r.unexcused for r in so_far)
    if minor and total >= p("unexcused_director_notice"):
        periods = tuple(r.period for r in so_far if r.unexcused)
        add(Action("notify-director", profile.clause("unexcused_director_notice"), None,
                   (("period", periods), ("unexcused", total))))


def _half_year_action(ds, s: Student, as_of: date, profile: Profile, add) -> None:
    """6.8.5: at the end of a half-year, unsatisfactory results in ≥ 50 % of the assessed
    subjects. Judged on the summary results (period, module, final) of the last ended period,
    the last result per module counting."""
    period = last_ended_period(ds.cluster, as_of)
    start, end = period_dates(ds.cluster, period)
    last: dict[str, str] = {}
    summary = ("period", "year_end", "module", "final")
    for g in sorted((g for g in s.grades if start <= g.date <= end and g.kind in summary), key=lambda g: g.date):
        last[g.module] = g.value
    if not last:
        return
    bad = sorted(m for m, v in last.items() if v not in POSITIVE)
    share = Fraction(len(bad), len(last))
    need = profile.value("unsatisfactory_share_expulsion", as_of)
    if share >= need:
        add(Action("half-year-unsatisfactory", profile.clause("unsatisfactory_share_expulsion"), None,
                   (("period", Period(period)), ("bad", len(bad)), ("assessed", len(last)), ("modules", bad))))


def _final_exam(s: Student, curriculum: Curriculum | None, debts: list[Debt], as_of: date,
                profile: Profile) -> FinalExam | None:
    """Lisa 4 3.2: admission needs the curriculum completed except the exam; 4.13.5: generally
    no debts in vocational (core) studies; Lisa 4 3.4: three attempts; 4.5: a no-show fails one.
    Reported for students in their curriculum's last year only."""
    if curriculum is None or s.course < math.ceil(curriculum.nominal_years):
        return None
    exams = [m for m in curriculum.modules if m.final_exam]
    if not exams:
        return None
    exam_ids = {m.id for m in exams}
    done = {g.module for g in s.grades if g.date <= as_of and g.value in POSITIVE
            and g.kind in ("module", "final", "prior_learning", "practice")}
    missing = sorted(m.id for m in curriculum.modules if m.id not in exam_ids and m.id not in done)
    core = {m.id for m in curriculum.modules if m.type == "core"}
    vocational = sum(1 for d in debts if d.is_open and d.module in core and d.module not in exam_ids)
    attempts = [g for g in s.grades if g.module in exam_ids and g.kind == "final" and g.date <= as_of]
    passed = any(g.value in POSITIVE for g in attempts)
    used = sum(1 for g in attempts if g.value not in POSITIVE or g.no_show)
    allowed = profile.value("final_exam_attempts", as_of)
    return FinalExam(not missing and vocational == 0, missing, vocational, used, max(allowed - used, 0), passed)


def _summaries(reports: list[StudentReport]) -> list[GroupSummary]:
    by_group: dict[str, list[StudentReport]] = defaultdict(list)
    for r in reports:
        by_group[r.student.group].append(r)
    out = []
    for group in sorted(by_group):
        rs = by_group[group]
        out.append(GroupSummary(
            group=group,
            students=len(rs),
            with_debts=sum(1 for r in rs if any(d.is_open for d in r.debts)),
            open=sum(1 for r in rs for d in r.debts if d.state in (OPEN, AGREEMENT_OVERDUE)),
            overdue=sum(1 for r in rs for d in r.debts if d.state == AGREEMENT_OVERDUE),
            expired=sum(1 for r in rs for d in r.debts if d.state == EXPIRED),
            actions=sum(len(r.actions) for r in rs),
        ))
    return out
