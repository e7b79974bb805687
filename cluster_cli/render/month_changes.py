"""Serialising what changed since last month (`reports/month_changes.py`): the changes and the
totals as views (a table each, an XLSX sheet each) and as the JSON document's `changes` part."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cluster_cli.i18n import N_, iso_dates, t
from cluster_cli.render.numbers import number_text
from cluster_cli.render.views import View
from cluster_cli.regulation.reasons import Reason
from cluster_cli.reports.month_changes import ChangeTotal, MonthChanges

CHANGE_WORD = {
    "start": N_("month-change.change.start"),
    "moved_up": N_("month-change.change.moved_up"),
    "amount": N_("month-change.change.amount"),
    "stop": N_("month-change.change.stop"),
}
KIND_WORD = {
    "basic": N_("month-change.kind.basic"),
    "special": N_("month-change.kind.special"),
    "travel": N_("month-change.kind.travel"),
}
# The reasons the comparison adds; the others are the payment reports' own.
CHANGE_REASON = {
    "change-awarded": N_("month-change.reason.change-awarded"),
    "change-start": N_("month-change.reason.change-start"),
    "change-moved-up": N_("month-change.reason.change-moved-up"),
    "change-amount": N_("month-change.reason.change-amount"),
    "change-no-round": N_("month-change.reason.change-no-round"),
    "change-not-awarded": N_("month-change.reason.change-not-awarded"),
    "change-no-application": N_("month-change.reason.change-no-application"),
    "change-no-claim": N_("month-change.reason.change-no-claim"),
}


def change_reason_text(kind: str, reason: Reason, lang: str) -> str:
    if reason.code in CHANGE_REASON:
        args: dict[str, Any] = {k: number_text(v, lang) if isinstance(v, Decimal) else v for k, v in reason.args}
        return t(CHANGE_REASON[reason.code], lang, **args)
    if kind == "basic":
        from cluster_cli.render.grants import reason_text

        return reason_text(reason, lang)
    from cluster_cli.render.allowances import reason_text as allowance_reason

    return allowance_reason(reason, lang)


def _total_label(total: ChangeTotal, lang: str) -> str:
    if total.kind is None:
        return t("month-change.total.all", lang)
    if total.curriculum is None:
        return t("month-change.total.kind", lang, kind=t(KIND_WORD[total.kind], lang))
    return total.curriculum


def changes_views(m: MonthChanges, lang: str) -> list[View]:
    """The changes (who starts, moves up, whose amount changed, who stops — and why) and the
    totals per kind and curriculum, per kind and in all."""
    changes = View("changes", "month-change.view.changes", [
        ("kind", "col.kind"), ("curriculum", "col.curriculum"), ("student", "col.student"), ("name", "col.name"),
        ("change", "col.change"), ("before", "col.before"), ("after", "col.after"),
        ("difference", "col.difference"), ("clause", "col.clause"), ("reason", "col.reason"),
    ], [
        {"kind": t(KIND_WORD[c.kind], lang), "curriculum": c.curriculum, "student": c.student.id,
         "name": c.student.full_name, "change": t(CHANGE_WORD[c.change], lang), "before": c.before,
         "after": c.after, "difference": c.difference, "clause": c.reason.clause,
         "reason": change_reason_text(c.kind, c.reason, lang)}
        for c in m.changes
    ], kinds={"curriculum": "code", "student": "id", "before": "money", "after": "money", "difference": "money",
              "change": "text", "kind": "text"},
        compact=("student", "name", "change", "difference", "reason"))
    if len(m.kinds) == 1:  # a list of one kind: the column would say the same on every row
        changes.columns = [c for c in changes.columns if c[0] != "kind"]
    totals = View("change_totals", "month-change.view.totals", [
        ("group", "col.curriculum"), ("paid_before", "col.paid_before"), ("before", "col.before"),
        ("paid_now", "col.paid_now"), ("after", "col.after"), ("difference", "col.difference"),
        ("starts", "col.starts"), ("moved_up", "col.moved_up"), ("amounts", "col.amounts"), ("stops", "col.stops"),
    ], [
        {"group": _total_label(x, lang), "paid_before": x.paid_before, "before": x.before,
         "paid_now": x.paid_now, "after": x.after, "difference": x.difference, "starts": x.starts,
         "moved_up": x.moved_up, "amounts": x.amounts, "stops": x.stops}
        for x in m.totals
    ], kinds={"group": "text", "before": "money", "after": "money", "difference": "money", "paid_before": "count",
              "paid_now": "count", "starts": "count", "moved_up": "count", "amounts": "count", "stops": "count"},
        compact=("group", "paid_before", "paid_now", "difference", "starts", "moved_up", "stops"))
    return [changes, totals]


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


@iso_dates()
def changes_document(m: MonthChanges, lang: str) -> dict:
    """The `changes` part of a payment list's JSON document (amounts as strings with cents)."""
    return {
        "month": m.month,
        "previous": m.previous,
        "changes": [
            {"kind": c.kind, "change": c.change, "student": c.student.id, "name": c.student.full_name,
             "curriculum": c.curriculum, "before": _money(c.before), "after": _money(c.after),
             "difference": _money(c.difference), "code": c.reason.code, "clause": c.reason.clause,
             "message": change_reason_text(c.kind, c.reason, lang)}
            for c in m.changes
        ],
        "totals": [
            {"kind": x.kind, "curriculum": x.curriculum, "paid_before": x.paid_before, "before": _money(x.before),
             "paid_now": x.paid_now, "after": _money(x.after), "difference": _money(x.difference),
             "starts": x.starts, "moved_up": x.moved_up, "amounts": x.amounts, "stops": x.stops}
            for x in m.totals
        ],
    }

