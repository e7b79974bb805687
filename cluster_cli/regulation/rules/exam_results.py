"""Exam results (Lisa 3 III, Lisa 4, 4.13, 6.10.4): who may sit, how the result is graded, a
no-show's valid reason, how studies end, and the KKH students who may graduate cum laude.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Iterator

from cluster_cli.findings import Finding
from cluster_cli.i18n import NP_, N_, Phrase
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.exams import Exam
from cluster_cli.model.grades import NUMERIC, POSITIVE
from cluster_cli.model.records import Curriculum, Student
from cluster_cli.regulation.rules.base import Context, at, close_match
from cluster_cli.regulation.rules.exams import last_course, study_year_of

KKH = "vocational_secondary"
SUMMATIVE = ("module", "final", "practice", "prior_learning", "year_end")
NON_DISTINCTIVE = frozenset({"A", "MA"})


def exam_results(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 4 4.2: a KKH curriculum's final exam is graded distinctively; 4.3: passed only when
    every part is passed; 4.5: a no-show is a negative result; 4.10: a no-show for a valid reason
    is notified at once with evidence and the studies are extended. Lisa 3 III.1.5: admitted to a
    transition exam when the year's modules are passed; III.4.1: a re-exam only after an absence or
    interruption for a valid reason, or a removal from the exam."""
    cluster = ds.cluster
    yield from _kkh_modules(ds)
    for i, e in enumerate(cluster.exams if cluster else []):
        group = ds.groups.get(e.group)
        cur = ds.curricula.get(group.curriculum) if group else None
        if not ds.is_known("groups", e.group):
            yield at(cluster, ("exams", i, "group"), "exam-results", "Lisa 4 4.6", key="exam-results.group",
                     id=e.id, group=e.group)
        elif cur is not None and e.module not in {m.id for m in cur.modules}:
            yield at(cluster, ("exams", i, "module"), "exam-results", "Lisa 4 4.6", key="exam-results.exam-module",
                     id=e.id, module=e.module, curriculum=cur.code)
        for k, s in enumerate(e.students):
            where = ("exams", i, "students", k)
            student = ds.students.get(s.student)
            if student is None:
                if not ds.is_known("students", s.student):  # a student of an unreadable file is not reported
                    close = close_match(s.student, list(ds.students))
                    yield at(cluster, where + ("student",), "exam-results", "Lisa 4 4.6",
                             key="exam-results.unknown-close" if close else "exam-results.unknown", id=e.id,
                             student=s.student, close=close)
                continue
            if e.kind == "final" and cur is not None and cur.kind == KKH and s.grade in NON_DISTINCTIVE:
                yield at(cluster, where + ("grade",), "exam-results", "Lisa 4 4.2",
                         key="exam-results.distinctive", id=e.id, student=s.student, grade=s.grade)
            bad = [p.name for p in s.parts if p.grade not in POSITIVE]
            if s.grade in POSITIVE and bad:
                yield at(cluster, where + ("grade",), "exam-results", "Lisa 4 4.3",
                         key="exam-results.parts", id=e.id, student=s.student, grade=s.grade, parts=bad)
            if s.no_show and s.grade in POSITIVE:
                yield at(cluster, where + ("no_show",), "exam-results", "Lisa 4 4.5",
                         key="exam-results.no-show", id=e.id, student=s.student, grade=s.grade)
            if (s.no_show or s.interrupted) and s.valid_reason:
                yield from _valid_reason(cluster, where, e, s, ctx)
            if e.kind == "transition" and cur is not None and not s.no_show:
                yield from _admitted(cluster, where, e, student, cur, ds, ctx)
        if e.kind == "transition" and e.attempt == "resit":
            yield from _re_exam(ds, i, e)


def _kkh_modules(ds: Dataset) -> Iterator[Finding]:
    for cur in ds.records.get("curricula", []):
        if cur.kind != KKH:
            continue
        for j, m in enumerate(cur.modules):
            if m.final_exam and not m.distinctive:
                yield at(cur, ("modules", j, "distinctive"), "exam-results", "Lisa 4 4.2",
                         key="exam-results.module", curriculum=cur.code, module=m.id)


def _valid_reason(cluster, where: tuple, e: Exam, s, ctx: Context) -> Iterator[Finding]:
    missing = []
    if s.notified is None or s.notified > e.date:
        missing.append("notified")
    if not s.evidence:
        missing.append("evidence")
    if e.kind != "transition" and s.extended_to is None:
        missing.append("extended_to")
    if missing and e.date < ctx.as_of:
        yield at(cluster, where + ("valid_reason",), "exam-results", "Lisa 4 4.10", severity="warning",
                 key="exam-results.valid-reason", id=e.id, student=s.student, fields=missing)


def _admitted(cluster, where: tuple, e: Exam, student: Student, cur: Curriculum, ds: Dataset,
              ctx: Context) -> Iterator[Finding]:
    course = student.course - (study_year_of(ctx, ctx.as_of) - study_year_of(ctx, e.date))
    passed = {g.module for g in student.grades if g.value in POSITIVE and g.kind in SUMMATIVE and g.date <= e.date}
    for p in ds.placements_of(student.id):  # a practice module's grade is the placement's (Lisa 7 9.3.4)
        if p.grade is not None and p.grade.final in POSITIVE and p.end <= e.date:
            passed.update(p.modules)
    missing = sorted(m.id for m in cur.modules if m.year == course and m.id != e.module and m.id not in passed)
    if missing:
        yield at(cluster, where + ("student",), "exam-results", "Lisa 3 III.1.5", severity="warning",
                 key=NP_("exam-results.admission"), id=e.id, student=student.id, modules=missing, count=len(missing))


