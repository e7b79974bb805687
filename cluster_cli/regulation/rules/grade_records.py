"""Grade records complete and typed right (issue 21, item 7): the interim grades of a module that
continues past a study period (2.34, Lisa 3 II.19–20) and the practice grade's scale (Lisa 7
guide 4.2).

A module *continues* past a study period when the student has results of it in the period
(assessments, independent topics) and no module, final-exam or practice grade (`module`,
`final`, `practice`) by the end of the period's summary week (6.2.1, `debts_summary_days`), while the student
is still on the list at the period's end. Such a module closes the half-year with a period grade
(`kind: period`, 'perioodi hinne', II.19) — and the study year, when it continues into the next
one, with the year-end result (`kind: year_end`, 'Lõpptulemus', II.20). The interim grade is dated
inside the period or its summary week. Only ended periods are judged (the as-of date is past the
summary week)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Iterator

from cluster_cli.findings import Finding
from cluster_cli.i18n import N_, Period
from cluster_cli.model.dataset import Dataset
from cluster_cli.regulation.rules.base import Context, at

WORK = frozenset({"assessment", "independent"})
CLOSING = frozenset({"module", "final", "practice"})  # a practice grade passes its module (Lisa 4 3.2)
INTERIM = frozenset({"period", "year_end"})
ON_LIST = ("active", "academic_leave", "abroad")
NON_DISTINCTIVE = frozenset({"A", "MA"})
_PRACTICE_KEYS = {"host_grade": N_("practice-grade.host"), "final": N_("practice-grade")}
# the interim grade wanted at a period's end: (clause, key when missing, key when typed otherwise)
WANTED = {
    "period": ("2.34, Lisa 3 II.19", N_("period-grade.missing.period"), N_("period-grade.kind.period")),
    "year_end": ("Lisa 3 II.20", N_("period-grade.missing.year-end"), N_("period-grade.kind.year-end")),
}


def period_grades(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """2.34, Lisa 3 II.19–20: a module continuing past the period's end has its interim grade —
    `period` at the autumn period's end, `year_end` ('Lõpptulemus') at the study year's end."""
    from cluster_cli.regulation.facts import period_containing, period_dates, status_on

    # Many grades, few days: each day's period, and each period's dates and summary week, once.
    period_of = cache(lambda day: period_containing(ds.cluster, day))
    dates_of = cache(lambda pid: period_dates(ds.cluster, pid))
    summary_days = cache(lambda end: ctx.p("debts_summary_days", end))
    for s in ds.records.get("students", []):
        grades = s.grades
        closed: dict[str, date] = {}  # module → its first closing grade's date
        work: dict[str, dict[str, list[int]]] = {}  # module → its results by study period (summer counts to spring)
        interim: dict[str, list[int]] = {}  # module → its interim grades
        for i, g in enumerate(grades):
            kind, module = g.kind, g.module
            if kind in WORK:
                work.setdefault(module, {}).setdefault(period_of(g.date), []).append(i)
            elif kind in CLOSING:
                if module not in closed or g.date < closed[module]:
                    closed[module] = g.date
            elif kind in INTERIM:
                interim.setdefault(module, []).append(i)
        for module in sorted(work):
            for pid, done in sorted(work[module].items()):
                start, end = dates_of(pid)
                week = timedelta(days=summary_days(end))
                if module in closed and closed[module] <= end + week:
                    continue  # closed by the period's summary week (the usual case: no max taken)
                last = max(end, max(grades[i].date for i in done))  # a result of the summer after it
                week_end = last + week
                if week_end >= ctx.as_of or (module in closed and closed[module] <= week_end):
                    continue
                entry = status_on(s, end)
                if entry is None or entry.status not in ON_LIST:
                    continue
                wanted = "year_end" if pid.endswith("-spring") else "period"
                inside = [i for i in interim.get(module, ()) if start <= grades[i].date <= week_end]
                last_work = max(done, key=lambda i: (grades[i].date, i))
                clause, missing, typed = WANTED[wanted]
                if not inside:
                    yield at(s, ("grades", last_work, "kind"), "period-grade", clause, severity="warning",
                             key=missing, module=module, period=Period(pid), end=end)
                elif not any(grades[i].kind == wanted for i in inside):
                    yield at(s, ("grades", inside[0], "kind"), "period-grade", clause, severity="warning",
                             key=typed, module=module, period=Period(pid), kind=grades[inside[0]].kind)


def practice_grade_scale(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 7 guide 4.2: practice is graded distinctively (5–2). A placement's final grade (the
    school's) on A/MA is an error; the host's grade on A/MA a warning — it is the host's
    assessment, which the supervisor asks again as a grade before the final one is given."""
    for p in ds.records.get("placements", []):
        if p.grade is None:
            continue
        for name, severity in (("host_grade", "warning"), ("final", "error")):
            value = getattr(p.grade, name)
            if value in NON_DISTINCTIVE:
                yield at(p, ("grade", name), "practice-grade", "Lisa 7 4.2", severity=severity,
                         key=_PRACTICE_KEYS[name], value=value, placement=p.id)
