"""Serialising the basic-allowance results: rankings, the fund, monthly payments, explanations."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from cluster_cli.findings import Pii
from cluster_cli.i18n import N_, Month, iso_dates, t, tn
from cluster_cli.i18n.words_money import GRANT_CHANGE, GRANT_CRITERION, GRANT_REASON, ROUND_SHARE, ROUND_USED
from cluster_cli.render.files import plain
from cluster_cli.render.views import View
from cluster_cli.render.numbers import number_text, share_text
from cluster_cli.reports.grant_eligibility import Candidate
from cluster_cli.reports.grants import (
    MonthReport,
    Ranking,
    Reason,
    YearFund,
)

COMPONENTS = ("weighted_average", "average", "period_average", "completion", "unexcused",
              "outstanding_results", "social_activity", "attendance", "lower_income")


def _percent_one_place(value: Any) -> str:
    return share_text(value, "en")


def _two_places(value: Any) -> str:
    return number_text(value, "en", 2)


_SCORE_FORMATS = {"completion": _percent_one_place, "attendance": _percent_one_place,
                  "average": _two_places, "weighted_average": _two_places, "period_average": _two_places}


def score_text(name: str, value: Any) -> str:
    """A score component as the JSON document writes it (shares in per cent, averages to two
    places, counts as they are; "—" when missing). Called once per cell, so one lookup."""
    if value is None:
        return "—"
    return _SCORE_FORMATS.get(name, str)(value)


_SHARE_COMPONENTS = ("completion", "attendance")
_AVERAGE_COMPONENTS = ("average", "weighted_average", "period_average")


def score_words(name: str, value: Any, lang: str) -> str:
    """A score component inside a sentence, as the user's language writes numbers (`79,5 %`)."""
    if name in _SHARE_COMPONENTS:
        return share_text(value, lang)
    if name in _AVERAGE_COMPONENTS:
        return number_text(value, lang, 2)
    return "—" if value is None else str(value)


def reason_text(reason: Reason, lang: str) -> str:
    args = dict(reason.args)
    if "criterion" in args:  # a threshold: the score and its limit as numbers of the language
        name = args["criterion"]
        args["value"], args["limit"] = score_words(name, args["value"], lang), score_words(name, args["limit"], lang)
        args["criterion"] = t(GRANT_CRITERION[name], lang)
    return t(GRANT_REASON[reason.code], lang, **args)


def _components(c: Candidate) -> dict[str, str]:
    """The candidate's score components as shown: computed once per row, shared by its cells."""
    return {name: score_text(name, c.scores.value(name)) for name in COMPONENTS} if c.scores else {}


# How a score component is typed in a table: shares (fractions of 1) to a tenth of a per cent,
# averages to two places, counts as they are, income as money — JSON keeps `score_text`.
_SHARES = ("completion", "attendance")
_AVERAGES = ("weighted_average", "average", "period_average")
COMPONENT_KINDS = {**{n: "share" for n in _SHARES}, **{n: "number" for n in _AVERAGES}, "lower_income": "money"}


def _typed(name: str, value: Any) -> Any:
    if value is None or name not in _SHARES + _AVERAGES:
        return value
    exact = Fraction(value)
    places = Decimal("0.001") if name in _SHARES else Decimal("0.01")
    return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(places, ROUND_HALF_UP)


def _pii(value: str | None, show_pii: bool) -> str | None:
    return None if value is None else plain(Pii(value), show_pii)


# --- rank ----------------------------------------------------------------------------------


def ranking_title(r: Ranking, lang: str) -> str:
    return t("grant.title.rank", lang, round=r.round.id)


@iso_dates()
def ranking_document(r: Ranking, lang: str, show_pii: bool) -> dict:
    rnd = r.round
    return {
        "round": rnd.id,
        "applications_by": rnd.apply_by.isoformat(),
        "decision_by": rnd.decide_by.isoformat(),
        "results_fixed": rnd.results_fixed.isoformat(),
        "window_start": rnd.window_start.isoformat(),
        "months": list(rnd.months),
        "curricula": [
            {
                "curriculum": code,
                "grants": r.grants.get(code, 0),
                "ranking": [
                    {
                        "rank": c.rank,
                        "student": c.student.id,
                        "name": c.student.full_name,
                        "personal_code": _pii(c.student.personal_code, show_pii),
                        "awarded": c.awarded,
                        "tie": c.tie,
                        "decided_by": c.decided_by,
                        "components": _components(c),
                    }
                    for c in cands
                ],
            }
            for code, cands in r.by_curriculum.items()
        ],
        "excluded": [
            {
                "student": c.student.id,
                "name": c.student.full_name,
                "curriculum": c.student.curriculum,
                "reasons": [{"code": x.code, "clause": x.clause, "message": reason_text(x, lang)} for x in c.reasons],
            }
            for c in r.excluded
        ],
    }


