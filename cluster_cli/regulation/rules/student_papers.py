"""A student's papers a secretary keeps: the HarID account and e-mail (5.3.1.3), the re-sit
agreement sheet (6.2.4), and the academic leave's application, evidence and directive (6.7.3,
6.7.4).

They are chased for the current study year (studies, re-sits and leaves that began on or after
its first day): a cluster that starts recording them is not flooded with its history.
"""

from __future__ import annotations

from datetime import date
from typing import Iterator

from cluster_cli.findings import Finding
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.grades import NEGATIVE
from cluster_cli.i18n import NP_
from cluster_cli.regulation.rules.base import Context, at, fields
from cluster_cli.regulation.study_year import current_first_year, study_year


def _year_start(ctx: Context) -> date:
    return study_year(ctx.profile, current_first_year(ctx.profile, ctx.as_of)).start


def _studying(s, day: date) -> bool:
    """On the student list on `day` (not graduated or removed)."""
    current = [e for e in s.status if e.start <= day]
    return bool(current) and max(current, key=lambda e: e.start).status not in ("graduated", "expelled")


def student_accounts(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """5.3.1.3: a student has a HarID account for Tahvel (`harid: true`) and a personal e-mail
    address (`email`). Judged for the students whose studies started this study year and who
    are on the list (the accounts are made at the start of studies); a warning naming what is
    missing."""
    first = _year_start(ctx)
    for s in ds.records.get("students", []):
        if s.start < first or s.start > ctx.as_of or not _studying(s, ctx.as_of):
            continue
        missing = [name for name, ok in (("harid", s.harid), ("email", s.email)) if not ok]
        if missing:
            yield at(s, ("id",), "student-accounts", "5.3.1.3", severity="warning", student=s.id, missing=missing)


def resit_sheet(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """6.2.4: the teacher and the student confirm the re-sit's time and its result with their
    signatures on the re-sit agreement sheet. A re-sit — a positive result that clears a
    negative one of the same module and topic — taken this study year needs the agreed time
    (`resit_agreed` on the debt's grade) and the signed result (`sheet_signed` on the re-sit's
    grade, on or after it). A warning for each re-sit that lacks one."""
    first = _year_start(ctx)
    for s in ds.records.get("students", []):
        runs: dict[tuple, list[int]] = {}
        for _, i, g in sorted((g.date, i, g) for i, g in enumerate(s.grades)):  # by date, then index
            key = (g.module, g.topic)
            if g.value in NEGATIVE:
                runs.setdefault(key, []).append(i)
                continue
            debt = runs.pop(key, None)
            if debt is None or g.date < first or g.date > ctx.as_of:
                continue
            agreed = any(s.grades[j].resit_agreed is not None for j in debt)
            signed = g.sheet_signed is not None and g.sheet_signed >= g.date
            missing = [name for name, ok in (("resit_agreed", agreed), ("sheet_signed", signed)) if not ok]
            if missing:
                yield at(s, ("grades", i), "resit-sheet", "6.2.4", severity="warning", key=NP_("resit-sheet"),
                         student=s.id, module=g.module, date=g.date, missing=fields(missing), count=len(missing))


def leave_papers(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """6.7.3: the academic-leave application is agreed with the group supervisor beforehand
    (`supervisor_agreed`, on or before the start) and the leave is granted by the director's
    directive (`directive`, its number); 6.7.4: service leave rests on the call-up (`evidence`).
    (A health leave's certificate is rule academic-leave's; a child-care leave's birth
    certificate gives `child_birth_date`.) Judged for leaves that start this study year; a
    warning."""
    first = _year_start(ctx)
    for s in ds.records.get("students", []):
        for i, e in enumerate(s.status):
            if e.status != "academic_leave" or e.start < first or e.start > ctx.as_of:
                continue
            path = ("status", i)
            if e.supervisor_agreed is None or e.supervisor_agreed > e.start:
                yield at(s, path, "leave-papers", "6.7.3", severity="warning", key="leave-papers.supervisor",
                         student=s.id, start=e.start)
            if not e.directive:
                yield at(s, path, "leave-papers", "6.7.3", severity="warning", key="leave-papers.directive",
                         student=s.id, start=e.start)
            if e.reason == "military" and not e.evidence:
                yield at(s, path, "leave-papers", "6.7.4", severity="warning", key="leave-papers.call-up",
                         student=s.id, start=e.start)
