"""Serialising the monthly allowances: special allowance, travel compensation, school lunch."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cluster_cli.findings import Pii
from cluster_cli.i18n import Month, iso_dates, t, tn
from cluster_cli.i18n.words_money import (ALLOWANCE_ALLOWED, ALLOWANCE_BASIS, ALLOWANCE_GROUND, ALLOWANCE_KIND,
                                          ALLOWANCE_LEVEL, ALLOWANCE_MODE, ALLOWANCE_REASON, ALLOWANCE_STATUS)
from cluster_cli.render.files import plain
from cluster_cli.render.numbers import number_text
from cluster_cli.render.views import View
from cluster_cli.regulation.reasons import Reason
from cluster_cli.reports.lunch import LunchReport, LunchRow
from cluster_cli.reports.special_allowance import GROUND_CLAUSE, SpecialApplicant, SpecialReport
from cluster_cli.reports.travel import TravelClaim, TravelReport

TRANSLATED_ARGS = {"ground": ALLOWANCE_GROUND, "level": ALLOWANCE_LEVEL, "status": ALLOWANCE_STATUS}


def _arg(name: str, value: Any, lang: str) -> Any:
    if isinstance(value, Decimal):  # an amount: the sentence's template adds the €
        return number_text(value, lang)
    if isinstance(value, bool):
        return t("allowance.yes" if value else "allowance.no", lang)
    if name in TRANSLATED_ARGS:
        words = TRANSLATED_ARGS[name]
        if isinstance(value, (list, tuple)):
            return ", ".join(t(words[v], lang) for v in value)
        return t(words[value], lang) if value != "—" else value
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return value


def reason_text(reason: Reason, lang: str) -> str:
    args = {k: _arg(k, v, lang) for k, v in reason.args}
    return t(ALLOWANCE_REASON[reason.code], lang, **args)


def _reasons(reasons: list[Reason], lang: str) -> list[dict]:
    return [{"code": r.code, "clause": r.clause, "message": reason_text(r, lang)} for r in reasons]


def _joined(reasons: list[Reason], lang: str) -> str:
    return "; ".join(f"{reason_text(r, lang)} ({r.clause})" for r in reasons)


def _clauses(reasons: list[Reason]) -> str:
    return "; ".join(r.clause for r in reasons)


def _pii(value: str | None, show_pii: bool) -> str | None:
    return None if value is None else plain(Pii(value), show_pii)


def _pii_cell(value: str | None) -> Pii | None:
    return Pii(value) if value else None


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def _ground_text(ground: str, lang: str) -> str:
    return f"{GROUND_CLAUSE[ground].removeprefix('Lisa 12 ')} {t(ALLOWANCE_GROUND[ground], lang)}"


# --- special allowance ---------------------------------------------------------------------------


def _special_status(c: SpecialApplicant, lang: str) -> str:
    if not c.eligible:
        return t("allowance.state.not-eligible", lang)
    return t("allowance.state.awarded" if c.awarded else "allowance.state.not-within-fund", lang)


@iso_dates()
def special_document(r: SpecialReport, lang: str, show_pii: bool) -> dict:
    f = r.fund
    return {
        "month": r.month,
        "applications_by": r.cycle.apply_by.isoformat(),
        "decision_by": r.cycle.decide_by.isoformat(),
        "pay_by": r.cycle.pay_by.isoformat(),
        "appeal_by": r.cycle.appeal_by.isoformat(),
        "appeal_review_working_days": r.cycle.review_working_days,
        "basic_allowance": _money(r.basic_allowance),
        "fund": {
            "study_year": f.year,
            "basic_month_fund": _money(f.basic_month_fund),
            "share": str(f.share),
            "reserved": _money(f.reserved),
            "round": f.round_id,
            "round_share": _money(f.round_share),
            "round_awarded": _money(f.round_awarded),
            "round_leftover": _money(f.round_leftover),
            "leftover_part": _money(f.leftover_part),
            "total": _money(f.total),
            "awarded": _money(r.awarded_total),
            "remaining": _money(r.remaining),
        },
        "applicants": [_special_entry(c, lang, show_pii) for c in r.ranked],
        "excluded": [_special_entry(c, lang, show_pii) for c in r.excluded],
    }


def _special_entry(c: SpecialApplicant, lang: str, show_pii: bool) -> dict:
    s = c.student
    return {
        "rank": c.rank,
        "student": s.id,
        "name": s.full_name,
        "group": s.group,
        "personal_code": _pii(s.personal_code, show_pii),
        "iban": _pii(s.iban, show_pii),
        "submitted": c.application.submitted.isoformat(),
        "age": c.age,
        "own_household": c.own_household,
        "first_year": c.first_year,
        "grounds": [{"ground": g, "clause": GROUND_CLAUSE[g]} for g in c.grounds],
        "evidence": [e.kind for e in c.application.evidence],
        "kind": c.kind,
        "requested": _money(c.requested),
        "amount": _money(c.amount),
        "awarded": c.awarded,
        "decided_by": c.decided_by,
        "tie": c.tie,
        "reasons": _reasons(c.reasons, lang),
        "notes": _reasons(c.notes, lang),
    }


def special_views(r: SpecialReport, lang: str) -> list[View]:
    applicants = View("applicants", "allowance.view.special-applicants", [
        ("rank", "col.rank"), ("group", "allowance.col.group"), ("student", "col.student"), ("name", "col.name"),
        ("personal_code", "col.personal_code"), ("iban", "col.iban"), ("grounds", "allowance.col.grounds"),
        ("kind", "allowance.col.kind"), ("requested", "allowance.col.requested"), ("amount", "col.amount"),
        ("state", "allowance.col.state"), ("decided_by", "col.decided_by"), ("note", "col.note"),
    ], [{
        "rank": c.rank, "group": c.student.group, "student": c.student.id, "name": c.student.full_name,
        "personal_code": _pii_cell(c.student.personal_code), "iban": _pii_cell(c.student.iban),
        "grounds": ", ".join(GROUND_CLAUSE[g].removeprefix("Lisa 12 ") for g in c.grounds),
        "kind": t(ALLOWANCE_KIND[c.kind], lang), "requested": c.requested, "amount": c.amount,
        "state": _special_status(c, lang) + (" (" + t("grant.tie", lang) + ")" if c.tie else ""),
        "decided_by": (_ground_text(c.decided_by, lang) if c.decided_by in GROUND_CLAUSE
                       else t("allowance.col.submitted", lang) if c.decided_by else ""),
        "note": _joined(c.notes, lang),
    } for c in r.ranked], kinds={"requested": "money", "amount": "money", "grounds": "text", "state": "text",
                                 "decided_by": "text"},
        compact=("rank", "student", "name", "amount", "state", "decided_by"))
    excluded = View("excluded", "allowance.view.special-excluded", [
        ("group", "allowance.col.group"), ("student", "col.student"), ("name", "col.name"),
        ("clause", "col.clause"), ("reason", "col.reason"),
    ], [{"group": c.student.group, "student": c.student.id, "name": c.student.full_name,
         "clause": _clauses(c.reasons), "reason": "; ".join(reason_text(x, lang) for x in c.reasons)}
        for c in r.excluded], compact=("student", "name", "clause", "reason"))
    f = r.fund
    fund_columns = [("item", "col.item"), ("amount", "col.amount"), ("clause", "col.clause")]
    fund = View("fund", "allowance.view.special-fund", fund_columns, [
        {"item": t("allowance.fund.basic-month", lang), "amount": f.basic_month_fund, "clause": "Lisa 11 II.1"},
        {"item": t("allowance.fund.reserved", lang, share=f"{float(f.share) * 100:g} %"),
         "amount": f.reserved, "clause": "Lisa 12 1.4"},
        *([{"item": t("allowance.fund.round-awarded", lang, round=f.round_id,
                       share=number_text(f.round_share, lang)),
            "amount": f.round_awarded, "clause": "Lisa 11 V.1"}] if f.round_id else []),
        {"item": t("allowance.fund.leftover", lang, round=f.round_id or "—",
                   leftover=number_text(f.round_leftover, lang)),
         "amount": f.leftover_part, "clause": "Lisa 12 1.4"},
        {"item": t("allowance.fund.total", lang), "amount": f.total, "clause": "Lisa 12 1.4"},
        {"item": t("allowance.fund.awarded", lang), "amount": r.awarded_total, "clause": "Lisa 12 3.2"},
        {"item": t("allowance.fund.remaining", lang), "amount": r.remaining, "clause": ""},
    ], kinds={"item": "text", "amount": "money"})
    return [applicants, excluded, fund]


def special_title(r: SpecialReport, lang: str) -> str:
    c = r.cycle
    return t("allowance.title.special", lang, month=Month(r.month), apply_by=c.apply_by,
             decide_by=c.decide_by, pay_by=c.pay_by, appeal_by=c.appeal_by,
             review=c.review_working_days)


# --- travel ----------------------------------------------------------------------------------------


def _travel_state(c: TravelClaim, lang: str) -> str:
    if c.reasons:
        return t("allowance.state.refused", lang)
    return t("allowance.state.paid" if c.payable else "allowance.state.nothing", lang)


def _journey_verdict(c: TravelClaim, j, lang: str) -> dict:
    """Whether a trip is paid for, and why not: its own reason, or — a trip that counts on a
    claim refused as a whole (reported late, the same settlement as the school) — the claim's."""
    if j.reason is not None:
        return {"accepted": t("allowance.no", lang), "clause": j.reason.clause, "reason": reason_text(j.reason, lang)}
    if c.reasons:
        return {"accepted": t("allowance.no", lang), "clause": _clauses(c.reasons),
                "reason": "; ".join(reason_text(r, lang) for r in c.reasons)}
    return {"accepted": t("allowance.yes" if j.accepted else "allowance.no", lang), "clause": "", "reason": ""}