def ranking_views(r: Ranking, lang: str) -> list[View]:
    rows = []
    for code, cands in r.by_curriculum.items():
        for c in cands:
            comp = {name: _typed(name, c.scores.value(name)) for name in COMPONENTS} if c.scores else {}
            rows.append({
                "curriculum": code, "rank": c.rank, "student": c.student.id, "name": c.student.full_name,
                "awarded": t("grant.awarded" if c.awarded else "grant.not-awarded", lang),
                "tie": t("grant.tie", lang) if c.tie else "",
                "decided_by": t(GRANT_CRITERION[c.decided_by], lang) if c.decided_by else "",
                **comp,
            })
    ranked = View("ranking", "grant.view.ranking", [
        ("curriculum", "col.curriculum"), ("rank", "col.rank"), ("student", "col.student"), ("name", "col.name"),
        ("awarded", "col.awarded"), ("weighted_average", "grant.criterion.weighted_average"),
        ("average", "grant.criterion.average"), ("period_average", "grant.criterion.period_average"),
        ("completion", "grant.criterion.completion"), ("unexcused", "grant.criterion.unexcused"),
        ("outstanding_results", "grant.criterion.outstanding_results"),
        ("social_activity", "grant.criterion.social_activity"), ("attendance", "grant.criterion.attendance"),
        ("lower_income", "grant.criterion.lower_income"), ("decided_by", "col.decided_by"), ("tie", "col.tie"),
    ], rows, kinds={**COMPONENT_KINDS, "decided_by": "text", "awarded": "text"},
        compact=("curriculum", "rank", "student", "name", "awarded", "decided_by", "tie"))
    excluded = View("excluded", "grant.view.excluded", [
        ("curriculum", "col.curriculum"), ("student", "col.student"), ("name", "col.name"), ("clause", "col.clause"),
        ("reason", "col.reason"),
    ], [{"curriculum": c.student.curriculum, "student": c.student.id, "name": c.student.full_name,
         "clause": "; ".join(x.clause for x in c.reasons),
         "reason": "; ".join(reason_text(x, lang).rstrip(".") for x in c.reasons)} for c in r.excluded],
        compact=("curriculum", "student", "name", "reason"))
    return [ranked, excluded]


# --- fund ----------------------------------------------------------------------------------


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


def fund_title(f: YearFund, lang: str) -> str:
    return t("grant.title.fund", lang, year=f.year)


@iso_dates()
def fund_document(f: YearFund) -> dict:
    return {
        "year": f.year,
        "state_funded_places": f.places,
        "months": [{"month": m, "amount": _money(a), "coefficient": str(c), "fund": _money(v)}
                   for m, a, c, v in f.months],
        "total": _money(f.total),
        "administration": _money(f.admin),
        "administration_max": _money(f.admin_max),
        "special_reserved": _money(f.special_reserved),
        "distributable": _money(f.distributable),
        "split_rule": f.split_rule,
        "fields": [{"field": k, "places": n, "share": _money(s)} for k, (n, s) in f.fields.items()],
        "rounds": [
            {
                "round": r.round,
                "months": list(r.months),
                "per_student": _money(r.per_student),
                "share": _money(r.share),
                "curricula": [
                    {"curriculum": c.curriculum, "name": c.name, "field": c.field, "places": c.places,
                     "eligible_applicants": c.applicants, "share": _money(c.share), "grants": c.grants,
                     "used": _money(c.used), "leftover": _money(c.leftover)}
                    for c in r.curricula
                ],
                "used": _money(r.used),
            }
            for r in f.rounds.values()
        ],
        "leftover": _money(f.leftover),
    }


