"""The journal's own consistency: data that cannot be true and would otherwise give odd report
values — more absences than lessons (4.7.5), a re-sit agreed or a debt cleared before the debt
arose (6.2.2), a grade on the wrong scale for its module (4.6.4.3–4.6.4.5), a no-show outside
an exam (Lisa 4 4.5), a grade from before the student was admitted (5.1.1)."""

from __future__ import annotations

from typing import Iterator

from cluster_cli.i18n import N_, Period
from cluster_cli.findings import Finding
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.grades import NUMERIC, POSITIVE
from cluster_cli.regulation.debts import arose_on
from cluster_cli.regulation.rules.base import Context, at

NON_DISTINCTIVE = frozenset({"A", "MA"})


# the message of each date field of a debt that may not precede the debt (literal keys)
_DEBT_DATE_KEYS = {"resit_agreed": N_("debt-dates.resit_agreed"), "cleared": N_("debt-dates.cleared")}

def attendance_count(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """4.7.5: each lesson of the period is marked at most once — P (unexcused), H (late) or V
    (excused) — so the marks together are never more than the period's lessons. The unexcused
    lessons on placement days (`on_placement`) are some of the unexcused ones, and need a
    placement in the period."""
    from cluster_cli.regulation.attendance import placements_in

    for s in ds.records.get("students", []):
        for i, a in enumerate(s.attendance):
            marked = a.unexcused + a.late + a.excused
            if marked > a.lessons:
                yield at(s, ("attendance", i, "unexcused"), "attendance-count", "4.7.5",
                         period=Period(a.period), lessons=a.lessons, unexcused=a.unexcused, late=a.late,
                         excused=a.excused)
            if a.on_placement > a.unexcused:
                yield at(s, ("attendance", i, "on_placement"), "attendance-count", "4.7.5",
                         key="attendance-count.on-placement", period=Period(a.period),
                         on_placement=a.on_placement, unexcused=a.unexcused)
            elif a.on_placement and not placements_in(ds.cluster, a.period, ds.placements_of(s.id)):
                yield at(s, ("attendance", i, "on_placement"), "attendance-count", "4.7.5", severity="warning",
                         key="attendance-count.no-placement", period=Period(a.period), on_placement=a.on_placement)


def debt_dates(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """6.2.2: the re-sit is agreed and the debt cleared after the debt arises (the first negative
    result of the module and topic). An earlier date would make the debt look agreed or
    cleared before it existed."""
    for s in ds.records.get("students", []):
        arose = arose_on(s)
        for i, g in enumerate(s.grades):
            day = arose.get(i)
            if day is None:
                continue
            for name in ("resit_agreed", "cleared"):
                value = getattr(g, name)
                if value is not None and value < day:
                    yield at(s, ("grades", i, name), "debt-dates", "6.2.2", key=_DEBT_DATE_KEYS[name],
                             date=value, arose=day, module=g.module)


def grade_scale(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """4.6.4.3–4.6.4.5: a module's summative assessment is distinctive (5, 4, 3, 2) or
    non-distinctive (A, MA), as its curriculum says (`distinctive`). X (undone work, 4.6.4.8)
    fits both. Prior learning (VÕTA) is exempt: 4.6.4.9 grades it non-distinctively and 4.6.4.10
    may carry an original grade over."""
    for s in ds.records.get("students", []):
        cur = ds.curricula.get(s.curriculum)
        if cur is None:
            continue
        modules = {m.id: m for m in cur.modules}
        for i, g in enumerate(s.grades):
            module = modules.get(g.module)
            if module is None or g.kind == "prior_learning":
                continue
            if module.distinctive and g.value in NON_DISTINCTIVE:
                yield at(s, ("grades", i, "value"), "grade-scale", "4.6.4.4", key="grade-scale.distinctive",
                         value=g.value, module=g.module)
            elif not module.distinctive and g.value in NUMERIC:
                yield at(s, ("grades", i, "value"), "grade-scale", "4.6.4.5", key="grade-scale.non-distinctive",
                         value=g.value, module=g.module)


def no_show(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 4 4.5: "mitteilmunud" is written in the final-exam protocol and counts as a negative
    result for the attempts allowed — it belongs to a final exam (`kind: final`), never to an
    ordinary assessment, and never to a passing grade."""
    for s in ds.records.get("students", []):
        for i, g in enumerate(s.grades):
            if not g.no_show:
                continue
            if g.kind != "final":
                yield at(s, ("grades", i, "no_show"), "no-show", "Lisa 4 4.5", kind=g.kind, module=g.module)
            elif g.value in POSITIVE:
                yield at(s, ("grades", i, "no_show"), "no-show", "Lisa 4 4.5", key="no-show.positive",
                         value=g.value, module=g.module)


def grade_date(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """5.1.1: a person becomes a student when entered in the school's list; the journal holds
    no result of theirs from before that day (`start`). Prior learning (VÕTA, 4.6.4.10) may
    carry an earlier original date and is exempt."""
    for s in ds.records.get("students", []):
        for i, g in enumerate(s.grades):
            if g.date < s.start and g.kind != "prior_learning":
                yield at(s, ("grades", i, "date"), "grade-date", "5.1.1",
                         date=g.date, start=s.start, module=g.module)