def _allowed_text(c: TravelClaim, lang: str) -> str:
    if c.allowed is None:
        return ""
    detail = dict(c.allowed_detail)
    if "basis" in detail:
        detail["basis"] = t(ALLOWANCE_BASIS[detail["basis"]], lang)
    return t(ALLOWANCE_ALLOWED[c.category], lang, allowed=c.allowed, **detail)


@iso_dates()
def travel_document(r: TravelReport, lang: str, show_pii: bool) -> dict:
    return {
        "month": r.month,
        "bus_journeys_month": r.bus_month,
        "bus_report_due": r.report_due.isoformat(),
        "bus_pay_by": r.bus_pay_by.isoformat(),
        "car_pay_by": r.car_pay_by.isoformat(),
        "total": _money(r.total),
        "count": sum(1 for c in r.claims if c.payable),
        "claims": [
            {
                "student": c.student.id, "name": c.student.full_name, "group": c.student.group,
                "personal_code": _pii(c.student.personal_code, show_pii), "iban": _pii(c.student.iban, show_pii),
                "mode": c.mode, "month": c.for_month, "submitted": c.application.submitted.isoformat(),
                "category": c.category, "clause": c.clause, "allowed": c.allowed,
                "allowed_explained": _allowed_text(c, lang), "accepted_trips": c.accepted_trips,
                "km": str(c.km) if c.mode == "car" else None,
                "computed": _money(c.computed) if c.mode == "car" else None,
                "fuel_receipts": _money(c.receipts) if c.mode == "car" else None,
                "amount": _money(c.amount), "payable": c.payable,
                "pay_by": c.pay_by.isoformat() if c.pay_by and c.payable else None,
                "reasons": _reasons(c.reasons, lang), "notes": _reasons(c.notes, lang),
                "journeys": [
                    {"date": j.date.isoformat(), "cost": _money(j.cost), "km": str(j.km) if j.km is not None else None,
                     "holiday": j.holiday, "accepted": j.accepted,
                     "clause": j.reason.clause if j.reason else None,
                     "reason": reason_text(j.reason, lang) if j.reason else None}
                    for j in c.journeys
                ],
            }
            for c in r.claims
        ],
    }


