"""The basic study allowance (põhitoetus, 6.12, Lisa 11): per-curriculum ranking, the fund, and
the monthly payment list. The rounds, eligibility and score components are in
`reports/grant_eligibility.py`.

Pure functions of (dataset, profile, round or month). Money is `Decimal` in euros with cents,
rounded down where a share is cut (so that no more is ever paid out than the fund holds) and
every cent the plan cannot pay as whole allowances is reported as the plan's leftover. What feeds
the special-allowance fund (Lisa 12 1.4) is what the rounds do not award — computed from the
rankings in `reports/special_allowance.py` (`cluster allowances special`), not this leftover.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from cluster_cli.i18n import Period
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.records import Student
from cluster_cli.regulation.debts import DebtRules, calendar_for, student_debts
from cluster_cli.regulation.allowance_stops import basic_stop
from cluster_cli.regulation.facts import abroad_placement_on, add_months, status_on, study_end
from cluster_cli.regulation.money import FUND_SHARE, round_cents
from cluster_cli.regulation.months import month_id, month_start
from cluster_cli.regulation.profile import Profile
from cluster_cli.regulation.reasons import Reason
from cluster_cli.reports.grant_eligibility import (
    Candidate,
    GrantRound,
    application_in,
    eligibility_reasons,
    grant_round,
    round_of_month,
    scores_of,
)

# Criteria where a lower value is better; all others rank higher-first.
LOWER_IS_BETTER = {"unexcused", "lower_income"}


# --- ranking -------------------------------------------------------------------------------


@dataclass
class Ranking:
    round: GrantRound
    by_curriculum: dict[str, list[Candidate]]  # eligible, in ranked order
    excluded: list[Candidate]
    grants: dict[str, int]  # allowances per curriculum for the round (from the fund)
    fund: "YearFund"


def _sort_key(c: Candidate, names: list[str]) -> tuple:
    key = []
    for name in names:
        value = c.scores.value(name)
        if value is None:
            key.append((1, 0))  # unknown values rank last
        else:
            v = Fraction(value)
            key.append((0, v if name in LOWER_IS_BETTER else -v))
    return tuple(key)


def rank(ds: Dataset, profile: Profile, round_id: str) -> Ranking:
    """Eligibility and ranking per curriculum (V.2), ties broken by IV.3 in the profile's order;
    a tie that survives every component is reported as a tie and ordered by student id."""
    rnd = grant_round(ds, profile, round_id)
    settings = profile.value("grant_ranking", rnd.first_day)
    names = [c["name"] for c in settings["criteria"]] + list(settings["tie_breaks"])
    students = [s for s in ds.records.get("students", []) if application_in(s, round_id) is not None]
    rules = DebtRules.from_profile(profile, rnd.results_fixed)
    calendar = calendar_for(students, rnd.results_fixed)
    by_curriculum: dict[str, list[Candidate]] = {}
    excluded: list[Candidate] = []
    for s in sorted(students, key=lambda s: s.id):
        debts = student_debts(s, rnd.results_fixed, rules, calendar)
        scores = scores_of(ds, s, rnd)
        app = application_in(s, round_id)
        reasons = eligibility_reasons(ds, profile, rnd, s, app, sum(1 for d in debts if d.is_open), scores)
        c = Candidate(s, app, reasons, scores)
        (by_curriculum.setdefault(s.curriculum, []) if c.eligible else excluded).append(c)
    for cands in by_curriculum.values():
        cands.sort(key=lambda c: (_sort_key(c, names), c.student.id))
        for i, c in enumerate(cands):
            c.rank = i + 1
            if i + 1 < len(cands):
                nxt = cands[i + 1]
                mine, theirs = _sort_key(c, names), _sort_key(nxt, names)
                c.decided_by = next((n for n, a, b in zip(names, mine, theirs) if a != b), None)
                if c.decided_by is None:
                    c.tie = nxt.tie = True
    counts = {round_id: {k: len(v) for k, v in by_curriculum.items()}}
    fund = year_fund(ds, profile, _study_year(rnd), ranking_counts=counts)
    grants = {cf.curriculum: cf.grants for cf in fund.rounds[rnd.half].curricula}
    for code, cands in by_curriculum.items():
        for c in cands[: grants.get(code, 0)]:
            c.awarded = True
    excluded.sort(key=lambda c: (c.student.curriculum, c.student.id))
    return Ranking(rnd, dict(sorted(by_curriculum.items())), excluded, grants, fund)


def _study_year(rnd: GrantRound) -> str:
    y = int(rnd.id[:4]) if rnd.half == "autumn" else int(rnd.id[:4]) - 1
    return f"{y}/{y + 1}"


# --- the fund ------------------------------------------------------------------------------


@dataclass
class CurriculumFund:
    curriculum: str
    name: str
    field: str
    places: int
    applicants: int
    share: Decimal
    grants: int
    used: Decimal
    leftover: Decimal
    applied: int = 0  # students of the curriculum who applied in the round, eligible or not


@dataclass
class RoundFund:
    round: Period
    months: tuple[str, ...]
    per_student: Decimal  # one allowance for every month of the round
    share: Decimal
    fields: dict[str, Decimal]
    curricula: list[CurriculumFund]

    @property
    def used(self) -> Decimal:
        return sum((c.used for c in self.curricula), Decimal(0))


@dataclass
class YearFund:
    year: str
    places: int
    months: list[tuple[str, Decimal, Decimal, Decimal]]  # month, amount, coefficient, monthly fund
    total: Decimal
    admin: Decimal
    admin_max: Decimal
    distributable: Decimal
    fields: dict[str, tuple[int, Decimal]]  # field -> (places, share of the year)
    rounds: dict[str, RoundFund]
    split_rule: str
    special_reserved: Decimal = Decimal(0)  # directed to the special-allowance fund (Lisa 12 1.4)

    @property
    def leftover(self) -> Decimal:
        """The plan's leftover: the distributable fund minus the whole allowances the rounds'
        shares can pay. Not the transfer to the special fund (Lisa 12 1.4), which is what the
        rankings do not award (`special_allowance.special_fund`)."""
        return self.distributable - sum((r.used for r in self.rounds.values()), Decimal(0))


def year_fund(ds: Dataset, profile: Profile, year: str,
              ranking_counts: dict[str, dict[str, int]] | None = None) -> YearFund:
    """Lisa 11 II.1: monthly fund = allowance amount × state-funded places × fund coefficient,
    each month with the values valid then; VII.5: up to 3 % for administration; II.1.2: split
    between study fields by their state-funded places, 40 % to the autumn and 60 % to the spring
    round; VI.1: within a field between curricula by places or eligible applicants; whole
    allowances only; the rest is leftover (Lisa 12 1.4)."""
    first = int(year[:4])
    curricula = [c for c in ds.records.get("curricula", []) if c.state_funded_places > 0]
    places = sum(c.state_funded_places for c in curricula)
    months = []
    for i in range(10):
        day = date(first, 9, 1) if i < 5 else date(first + 1, 2, 1)
        day = add_months(day, i % 5)
        amount = profile.value("grant_amount", day)
        coefficient = Decimal(str(profile.value("grant_fund_coefficient", day)))
        fund = round_cents(Fraction(amount) * places * Fraction(coefficient), FUND_SHARE)
        months.append((month_id(day), amount, coefficient, fund))
    total = sum((m[3] for m in months), Decimal(0))
    on = date(first, 9, 1)
    admin_share = min(profile.value("grant_admin_share", on), profile.value("grant_admin_max_share", on))
    admin = round_cents(Fraction(total) * admin_share, FUND_SHARE)
    # Lisa 12 1.4: the school may direct up to 50 % of each month's fund to the special
    # allowance; that part is not distributed as basic allowances (reports/special_allowance.py).
    special = sum((round_cents(Fraction(m[3]) * special_share(profile, month_start(m[0])), FUND_SHARE)
                   for m in months), Decimal(0))
    distributable = total - admin - special
    field_places: dict[str, int] = {}
    for c in curricula:
        field_places[c.field] = field_places.get(c.field, 0) + c.state_funded_places
    fields = {f: (n, round_cents(Fraction(distributable) * Fraction(n, places), FUND_SHARE))
              for f, n in sorted(field_places.items())}
    split = profile.value("grant_curriculum_split", on)
    rounds = {}
    for half, share_name, round_id in (("autumn", "grant_autumn_share", f"{first}-autumn"),
                                       ("spring", "grant_spring_share", f"{first + 1}-spring")):
        rnd = grant_round(ds, profile, round_id)
        per_student = sum((profile.value("grant_amount", month_start(m)) for m in rnd.months), Decimal(0))
        half_share = profile.value(share_name, on)
        field_shares = {f: round_cents(Fraction(s) * half_share, FUND_SHARE) for f, (_, s) in fields.items()}
        counts = (ranking_counts or {}).get(round_id)
        if counts is None and split == "applicants":
            counts = {code: len(v) for code, v in rank_counts(ds, profile, round_id).items()}
        applied = Counter(s.curriculum for s in ds.records.get("students", []) if application_in(s, round_id))
        rows = []
        for f, f_share in field_shares.items():
            members = sorted((c for c in curricula if c.field == f), key=lambda c: c.code)
            weights = {c.code: (c.state_funded_places if split == "places" else (counts or {}).get(c.code, 0))
                       for c in members}
            total_weight = sum(weights.values())
            for c in members:
                share = (round_cents(Fraction(f_share) * Fraction(weights[c.code], total_weight), FUND_SHARE)
                         if total_weight else Decimal(0))
                grants = math.floor(share / per_student) if per_student else 0
                used = per_student * grants
                rows.append(CurriculumFund(c.code, c.name, f, c.state_funded_places, (counts or {}).get(c.code, 0),
                                           share, grants, used, share - used, applied[c.code]))
        rounds[half] = RoundFund(rnd.id, rnd.months, per_student, sum(field_shares.values(), Decimal(0)),
                                 field_shares, rows)
    admin_max = round_cents(Fraction(total) * profile.value("grant_admin_max_share", on), FUND_SHARE)
    return YearFund(year, places, months, total, admin, admin_max, distributable, fields, rounds, split, special)


def special_share(profile: Profile, day: date) -> Fraction:
    """The share of a month's basic fund directed to the special-allowance fund: the school's
    `special_fund_share`, never above `special_fund_max_share` (Lisa 12 1.4 "kuni 50 %")."""
    return min(Fraction(profile.value("special_fund_share", day)),
               Fraction(profile.value("special_fund_max_share", day)))


def rank_counts(ds: Dataset, profile: Profile, round_id: str) -> dict[str, list]:
    """Eligible applicants per curriculum, without building the fund (for the `applicants` rule)."""
    rnd = grant_round(ds, profile, round_id)
    students = [s for s in ds.records.get("students", []) if application_in(s, round_id) is not None]
    rules = DebtRules.from_profile(profile, rnd.results_fixed)
    calendar = calendar_for(students, rnd.results_fixed)
    out: dict[str, list] = {}
    for s in students:
        debts = student_debts(s, rnd.results_fixed, rules, calendar)
        scores = scores_of(ds, s, rnd)
        reasons = eligibility_reasons(ds, profile, rnd, s, application_in(s, round_id),
                                      sum(1 for d in debts if d.is_open), scores)
        if not reasons:
            out.setdefault(s.curriculum, []).append(s.id)
    return out


# --- monthly payments --------------------------------------------------------------------


@dataclass
class Payment:
    student: Student
    curriculum: str
    amount: Decimal
    pay_by: date
    change: str  # continuing | new | moved_up
    replaces: str | None = None


@dataclass
class Stop:
    student: Student
    curriculum: str
    reason: Reason


@dataclass
class MonthReport:
    month: str
    round: GrantRound | None
    payments: list[Payment]
    stops: list[Stop]
    ranking: Ranking | None = None  # the round's ranking the list was taken from

    @property
    def total(self) -> Decimal:
        return sum((p.amount for p in self.payments), Decimal(0))


def _stop_reason(ds: Dataset, s: Student, day: date) -> Reason | None:
    """VII.2, 6.7.8, 4.12.6: from the month after a student goes on academic leave, abroad or
    leaves school, the allowance stops; a placement abroad is studying abroad (4.12.5).
    6.1.10.2, 6.9.2.5, V.6: a recorded stop (`allowance_stop` measure) from the month after its
    decision; VII.1: an ineligible student's at once (`regulation/allowance_stops.py`)."""
    status = status_on(s, day)
    if status is None or status.status in ("expelled", "graduated"):
        return Reason("stopped-left", "Lisa 11 VII.2", (("status", status.status if status else "—"),
                                                          ("since", status.start if status else "")))
    if status.status == "academic_leave":
        return Reason("stopped-leave", "Lisa 11 III.2.1, 6.7.8", (("since", status.start),))
    if status.status == "abroad":
        return Reason("stopped-abroad", "4.12.6", (("since", status.start),))
    placement = abroad_placement_on(ds.placements_of(s.id), day)
    if placement is not None:
        return Reason("stopped-abroad-placement", "4.12.6, 4.12.5",
                      (("placement", placement.id), ("since", placement.start)))
    if study_end(s) < day:
        return Reason("stopped-nominal", "Lisa 11 III.2.3", (("end", study_end(s)),))
    stop = basic_stop(s, day)
    if stop is not None:
        if stop.ineligible:
            return Reason("stopped-ineligible", "Lisa 11 VII.1, VII.2", (("date", stop.date),))
        return Reason("stopped-measure", "6.1.10.2, 6.9.2.5, Lisa 11 V.6", (("date", stop.date),))
    return None


