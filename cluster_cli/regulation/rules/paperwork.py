"""Placements in their period and their paperwork (4.11.3; Lisa 7 2.5, 4.2, 4.6, 5.10, 6.1, 7.2,
12.3–12.5) and the safety instruction before practical work (Lisa 8).

The paperwork, the visits and the safety instructions are chased for the placements of the
current study year (those ending on or after its first day): earlier years' folders are closed,
and a cluster that starts recording these dates is not flooded with its history.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Iterator

from cluster_cli.findings import Finding
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.placements import Placement, Visit
from cluster_cli.model.records import Group, Student
from cluster_cli.regulation.rules.base import Context, at
from cluster_cli.regulation.rules.support import schedule_on
from cluster_cli.regulation.study_year import current_first_year, study_year

STARTED = ("valid", "finished")


def host_visits(p: Placement, member: str) -> list[Visit]:
    """The visits to one host of a placement (a visit without `member` is to the first host)."""
    return [v for v in p.visits if (v.member or p.hosts[0].member) == member]


def _this_year(ds: Dataset, ctx: Context) -> Iterator[Placement]:
    first = study_year(ctx.profile, current_first_year(ctx.profile, ctx.as_of)).start
    return (p for p in ds.records.get("placements", []) if p.status in STARTED and p.end >= first)


def practice_period(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """4.11.3, Lisa 7 2.5: a placement lies in a practice period of the student's group for one
    of its modules (the yearly practice schedule), else the student's own individual study schedule
    (`individual_schedule` in force at the start) sets the time — a warning when there is none. Lisa 7 12.3–12.5: a
    placement abroad may lie outside the period (12.4), but then the student must have the
    individual study schedule (12.5) — an error. A group without a period for the placement's
    modules is not judged (no schedule recorded).

    A record rule (issue 20): it iterates students and reaches each one's placements and group,
    so that a student's edit re-judges that student's placements only."""
    for student in ds.records.get("students", []):
        placements = [p for p in ds.placements_of_record(student) if p.status != "cancelled"]
        if not placements:
            continue
        group = ds.groups.get(student.group)
        if group is None:
            continue
        for p in placements:
            periods = [x for x in group.practice_periods if x.module in p.modules]
            if not periods or schedule_on(student, p.start) or any(x.start <= p.start and p.end <= x.end
                                                                   for x in periods):
                continue
            period = min(periods, key=lambda x: abs((x.start - p.start).days))
            if p.kind != "abroad":
                yield at(p, ("start",), "practice-period", "4.11.3, Lisa 7 2.5", severity="warning",
                         group=group.id, start=period.start, end=period.end, module=period.module)
            else:
                yield at(p, ("start",), "practice-period", "Lisa 7 12.4, 12.5", key="practice-period.abroad",
                         student=student.id, group=group.id, start=period.start, end=period.end)


def placement_paperwork(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 7 4.2: the practice documents are handed to the student before the start; 4.6: the
    contract, report and diary are collected within a week of the end; 7.2: the secretary checks
    the diary on the student's return; 5.10: after the defense a summary report is made. Each is a
    date in `documents:`; a missing one is a warning once it is due."""
    for p in _this_year(ds, ctx):
        d = p.documents
        given = d.given if d else None
        if p.start <= ctx.as_of and (given is None or given > p.start):
            yield at(p, ("documents", "given"), "placement-paperwork", "Lisa 7 4.2", severity="warning",
                     key="placement-paperwork.given", id=p.id, start=p.start)
        if p.end >= ctx.as_of:
            continue
        days = ctx.p("documents_days_after", p.end)
        due = p.end + timedelta(days=days)
        if (d is None or d.returned is None) and due < ctx.as_of:
            yield at(p, ("documents",), "placement-paperwork", ctx.clause("documents_days_after"),
                     severity="warning", key="placement-paperwork.returned", id=p.id, end=p.end, days=days)
        elif d is not None and d.returned is not None and d.diary_checked is None:
            yield at(p, ("documents", "returned"), "placement-paperwork", "Lisa 7 7.2", severity="warning",
                     key="placement-paperwork.diary", id=p.id, returned=d.returned)
        defended = p.grade.defense_date if p.grade else None
        if defended is not None and defended < ctx.as_of:
            report = d.summary_report if d else None
            if report is None or report < defended:
                yield at(p, ("grade", "defense_date"), "placement-paperwork", "Lisa 7 5.10", severity="warning",
                         key="placement-paperwork.summary", id=p.id, date=defended)


def host_visit(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 7 6.1: the head of the employment centre visits every host at least once during the
    placement. Judged when the host's period has ended; a visit counts within its period. A visit
    naming a member that is not a host of the placement counts for none (an error)."""
    need = ctx.p("host_visits_min")
    for p in ds.records.get("placements", []):
        hosts = {h.member for h in p.hosts}
        for i, v in enumerate(p.visits):
            if v.member is not None and v.member not in hosts:
                yield at(p, ("visits", i, "member"), "host-visit", "Lisa 7 6.1", key="host-visit.member",
                         member=v.member, hosts=sorted(hosts))
    for p in _this_year(ds, ctx):
        for i, h in enumerate(p.hosts):
            if h.end >= ctx.as_of:
                continue
            count = sum(1 for v in host_visits(p, h.member) if h.start <= v.date <= h.end)
            if count < need:
                yield at(p, ("hosts", i, "member"), "host-visit", ctx.clause("host_visits_min"), severity="warning",
                         id=p.id, member=h.member, start=h.start, end=h.end)


def instructed_before(student: Student, group: Group | None, p: Placement, day: date) -> bool:
    """Lisa 8 2–3: a safety instruction on the group's sheet (or the student's own) on or before
    `day` that opens one of the placement's modules (the general first instruction of Lisa 8 1
    does not stand for a module's own)."""
    lines = [*student.safety_instructions, *(group.safety_instructions if group else [])]
    return any(x.date <= day and x.module in p.modules for x in lines)


def safety_instruction(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 8 1–3: practical work — a school workshop or a placement — starts after the safety
    instruction, recorded with its date on the group's safety sheet (or the student's own). A
    placement of this study year that has started with none recorded is a warning (this part
    reads one student and the student's placements at a time); so is a module's practical work
    at school begun (graded) with none (`safety.module_instructions`, across the group)."""
    first = study_year(ctx.profile, current_first_year(ctx.profile, ctx.as_of)).start
    for s in ds.records.get("students", []):
        for p in ds.placements_of_record(s):
            if p.status in STARTED and p.end >= first and p.start <= ctx.as_of \
                    and not instructed_before(s, ds.groups.get(s.group), p, p.start):
                yield at(p, ("start",), "safety-instruction", "Lisa 8 2, 3", severity="warning",
                         id=p.id, group=s.group, start=p.start, modules=p.modules)