def travel_views(r: TravelReport, lang: str) -> list[View]:
    claims = View("claims", "allowance.view.travel-claims", [
        ("mode", "allowance.col.mode"), ("group", "allowance.col.group"), ("student", "col.student"),
        ("name", "col.name"), ("personal_code", "col.personal_code"), ("iban", "col.iban"),
        ("month", "col.month"), ("rule", "allowance.col.rule"), ("allowed", "allowance.col.allowed"),
        ("accepted", "allowance.col.accepted"), ("km", "allowance.col.km"), ("receipts", "allowance.col.receipts"),
        ("amount", "col.amount"), ("pay_by", "col.pay_by"), ("state", "allowance.col.state"), ("note", "col.note"),
    ], [{
        "mode": t(ALLOWANCE_MODE[c.mode], lang), "group": c.student.group, "student": c.student.id,
        "name": c.student.full_name, "personal_code": _pii_cell(c.student.personal_code),
        "iban": _pii_cell(c.student.iban), "month": Month(c.for_month),
        "rule": _clauses(c.reasons) or c.clause,  # a refused claim: the clause refusing it, seen at 80 columns too
        "allowed": c.allowed, "accepted": c.accepted_trips,
        "km": c.km if c.mode == "car" else None, "receipts": c.receipts if c.mode == "car" else None,
        "amount": c.amount, "pay_by": c.pay_by if c.payable else None, "state": _travel_state(c, lang),
        "note": _joined(c.reasons + c.notes, lang),
    } for c in r.claims], kinds={"km": "number", "receipts": "money", "amount": "money", "state": "text"},
        compact=("student", "name", "mode", "rule", "amount", "state"), totals=("amount",))
    journeys = View("journeys", "allowance.view.travel-journeys", [
        ("student", "col.student"), ("mode", "allowance.col.mode"), ("date", "allowance.col.date"),
        ("cost", "allowance.col.cost"), ("km", "allowance.col.km"), ("holiday", "allowance.col.holiday"),
        ("accepted", "allowance.col.accepted-journey"), ("clause", "col.clause"), ("reason", "col.reason"),
    ], [{"student": c.student.id, "mode": t(ALLOWANCE_MODE[c.mode], lang), "date": j.date, "cost": j.cost,
         "km": j.km, "holiday": j.holiday, **_journey_verdict(c, j, lang)}
        for c in r.claims for j in c.journeys], kinds={"cost": "money", "km": "number"},
        compact=("student", "date", "cost", "accepted", "clause", "reason"))
    return [claims, journeys]