def pay_by(month: str, profile: Profile, calendar) -> date:
    """V.4: by the 26th of the month for that month; V.5: September's may be paid in October and
    February's in March. A 26th on a rest day moves back to the last working day before it."""
    start = month_start(month)
    paid_in = add_months(start, 1) if start.month in (9, 2) else start
    return calendar.on_or_before(paid_in.replace(day=profile.value("grant_payment_day", start)))


def month_report(ds: Dataset, profile: Profile, month: str, ranking: Ranking | None = None) -> MonthReport:
    """Who is paid for `month`: the awarded in each curriculum's ranking, minus those who
    stopped (from the month after the change), plus the next eligible moving up (VII.2).
    `ranking` is the round's ranking when the caller has it already."""
    from cluster_cli.regulation.calendar import working_days

    round_id = round_of_month(month)
    if round_id is None:
        return MonthReport(month, None, [], [])
    ranking = ranking if ranking is not None and ranking.round.id == round_id else rank(ds, profile, round_id)
    rnd = ranking.round
    calendar = working_days(month_start(month))
    receiving: dict[str, list[str]] = {}
    stopped: dict[str, Reason] = {}
    stops_now: list[Stop] = []
    changes: dict[str, tuple[str, str | None]] = {}
    for m in rnd.months[: rnd.months.index(month) + 1]:
        day = month_start(m)
        stops_now = []
        changes = {}
        for code, cands in ranking.by_curriculum.items():
            current = receiving.get(code)
            if current is None:
                current = [c.student.id for c in cands if c.awarded]
                changes.update({sid: ("new" if m == rnd.months[0] else "continuing", None) for sid in current})
            else:
                changes.update({sid: ("continuing", None) for sid in current})
            by_id = {c.student.id: c for c in cands}
            kept, gone = [], []
            for sid in current:
                reason = _stop_reason(ds, by_id[sid].student, day)
                if reason is None:
                    kept.append(sid)
                else:
                    stopped[sid] = reason
                    gone.append(sid)
                    stops_now.append(Stop(by_id[sid].student, code, reason))
            for replaced in gone:
                nxt = next((c for c in cands if c.student.id not in kept and c.student.id not in stopped
                            and c.student.id not in gone and _stop_reason(ds, c.student, day) is None), None)
                if nxt is not None:
                    kept.append(nxt.student.id)
                    changes[nxt.student.id] = ("moved_up", replaced)
            receiving[code] = kept
    due = pay_by(month, profile, calendar)
    amount = profile.value("grant_amount", month_start(month))
    payments = []
    for code, ids in receiving.items():
        by_id = {c.student.id: c for c in ranking.by_curriculum[code]}
        for sid in ids:
            change, replaces = changes.get(sid, ("continuing", None))
            payments.append(Payment(by_id[sid].student, code, amount, due, change, replaces))
    payments.sort(key=lambda p: (p.curriculum, p.student.id))
    stops_now.sort(key=lambda s: (s.curriculum, s.student.id))
    return MonthReport(month, rnd, payments, stops_now, ranking)
