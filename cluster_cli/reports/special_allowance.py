"""The special allowance (eritoetus, Lisa 12): the month's cycle, its fund, who is eligible,
the grounds of preference, the amounts and the allocation.

A pure function of (dataset, profile, month). `--month M` is the cycle of month M —
applications for M by the 10th, decisions by the 15th, payment by the 26th (Lisa 12 3.4, 3.5).
Money is `Decimal` euros (`regulation/money.py`): shares of the fund are rounded down, a share
of an allowance half up; every row carries its reasons (`regulation/reasons.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from cluster_cli.i18n import Period
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.records import Application, Student
from cluster_cli.regulation.allowance_stops import special_stop
from cluster_cli.regulation.facts import age_on, birth_date, has_state_funded_place, is_level_education, status_on
from cluster_cli.regulation.money import FUND_SHARE, RATE_TIMES_QUANTITY, ZERO, money, round_cents
from cluster_cli.regulation.months import month_start, study_year_of
from cluster_cli.regulation.profile import Profile
from cluster_cli.regulation.reasons import Reason
from cluster_cli.reports.allowance_common import calendar_of, latest


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
    calendar = calendar_of(month)
    p = lambda name: profile.value(name, first)  # noqa: E731
    decide_by = calendar.on_or_before(first.replace(day=p("special_decision_day")))
    return SpecialCycle(
        month=month,
        apply_by=first.replace(day=p("special_application_day")),
        decide_by=decide_by,
        pay_by=calendar.on_or_before(first.replace(day=p("special_payment_day"))),
        appeal_by=calendar.add(decide_by, p("special_appeal_working_days")),
        review_working_days=p("special_appeal_working_days"),
    )


@dataclass(frozen=True)
class SpecialFund:
    """The month's special-allowance fund (Lisa 12 1.4): the share of the month's basic fund the
    school directs to it (`special_fund_share`, at most 50 %) plus the month's part of the basic
    fund's leftover. 1.4 "lisaks suunatakse eritoetuse fondi põhitoetuse fondist ülejäänud
    vahendid": the leftover is what the round did not award — its share of the fund minus the
    allowances awarded in its ranking (`reports/grants.py:rank`), not minus the number of
    allowances the fund could pay. It is spread evenly over the round's five months (cents
    rounded down, the remainder to the round's last month); what the rounds leave of the year's
    distributable fund (rounding cents) goes to June. July and August have no basic fund, so no
    special fund either."""

    month: str
    year: str | None
    basic_month_fund: Decimal
    share: Fraction
    reserved: Decimal
    round_id: Period | None
    round_leftover: Decimal
    leftover_part: Decimal
    round_share: Decimal = ZERO  # the round's share of the basic fund (Lisa 11 II.1.2)
    round_awarded: Decimal = ZERO  # allowances awarded in the round's ranking, for all its months

    @property
    def total(self) -> Decimal:
        return self.reserved + self.leftover_part


def special_fund(ds: Dataset, profile: Profile, month: str) -> SpecialFund:
    from cluster_cli.reports.grants import rank, special_share, year_fund

    year = study_year_of(month)
    share = special_share(profile, month_start(month))
    if year is None:
        return SpecialFund(month, None, ZERO, share, ZERO, None, ZERO, ZERO)
    yf = year_fund(ds, profile, year)
    basic = next((m[3] for m in yf.months if m[0] == month), ZERO)
    reserved = round_cents(Fraction(basic) * share, FUND_SHARE)
    leftover_part, round_id, round_leftover, round_share, awarded = ZERO, None, ZERO, ZERO, ZERO
    for r in yf.rounds.values():
        if month in r.months:
            ranking = rank(ds, profile, r.round)
            count = sum(1 for cands in ranking.by_curriculum.values() for c in cands if c.awarded)
            round_share, awarded = r.share, r.per_student * count
            round_id, round_leftover = r.round, r.share - awarded  # a `Period` (grant_round)
            n = len(r.months)
            each = round_cents(Fraction(round_leftover) / n, FUND_SHARE)
            leftover_part = each if month != r.months[-1] else round_leftover - each * (n - 1)
    residue = yf.leftover - sum((r.share - r.used for r in yf.rounds.values()), Decimal(0))
    last_month = max((m[0] for m in yf.months), default=None)
    if month == last_month:
        leftover_part += residue
    return SpecialFund(month, year, basic, share, reserved, round_id, round_leftover, leftover_part,
                       round_share, awarded)


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
            count = app.minor_dependants if app.minor_dependants is not None else "—"
            notes.append(Reason("ground-minor-dependants", clause, (("count", count), ("min", minimum))))
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
        amount = round_cents(Fraction(basic) * Fraction(p("special_partial_share")), RATE_TIMES_QUANTITY)
        if app.amount is not None and money(app.amount) != amount:
            notes.append(Reason("amount-partial", "Lisa 12 5.2",
                                (("requested", money(app.amount)), ("amount", amount))))
        return kind, amount, notes
    cap = {"normal": basic, "raised": money(p("special_raised_max")),
           "crisis": basic * p("special_crisis_max_months")}[kind]
    if app.amount is None:
        return kind, cap, notes
    requested = money(app.amount)
    if requested > cap:
        notes.append(Reason("amount-capped", AMOUNT_CLAUSE[kind], (("requested", requested), ("cap", cap))))
        return kind, cap, notes
    return kind, requested, notes


def _special_eligibility(ds: Dataset, cycle: SpecialCycle, s: Student, app: Application,
                         vocational_choice_excluded: bool = False) -> list[Reason]:
    reasons: list[Reason] = []
    add = reasons.append
    if app.submitted > cycle.apply_by:
        add(Reason("late-application", "Lisa 12 3.4",
                   (("submitted", app.submitted), ("deadline", cycle.apply_by))))
    if s.residence == "none":
        add(Reason("residence", "Lisa 12 2.1.1"))
    status = status_on(s, cycle.decide_by)
    if status is None or status.status in ("expelled", "graduated"):
        add(Reason("not-studying", "Lisa 12 2.1", (("status", status.status if status else "—"),)))
    elif status.status == "academic_leave":
        add(Reason("academic-leave", "Lisa 12 2.1.2", (("since", status.start),)))
    curriculum = ds.curricula.get(s.curriculum)
    if not is_level_education(curriculum, vocational_choice_excluded):
        add(Reason("not-level-education", "Lisa 12 2.1.3"))
    if not has_state_funded_place(s, curriculum):
        add(Reason("no-state-place", "Lisa 12 2.1.3"))
    if not app.evidence:
        add(Reason("no-evidence", "Lisa 12 2.2, 2.3"))
    stop = special_stop(s, cycle.decide_by)
    if stop is not None:
        add(Reason("stopped", "Lisa 12 4.2", (("date", stop.date),)))
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
    basic = money(profile.value("grant_amount", first))
    household_age = profile.value("special_own_household_age", first)
    order = list(profile.value("special_preference_order", first))
    ranked: list[SpecialApplicant] = []
    excluded: list[SpecialApplicant] = []
    for s in sorted(ds.records.get("students", []), key=lambda s: s.id):
        app = latest([a for a in s.applications if a.kind == "special" and a.month == month])
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
        c.requested = money(app.amount) if app.amount is not None else None
        c.reasons = _special_eligibility(ds, cycle, s, app,
                                         profile.value("allowances_exclude_vocational_choice", first))
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
