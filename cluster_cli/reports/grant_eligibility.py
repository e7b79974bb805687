"""Who may receive the basic study allowance in a round (6.12, Lisa 11 III–V): the round's dates,
the reasons a student is not eligible, and the score components the ranking compares.

Pure functions of (dataset, profile, round); `reports/grants.py` ranks, builds the fund and
the monthly payment list from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

from cluster_cli.i18n import Period
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.grades import NUMERIC, POSITIVE
from cluster_cli.model.records import Application, Student
from cluster_cli.regulation.attendance import counted
from cluster_cli.regulation.allowance_stops import basic_barred
from cluster_cli.regulation.study_year import current_first_year
from cluster_cli.regulation.facts import (
    abroad_placement_on,
    add_months,
    has_state_funded_place,
    is_level_education,
    is_stationary,
    period_dates,
    status_on,
    study_end,
)
from cluster_cli.regulation.months import month_id, month_start
from cluster_cli.regulation.profile import Profile
from cluster_cli.regulation.reasons import Reason


# --- rounds --------------------------------------------------------------------------------


@dataclass(frozen=True)
class GrantRound:
    """A round (Lisa 11 III.5, IV.4, V.1; 6.12.4). Autumn: applications by 10 September, paid
    September–January; spring: by 10 February, paid February–June."""

    id: Period  # the id, shown as `2026-sügis` in Estonian
    half: str
    apply_by: date
    decide_by: date
    months: tuple[str, ...]
    results_fixed: date
    window_start: date

    @property
    def first_day(self) -> date:
        return month_start(self.months[0])


def grant_round(ds: Dataset, profile: Profile, round_id: str) -> GrantRound:
    year, half = int(round_id[:4]), round_id[5:]
    first = date(year, 9, 1) if half == "autumn" else date(year, 2, 1)
    p = lambda name: profile.value(name, first)  # noqa: E731
    months = tuple(month_id(add_months(first, i)) for i in range(p("grant_round_months")))
    apply_by = first.replace(day=p("grant_application_day"))
    decide_by = add_months(first, 1).replace(day=p("grant_decision_day"))
    settings = next((r for r in (ds.cluster.grant_rounds if ds.cluster else []) if r.id == round_id), None)
    # 6.12.4: results are fixed five days before the school holiday — for the autumn round the
    # summer holiday before it, for the spring round the Christmas holiday (second half of
    # June / of December). The window of grades is the study period before that date.
    previous = f"{year}-spring" if half == "autumn" else f"{year - 1}-autumn"
    window_start, period_end = period_dates(ds.cluster, previous)
    holiday = _holiday_start(ds, period_end if half == "autumn" else date(year - 1, 12, 1), half)
    fixed = holiday - timedelta(days=p("grant_results_fixed_days_before_holiday"))
    if settings is not None:
        fixed = settings.results_fixed or fixed
        window_start = settings.window_start or window_start
    return GrantRound(Period(round_id), half, apply_by, decide_by, months, fixed, window_start)


def _holiday_start(ds: Dataset, around: date, half: str) -> date:
    """The school holiday that starts in June–July (autumn round) or December (spring round)."""
    wanted = (6, 7) if half == "autumn" else (12,)
    for h in sorted(ds.cluster.school_holidays if ds.cluster else [], key=lambda h: h.start):
        if h.start.year == around.year and h.start.month in wanted:
            return h.start
    return date(around.year, 7, 1) if half == "autumn" else date(around.year, 12, 22)


def round_of_month(month: str) -> str | None:
    """The round that pays `month` (YYYY-MM); July and August belong to none."""
    year, m = int(month[:4]), int(month[5:7])
    if m >= 9:
        return f"{year}-autumn"
    if m == 1:
        return f"{year - 1}-autumn"
    if 2 <= m <= 6:
        return f"{year}-spring"
    return None


# --- eligibility and scores ------------------------------------------------------------------


@dataclass
class Scores:
    average: Fraction | None
    weighted_average: Fraction | None
    period_average: Fraction | None
    completion: Fraction | None
    unexcused: int
    outstanding_results: int
    social_activity: int
    attendance: Fraction | None
    lower_income: Decimal | None

    def value(self, name: str) -> Any:
        return getattr(self, name)


@dataclass
class Candidate:
    student: Student
    application: Application | None
    reasons: list[Reason] = field(default_factory=list)
    scores: Scores | None = None
    rank: int | None = None
    tie: bool = False
    decided_by: str | None = None  # the first component that sets it above the next one
    awarded: bool = False

    @property
    def eligible(self) -> bool:
        return not self.reasons


def application_in(s: Student, round_id: str) -> Application | None:
    found = [a for a in s.applications if a.kind == "basic" and a.round == round_id]
    return min(found, key=lambda a: a.submitted) if found else None


def eligibility_reasons(ds: Dataset, profile: Profile, rnd: GrantRound, s: Student, app: Application | None,
                        debts_open: int, scores: Scores) -> list[Reason]:
    p = lambda name: profile.value(name, rnd.first_day)  # noqa: E731
    reasons: list[Reason] = []
    add = reasons.append
    if app is None:
        add(Reason("no-application", "Lisa 11 IV.4", (("round", rnd.id),)))
    elif app.submitted > rnd.apply_by:
        add(Reason("late-application", "Lisa 11 IV.4",
                   (("submitted", app.submitted), ("deadline", rnd.apply_by))))
    if rnd.half == "autumn" and s.course == 1:
        add(Reason("first-year", "Lisa 11 III.5"))
    if s.residence == "none":
        add(Reason("residence", "Lisa 11 III.1 a"))
    curriculum = ds.curricula.get(s.curriculum)
    if not is_level_education(curriculum, p("allowances_exclude_vocational_choice")):
        add(Reason("not-level-education", "Lisa 11 III.1.1"))
    if not is_stationary(s, curriculum):
        add(Reason("not-stationary", "Lisa 11 III.1.1"))
    if not has_state_funded_place(s, curriculum):
        add(Reason("no-state-place", "Lisa 11 III.1.1"))
    if study_end(s) < rnd.first_day:
        add(Reason("nominal-duration", "Lisa 11 III.2.3, III.4", (("end", study_end(s)),)))
    status = status_on(s, rnd.apply_by)
    if status is None or status.status in ("expelled", "graduated"):
        add(Reason("not-studying", "Lisa 11 III.1", (("status", status.status if status else "—"),)))
    elif status.status == "academic_leave":
        add(Reason("academic-leave", "Lisa 11 III.2.1, 6.7.8", (("since", status.start),)))
    elif status.status == "abroad":
        add(Reason("abroad", "4.12.6", (("since", status.start),)))
    elif (placement := abroad_placement_on(ds.placements_of(s.id), rnd.apply_by)) is not None:
        add(Reason("abroad-placement", "4.12.6, 4.12.5", (("placement", placement.id), ("since", placement.start))))
    if debts_open:
        add(Reason("debts", "Lisa 11 III.2.2", (("count", debts_open), ("date", rnd.results_fixed))))
    limit = p("grant_refuse_unexcused_over")
    if limit is not None and scores.unexcused > limit:
        add(Reason("unexcused", "Lisa 11 III.3, 6.12.6", (("count", scores.unexcused), ("limit", limit))))
    barred = basic_barred(s, current_first_year(profile, rnd.first_day), rnd.decide_by,
                          lambda day: current_first_year(profile, day))
    if barred is not None:
        add(Reason("barred", "Lisa 11 VII.1", (("date", barred.date),)))
    if p("grant_refuse_on_violations"):
        found = [v for v in s.violations if rnd.window_start <= v.date <= rnd.decide_by]
        if found:
            add(Reason("violations", "Lisa 11 V.6", (("kinds", sorted({v.kind for v in found})),)))
    reasons.extend(school_thresholds(p("grant_ranking")["criteria"], scores))
    return reasons


# Lisa 11 V.2 names what the ranking rests on, not a threshold; a threshold is the school's own
# condition (V preamble: the school sets its conditions, ÕÕS § 5 lg 8), cited as the school wrote it.
SCHOOL_CONDITION = "Lisa 11 V (ÕÕS § 5 lg 8)"


def school_thresholds(criteria: list[dict], scores: Scores) -> list[Reason]:
    """A criterion's `min`/`max` is the school's condition, not V.2's: the reason cites the
    criterion's `condition` (the school's own reference) or, without one, the V preamble that lets
    the school set conditions. A student with no value (no grades in the window, e.g. back from
    leave) fails no threshold — V.2 ranks them, last (`reports/grants.py:_sort_key`)."""
    found: list[Reason] = []
    for crit in criteria:
        value = scores.value(crit["name"])
        if value is None:
            continue
        clause = str(crit.get("condition") or SCHOOL_CONDITION)
        for bound, op, fails in (("min", "≥", lambda v, lim: v < lim), ("max", "≤", lambda v, lim: v > lim)):
            if bound in crit and fails(Fraction(value), Fraction(str(crit[bound]))):
                found.append(Reason("school-threshold", clause, (
                    ("criterion", crit["name"]), ("value", value), ("limit", Fraction(str(crit[bound]))),
                    ("op", op))))
    return found


def scores_of(ds: Dataset, s: Student, rnd: GrantRound) -> Scores:
    """The components of V.2 (curriculum fulfilment and attendance) as Tahvel computes them:
    averages of numeric grades only; the EKAP-weighted average over each module's latest
    summary result; the window's (last period's) average; completion = the share of positive
    results in the window; unexcused lessons and attendance in that period."""
    upto = [g for g in s.grades if g.date <= rnd.results_fixed and g.kind != "prior_learning"]
    numeric = [NUMERIC[g.value] for g in upto if g.value in NUMERIC]
    average = Fraction(sum(numeric), len(numeric)) if numeric else None
    curriculum = ds.curricula.get(s.curriculum)
    ekap = {m.id: m.ekap for m in curriculum.modules} if curriculum else {}
    latest: dict[str, int] = {}
    for g in sorted((g for g in upto if g.kind in ("module", "final") and g.value in NUMERIC), key=lambda g: g.date):
        latest[g.module] = NUMERIC[g.value]
    weight = sum(Fraction(ekap.get(m, 1)) for m in latest)
    weighted = sum(Fraction(ekap.get(m, 1)) * v for m, v in latest.items()) / weight if latest else average
    window = [g for g in upto if g.date >= rnd.window_start]
    w_numeric = [NUMERIC[g.value] for g in window if g.value in NUMERIC]
    period_average = Fraction(sum(w_numeric), len(w_numeric)) if w_numeric else None
    completion = Fraction(sum(1 for g in window if g.value in POSITIVE), len(window)) if window else None
    previous = f"{rnd.window_start.year}-{'spring' if rnd.half == 'autumn' else 'autumn'}"
    record = next((a for a in s.attendance if a.period == previous), None)
    # Lessons on the days of a placement with a valid contract are practice, not absence.
    att = counted(ds.cluster, record, ds.placements_of(s.id)) if record else None
    unexcused = att.unexcused if att else 0
    attendance = att.rate if att else None
    in_window = [a for a in s.achievements if rnd.window_start <= a.date <= rnd.decide_by]
    return Scores(
        average=average,
        weighted_average=weighted,
        period_average=period_average,
        completion=completion,
        unexcused=unexcused,
        outstanding_results=sum(1 for a in in_window if a.kind == "outstanding_results"),
        social_activity=sum(1 for a in in_window if a.kind in ("social_activity", "competition")),
        attendance=attendance,
        lower_income=s.income_previous_year,
    )