def travel_title(r: TravelReport, lang: str) -> str:
    return t("allowance.title.travel", lang, month=Month(r.month), bus_month=Month(r.bus_month), due=r.report_due,
             bus_pay_by=r.bus_pay_by, car_pay_by=r.car_pay_by, total=number_text(r.total, lang))


# --- lunch -------------------------------------------------------------------------------------------


def _lunch_state(row: LunchRow, lang: str) -> str:
    if not row.qualifies:
        return t("allowance.state.not-eligible", lang)
    return t("allowance.state.paid" if row.payable else "allowance.state.awaiting", lang)


@iso_dates()
def lunch_document(r: LunchReport, lang: str, show_pii: bool) -> dict:
    return {
        "month": r.month,
        "amount_per_day": _money(r.per_day),
        "amount_note": t("allowance.lunch.amount-note", lang),
        "school_days": r.school_days,
        "total": _money(r.total),
        "practice": [
            {"student": x.student.id, "name": x.student.full_name, "group": x.student.group,
             "personal_code": _pii(x.student.personal_code, show_pii), "iban": _pii(x.student.iban, show_pii),
             "qualifies": x.qualifies, "practice_days": x.practice_days, "paid_days": x.paid_days,
             "amount": _money(x.amount), "payable": x.payable,
             "submitted": x.submission.submitted.isoformat() if x.submission else None,
             "approved": x.submission.approved.isoformat() if x.submission and x.submission.approved else None,
             "reasons": _reasons(x.reasons, lang), "notes": _reasons(x.notes, lang)}
            for x in r.practice_rows
        ],
        "school": [
            {"student": x.student.id, "name": x.student.full_name, "group": x.student.group,
             "school_days": x.school_days, "attended": x.attended, "lunches": x.lunches,
             "amount": _money(x.school_amount), "notes": _reasons(x.notes, lang)}
            for x in r.rows if x.qualifies
        ],
        "not_qualifying": [
            {"student": x.student.id, "name": x.student.full_name, "group": x.student.group,
             "reasons": _reasons(x.reasons, lang)}
            for x in r.rows if not x.qualifies
        ],
    }


