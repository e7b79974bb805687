"""A placement's care before and after: the place a student found checked (Lisa 7 1.3.1, 5.8),
the school-side supervisor (2.2), the student's contact with the host (8.3), the grade entered in
Tahvel (4.8, 4.7.9), the repeat defense (9.3.5) and the documents of a self-found placement abroad
(12.7.6).

Like the paperwork rules, these chase the placements of the current study year (ending on or
after its first day): earlier years' folders are closed.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Iterator

from cluster_cli.findings import Finding
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.grades import NEGATIVE
from cluster_cli.model.placements import Placement
from cluster_cli.i18n import NP_
from cluster_cli.regulation.rules.base import Context, at, fields
from cluster_cli.regulation.study_year import current_first_year, study_year

STARTED = ("valid", "finished")
# Lisa 7 2.2: the school-side supervisor is the department's leading teacher or a vocational
# teacher designated for it; the role is written in Estonian (and in English for a contract abroad).
SUPERVISOR_ROLES = ("juhtivõpetaja", "kutseõpetaja", "lead teacher", "leading teacher", "vocational teacher")


def _this_year(ds: Dataset, ctx: Context, statuses: tuple[str, ...] = STARTED) -> Iterator[Placement]:
    first = study_year(ctx.profile, current_first_year(ctx.profile, ctx.as_of)).start
    return (p for p in ds.records.get("placements", []) if p.status in statuses and p.end >= first)


def host_suitability(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 7 1.3.1, 5.8: a place the student found (`self_found: true`) is checked by the school
    with the host's representatives — the learning outcomes can be reached, safety and health are
    protected — before the placement starts: `suitability: {date, by}` on or before the start. A
    warning from the start on (a contract in the making is not judged yet)."""
    for p in _this_year(ds, ctx):
        if not p.self_found or p.start > ctx.as_of:
            continue
        s = p.suitability
        if s is None or s.date > p.start:
            yield at(p, ("self_found",), "host-suitability", "Lisa 7 1.3.1, 5.8", severity="warning",
                     id=p.id, start=p.start)


def school_supervisor(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 7 2.2: the school-side supervisor is the department's leading teacher (juhtivõpetaja)
    or a vocational teacher (kutseõpetaja) designated when the documents are made: the
    supervisor's `role` names one of them. A placement of this year in the making or running;
    a supervisor without a recorded role is not judged."""
    for p in _this_year(ds, ctx, ("review", "valid", "finished")):
        person = p.school_supervisor
        if person is None or not (person.role or person.role_en):
            continue  # contract-terms asks for the supervisor
        roles = f"{person.role or ''} {person.role_en or ''}".lower()
        if not any(word in roles for word in SUPERVISOR_ROLES):
            yield at(p, ("school_supervisor", "role"), "school-supervisor", "Lisa 7 2.2", severity="warning",
                     id=p.id, name=person.name, role=person.role or person.role_en)


def host_contact(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 7 8.3: the student contacts the approved host at least `host_contact_days_before`
    days before the start (`host_contacted`). Judged once that day has passed: none recorded, or
    recorded later, is a warning."""
    for p in _this_year(ds, ctx, ("review", "valid", "finished")):
        days = ctx.p("host_contact_days_before", p.start)
        due = p.start - timedelta(days=days)
        if due >= ctx.as_of:
            continue
        if p.host_contacted is None:
            yield at(p, ("start",), "host-contact", ctx.clause("host_contact_days_before"), severity="warning",
                     key="host-contact.missing", id=p.id, due=due, days=days)
        elif p.host_contacted > due:
            yield at(p, ("host_contacted",), "host-contact", ctx.clause("host_contact_days_before"),
                     severity="warning", key="host-contact.late", id=p.id, date=p.host_contacted, due=due, days=days)


def grade_entered(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 7 4.8, 4.7.9: after the defense the practice grade and the report's grade are entered
    in the group's practice diary in Tahvel (`grade.entered`, on or after the defense). A defended
    placement of this year with its final grade and no entry is a warning."""
    for p in _this_year(ds, ctx):
        g = p.grade
        if g is None or g.final is None or g.defense_date is None or g.defense_date >= ctx.as_of:
            continue
        if g.entered is None or g.entered < g.defense_date:
            yield at(p, ("grade", "final"), "practice-grade-entered", "Lisa 7 4.8, 4.7.9", severity="warning",
                     id=p.id, date=g.defense_date)


def _needs_repeat(p: Placement) -> bool:
    """Lisa 7 9.3.5: shortcomings in the documents (diary or report not accepted), an
    unsatisfactory defense (a negative final grade), or a defense missed for a valid reason
    (finished, its end and the defense window past, no defense date — judged by the caller)."""
    g = p.grade
    return g is not None and g.defense_date is not None and (
        g.diary is False or g.report is False or (g.final is not None and g.final in NEGATIVE))


def repeat_defense(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 7 9.3.5: with shortcomings in the required documents, an unsatisfactory defense or a
    defense missed (for a valid reason), the leading teacher sets a repeat defense
    (`grade.repeat_defense`). A finished placement of this year needing one, with none set (or
    set before the first defense), is a warning; a missed defense counts once the
    `defense_days_after` window has passed."""
    for p in _this_year(ds, ctx, ("finished",)):
        g = p.grade
        window = p.end + timedelta(days=ctx.p("defense_days_after", p.end))
        missed = (g is None or g.defense_date is None) and window < ctx.as_of
        if not (missed or _needs_repeat(p)):
            continue
        repeat = g.repeat_defense if g else None
        first = g.defense_date if g else None
        if repeat is None or (first is not None and repeat <= first):
            yield at(p, ("grade",), "repeat-defense", "Lisa 7 9.3.5", severity="warning",
                     key="repeat-defense.missed" if missed else "repeat-defense", id=p.id)


def abroad_documents(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 7 12.7.6 (12.7.5): after a placement abroad at a place the student found, the student
    hands all documents to the school-side supervisor — the signed English contract, the diary,
    the report (`documents.returned`) and the host supervisor's summary feedback and assessment
    (`documents.feedback`). Due `documents_days_after` days after the end; a warning."""
    for p in _this_year(ds, ctx):
        if p.kind != "abroad" or not p.self_found or p.end >= ctx.as_of:
            continue
        days = ctx.p("documents_days_after", p.end)
        if p.end + timedelta(days=days) >= ctx.as_of:
            continue
        d = p.documents
        missing = [name for name in ("returned", "feedback") if d is None or getattr(d, name) is None]
        if missing:
            yield at(p, ("documents",), "abroad-documents", "Lisa 7 12.7.6, 12.7.5", severity="warning",
                     key=NP_("abroad-documents"), id=p.id, end=p.end, missing=fields(missing), count=len(missing))