def fund_views(f: YearFund, lang: str) -> list[View]:
    months = View("months", "grant.view.months", [
        ("month", "col.month"), ("amount", "col.amount"), ("coefficient", "col.coefficient"),
        ("places", "col.places"), ("fund", "col.fund"),
    ], [{"month": Month(m), "amount": a, "coefficient": c, "places": f.places, "fund": v}
         for m, a, c, v in f.months],
        kinds={"amount": "money", "coefficient": "number", "fund": "money"}, totals=("fund",))
    rows = []
    for r in f.rounds.values():
        for c in r.curricula:
            rows.append({"round": r.round, "field": c.field, "curriculum": c.curriculum, "name": c.name,
                         "places": c.places, "applicants": c.applied, "share": c.share,
                         "per_student": r.per_student, "grants": c.grants, "used": c.used, "leftover": c.leftover})
    curricula = View("curricula", "grant.view.fund", [
        ("round", "col.round"), ("field", "col.field"), ("curriculum", "col.curriculum"), ("name", "col.name"),
        ("places", "col.places"), ("applicants", "col.applicants"), ("share", "col.share"),
        ("per_student", "col.per_student"), ("grants", "col.grants"), ("used", "col.used"),
        ("leftover", "col.leftover"),
    ], rows, kinds={"share": "money", "per_student": "money", "used": "money", "leftover": "money"},
        compact=("round", "curriculum", "applicants", "share", "grants", "leftover"),
        totals=("share", "grants", "used", "leftover"))
    totals = View("totals", "grant.view.totals", [("item", "col.item"), ("amount", "col.amount")], [
        {"item": t(key, lang), "amount": amount} for key, amount in [
            (N_("grant.total.fund"), f.total),
            (N_("grant.total.admin"), f.admin),
            *([(N_("grant.total.special-reserved"), f.special_reserved)] if f.special_reserved else []),
            (N_("grant.total.distributable"), f.distributable),
            *((ROUND_SHARE[k], r.share) for k, r in f.rounds.items()),
            *((ROUND_USED[k], r.used) for k, r in f.rounds.items()),
            (N_("grant.total.leftover"), f.leftover),
        ]
    ], kinds={"item": "text", "amount": "money"})
    return [months, curricula, totals]


# --- monthly payments ----------------------------------------------------------------------


def month_title(m: MonthReport, lang: str) -> str:
    """The payment date when there are payments; a month with none has no title — why it has
    none (outside every round, or nobody to pay) is said once, by `month_empty_reason`."""
    if m.payments:
        return t("grant.title.report", lang, month=Month(m.month), pay_by=m.payments[0].pay_by)
    return ""


@iso_dates()
def month_document(m: MonthReport, lang: str, show_pii: bool) -> dict:
    return {
        "month": m.month,
        "round": m.round.id if m.round else None,
        "pay_by": m.payments[0].pay_by.isoformat() if m.payments else None,
        "total": _money(m.total),
        "count": len(m.payments),
        "payments": [
            {"student": p.student.id, "name": p.student.full_name, "curriculum": p.curriculum,
             "personal_code": _pii(p.student.personal_code, show_pii), "iban": _pii(p.student.iban, show_pii),
             "amount": _money(p.amount), "pay_by": p.pay_by.isoformat(), "change": p.change,
             "replaces": p.replaces, "note": _change_note(p, lang)}
            for p in m.payments
        ],
        "stopped": [
            {"student": s.student.id, "name": s.student.full_name, "curriculum": s.curriculum,
             "code": s.reason.code, "clause": s.reason.clause, "message": reason_text(s.reason, lang)}
            for s in m.stops
        ],
    }


def _change_note(p, lang: str) -> str:
    if p.change == "moved_up":
        return t("grant.change.moved_up", lang, replaces=p.replaces)
    if not p.student.iban:
        return t("grant.change.no-iban", lang)
    return t(GRANT_CHANGE[p.change], lang)


def month_views(m: MonthReport, lang: str) -> list[View]:
    payments = View("payments", "grant.view.payments", [
        ("curriculum", "col.curriculum"), ("student", "col.student"), ("name", "col.name"),
        ("personal_code", "col.personal_code"), ("iban", "col.iban"), ("amount", "col.amount"),
        ("pay_by", "col.pay_by"), ("note", "col.note"),
    ], [{"curriculum": p.curriculum, "student": p.student.id, "name": p.student.full_name,
         "personal_code": Pii(p.student.personal_code) if p.student.personal_code else None,
         "iban": Pii(p.student.iban) if p.student.iban else None, "amount": p.amount,
         "pay_by": p.pay_by, "note": _change_note(p, lang)} for p in m.payments],
        kinds={"curriculum": "code", "student": "id", "personal_code": "code", "iban": "code", "amount": "money",
               "pay_by": "date"},
        compact=("student", "name", "iban", "amount", "note"), totals=("amount",), subtotals="curriculum")
    stops = View("stopped", "grant.view.stopped", [
        ("curriculum", "col.curriculum"), ("student", "col.student"), ("name", "col.name"),
        ("clause", "col.clause"), ("reason", "col.reason"),
    ], [{"curriculum": s.curriculum, "student": s.student.id, "name": s.student.full_name,
         "clause": s.reason.clause, "reason": reason_text(s.reason, lang)} for s in m.stops],
        compact=("student", "name", "clause", "reason"))
    return [payments, stops]


