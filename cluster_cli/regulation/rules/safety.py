"""The first safety and first-aid training (Lisa 8 1): rule `safety-module`.

Every curriculum has a module that gives the first safety training with first-aid skills
(`safety: true` on the module), held in the first half-year of the first study year, before
practical work starts. The training is a line of the group's safety sheet (Lisa 8 3) for that
module, or a line naming no module (the general first instruction).

A group is judged in the study year its first half-year falls in (its earliest student's start):
earlier years' sheets are closed, and a cluster that starts recording them is not flooded with
its history. Practical work is seen where the data shows it: a sheet line opening another module
(Lisa 8 2) or a placement of the group's student that has started.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterator

from cluster_cli.findings import Finding
from cluster_cli.i18n import N_
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.records import Group, Student
from cluster_cli.regulation.rules.base import Context, at
from cluster_cli.regulation.summaries import first_rows, made_once, per_file, summary
from cluster_cli.regulation.study_year import current_first_year, study_year

CODE = "safety-module"


def safety_module(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 8 1: each curriculum marks its safety module, in year 1 (this part reads one
    curriculum at a time; the groups' part is `first_instructions`)."""
    for cur in ds.records.get("curricula", []):
        flagged = [(i, m) for i, m in enumerate(cur.modules) if m.safety]
        if not flagged:
            yield at(cur, ("modules",), CODE, "Lisa 8 1", severity="warning", key=N_("safety-module.none"),
                     curriculum=cur.code)
        for i, m in flagged:
            if m.year is not None and m.year != 1:
                yield at(cur, ("modules", i, "year"), CODE, "Lisa 8 1", severity="warning",
                         key=N_("safety-module.year"), curriculum=cur.code, module=m.id, year=m.year)


def first_instructions(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 8 1: each first-year group has the first instruction on its sheet within the first
    half-year, before its practical work (looks across the group's students)."""
    this_year = study_year(ctx.profile, current_first_year(ctx.profile, ctx.as_of)).start
    members = by_group(ds, ctx)
    for g in ds.records.get("groups", []):
        yield from _group(ds, ctx, g, members.get(g.id, []), this_year)


@dataclass(frozen=True)
class Member:
    """A group's student as the group's checks see it: id, study start, and the first date each
    module was graded (prior learning aside) up to the as-of date."""

    id: str
    start: date
    first_grades: dict[str, date]


@summary("students")
def _members(records: list[Student], ctx: Context, cluster) -> list:
    """A students file's summary for `by_group` (JSON: dates as ISO text)."""
    rows = []
    for s in records:
        first: dict[str, str] = {}
        for gr in s.grades:
            if gr.kind != "prior_learning" and gr.date <= ctx.as_of:
                day = gr.date.isoformat()
                if gr.module not in first or day < first[gr.module]:
                    first[gr.module] = day
        rows.append([s.id, s.group, s.start.isoformat(), first])
    return rows


@summary("placements")
def _started(records: list, ctx: Context, cluster) -> list:
    """A placements file's summary: [student, start, id] of each placement begun by the as-of
    date and not cancelled."""
    return [[p.student, p.start.isoformat(), p.id] for p in records
            if p.status != "cancelled" and p.start <= ctx.as_of]


def _started_placements(ds: Dataset, ctx: Context) -> dict[str, list[tuple[date, str]]]:
    """Each student's placements begun by the as-of date, as (start, id), summed per file."""
    def make() -> dict[str, list[tuple[date, str]]]:
        found: dict[str, list[tuple[date, str]]] = {}
        for _, rows in per_file(ds, ctx, "placements", _started):
            for student, start, ident in rows:
                found.setdefault(student, []).append((date.fromisoformat(start), ident))
        return found

    return made_once(ds, ("safety.started", ctx.as_of), make)


def by_group(ds: Dataset, ctx: Context) -> dict[str, list[Member]]:
    """Each group's students — the first record of an id, as `ds.students` has them — summed
    file by file (`regulation/summaries.py`): an unchanged file's students are not built."""
    def make() -> dict[str, list[Member]]:
        found: dict[str, list[Member]] = {}
        for ident, group, start, first in first_rows(ds, ctx, "students", _members):
            found.setdefault(group, []).append(Member(ident, date.fromisoformat(start),
                                                      {m: date.fromisoformat(d) for m, d in first.items()}))
        return found

    return made_once(ds, ("safety.by_group", ctx.as_of), make)  # both of Lisa 8's group checks ask


def _group(ds: Dataset, ctx: Context, g: Group, students: list[Member], this_year: date) -> Iterator[Finding]:
    cur = ds.curricula.get(g.curriculum)
    if not students or cur is None:
        return
    start = min(s.start for s in students)
    sy = study_year(ctx.profile, current_first_year(ctx.profile, start))
    half = next((p for p in sy.periods if p.start <= start <= p.end), sy.periods[0])
    if half.end < this_year:
        return
    safety = {m.id for m in cur.modules if m.safety}
    firsts = [x.date for x in g.safety_instructions if x.module is None or x.module in safety]
    first = min(firsts) if firsts else None
    # the practical work the data shows: another module's instruction, a started placement
    practical: list[tuple[date, str]] = [(x.date, x.module) for x in g.safety_instructions
                                         if x.module is not None and x.module not in safety]
    started = _started_placements(ds, ctx)
    for s in students:
        practical += started.get(s.id, [])
    early = min(practical) if practical else None
    if early is not None and (first is None or early[0] < first):
        yield at(g, ("safety_instructions",), CODE, "Lisa 8 1", severity="warning", key=N_("safety-module.before"),
                 group=g.id, date=early[0], what=early[1])
    elif first is None and half.end < ctx.as_of:
        yield at(g, ("safety_instructions",), CODE, "Lisa 8 1", severity="warning", key=N_("safety-module.missing"),
                 group=g.id, end=half.end)
    elif first is not None and first > half.end:
        yield at(g, ("safety_instructions",), CODE, "Lisa 8 1", severity="warning", key=N_("safety-module.late"),
                 group=g.id, date=first, end=half.end)


def module_instructions(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 8 2: the practical work of every further module opens with its own safety instruction.
    When a module's practical work starts is the timetable, which the data does not hold; the
    journal shows it has begun by the module's first grade. So a group that keeps its sheet this
    study year has a line for each module with practical work (`practical_work_ekap`) whose first
    grade in the group falls in this study year, on or before that grade (placements: rule
    `safety-instruction`'s own check)."""
    this_year = study_year(ctx.profile, current_first_year(ctx.profile, ctx.as_of)).start
    members: dict[str, list[Member]] | None = None
    for g in ds.records.get("groups", []):
        cur = ds.curricula.get(g.curriculum)
        if cur is None or not any(x.date >= this_year for x in g.safety_instructions):
            continue
        members = by_group(ds, ctx) if members is None else members
        practical = {m.id for m in cur.modules if m.practical_work_ekap > 0 and not m.safety}
        first: dict[str, date] = {}
        for s in members.get(g.id, []):
            for module, day in s.first_grades.items():
                if module in practical:
                    first[module] = min(first.get(module, day), day)
        missing = sorted(m for m, day in first.items() if day >= this_year
                         and not any(x.module == m and x.date <= day for x in g.safety_instructions))
        if missing:
            yield at(g, ("safety_instructions",), "safety-instruction", "Lisa 8 2", severity="warning",
                     key=N_("safety-instruction.modules"), group=g.id, modules=missing)
