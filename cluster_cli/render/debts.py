"""Serialising the debt report: its JSON document and its tables (groups, debts, actions,
attendance)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from cluster_cli.i18n import PluralKey, iso_dates, t, tn
from cluster_cli.i18n.words import ACTION, ACTION_WORD, DEBT_STATE, word
from cluster_cli.regulation.debts import AGREEMENT_OVERDUE, CLEARED, EXPIRED, OPEN, Debt
from cluster_cli.render.numbers import quantity_text, share_text
from cluster_cli.render.views import View
from cluster_cli.reports.debts import Action, DebtReport


def share(value: Fraction | None) -> Decimal | None:
    """A share as a typed value for tables and XLSX (0.79545 is shown as 79,5 %): to six places,
    so that showing it to a tenth of a per cent rounds as `render.numbers.share_text` does in the
    messages — rounding it to the JSON's four places first could round twice (79,6 %)."""
    if value is None:
        return None
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.000001"), ROUND_HALF_UP)


def action_message(action: Action, lang: str) -> str:
    """An action's sentence; a share among its arguments (an attendance rate, a limit) and a
    quantity (EKAP as a `Decimal`) in the language's own form (`79,5 %`, `60,7`)."""
    args = {k: share_text(v, lang) if isinstance(v, Fraction)
            else quantity_text(v, lang) if isinstance(v, Decimal) else v for k, v in action.args}
    key = ACTION[action.code]
    if isinstance(key, PluralKey):  # "1 lahtine võlgnevus" / "2 lahtist võlgnevust"
        return tn(key, args["count"], lang, **args)
    return t(key, lang, **args)


@iso_dates()
def to_document(report: DebtReport, lang: str) -> dict:
    """The JSON document of the issue's contract (plus names, attendance per period, outlooks)."""
    students = []
    for r in report.students:
        s = r.student
        students.append({
            "student": s.id,
            "name": s.full_name,
            "group": s.group,
            "debts": [_debt_doc(d) for d in r.debts],
            "attendance": {
                a.period: {
                    "lessons": a.lessons, "unexcused": a.unexcused, "late": a.late, "excused": a.excused,
                    "rate": None if a.rate is None else round(float(a.rate), 4),
                    "below_duty": a.below_duty, "reasons_notified": a.reasons_notified,
                    "practice": a.practice,
                }
                for a in r.attendance
            },
            "transfer": {
                "status": r.transfer.status, "unfulfilled_ekap": str(r.transfer.unfulfilled_ekap),
                "year_ekap": str(r.transfer.year_ekap),
                "clear_by": r.transfer.clear_by.isoformat() if r.transfer.clear_by else None,
            },
            "final_exam": None if r.final_exam is None else {
                "admitted": r.final_exam.admitted, "missing_modules": r.final_exam.missing_modules,
                "vocational_debts": r.final_exam.vocational_debts, "attempts_used": r.final_exam.attempts_used,
                "attempts_left": r.final_exam.attempts_left, "passed": r.final_exam.passed,
            },
            "actions": [_action_doc(a, lang) for a in r.actions],
        })
    return {
        "as_of": report.as_of.isoformat(),
        "groups": [g.__dict__ for g in report.groups],
        "students": students,
        "actions": [{"student": s.student.id, "group": s.student.group, **_action_doc(a, lang)}
                    for s, a in report.all_actions()],
        "states": {state: t(DEBT_STATE[state], lang) for state in (OPEN, AGREEMENT_OVERDUE, EXPIRED, CLEARED)},
    }


def _debt_doc(d: Debt) -> dict:
    return {
        "module": d.module,
        "topic": d.topic,
        "kind": d.kind,
        "grade": d.grade,
        "accounting": d.accounting,
        "arose": d.arose.isoformat(),
        "agree_by": d.agree_by.isoformat(),
        "clear_by": d.clear_by.isoformat(),
        "resit_agreed": d.resit_agreed.isoformat() if d.resit_agreed else None,
        "counts_as_fail_from": d.fail_from.isoformat() if d.fail_from else None,
        "state": d.state,
        "cleared_on": d.cleared_on.isoformat() if d.cleared_on else None,
    }


