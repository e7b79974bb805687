"""What a module's grade and the final certificate are made of (Lisa 3 II.18, II.22): a module of
several independent topics closes with a module grade from the topics' period grades; a
graduate's final certificate lists the grades of the vocational modules, the general modules and
the final exam."""

from __future__ import annotations

from typing import Iterator

from cluster_cli.findings import Finding
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.records import Grade
from cluster_cli.regulation.rules.base import Context, at

PASSING = frozenset({"5", "4", "3", "A"})
CLOSING = frozenset({"module", "final", "practice", "prior_learning"})


def module_grades(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 3 II.18: in a module of several independent topics each topic gets a period grade, and
    the summary module grade (marked 'moodul', `kind: module`) is given on their basis — so it
    comes after them, and a passing module grade does not stand on a failed topic."""
    for s in ds.records.get("students", []):
        by_module: dict[str, dict[str, Grade]] = {}
        for g in s.grades:
            if g.kind == "period" and g.topic:
                last = by_module.setdefault(g.module, {}).get(g.topic)
                if last is None or g.date >= last.date:
                    by_module[g.module][g.topic] = g
        for module, topics in by_module.items():
            if len(topics) < 2:
                continue
            for i, g in enumerate(s.grades):
                if g.module != module or g.kind != "module":
                    continue
                later = sorted(t for t, p in topics.items() if p.date > g.date)
                if later:
                    yield at(s, ("grades", i, "date"), "module-grade", "Lisa 3 II.18", severity="warning",
                             key="module-grade.early", student=s.id, module=module, date=g.date,
                             topics=", ".join(later))
                failed = sorted(t for t, p in topics.items() if p.value not in PASSING)
                if g.value in PASSING and failed:
                    yield at(s, ("grades", i, "value"), "module-grade", "Lisa 3 II.18", severity="warning",
                             key="module-grade.failed-topic", student=s.id, module=module, value=g.value,
                             topics=", ".join(failed))


def certificate_grades(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 3 II.22: the final certificate (lõputunnistus) lists the grades of the vocational
    modules, the general modules and the vocational final exam needed to graduate. A graduate
    (status `graduated`) has a passing closing grade of every core and general module of the
    curriculum and of every elective they took, and a final-exam module its `final` grade."""
    for s in ds.records.get("students", []):
        graduated = next((i for i, e in enumerate(s.status) if e.status == "graduated"), None)
        cur = ds.curricula.get(s.curriculum)
        if graduated is None or cur is None:
            continue
        closed = {g.module for g in s.grades if g.kind in CLOSING and g.value in PASSING}
        finals = {g.module for g in s.grades if g.kind == "final" and g.value in PASSING}
        taken = {g.module for g in s.grades}
        missing = [m.id for m in cur.modules
                   if (m.type != "elective" or m.id in taken) and m.id not in closed]
        no_exam = [m.id for m in cur.modules if m.final_exam and m.id not in finals]
        where = ("status", graduated, "status")
        if missing:
            yield at(s, where, "certificate-grades", "Lisa 3 II.22", severity="warning",
                     key="certificate-grades.modules", student=s.id, modules=", ".join(missing))
        if no_exam:
            yield at(s, where, "certificate-grades", "Lisa 3 II.22", severity="warning",
                     key="certificate-grades.exam", student=s.id, modules=", ".join(no_exam))
