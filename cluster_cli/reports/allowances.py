"""The monthly allowances besides the basic one: the special allowance (eritoetus, Lisa 12),
travel compensation (bus, Lisa 14; car, Lisa 13) and school-lunch support (koolilõuna,
6.12.7–6.12.11).

Pure functions of (dataset, profile, month). Money is `Decimal` in euros with cents: shares of a
fund are rounded down (no more is ever promised than the fund holds), a product of a rate and a
quantity (0.06 €/km × km, 50 % of an allowance) is rounded half up to the cent. Every row carries
its reasons as (catalogue code, clause, arguments); rows are ordered by stable keys.

What `--month M` means:
- special: the cycle of month M — applications for M by the 10th, decisions by the 15th,
  payment by the 26th (Lisa 12 3.4, 3.5);
- travel: the payment run of month M — the bus reports of the journeys of month M−1 (due by the
  5th of M, paid by the 25th of M, Lisa 14 3.4, 3.6) and the car applications submitted in M
  (for M or the month before, Lisa 13 3.3; paid with the special-allowance cycle, Lisa 13 1);
- lunch: the school days and practice days of month M (6.12.10, 6.12.11).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from cluster_cli.model.dataset import Dataset
from cluster_cli.model.records import Application, Placement, Student
from cluster_cli.regulation.facts import add_months, age_on, birth_date, status_on
from cluster_cli.regulation.profile import Profile

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

# Grounds that speak of the parents' household; a student of 21 or more is a household of
# their own (Lisa 12 3.3, perekonnaseadus § 97 lg 2), so these no longer apply to them.
PARENTAL_GROUNDS = ("pensioner_parents", "parents_unemployed", "parent_disability")
GROUND_CLAUSE = {
    "minor_dependants": "Lisa 12 3.3.1",
    "pensioner_parents": "Lisa 12 3.3.2",
    "parents_unemployed": "Lisa 12 3.3.3",
    "emergency": "Lisa 12 3.3.4",
    "economic_hardship": "Lisa 12 3.3.5",
    "single_parent": "Lisa 12 3.3.6",
    "disability": "Lisa 12 3.3.7",
    "parent_disability": "Lisa 12 3.3.8",
}
AMOUNT_CLAUSE = {"normal": "Lisa 12 5.1", "raised": "Lisa 12 5.2", "partial": "Lisa 12 5.2", "crisis": "Lisa 12 5.3"}


@dataclass(frozen=True)
class Reason:
    """A reason or a note: a catalogue key under `allowance.reason.`, its clause, its arguments."""

    code: str
    clause: str
    args: tuple[tuple[str, Any], ...] = ()


# --- months and days -------------------------------------------------------------------------


def month_start(month: str) -> date:
    return date(int(month[:4]), int(month[5:7]), 1)


def month_end(month: str) -> date:
    return add_months(month_start(month), 1) - timedelta(days=1)


def month_id(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def shift_month(month: str, n: int) -> str:
    return month_id(add_months(month_start(month), n))


def _days(month: str) -> list[date]:
    first, last = month_start(month), month_end(month)
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _calendar(month: str):
    from cluster_cli.regulation.calendar import working_days

    return working_days(month_start(month))


def _on_or_before_working_day(day: date, calendar) -> date:
    """A deadline "by the Nth" that falls on a rest day moves back to the last working day."""
    while not calendar.is_working_day(day):
        day -= timedelta(days=1)
    return day


def _in_school_holiday(ds: Dataset, day: date) -> bool:
    return any(h.start <= day <= h.end for h in (ds.cluster.school_holidays if ds.cluster else []))


def school_days(ds: Dataset, month: str) -> list[date]:
    """The month's school days: working days (Mon–Fri, not public holidays) outside the school
    holidays of `cluster.yaml`."""
    calendar = _calendar(month)
    return [d for d in _days(month) if calendar.is_working_day(d) and not _in_school_holiday(ds, d)]


def _record_of(s: Student, month: str):
    found = [r for r in s.school_days if r.month == month]
    return found[-1] if found else None


def _status_code(s: Student, day: date) -> str:
    entry = status_on(s, day)
    return entry.status if entry else "none"


def _half_up(value: Decimal | Fraction) -> Decimal:
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _down(value: Decimal | Fraction) -> Decimal:
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return value.quantize(CENT, rounding=ROUND_DOWN)


def _money(value: Any) -> Decimal:
    return Decimal(str(value)).quantize(CENT)


def _latest(apps: list[Application]) -> Application | None:
    """One application per student and month: the latest submitted replaces earlier ones."""
    return max(apps, key=lambda a: a.submitted) if apps else None


def _settlement_key(text: str | None) -> str:
    return " ".join((text or "").lower().split())


# --- special allowance (eritoetus, Lisa 12) --------------------------------------------------


@dataclass(frozen=True)
class SpecialCycle:
    """The month's cycle (Lisa 12 3.4, 3.5, 3.7): applications by the 10th, decisions by the
    15th, payment by the 26th (a date on a rest day moves back to the last working day before
    it), appeals within 10 working days of the decision being made known — taken as the
    decision day — and reviewed within 10 working days of receipt."""

    month: str
    apply_by: date
    decide_by: date
    pay_by: date
    appeal_by: date
    review_working_days: int


def special_cycle(profile: Profile, month: str) -> SpecialCycle:
    first = month_start(month)
    calendar = _calendar(month)
    p = lambda name: profile.value(name, first)  # noqa: E731
    decide_by = _on_or_before_working_day(first.replace(day=p("special_decision_day")), calendar)
    return SpecialCycle(
        month=month,
        apply_by=first.replace(day=p("special_application_day")),
        decide_by=decide_by,
        pay_by=_on_or_before_working_day(first.replace(day=p("special_payment_day")), calendar),
        appeal_by=calendar.add(decide_by, p("special_appeal_working_days")),
        review_working_days=p("special_appeal_working_days"),
    )


@dataclass(frozen=True)
class SpecialFund:
    """The month's special-allowance fund (Lisa 12 1.4): the share of the month's basic fund the
    school directs to it (`special_fund_share`, at most 50 %) plus the month's part of the basic
    fund's leftover. The leftover of each basic-allowance round is spread evenly over the
    round's five months (cents rounded down, the remainder to the round's last month); what the
    rounds leave of the year's distributable fund (rounding cents) goes to June. July and August
    have no basic fund, so no special fund either."""

    month: str
    year: str | None
    basic_month_fund: Decimal
    share: Fraction
    reserved: Decimal
    round_id: str | None
    round_leftover: Decimal
    leftover_part: Decimal

    @property
    def total(self) -> Decimal:
        return self.reserved + self.leftover_part


def study_year_of(month: str) -> str | None:
    y, m = int(month[:4]), int(month[5:7])
    if m in (7, 8):
        return None
    return f"{y}/{y + 1}" if m >= 9 else f"{y - 1}/{y}"


def special_fund(ds: Dataset, profile: Profile, month: str) -> SpecialFund:
    from cluster_cli.reports.grants import special_share, year_fund

    year = study_year_of(month)
    share = special_share(profile, month_start(month))
    if year is None:
        return SpecialFund(month, None, ZERO, share, ZERO, None, ZERO, ZERO)
    yf = year_fund(ds, profile, year)
    basic = next((m[3] for m in yf.months if m[0] == month), ZERO)
    reserved = _down(Fraction(basic) * share)
    leftover_part, round_id, round_leftover = ZERO, None, ZERO
    for r in yf.rounds.values():
        if month in r.months:
            round_id, round_leftover = r.round, r.share - r.used
            n = len(r.months)
            each = _down(Fraction(round_leftover) / n)
            leftover_part = each if month != r.months[-1] else round_leftover - each * (n - 1)
    residue = yf.leftover - sum((r.share - r.used for r in yf.rounds.values()), Decimal(0))
    last_month = max((m[0] for m in yf.months), default=None)
    if month == last_month:
        leftover_part += residue
    return SpecialFund(month, year, basic, share, reserved, round_id, round_leftover, leftover_part)


@dataclass
class SpecialApplicant:
    student: Student
    application: Application
    age: int | None
    first_year: bool
    own_household: bool
    grounds: list[str] = field(default_factory=list)  # accepted, in the profile's order
    reasons: list[Reason] = field(default_factory=list)  # why not eligible
    notes: list[Reason] = field(default_factory=list)  # grounds not accepted, amounts limited…
    kind: str = "normal"
    requested: Decimal | None = None
    amount: Decimal = ZERO
    rank: int | None = None
    decided_by: str | None = None
    tie: bool = False
    awarded: bool = False

    @property
    def eligible(self) -> bool:
        return not self.reasons


@dataclass
class SpecialReport:
    month: str
    cycle: SpecialCycle
    fund: SpecialFund
    basic_allowance: Decimal
    ranked: list[SpecialApplicant]  # eligible, in preference order
    excluded: list[SpecialApplicant]

    @property
    def awarded_total(self) -> Decimal:
        return sum((a.amount for a in self.ranked if a.awarded), ZERO)

    @property
    def remaining(self) -> Decimal:
        return self.fund.total - self.awarded_total


def _special_grounds(profile: Profile, day: date, s: Student, app: Application, age: int | None,
                     own_household: bool) -> tuple[list[str], list[Reason]]:
    """The grounds of preference (3.3.1–3.3.8) that hold, and notes on those that do not."""
    p = lambda name: profile.value(name, day)  # noqa: E731
    levels = p("special_disability_levels")
    minimum = p("special_minor_dependants_min")
    claimed = set(app.grounds)
    if app.minor_dependants is not None and app.minor_dependants >= minimum:
        claimed.add("minor_dependants")
    if s.disability in levels["student"]:
        claimed.add("disability")
    if app.parent_disability in levels["parent"]:
        claimed.add("parent_disability")
    notes: list[Reason] = []
    accepted = []
    for ground in p("special_preference_order"):
        if ground not in claimed:
            continue
        clause = GROUND_CLAUSE[ground]
        if ground == "minor_dependants" and (app.minor_dependants or 0) < minimum:
            notes.append(Reason("ground-minor-dependants", clause, (("count", app.minor_dependants if app.minor_dependants is not None else "—"), ("min", minimum))))
        elif ground == "disability" and s.disability not in levels["student"]:
            notes.append(Reason("ground-disability", clause, (("level", s.disability or "—"),)))
        elif ground == "parent_disability" and app.parent_disability not in levels["parent"]:
            notes.append(Reason("ground-parent-disability", clause, (("level", app.parent_disability or "—"),)))
        elif ground in PARENTAL_GROUNDS and own_household:
            notes.append(Reason("ground-own-household", "Lisa 12 3.3", (("ground", ground), ("age", age))))
        else:
            accepted.append(ground)
    return accepted, notes


def _special_amount(profile: Profile, day: date, app: Application, grounds: list[str],
                    basic: Decimal) -> tuple[str, Decimal, list[Reason]]:
    """5.1 normal: at most one month's basic allowance; 5.2 raised: at most 200 EUR, or partial:
    50 % of a month's basic allowance; 5.3 accident or crisis: a one-off of up to six months'
    basic allowance. Without an amount asked for, the most the kind allows."""
    p = lambda name: profile.value(name, day)  # noqa: E731
    notes: list[Reason] = []
    kind = app.amount_kind
    if kind == "crisis" and "emergency" not in grounds:
        notes.append(Reason("crisis-needs-emergency", "Lisa 12 5.3, 3.3.4"))
        kind = "normal"
    if kind == "partial":
        amount = _half_up(Fraction(basic) * Fraction(p("special_partial_share")))
        if app.amount is not None and _money(app.amount) != amount:
            notes.append(Reason("amount-partial", "Lisa 12 5.2", (("requested", _money(app.amount)), ("amount", amount))))
        return kind, amount, notes
    cap = {"normal": basic, "raised": _money(p("special_raised_max")),
           "crisis": basic * p("special_crisis_max_months")}[kind]
    if app.amount is None:
        return kind, cap, notes
    requested = _money(app.amount)
    if requested > cap:
        notes.append(Reason("amount-capped", AMOUNT_CLAUSE[kind], (("requested", requested), ("cap", cap))))
        return kind, cap, notes
    return kind, requested, notes


def _special_eligibility(ds: Dataset, cycle: SpecialCycle, s: Student, app: Application) -> list[Reason]:
    reasons: list[Reason] = []
    add = reasons.append
    if app.submitted > cycle.apply_by:
        add(Reason("late-application", "Lisa 12 3.4",
                   (("submitted", app.submitted.isoformat()), ("deadline", cycle.apply_by.isoformat()))))
    if s.residence == "none":
        add(Reason("residence", "Lisa 12 2.1.1"))
    status = status_on(s, cycle.decide_by)
    if status is None or status.status in ("expelled", "graduated"):
        add(Reason("not-studying", "Lisa 12 2.1", (("status", status.status if status else "—"),)))
    elif status.status == "academic_leave":
        add(Reason("academic-leave", "Lisa 12 2.1.2", (("since", status.start.isoformat()),)))
    curriculum = ds.curricula.get(s.curriculum)
    if curriculum is not None and curriculum.kind == "vocational_choice":
        add(Reason("not-level-education", "Lisa 12 2.1.3"))
    if not s.state_funded or (curriculum is not None and curriculum.state_funded_places == 0):
        add(Reason("no-state-place", "Lisa 12 2.1.3"))
    if not app.evidence:
        add(Reason("no-evidence", "Lisa 12 2.2, 2.3"))
    return reasons


def special_report(ds: Dataset, profile: Profile, month: str) -> SpecialReport:
    """Eligibility (2.1, 2.5), evidence (2.2–2.3), grounds of preference in the profile's order
    (3.3), amounts (5.1–5.3), and the allocation of the month's fund (1.4) in order of
    preference: each eligible applicant in turn gets the amount if what is left of the fund
    covers it; one it does not cover gets nothing (the committee may lower the amount, 3.2.2)
    and the next in order is tried. The order: the grounds compared in the profile's order
    (holding a ground earlier in the order goes first), then the earlier application, then id
    (a tie that survives to the id is marked)."""
    cycle = special_cycle(profile, month)
    fund = special_fund(ds, profile, month)
    first = month_start(month)
    basic = _money(profile.value("grant_amount", first))
    household_age = profile.value("special_own_household_age", first)
    order = list(profile.value("special_preference_order", first))
    ranked: list[SpecialApplicant] = []
    excluded: list[SpecialApplicant] = []
    for s in sorted(ds.records.get("students", []), key=lambda s: s.id):
        app = _latest([a for a in s.applications if a.kind == "special" and a.month == month])
        if app is None:
            continue
        born = birth_date(s)
        age = age_on(born, cycle.decide_by) if born else None
        own = age is not None and age >= household_age
        c = SpecialApplicant(s, app, age, s.course == 1, own)
        c.grounds, c.notes = _special_grounds(profile, first, s, app, age, own)
        if own and not any(n.code == "ground-own-household" for n in c.notes):
            c.notes.append(Reason("own-household", "Lisa 12 3.3", (("age", age),)))
        if c.first_year:
            c.notes.append(Reason("first-year", "Lisa 12 2.5, 3.1"))
        c.kind, c.amount, amount_notes = _special_amount(profile, first, app, c.grounds, basic)
        c.notes += amount_notes
        c.requested = _money(app.amount) if app.amount is not None else None
        c.reasons = _special_eligibility(ds, cycle, s, app)
        (ranked if c.eligible else excluded).append(c)

    def key(c: SpecialApplicant) -> tuple:
        return tuple(0 if g in c.grounds else 1 for g in order) + (c.application.submitted.toordinal(),)

    ranked.sort(key=lambda c: (key(c), c.student.id))
    for i, c in enumerate(ranked):
        c.rank = i + 1
        if i + 1 < len(ranked):
            nxt = ranked[i + 1]
            diff = next((n for n, a, b in zip(order + ["submitted"], key(c), key(nxt)) if a != b), None)
            c.decided_by = diff
            if diff is None:
                c.tie = nxt.tie = True
    left = fund.total
    for c in ranked:
        if c.amount <= left:
            c.awarded = True
            left -= c.amount
        else:
            c.notes.append(Reason("fund-exhausted", "Lisa 12 1.4, 3.2.1", (("amount", c.amount), ("left", left))))
    return SpecialReport(month, cycle, fund, basic, ranked, excluded)


# --- travel compensation (Lisa 14 bus, Lisa 13 car) ------------------------------------------


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
    calendar = _calendar(month)
    first, last = month_start(month), month_end(month)
    count = sum(1 for h in (ds.cluster.school_holidays if ds.cluster else []) if h.start <= last and h.end >= first)
    in_run = False
    for day in _days(month):
        rest = not calendar.is_working_day(day)
        if rest and not in_run:
            run, in_run = [], True
        if rest:
            run.append(day)
        if in_run and (not rest or day == last):
            in_run = False
            if any(d.weekday() < 5 for d in run) and not any(_in_school_holiday(ds, d) for d in run):
                count += 1
    return count


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
    form = s.study_form or (curriculum.study_form if curriculum else None)
    reasons = claim.reasons
    if form == "non_stationary":
        reasons.append(Reason("not-stationary", "Lisa 14 1.2"))
    if curriculum is not None and curriculum.kind == "vocational_choice":
        reasons.append(Reason("not-level-education", "Lisa 14 1.2"))
    if not s.state_funded or (curriculum is not None and curriculum.state_funded_places == 0):
        reasons.append(Reason("no-state-place", "Lisa 14 2.1"))
    reasons += _settlement_reasons(ds, s, "Lisa 14 2.7", "Lisa 14 1.2")
    due = month_start(run).replace(day=profile.value("travel_report_day", month_start(run)))
    claim.due = due
    if app.submitted > due:
        reasons.append(Reason("late-report", "Lisa 14 3.4", (("submitted", app.submitted.isoformat()),
                                                              ("deadline", due.isoformat()))))
    days = school_days(ds, month)
    studying = [d for d in days if _status_code(s, d) == "active"]
    if not any(_status_code(s, d) in ("active", "academic_leave", "abroad") for d in days):
        reasons.append(Reason("not-studying-month", "Lisa 14 1.2", (("month", month),)))
    record = _record_of(s, month)

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
                claim.notes.append(Reason("attendance-not-recorded", "Lisa 14 2.4, 2.6", (("days", base),)))
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
            claim.notes.append(Reason("monthly-pass", "Lisa 14 3.1.2", (("amount", _money(app.monthly_pass)),)))
            if refuse and record is not None and record.attended == 0:
                reasons.append(Reason("no-attendance", "Lisa 14 2.6"))
            claim.amount = _money(app.monthly_pass) if not reasons else ZERO
            claim.journeys = [JourneyLine(j.date, j.cost, j.km, j.holiday, False, Reason("pass-instead", "Lisa 14 3.1.2"))
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
        status = _status_code(s, j.date)
        if month_id(j.date) != month:
            line.reason = Reason("journey-outside-month", "Lisa 14 3.4", (("month", month),))
        elif j.cost is None:
            line.reason = Reason("no-ticket", "Lisa 14 3.4")
        elif status == "academic_leave" and refuse:
            line.reason = Reason("leave-day", "Lisa 14 2.6")
        elif status in ("expelled", "graduated", "none"):
            line.reason = Reason("not-studying-day", "Lisa 14 1.2")
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
    claim.amount = sum((_money(j.cost) for j in claim.journeys if j.accepted), ZERO) if not reasons else ZERO
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
        reasons.append(Reason("car-month", "Lisa 13 3.3", (("month", month), ("allowed", allowed_months))))
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
    record = _record_of(s, month)
    if record is None:
        reasons.append(Reason("attendance-unknown", "Lisa 13 3.2, 4"))
    elif record.days == 0 or Fraction(min(record.attended, record.days), record.days) < Fraction(p("car_attendance_share")):
        reasons.append(Reason("attendance-below", "Lisa 13 3.2", (("attended", record.attended), ("days", record.days))))
    for j in sorted(app.journeys, key=lambda j: j.date):
        line = JourneyLine(j.date, j.cost, j.km, j.holiday)
        if month_id(j.date) != month:
            line.reason = Reason("journey-outside-month", "Lisa 13 2.1", (("month", month),))
        elif j.km is None:
            line.reason = Reason("no-km", "Lisa 13 2.1")
        else:
            line.accepted = True
        claim.journeys.append(line)
    claim.km = sum((Decimal(str(j.km)) for j in claim.journeys if j.accepted), Decimal(0))
    rate = Decimal(str(p("car_rate_per_km")))
    claim.computed = _half_up(rate * claim.km)
    inside = [r for r in app.fuel_receipts if month_id(r.date) == month]
    if len(inside) < len(app.fuel_receipts):
        claim.notes.append(Reason("receipt-outside-month", "Lisa 13 2.3",
                                  (("count", len(app.fuel_receipts) - len(inside)), ("month", month))))
    claim.receipts = sum((_money(r.amount) for r in inside), ZERO)
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
    calendar = _calendar(run)
    bus_month = shift_month(run, -1)
    report_due = first.replace(day=profile.value("travel_report_day", first))
    bus_pay_by = _on_or_before_working_day(first.replace(day=profile.value("travel_payment_day", first)), calendar)
    # Lisa 13 1: the car compensation follows the special allowance's procedure — paid by the 26th.
    car_pay_by = _on_or_before_working_day(first.replace(day=profile.value("special_payment_day", first)), calendar)
    claims: list[TravelClaim] = []
    for s in sorted(ds.records.get("students", []), key=lambda s: s.id):
        travel = [a for a in s.applications if a.kind == "travel"]
        bus = _latest([a for a in travel if a.mode == "bus" and a.month == bus_month])
        if bus is not None:
            c = _bus_claim(ds, profile, s, bus, run)
            c.pay_by = bus_pay_by
            claims.append(c)
        by_month: dict[str, list[Application]] = {}
        for a in travel:
            if a.mode == "car" and month_id(a.submitted) == run:
                by_month.setdefault(a.month or run, []).append(a)
        for m in sorted(by_month):
            c = _car_claim(ds, profile, s, _latest(by_month[m]), run)
            c.pay_by = car_pay_by
            claims.append(c)
    claims.sort(key=lambda c: (c.mode, c.student.group, c.student.id, c.for_month))
    return TravelReport(run, bus_month, report_due, bus_pay_by, car_pay_by, claims)


# --- school lunch (koolilõuna, 6.12.7–6.12.11) -----------------------------------------------


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
    form = s.study_form or (curriculum.study_form if curriculum else None)
    if form == "non_stationary":
        reasons.append(Reason("lunch-not-stationary", "6.12.8, 6.12.9"))
    if curriculum is not None and curriculum.kind == "continuing":
        reasons.append(Reason("lunch-not-initial", "6.12.8"))
    if curriculum is not None and curriculum.level == 5:
        reasons.append(Reason("lunch-level-5", "6.12.9, 3.5.2"))
    elif s.secondary_education:
        reasons.append(Reason("lunch-secondary-education", "6.12.8"))
    return reasons


def _practice_dates(ds: Dataset, s: Student, month: str) -> set[date]:
    """Working days of the month inside the student's placements that are under way or done
    (valid, finished) away from school (workplace, abroad); school-based practice eats at school."""
    calendar = _calendar(month)
    out: set[date] = set()
    placements: list[Placement] = [p for p in ds.placements_of(s.id)
                                   if p.status in ("valid", "finished") and p.kind != "school_based"]
    for p in placements:
        for d in _days(month):
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
    per_day = _money(profile.value("lunch_amount_per_day", first))
    per_school_day = profile.value("lunch_per_school_day", first)
    calendar = _calendar(month)
    days = school_days(ds, month)
    working = [d for d in _days(month) if calendar.is_working_day(d)]
    rows: list[LunchRow] = []
    for s in sorted(ds.records.get("students", []), key=lambda s: (s.group, s.id)):
        statuses = {_status_code(s, d) for d in _days(month)}
        if not statuses & {"active", "academic_leave", "abroad"}:
            continue  # not a student of the school in this month
        row = LunchRow(s, lunch_qualifies(ds, s))
        practice = _practice_dates(ds, s, month)
        present = [d for d in days if _status_code(s, d) == "active" and d not in practice]
        row.practice_days = len([d for d in practice if _status_code(s, d) in ("active", "abroad")])
        row.submission = _latest([a for a in s.applications if a.kind == "lunch" and a.month == month])
        if not present and not row.practice_days:
            row.notes.append(Reason("lunch-not-at-school", "6.12.10", (("status", sorted(statuses - {"none"})),)))
        if row.qualifies and (row.submission is not None or row.practice_days):
            _practice_support(row, working)
        # Days of practice known only from the submission were school days in the calendar.
        outside = row.paid_days if (row.submission is not None and not row.practice_days) else 0
        row.school_days = max(len(present) - outside, 0)
        record = _record_of(s, month)
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
        possible = len([d for d in working if _status_code(s, d) in ("active", "abroad")])
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