def _action_doc(a: Action, lang: str) -> dict:
    return {"code": a.code, "clause": a.clause, "urgency": a.urgency,
            "due": a.due.isoformat() if a.due else None, "message": action_message(a, lang)}


def views(report: DebtReport, lang: str) -> list:
    """The report's tables: group summary, debts, actions, attendance."""
    groups = View("groups", "debts.view.groups", [
        ("group", "col.group"), ("students", "col.students"), ("with_debts", "col.with_debts"),
        ("open", "col.open"), ("overdue", "col.overdue"), ("expired", "col.expired"), ("actions", "col.actions"),
    ], [g.__dict__ for g in report.groups], totals=("students", "with_debts", "open", "overdue", "expired", "actions"))
    debt_rows = []
    for r in report.students:
        for d in r.debts:
            debt_rows.append({
                "group": r.student.group, "student": r.student.id, "name": r.student.full_name,
                "module": d.module, "topic": d.topic,
                "grade": d.grade + ("→2" if d.fail_from and d.accounting and d.grade == "X" else ""),
                "arose": d.arose, "agree_by": d.agree_by, "clear_by": d.clear_by,
                "state": t(DEBT_STATE[d.state], lang), "cleared_on": d.cleared_on,
            })
    debts_view = View("debts", "debts.view.debts", [
        ("group", "col.group"), ("student", "col.student"), ("name", "col.name"), ("module", "col.module"),
        ("topic", "col.topic"), ("grade", "col.grade"), ("arose", "col.arose"), ("agree_by", "col.agree_by"),
        ("clear_by", "col.clear_by"), ("state", "col.state"), ("cleared_on", "col.cleared_on"),
    ], debt_rows, kinds={"topic": "text", "state": "text"},
        compact=("student", "name", "module", "clear_by", "state"))
    action_rows = [{
        "urgency": a.urgency, "due": a.due, "group": s.student.group, "student": s.student.id,
        "name": s.student.full_name, "code": word(ACTION_WORD, a.code, lang), "clause": a.clause,
        "message": action_message(a, lang),
    } for s, a in report.all_actions()]
    actions_view = View("actions", "debts.view.actions", [
        ("urgency", "col.urgency"), ("due", "col.due"), ("group", "col.group"), ("student", "col.student"),
        ("name", "col.name"), ("code", "col.action"), ("clause", "col.clause"), ("message", "col.message"),
    ], action_rows, kinds={"urgency": "count", "due": "date", "student": "id", "name": "text", "code": "text",
                           "clause": "code", "message": "text"},
        compact=("due", "student", "name", "clause", "message"))
    attendance_rows = [{
        "group": r.student.group, "student": r.student.id, "name": r.student.full_name, "period": a.period,
        "lessons": a.lessons, "unexcused": a.unexcused, "late": a.late, "excused": a.excused,
        "rate": share(a.rate), "below_duty": a.below_duty,
    } for r in report.students for a in r.attendance]
    attendance_view = View("attendance", "debts.view.attendance", [
        ("group", "col.group"), ("student", "col.student"), ("name", "col.name"), ("period", "col.period"),
        ("lessons", "col.lessons"), ("unexcused", "col.unexcused"), ("late", "col.late"), ("excused", "col.excused"),
        ("rate", "col.rate"), ("below_duty", "col.below_duty"),
    ], attendance_rows, kinds={"rate": "share"},
        compact=("student", "name", "period", "unexcused", "rate", "below_duty"))
    return [groups, debts_view, actions_view, attendance_view]


def title(report: DebtReport, lang: str) -> str:
    return t("debts.title", lang, date=report.as_of)


def empty_reason(report: DebtReport, lang: str, group: str | None = None, student: str | None = None) -> str | None:
    """Why the report lists no debts (said on stderr), or None when it lists some."""
    if any(r.debts for r in report.students):
        return None
    day = report.as_of
    if student is not None:
        return t("empty.debts.student", lang, student=student, date=day)
    if group is not None:
        return t("empty.debts.group", lang, group=group, date=day)
    return t("empty.debts", lang, date=day)