def _re_exam(ds: Dataset, i: int, e: Exam) -> Iterator[Finding]:
    if not ds.cluster_complete("exams"):
        return
    earlier = [x for x in ds.cluster.exams if x.kind == "transition" and x.module == e.module and x.date < e.date]
    for k, s in enumerate(e.students):
        before = [t for x in earlier for t in x.students if t.student == s.student]
        allowed = any(t.removed or ((t.no_show or t.interrupted) and t.valid_reason) for t in before)
        if not allowed:
            yield at(ds.cluster, ("exams", i, "students", k, "student"), "exam-results", "Lisa 3 III.4.1",
                     severity="warning", key="exam-results.re-exam", id=e.id, student=s.student)


def exam_path(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 4 2.1–2.2, 4.13.2–4.13.4: studies end with the professional exam, or with the vocational
    final exam where that is not possible or the professional exam failed (a special-needs student:
    the final exam, with a re-exam). A failed professional exam with no final exam after it, and a
    graduate of a group whose exams are kept with no passed exam, are warnings."""
    if not ds.cluster_complete("exams"):
        return  # an exam left out for its errors is not an exam missing
    cluster = ds.cluster
    exams = cluster.exams if cluster else []
    for i, e in enumerate(exams):
        if e.kind != "professional" or e.date >= ctx.as_of:
            continue
        for k, s in enumerate(e.students):
            if s.grade in POSITIVE or s.grade is None and not s.no_show:
                continue
            if not any(x.kind == "final" and x.date > e.date and any(t.student == s.student for t in x.students)
                       for x in exams):
                yield at(cluster, ("exams", i, "students", k, "grade"), "exam-path", "Lisa 4 2.1, 4.13.3",
                         severity="warning", key="exam-path.final", id=e.id, student=s.student)
    groups = {e.group for e in exams if e.kind != "transition"}
    for s in ds.records.get("students", []):
        if s.group not in groups or s.status[-1].status != "graduated":
            continue
        passed = any(t.student == s.id and t.grade in POSITIVE for e in exams if e.kind != "transition"
                     for t in e.students)
        if not passed:
            yield at(s, ("status", len(s.status) - 1, "status"), "exam-path", "Lisa 4 2.1, 4.13.2",
                     severity="warning", key="exam-path.graduated", student=s.id)


def cum_laude(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """6.10.4: a KKH student may graduate cum laude with a weighted average of at least 4.6
    (6.10.4.1), every summative result 'good' or 'very good' (6.10.4.2), the final exam graded
    distinctively at 5 or the professional exam passed (6.10.4.3), and at least half of the module
    final grades distinctive (6.10.4.4). An info line for each student of the last course who meets
    them so far (the module's last summative result counts; weights are the modules' EKAP)."""
    exams = ds.cluster.exams if ds.cluster else []
    for s in ds.records.get("students", []):
        cur = ds.curricula.get(s.curriculum)
        if cur is None or cur.kind != KKH or s.status[-1].status not in ("active", "graduated"):
            continue
        last = last_course(ds, s.group)
        if last is None or s.course < last:
            continue
        verdict = _cum_laude(s, cur, exams, ctx)
        if verdict is not None:
            average, pending = verdict
            yield at(s, ("grades",), "cum-laude", "6.10.4", severity="info",
                     key="cum-laude.pending" if pending else "cum-laude", student=s.id, average=average)


def _cum_laude(s: Student, cur: Curriculum, exams: list[Exam], ctx: Context) -> tuple[Phrase, bool] | None:
    ekap = {m.id: m.ekap for m in cur.modules}
    exam_modules = {m.id for m in cur.modules if m.final_exam}
    last: dict[str, str] = {}
    for g in sorted((g for g in s.grades if g.kind in SUMMATIVE and g.date <= ctx.as_of and g.module in ekap),
                    key=lambda g: g.date):
        last[g.module] = g.value
    sittings = [(e, t) for e in exams for t in e.students if t.student == s.id and e.kind != "transition"
                and e.date <= ctx.as_of and t.grade is not None]
    for e, t in sittings:
        if e.kind == "final":
            exam_modules.add(e.module)
            last[e.module] = t.grade
    results = {m: v for m, v in last.items() if m not in exam_modules}
    numeric = {m: NUMERIC[v] for m, v in results.items() if v in NUMERIC}
    least = ctx.p("cum_laude_min_grade")
    if not numeric or any(v != "A" and NUMERIC.get(v, 0) < least for v in results.values()):
        return None
    if Fraction(len(numeric), len(results)) < ctx.p("cum_laude_distinctive_share"):
        return None
    weight = sum(ekap[m] for m in numeric)
    average = sum(ekap[m] * v for m, v in numeric.items()) / weight
    if average < ctx.p("cum_laude_average"):
        return None
    professional = any(e.kind == "professional" and t.grade in POSITIVE for e, t in sittings)
    finals = [last[m] for m in exam_modules if m in last]
    if professional or any(NUMERIC.get(v) == ctx.p("cum_laude_final_exam_grade") for v in finals):
        pending = False
    elif finals:
        return None
    else:
        pending = True
    whole, _, fraction = str(Decimal(average).quantize(Decimal("0.01"), ROUND_HALF_UP)).partition(".")
    # the decimal mark as the language writes it (4,75 / 4.75)
    return Phrase(N_("cum-laude.average"), (("whole", whole), ("fraction", fraction))), pending
