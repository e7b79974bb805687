"""The overview's pages as template contexts: each page's tables and charts, arranged from the
reports' JSON documents (collect.py). Figures are taken as the documents give them; amounts
are written as the user's language does (render/numbers.py)."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from decimal import Decimal

from cluster_cli.findings import mask
from cluster_cli.i18n import month_text, t
from cluster_cli.i18n.words import MEMBER_KIND, PARTNERSHIP, PLACEMENT_STATUS
from cluster_cli.render.numbers import number_text, share_text
from cluster_cli.render.overview import charts
from cluster_cli.render.overview.collect import Documents

STATUS_COLOURS = {"draft": "#a0aec0", "review": "#dd6b20", "valid": "#2b6cb0", "finished": "#38a169",
                  "cancelled": "#e53e3e"}


def _date(value: str | None, lang: str) -> str:
    if not value:
        return "—"
    day = date.fromisoformat(value)
    return day.strftime("%d.%m.%Y") if lang == "et" else day.isoformat()


def _money(value, lang: str) -> str:
    return number_text(Decimal(str(value)), lang)


def index_page(d: Documents, lang: str) -> dict:
    members = d.members["members"]
    kinds = Counter(m["kind"] for m in members)
    forms = Counter(m["partnership"] or "" for m in members)
    by_kind = [{"kind": t(MEMBER_KIND[k], lang), "count": n} for k, n in kinds.items()]
    by_form = [{"form": t(PARTNERSHIP[f], lang) if f else "—", "count": n} for f, n in forms.items()]
    hosts = [m for m in members if m["places"] or m["placements"]]
    capacity = charts.bars(
        "capacity", t("overview.capacity", lang), [m["name"] for m in hosts],
        [(t("overview.series.places", lang), [m["places"] for m in hosts]),
         (t("overview.series.placements", lang), [m["placements"] for m in hosts])])
    kind_chart = charts.bars("kinds", t("overview.members-by-kind", lang), [r["kind"] for r in by_kind],
                             [(t("overview.series.members", lang), [r["count"] for r in by_kind])])
    return {
        "by_kind": by_kind, "by_form": by_form, "kind_chart": kind_chart, "capacity_chart": capacity,
        "members": [{**m, "kind_text": t(MEMBER_KIND[m["kind"]], lang),
                     "form_text": t(PARTNERSHIP[m["partnership"]], lang) if m["partnership"] else "—"}
                    for m in members],
        "coordinators": [{**c, "member_name": d.member_names.get(c["member"], c["member"]),
                          "areas": ", ".join(c["areas"])} for c in d.members["coordinators"]],
    }


def _months_between(start: date, end: date, lang: str) -> list[tuple[date, str]]:
    marks, day = [], date(start.year, start.month, 1)
    while day <= end:
        if day >= start:
            marks.append((day, month_text(day.strftime("%Y-%m"), lang)))
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return marks


def placements_page(d: Documents, lang: str, show_pii: bool) -> dict:
    contracts = d.contracts["contracts"]
    live = [c for c in contracts if c["status"] != "cancelled"]
    if live:
        start = min(date.fromisoformat(c["start"]) for c in live)
        end = max(date.fromisoformat(c["end"]) for c in live)
    else:
        start, end = d.as_of - timedelta(days=90), d.as_of + timedelta(days=90)
    start, end = min(start, d.as_of), max(end, d.as_of)
    marks = _months_between(start, end, lang)

    def bar(c: dict) -> tuple:
        tip = f'{c["id"]} {c["student"]} · {t(PLACEMENT_STATUS[c["status"]], lang)} · ' \
              f'{_date(c["start"], lang)}–{_date(c["end"], lang)}'
        return (date.fromisoformat(c["start"]), date.fromisoformat(c["end"]),
                STATUS_COLOURS.get(c["status"], "#718096"), tip)

    by_group: dict[str, list] = defaultdict(list)
    by_host: dict[str, list] = defaultdict(list)
    for c in live:
        by_group[d.group_of.get(c["student"], "—")].append(bar(c))
        for host in c["hosts"]:  # a joint placement: the same bar in each host's row
            by_host[d.member_names.get(host, host)].append(bar(c))
    statuses = Counter(c["status"] for c in contracts)
    return {
        "group_timeline": charts.timeline("groups", sorted(by_group.items()), start, end, d.as_of, marks),
        "host_timeline": charts.timeline("hosts", sorted(by_host.items()), start, end, d.as_of, marks),
        "legend": [{"colour": STATUS_COLOURS[s], "status": t(PLACEMENT_STATUS[s], lang), "count": statuses[s]}
                   for s in STATUS_COLOURS if statuses[s]],
        "contracts": [{
            "id": c["id"], "student": c["student"], "name": c["student_name"] if show_pii else "",
            "group": d.group_of.get(c["student"], ""), "status": c["status"],
            "status_text": t(PLACEMENT_STATUS[c["status"]], lang), "start": _date(c["start"], lang),
            "end": _date(c["end"], lang), "hosts": ", ".join(d.member_names.get(h, h) for h in c["hosts"]),
            "joint": len(c["hosts"]) > 1, "waiting": d.waiting.get(c["id"], ""),
        } for c in contracts],
    }


def debts_page(d: Documents, lang: str) -> dict:
    groups = d.debts["groups"]
    states = d.debts["states"]
    chart = charts.bars("debts", t("overview.debts-chart", lang), [g["group"] for g in groups],
                        [(states["open"], [g["open"] for g in groups]),
                         (states["agreement_overdue"], [g["overdue"] for g in groups]),
                         (states["expired"], [g["expired"] for g in groups])], stacked=True)
    periods: set[str] = set()
    attendance: dict[str, dict[str, dict]] = defaultdict(dict)
    for s in d.debts["students"]:
        for period, a in (s.get("attendance") or {}).items():
            periods.add(period)
            cell = attendance[s["group"]].setdefault(period, {"lessons": 0, "unexcused": 0, "below": 0})
            cell["lessons"] += a["lessons"]
            cell["unexcused"] += a["unexcused"]
            cell["below"] += 1 if a["below_duty"] else 0
    ordered = sorted(periods)
    rows = [{"group": g, "cells": [{
        "unexcused": attendance[g][p]["unexcused"], "below": attendance[g][p]["below"],
        "rate": share_text(1 - attendance[g][p]["unexcused"] / attendance[g][p]["lessons"], lang)
        if attendance[g][p]["lessons"] else "—"} if p in attendance[g] else None for p in ordered]}
        for g in sorted(attendance)]
    actions = [{**a, "due_text": _date(a["due"], lang)} for a in d.debts["actions"]
               if a["due"] is None or date.fromisoformat(a["due"]) <= d.as_of + timedelta(days=30)]
    return {"groups": groups, "states": states, "chart": chart, "periods": ordered, "attendance": rows,
            "actions": actions,
            "expired": sum(g["expired"] for g in groups)}


def _month(month: str, lang: str) -> str:
    """`2026-11` as Estonian writes it, `11.2026`; English keeps the id (`month_text`)."""
    return month_text(month, lang)


def allowances_page(d: Documents, lang: str) -> dict:
    months = list(d.allowances)
    shown = [_month(m, lang) for m in months]

    def money(value) -> str:
        return number_text(Decimal(str(value)), lang, 0)
    use: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))  # curriculum → month → €
    funds = []
    for month, docs in d.allowances.items():
        def add(row: dict, amount) -> None:
            code = d.curriculum_of.get(row.get("group") or d.group_of.get(row["student"], ""), "—")
            use[code][month] += Decimal(str(amount))

        for a in docs["special"]["applicants"]:
            if a["awarded"] and a["amount"] is not None:
                add(a, a["amount"])
        for c in docs["travel"]["claims"]:
            if c["payable"] and c["amount"] is not None:
                add(c, c["amount"])
        for row in docs["lunch"]["school"]:
            add(row, row["amount"])
        for row in docs["lunch"]["practice"]:
            if row["payable"]:
                add(row, row["amount"])
        fund = docs["special"]["fund"]
        funds.append({"month": month, "total": Decimal(fund["total"]), "awarded": Decimal(fund["awarded"]),
                      "remaining": Decimal(fund["remaining"]), "travel": Decimal(docs["travel"]["total"]),
                      "lunch": Decimal(docs["lunch"]["total"])})
    codes = sorted(use)
    names = [f'{code} {d.curriculum_names.get(code, "")}'.strip() for code in codes]
    use_chart = charts.bars("allowances", t("overview.allowances-chart", lang), shown,
                            [(name, [float(use[code][m]) or None for m in months]) for code, name in zip(codes, names)],
                            horizontal=False, stacked=True, formatter=money)
    fund_chart = charts.bars("fund", t("overview.fund", lang), shown, [
        (t("overview.series.fund", lang), [float(f["total"]) for f in funds]),
        (t("overview.series.awarded", lang), [float(f["awarded"]) for f in funds])], horizontal=False,
        formatter=money)
    return {
        "months": shown, "use_chart": use_chart, "fund_chart": fund_chart,
        "use": [{"code": code, "name": name, "cells": [_money(use[code][m], lang) for m in months],
                 "total": _money(sum(use[code].values(), Decimal(0)), lang)} for code, name in zip(codes, names)],
        "funds": [{**{k: (_money(v, lang) if isinstance(v, Decimal) else v) for k, v in f.items()},
                   "month_text": _month(f["month"], lang)} for f in funds],
    }


def calendar_page(d: Documents, lang: str, show_pii: bool) -> dict:
    return {"until": _date(d.calendar["until"], lang), "events": [{
        **e, "date_text": _date(e["date"], lang), "message": e["message"] if show_pii else "",
    } for e in d.calendar["events"]]}


def member_page(d: Documents, member_id: str, lang: str, show_pii: bool) -> dict:
    m = d.details[member_id]
    row = next(r for r in d.members["members"] if r["id"] == member_id)
    hide = (lambda v: v) if show_pii else (lambda v: mask(v) if v else v)
    return {
        "m": m, "row": row, "kind_text": t(MEMBER_KIND[m["kind"]], lang),
        "form_text": t(PARTNERSHIP[m["partnership"]], lang) if m["partnership"] else "—",
        "contacts": [{**c, "personal_code": hide(c.get("personal_code"))} for c in m["contacts"]],
        "supervisors": [{**s, "personal_code": hide(s.get("personal_code"))} for s in m["supervisors"]],
        "offers": [{**o, "start": _date(o["start"], lang), "end": _date(o["end"], lang),
                    "name": d.curriculum_names.get(o["curriculum"], "")} for o in m["offers"]],
        "placements": [{**p, "start": _date(p["start"], lang), "end": _date(p["end"], lang),
                        "group": d.group_of.get(p["student"], ""),
                        "status_text": t(PLACEMENT_STATUS[p["status"]], lang)} for p in m["placements"]],
        "tasks": m["tasks"],
    }
