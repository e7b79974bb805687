"""Serialising the matching report (`cluster match`): its JSON document and its tables
(students, proposals, blocked). The needs and proposals come from reports/matching.py."""

from __future__ import annotations

from cluster_cli.i18n import date_text, iso_dates, t, tn
from cluster_cli.i18n.words import MATCH_OUTCOME
from cluster_cli.render.views import View
from cluster_cli.reports.matching import (
    BLOCKED,
    JOINT,
    NO_CAPACITY,
    ON_LEAVE,
    OUTCOMES,
    PROPOSED,
    SECURE,
    MatchReport,
    Need,
    Proposal,
    Reason,
)


def reason_text(r: Reason, lang: str) -> str:
    text = t(r.code, lang, **dict(r.args))
    return f"{text} ({r.clause})" if r.clause else text


def _slots_text(p: Proposal, lang: str) -> str:
    if not p.joint:
        return p.slots[0].member
    return ", ".join(f"{x.member} {date_text(x.start, lang)}…{date_text(x.end, lang)}" for x in p.slots)


def _note(n: Need, lang: str) -> str:
    if n.outcome == BLOCKED:
        return tn("match.note.blocked", len(n.debts), lang, count=len(n.debts),
                  modules=sorted({d.module for d in n.debts}))
    if n.outcome == NO_CAPACITY and any(f.code in SECURE for f in n.flags):
        return t("match.note.no-capacity-secure", lang, curriculum=n.student.curriculum)
    if n.outcome == NO_CAPACITY:
        return t("match.note.no-capacity", lang, curriculum=n.student.curriculum)
    if n.outcome == ON_LEAVE:
        return t("match.note.on-leave", lang, until=n.leave_until)
    if n.outcome == JOINT:
        return tn("match.note.joint", len(n.proposals[0].slots), lang, count=len(n.proposals[0].slots))
    return tn("match.note.proposed", len(n.proposals), lang, count=len(n.proposals))


@iso_dates()
def to_document(report: MatchReport, lang: str) -> dict:
    return {
        "as_of": report.as_of.isoformat(),
        "from": report.start.isoformat(),
        "to": report.end.isoformat(),
        "group": report.group,
        "counts": {o: report.count(o) for o in OUTCOMES},
        "students": [{
            "student": n.student.id, "name": n.student.full_name, "group": n.group.id, "school": n.student.school,
            "curriculum": n.student.curriculum, "module": n.module, "start": n.start.isoformat(),
            "end": n.end.isoformat(), "ekap": None if n.ekap is None else str(n.ekap), "hours": n.hours,
            "outcome": n.outcome,
            "flags": [{"code": f.code.rsplit(".", 1)[-1], "clause": f.clause, "message": reason_text(f, lang)}
                      for f in n.flags],
            "debts": [{"module": d.module, "topic": d.topic, "arose": d.arose.isoformat(),
                       "clear_by": d.clear_by.isoformat(), "state": d.state} for d in n.debts],
            "proposals": [{
                "rank": p.rank, "joint": p.joint, "free": p.free,
                "hosts": [{"member": x.member, "start": x.start.isoformat(), "end": x.end.isoformat(),
                           "hours": x.hours, "tasks": list(x.tasks)} for x in p.slots],
                "reasons": [{"code": r.code.rsplit(".", 1)[-1], "clause": r.clause, "good": r.good,
                             "message": reason_text(r, lang)} for r in p.reasons],
            } for p in n.proposals],
            "note": _note(n, lang),
        } for n in report.needs],
    }


def views(report: MatchReport, lang: str) -> list:
    """students (one row each: outcome, first proposal, flags), proposals (every ranked host with
    its reasons), blocked (open debts, 6.2.3)."""
    students = View("students", "match.view.students", [
        ("group", "col.group"), ("student", "col.student"), ("name", "col.name"), ("module", "col.module"),
        ("start", "match.col.start"), ("end", "match.col.end"), ("outcome", "match.col.outcome"),
        ("hosts", "match.col.hosts"), ("note", "col.note"),
    ], [{
        "group": n.group.id, "student": n.student.id, "name": n.student.full_name, "module": n.module,
        "start": n.start, "end": n.end, "outcome": t(MATCH_OUTCOME[n.outcome], lang),
        "hosts": " + ".join(x.member for x in n.proposals[0].slots) if n.proposals else None,
        "note": "; ".join([_note(n, lang)] + [reason_text(f, lang) for f in n.flags]),
    } for n in report.needs], kinds={"outcome": "text"}, compact=("student", "name", "module", "outcome", "hosts"))
    proposals = View("proposals", "match.view.proposals", [
        ("group", "col.group"), ("student", "col.student"), ("rank", "match.col.rank"), ("hosts", "match.col.hosts"),
        ("hours", "match.col.hours"), ("free", "match.col.free"), ("reason", "match.col.reasons"),
    ], [{
        "group": n.group.id, "student": n.student.id, "rank": p.rank, "hosts": _slots_text(p, lang),
        "hours": " + ".join(str(x.hours) for x in p.slots) if p.joint and p.slots[0].hours is not None
        else p.slots[0].hours,
        "free": p.free,
        "reason": "; ".join(reason_text(r, lang) for r in p.reasons),
    } for n in report.needs for p in n.proposals], kinds={"hours": "id", "hosts": "text"},
        compact=("student", "rank", "hosts", "free", "reason"))
    blocked = View("blocked", "match.view.blocked", [
        ("group", "col.group"), ("student", "col.student"), ("name", "col.name"), ("module", "col.module"),
        ("start", "match.col.start"), ("debts", "match.col.debts"), ("clear_by", "col.clear_by"),
        ("note", "col.note"),
    ], [{
        "group": n.group.id, "student": n.student.id, "name": n.student.full_name, "module": n.module,
        "start": n.start, "debts": sorted({d.module for d in n.debts}),
        "clear_by": max(d.clear_by for d in n.debts), "note": _note(n, lang),
    } for n in report.needs if n.outcome == BLOCKED], kinds={"debts": "text"},
        compact=("student", "name", "module", "debts", "clear_by"))
    return [students, proposals, blocked]


def title(report: MatchReport, lang: str) -> str:
    return t("match.title", lang, start=report.start, end=report.end,
             date=report.as_of, proposed=report.count(PROPOSED), joint=report.count(JOINT),
             blocked=report.count(BLOCKED), none=report.count(NO_CAPACITY), leave=report.count(ON_LEAVE))


def empty_reason(report: MatchReport, lang: str) -> str | None:
    """Why nobody is listed: no student's group has a practice period in the window without a
    placement for it."""
    if report.needs:
        return None
    return t("empty.match", lang, start=report.start, end=report.end)