def lunch_views(r: LunchReport, lang: str) -> list[View]:
    practice = View("practice", "allowance.view.lunch-practice", [
        ("group", "allowance.col.group"), ("student", "col.student"), ("name", "col.name"),
        ("personal_code", "col.personal_code"), ("iban", "col.iban"), ("practice_days", "allowance.col.practice-days"),
        ("paid_days", "allowance.col.paid-days"), ("amount", "col.amount"), ("state", "allowance.col.state"),
        ("note", "col.note"),
    ], [{"group": x.student.group, "student": x.student.id, "name": x.student.full_name,
         "personal_code": _pii_cell(x.student.personal_code), "iban": _pii_cell(x.student.iban),
         "practice_days": x.practice_days, "paid_days": x.paid_days, "amount": x.amount,
         "state": _lunch_state(x, lang), "note": _joined(x.reasons + x.notes, lang)} for x in r.practice_rows],
        kinds={"amount": "money", "state": "text"},
        compact=("student", "name", "paid_days", "amount", "state"))
    school = View("school", "allowance.view.lunch-school", [
        ("group", "allowance.col.group"), ("student", "col.student"), ("name", "col.name"),
        ("school_days", "allowance.col.school-days"), ("attended", "allowance.col.attended"),
        ("lunches", "allowance.col.lunches"), ("amount", "col.amount"), ("note", "col.note"),
    ], [{"group": x.student.group, "student": x.student.id, "name": x.student.full_name,
         "school_days": x.school_days, "attended": x.attended, "lunches": x.lunches, "amount": x.school_amount,
         "note": _joined(x.notes, lang)} for x in r.rows if x.qualifies],
        kinds={"amount": "money"}, compact=("student", "name", "school_days", "attended", "lunches", "amount"),
        totals=("lunches", "amount"))
    not_qualifying = View("not_qualifying", "allowance.view.lunch-not-qualifying", [
        ("group", "allowance.col.group"), ("student", "col.student"), ("name", "col.name"),
        ("clause", "col.clause"), ("reason", "col.reason"),
    ], [{"group": x.student.group, "student": x.student.id, "name": x.student.full_name,
         "clause": _clauses(x.reasons), "reason": "; ".join(reason_text(y, lang) for y in x.reasons)}
        for x in r.rows if not x.qualifies], compact=("student", "name", "clause", "reason"))
    return [practice, school, not_qualifying]


def lunch_title(r: LunchReport, lang: str) -> str:
    return t("allowance.title.lunch", lang, month=Month(r.month), per_day=number_text(r.per_day, lang),
             days=r.school_days, total=number_text(r.total, lang))


# --- why a result is empty (said on stderr; exit 0) ----------------------------------------------


def special_empty_reason(r: SpecialReport, lang: str) -> str | None:
    return None if r.ranked or r.excluded else t("empty.allowances.special", lang, month=Month(r.month))


def travel_empty_reason(r: TravelReport, lang: str) -> str | None:
    return None if r.claims else t("empty.allowances.travel", lang, month=Month(r.month))


def lunch_empty_reason(r: LunchReport, lang: str) -> str | None:
    if r.practice_rows or any(x.qualifies for x in r.rows):
        return None
    return tn("empty.allowances.lunch", len(r.rows), lang, month=Month(r.month), count=len(r.rows))