# --- explain -------------------------------------------------------------------------------


def explain_lines(r: Ranking, student_id: str, lang: str) -> list[str]:
    """A plain-language account of one student's result in the round."""
    rnd = r.round
    lines = [t("grant.explain.round", lang, round=rnd.id, apply_by=rnd.apply_by,
               fixed=rnd.results_fixed, window=rnd.window_start)]
    excluded = next((c for c in r.excluded if c.student.id == student_id), None)
    ranked = next(((code, cands, c) for code, cands in r.by_curriculum.items() for c in cands
                   if c.student.id == student_id), None)
    if excluded is None and ranked is None:
        lines.append(t("grant.explain.no-application", lang, round=rnd.id))
        return lines
    c = excluded or ranked[2]
    lines.append(t("grant.explain.student", lang, id=c.student.id, name=c.student.full_name,
                   curriculum=c.student.curriculum))
    if excluded is not None:
        lines.append(t("grant.explain.excluded", lang))
        lines += [f"  - {reason_text(x, lang)} ({x.clause})" for x in excluded.reasons]
    else:
        code, cands, c = ranked
        lines.append(t("grant.explain.eligible", lang))
    lines.append(t("grant.explain.components", lang))
    for name in COMPONENTS if c.scores else ():
        lines.append(f"  - {t(GRANT_CRITERION[name], lang)}: {score_words(name, c.scores.value(name), lang)}")
    if ranked is not None:
        code, cands, c = ranked
        lines.append(t("grant.explain.rank", lang, rank=c.rank, total=len(cands), grants=r.grants.get(code, 0),
                       curriculum=code))
        lines.append(t("grant.explain.awarded" if c.awarded else "grant.explain.not-awarded", lang))
        if c.rank > 1:
            above = cands[c.rank - 2]
            lines.append(_compare(N_("grant.explain.below"), above.decided_by, c, above, lang))
        if c.rank < len(cands):
            lines.append(_compare(N_("grant.explain.above"), c.decided_by, c, cands[c.rank], lang))
        if c.tie:
            lines.append(t("grant.explain.tie", lang))
    return lines


def _compare(key: str, name: str | None, me: Candidate, other: Candidate, lang: str) -> str:
    """`name` is the first component in which the upper of the two beats the lower."""
    if name is None:
        return t("grant.explain.tied-with", lang, other=other.student.id)
    return t(key, lang, other=other.student.id, criterion=t(GRANT_CRITERION[name], lang),
             mine=score_words(name, me.scores.value(name), lang),
             theirs=score_words(name, other.scores.value(name), lang))


@iso_dates()
def explain_document(r: Ranking, student_id: str, lang: str) -> dict[str, Any]:
    excluded = next((c for c in r.excluded if c.student.id == student_id), None)
    ranked = next((c for cands in r.by_curriculum.values() for c in cands if c.student.id == student_id), None)
    c = excluded or ranked
    return {
        "round": r.round.id,
        "student": student_id,
        "applied": c is not None,
        "eligible": ranked is not None,
        "reasons": [{"code": x.code, "clause": x.clause, "message": reason_text(x, lang)}
                    for x in (excluded.reasons if excluded else [])],
        "components": _components(c) if c else {},
        "rank": ranked.rank if ranked else None,
        "awarded": bool(ranked and ranked.awarded),
        "tie": bool(ranked and ranked.tie),
        "explanation": explain_lines(r, student_id, lang),
    }


# --- why a result is empty (said on stderr; exit 0) -------------------------------------------


def ranking_empty_reason(r: Ranking, lang: str) -> str | None:
    if any(r.by_curriculum.values()):
        return None
    if not r.excluded:
        return t("empty.grants.rank", lang, round=r.round.id)
    return tn("empty.grants.rank-none-eligible", len(r.excluded), lang, round=r.round.id, count=len(r.excluded))


def fund_empty_reason(f: YearFund, lang: str) -> str | None:
    return t("empty.grants.fund", lang) if not f.places else None


def month_empty_reason(m: MonthReport, lang: str) -> str | None:
    if m.payments:
        return None
    if m.round is None:
        return t("grant.title.report-none", lang, month=Month(m.month))
    return t("empty.grants.report", lang, month=Month(m.month), round=m.round.id)
