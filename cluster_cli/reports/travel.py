"""Travel compensation: by bus (Lisa 14) and by car (Lisa 13).

A pure function of (dataset, profile, month). `--month M` is the payment run of month M — the
bus reports of the journeys of month M−1 (due by the 5th of M, paid by the 25th of M, Lisa 14
3.4, 3.6) and the car applications submitted in M (for M or the month before, Lisa 13 3.3; paid
with the special-allowance cycle, Lisa 13 1). Money is `Decimal` euros (`regulation/money.py`):
0.06 €/km × km is rounded half up to the cent; every claim carries its reasons.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from cluster_cli.i18n import Month
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.records import Application, Student
from cluster_cli.regulation.facts import has_state_funded_place, is_level_education, is_stationary
from cluster_cli.regulation.money import RATE_TIMES_QUANTITY, ZERO, money, round_cents
from cluster_cli.regulation.months import days_of, month_end, month_id, month_start, shift_month
from cluster_cli.regulation.profile import Profile
from cluster_cli.regulation.reasons import Reason
from cluster_cli.reports.allowance_common import (
    calendar_of,
    in_school_holiday,
    latest,
    record_of,
    school_days,
    status_code,
)


@dataclass
class JourneyLine:
    date: date
    cost: Decimal | None
    km: Decimal | None
    holiday: bool
    accepted: bool = False
    reason: Reason | None = None


@dataclass
class TravelClaim:
    student: Student
    application: Application
    mode: str  # bus | car
    for_month: str  # the month the journeys were made
    category: str  # dormitory_lower | dormitory_higher | commuter | car
    clause: str
    allowed: int | None = None  # round trips the rules allow in the month (bus)
    allowed_detail: tuple[tuple[str, Any], ...] = ()
    journeys: list[JourneyLine] = field(default_factory=list)
    km: Decimal = ZERO
    computed: Decimal = ZERO  # before the fuel-receipt cap (car)
    receipts: Decimal = ZERO
    amount: Decimal = ZERO
    due: date | None = None  # the report's deadline (bus) or the application month (car)
    pay_by: date | None = None
    reasons: list[Reason] = field(default_factory=list)  # the whole claim refused
    notes: list[Reason] = field(default_factory=list)

    @property
    def payable(self) -> bool:
        return not self.reasons and self.amount > 0

    @property
    def accepted_trips(self) -> int:
        """Round trips compensated: none when the whole claim is refused."""
        return 0 if self.reasons else sum(1 for j in self.journeys if j.accepted)


@dataclass
class TravelReport:
    month: str  # the payment run
    bus_month: str  # the month of the bus journeys paid in this run
    report_due: date
    bus_pay_by: date
    car_pay_by: date
    claims: list[TravelClaim]

    @property
    def total(self) -> Decimal:
        return sum((c.amount for c in self.claims if c.payable), ZERO)


def holiday_occasions(ds: Dataset, month: str) -> int:
    """Occasions for a dormitory student's trip home (Lisa 14 2.2, 2.3 "riigipühadeks ja
    koolivaheajaks"): each school holiday that overlaps the month, and each run of consecutive
    rest days in the month that holds a public holiday on a weekday and lies outside the school
    holidays."""
    calendar = calendar_of(month)
    first, last = month_start(month), month_end(month)
    count = sum(1 for h in (ds.cluster.school_holidays if ds.cluster else []) if h.start <= last and h.end >= first)
    in_run = False
    for day in days_of(month):
        rest = not calendar.is_working_day(day)
        if rest and not in_run:
            run, in_run = [], True
        if rest:
            run.append(day)
        if in_run and (not rest or day == last):
            in_run = False
            if any(d.weekday() < 5 for d in run) and not any(in_school_holiday(ds, d) for d in run):
                count += 1
    return count


def _settlement_key(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _settlement_reasons(ds: Dataset, s: Student, clause: str, missing_clause: str) -> list[Reason]:
    school = ds.members.get(s.school)
    if not s.home_settlement:
        return [Reason("home-settlement-missing", missing_clause)]
    if school is None or not school.settlement:
        return [Reason("school-settlement-missing", clause, (("school", s.school),))]
    if _settlement_key(s.home_settlement) == _settlement_key(school.settlement):
        return [Reason("same-settlement", clause, (("settlement", school.settlement),))]
    return []


def _bus_category(ds: Dataset, s: Student) -> tuple[str, str]:
    """Lisa 14 2.2: in the dormitory, level 2–3 or vocational secondary; 2.3: in the dormitory,
    level 4 (not vocational secondary) or 5; 2.4: travels daily."""
    curriculum = ds.curricula.get(s.curriculum)
    if not s.dormitory:
        return "commuter", "Lisa 14 2.4"
    if curriculum is not None and (curriculum.level in (2, 3) or curriculum.kind == "vocational_secondary"):
        return "dormitory_lower", "Lisa 14 2.2"
    return "dormitory_higher", "Lisa 14 2.3"


def _bus_claim(ds: Dataset, profile: Profile, s: Student, app: Application, run: str) -> TravelClaim:
    month = app.month
    first = month_start(month)
    p = lambda name: profile.value(name, first)  # noqa: E731
    refuse = bool(p("bus_refuse_leave_and_absence"))
    category, clause = _bus_category(ds, s)
    claim = TravelClaim(s, app, "bus", month, category, clause)
    curriculum = ds.curricula.get(s.curriculum)
    reasons = claim.reasons
    if not is_stationary(s, curriculum):
        reasons.append(Reason("not-stationary", "Lisa 14 1.2"))
    if not is_level_education(curriculum, p("allowances_exclude_vocational_choice")):
        reasons.append(Reason("not-level-education", "Lisa 14 1.2"))
    if not has_state_funded_place(s, curriculum):
        reasons.append(Reason("no-state-place", "Lisa 14 2.1"))
    reasons += _settlement_reasons(ds, s, "Lisa 14 2.7", "Lisa 14 1.2")
    due = month_start(run).replace(day=profile.value("travel_report_day", month_start(run)))
    claim.due = due
    if app.submitted > due:
        reasons.append(Reason("late-report", "Lisa 14 3.4", (("submitted", app.submitted),
                                                              ("deadline", due))))
    days = school_days(ds, month)
    studying = [d for d in days if status_code(s, d) == "active"]
    if not any(status_code(s, d) in ("active", "academic_leave", "abroad") for d in days):
        reasons.append(Reason("not-studying-month", "Lisa 14 1.2", (("month", Month(month)),)))
    record = record_of(s, month)

    # How many round trips the month allows.
    holidays = holiday_occasions(ds, month) * p("bus_trips_per_holiday") if category != "commuter" else 0
    if category == "commuter":
        if record is not None and refuse:
            base = min(record.attended, record.days)
            claim.allowed_detail = (("days", base), ("basis", "attended"))
        else:
            base = len(studying) if refuse else len(days)
            claim.allowed_detail = (("days", base), ("basis", "school_days"))
            if record is None:
                claim.notes.append(Reason("attendance-not-recorded", "Lisa 14 2.4, 2.6", (("count", base),)))
        per_day = p("bus_trips_commuter")
        claim.allowed = base * per_day
    elif category == "dormitory_lower":
        weeks = sorted({d.isocalendar()[:2] for d in days})
        claim.allowed = len(weeks) * p("bus_trips_dormitory_lower") + holidays
        claim.allowed_detail = (("weeks", len(weeks)), ("holidays", holidays))
    else:
        claim.allowed = p("bus_trips_dormitory_higher") + holidays
        claim.allowed_detail = (("month", p("bus_trips_dormitory_higher")), ("holidays", holidays))
        if record is not None and refuse and record.attended == 0:
            reasons.append(Reason("no-attendance", "Lisa 14 2.6"))

    if app.monthly_pass is not None:
        if category == "commuter":
            claim.notes.append(Reason("monthly-pass", "Lisa 14 3.1.2", (("amount", money(app.monthly_pass)),)))
            if refuse and record is not None and record.attended == 0:
                reasons.append(Reason("no-attendance", "Lisa 14 2.6"))
            claim.amount = money(app.monthly_pass) if not reasons else ZERO
            claim.journeys = [JourneyLine(j.date, j.cost, j.km, j.holiday, False,
                                          Reason("pass-instead", "Lisa 14 3.1.2"))
                              for j in sorted(app.journeys, key=lambda j: j.date)]
            return claim
        claim.notes.append(Reason("pass-not-for-dormitory", "Lisa 14 3.1.2"))

    # Journeys in date order, each against what is still allowed.
    used_week: dict[tuple, int] = {}
    used_days: dict[date, int] = {}
    used_month = used_holiday = 0
    school = set(days)
    school_weeks = {d.isocalendar()[:2] for d in days}
    for j in sorted(app.journeys, key=lambda j: (j.date, not j.holiday)):
        line = JourneyLine(j.date, j.cost, j.km, j.holiday)
        claim.journeys.append(line)
        status = status_code(s, j.date)
        if month_id(j.date) != month:
            line.reason = Reason("journey-outside-month", "Lisa 14 3.4", (("month", Month(month)),))
        elif j.cost is None:
            line.reason = Reason("no-ticket", "Lisa 14 3.4")
        elif status == "academic_leave" and refuse:
            line.reason = Reason("leave-day", "Lisa 14 2.6")
        elif status in ("expelled", "graduated", "none"):
            line.reason = Reason("not-studying-day", "Lisa 14 1.2")
        elif j.study_place:
            # 2.5: a trip to another study place, outside the home–school limits, within the budget
            if j.approved is None:
                line.reason = Reason("study-place-not-approved", "Lisa 14 2.5", (("place", j.study_place),))
            else:
                line.accepted = True
        elif category == "commuter":
            if j.date not in school:
                line.reason = Reason("not-school-day", "Lisa 14 2.4")
            elif used_days.get(j.date, 0) >= p("bus_trips_commuter"):
                line.reason = Reason("over-day", "Lisa 14 2.4", (("per_day", p("bus_trips_commuter")),))
            elif sum(used_days.values()) >= claim.allowed:
                line.reason = Reason("over-allowance", clause, (("allowed", claim.allowed),))
            else:
                used_days[j.date] = used_days.get(j.date, 0) + 1
                line.accepted = True
        else:
            if j.holiday and used_holiday < holidays:
                used_holiday += 1
                line.accepted = True
            elif category == "dormitory_lower":
                week = j.date.isocalendar()[:2]
                if week not in school_weeks:
                    line.reason = Reason("no-school-week", clause)
                elif used_week.get(week, 0) < p("bus_trips_dormitory_lower"):
                    used_week[week] = used_week.get(week, 0) + 1
                    line.accepted = True
                else:
                    line.reason = Reason("over-week", clause, (("per_week", p("bus_trips_dormitory_lower")),))
            elif used_month < p("bus_trips_dormitory_higher"):
                used_month += 1
                line.accepted = True
            else:
                line.reason = Reason("over-month", clause, (("per_month", p("bus_trips_dormitory_higher")),))
    claim.amount = sum((money(j.cost) for j in claim.journeys if j.accepted), ZERO) if not reasons else ZERO
    if not app.journeys:
        claim.notes.append(Reason("no-journeys", "Lisa 14 3.4"))
    return claim


def _car_claim(ds: Dataset, profile: Profile, s: Student, app: Application, run: str) -> TravelClaim:
    month = app.month or run
    first = month_start(month)
    p = lambda name: profile.value(name, first)  # noqa: E731
    claim = TravelClaim(s, app, "car", month, "car", "Lisa 13 3.1")
    reasons = claim.reasons
    back = profile.value("car_months_back", month_start(run))
    allowed_months = [shift_month(run, -k) for k in range(back + 1)]
    if month not in allowed_months:
        reasons.append(Reason("car-month", "Lisa 13 3.3",
                              (("month", Month(month)), ("allowed", [Month(m) for m in allowed_months]))))
    reasons += _settlement_reasons(ds, s, "Lisa 13 1.1", "Lisa 13 1.1")
    if app.no_public_transport:
        claim.notes.append(Reason("car-no-public-transport", "Lisa 13 1.1, 2.2"))
    elif s.mobility_disability and s.disability in p("car_disability_levels"):
        proven = any(e.kind == "disability_decision"
                     for a in s.applications if a.kind == "travel" and a.mode == "car" and a.submitted <= app.submitted
                     for e in a.evidence)
        if proven:
            claim.notes.append(Reason("car-disability", "Lisa 13 1.2, 2.4", (("level", s.disability),)))
        else:
            reasons.append(Reason("car-disability-evidence", "Lisa 13 2.4"))
    else:
        reasons.append(Reason("car-no-ground", "Lisa 13 1.1, 1.2, 2.2",
                              (("level", s.disability or "—"), ("mobility", s.mobility_disability))))
    missing = [name for name, value in (("car_registration", app.car_registration), ("route", app.route),
                                        ("journeys", app.journeys)) if not value]
    if app.journeys and any(j.km is None for j in app.journeys):
        missing.append("km")
    if missing:
        reasons.append(Reason("car-incomplete", "Lisa 13 2.1", (("missing", missing),)))
    record = record_of(s, month)
    if record is None:
        reasons.append(Reason("attendance-unknown", "Lisa 13 3.2, 4"))
    elif (record.days == 0
          or Fraction(min(record.attended, record.days), record.days) < Fraction(p("car_attendance_share"))):
        reasons.append(Reason("attendance-below", "Lisa 13 3.2",
                              (("attended", record.attended), ("days", record.days))))
    for j in sorted(app.journeys, key=lambda j: j.date):
        line = JourneyLine(j.date, j.cost, j.km, j.holiday)
        if month_id(j.date) != month:
            line.reason = Reason("journey-outside-month", "Lisa 13 2.1", (("month", Month(month)),))
        elif j.km is None:
            line.reason = Reason("no-km", "Lisa 13 2.1")
        else:
            line.accepted = True
        claim.journeys.append(line)
    claim.km = sum((Decimal(str(j.km)) for j in claim.journeys if j.accepted), Decimal(0))
    rate = Decimal(str(p("car_rate_per_km")))
    claim.computed = round_cents(rate * claim.km, RATE_TIMES_QUANTITY)
    inside = [r for r in app.fuel_receipts if month_id(r.date) == month]
    if len(inside) < len(app.fuel_receipts):
        claim.notes.append(Reason("receipt-outside-month", "Lisa 13 2.3",
                                  (("count", len(app.fuel_receipts) - len(inside)), ("month", Month(month)))))
    claim.receipts = sum((money(r.amount) for r in inside), ZERO)
    if claim.receipts == 0:
        reasons.append(Reason("no-fuel-receipts", "Lisa 13 2.3, 3.1"))
    amount = min(claim.computed, claim.receipts)
    if claim.receipts and claim.computed > claim.receipts:
        claim.notes.append(Reason("capped-by-receipts", "Lisa 13 3.1, 2.3",
                                  (("computed", claim.computed), ("receipts", claim.receipts))))
    claim.amount = amount if not reasons else ZERO
    claim.due = month_start(run)
    return claim


def travel_report(ds: Dataset, profile: Profile, month: str) -> TravelReport:
    """The payment run of `month`: bus reports of the previous month's journeys (Lisa 14) and car
    applications submitted this month (Lisa 13). One report (application) per student, mode and
    month: the latest submitted."""
    run = month
    first = month_start(run)
    calendar = calendar_of(run)
    bus_month = shift_month(run, -1)
    report_due = first.replace(day=profile.value("travel_report_day", first))
    bus_pay_by = calendar.on_or_before(first.replace(day=profile.value("travel_payment_day", first)))
    # Lisa 13 1: the car compensation follows the special allowance's procedure — paid by the 26th.
    car_pay_by = calendar.on_or_before(first.replace(day=profile.value("special_payment_day", first)))
    claims: list[TravelClaim] = []
    for s in sorted(ds.records.get("students", []), key=lambda s: s.id):
        travel = [a for a in s.applications if a.kind == "travel"]
        bus = latest([a for a in travel if a.mode == "bus" and a.month == bus_month])
        if bus is not None:
            c = _bus_claim(ds, profile, s, bus, run)
            c.pay_by = bus_pay_by
            claims.append(c)
        by_month: dict[str, list[Application]] = {}
        for a in travel:
            if a.mode == "car" and month_id(a.submitted) == run:
                by_month.setdefault(a.month or run, []).append(a)
        for m in sorted(by_month):
            c = _car_claim(ds, profile, s, latest(by_month[m]), run)
            c.pay_by = car_pay_by
            claims.append(c)
    claims.sort(key=lambda c: (c.mode, c.student.group, c.student.id, c.for_month))
    return TravelReport(run, bus_month, report_due, bus_pay_by, car_pay_by, claims)
