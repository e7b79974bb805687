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

from datetime import timedelta
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

    for s in ds.records.get("students", []):
        by_module: dict[str, list[int]] = {}
        for i, g in enumerate(s.grades):
            by_module.setdefault(g.module, []).append(i)
        for module, indexes in sorted(by_module.items()):
            grades = [s.grades[i] for i in indexes]
            closed = min((g.date for g in grades if g.kind in CLOSING), default=None)
            work: dict[str, list[int]] = {}  # the module's results by study period (summer counts to spring)
            for i in indexes:
                if s.grades[i].kind in WORK:
                    work.setdefault(period_containing(ds.cluster, s.grades[i].date), []).append(i)
            for pid, done in sorted(work.items()):
                start, end = period_dates(ds.cluster, pid)
                last = max(end, max(s.grades[i].date for i in done))  # a result of the summer after it
                week_end = last + timedelta(days=ctx.p("debts_summary_days", end))
                if week_end >= ctx.as_of or (closed is not None and closed <= week_end):
                    continue
                entry = status_on(s, end)
                if entry is None or entry.status not in ON_LIST:
                    continue
                wanted = "year_end" if pid.endswith("-spring") else "period"
                interim = [i for i in indexes if s.grades[i].kind in INTERIM and start <= s.grades[i].date <= week_end]
                last_work = max(done, key=lambda i: (s.grades[i].date, i))
                clause, missing, typed = WANTED[wanted]
                if not interim:
                    yield at(s, ("grades", last_work, "kind"), "period-grade", clause, severity="warning",
                             key=missing, module=module, period=Period(pid), end=end)
                elif not any(s.grades[i].kind == wanted for i in interim):
                    yield at(s, ("grades", interim[0], "kind"), "period-grade", clause, severity="warning",
                             key=typed, module=module, period=Period(pid), kind=s.grades[interim[0]].kind)


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
