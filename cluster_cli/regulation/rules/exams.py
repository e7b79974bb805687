"""Exam organisation (Lisa 3 III, Lisa 4, 4.13): the committee, the schedule and the protocol's
way back to the secretary, read from `cluster.yaml`'s `exams:`.

A professional exam (kutseeksam) taken as the final exam is run by the awarding body's committee
(Lisa 4 3.3): its committee and protocol are not the school's and are not judged here.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from fractions import Fraction
from typing import Iterator

from cluster_cli.findings import Finding
from cluster_cli.i18n import N_
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.exams import Exam
from cluster_cli.regulation.calendar import working_days
from cluster_cli.regulation.facts import add_months
from cluster_cli.regulation.summaries import first_rows, made_once, summary
from cluster_cli.regulation.rules.base import Context, at
from cluster_cli.regulation.study_year import current_first_year

WORLD_OF_WORK = ("company", "organisation")
# the schedule's notice per kind of exam: parameter name (literal keys)
_NOTICE = {"final": "final_exam_schedule_months", "professional": "final_exam_schedule_months",
           "transition": "transition_exam_notice_days"}
_NOTICE_KEYS = {"final": N_("exam-schedule.late"), "professional": N_("exam-schedule.late"),
                "transition": N_("exam-schedule.late-transition")}
_MISSING_KEYS = {"final": N_("exam-schedule.missing"), "professional": N_("exam-schedule.missing"),
                 "transition": N_("exam-schedule.missing-transition")}


def notice_due(exam: Exam, ctx: Context) -> date:
    """The last day the schedule may be confirmed: a month before a final exam (Lisa 4 3.1,
    4.13.6), two weeks before a transition exam (Lisa 3 III.2.1)."""
    n = ctx.p(_NOTICE[exam.kind], exam.date)
    return add_months(exam.date, -n) if exam.kind != "transition" else exam.date - timedelta(days=n)


def last_course(ds: Dataset, group: str) -> int | None:
    g = ds.groups.get(group)
    cur = ds.curricula.get(g.curriculum) if g else None
    return math.ceil(cur.nominal_years) if cur else None


def study_year_of(ctx: Context, day: date) -> int:
    return current_first_year(ctx.profile, day)


def _exams(ds: Dataset) -> list[tuple[int, Exam]]:
    return list(enumerate(ds.cluster.exams)) if ds.cluster is not None else []


def exam_committee(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 4 3.3: the final exam's committee has at least three members and its chair is a
    world-of-work representative — a person from a cluster company or organisation (`member`);
    Lisa 3 III.2.3: a transition exam's committee has at least three members, chaired by the
    department's leading teacher or a management member (`position`). Lisa 4 3.7: the committee
    decides when over half of it is present (`protocol.present`), the chair or a deputy among them.
    A committee not yet recorded is a warning once the schedule is due."""
    cluster = ds.cluster
    for i, e in _exams(ds):
        if e.kind == "professional":
            continue
        clause = "Lisa 4 3.3" if e.kind == "final" else "Lisa 3 III.2.3"
        need = ctx.p("final_exam_committee_min" if e.kind == "final" else "transition_exam_committee_min", e.date)
        if not e.committee:
            if notice_due(e, ctx) <= ctx.as_of:
                yield at(cluster, ("exams", i, "date"), "exam-committee", clause, severity="warning",
                         key="exam-committee.none", id=e.id, date=e.date, need=need)
            continue
        people = len({c.name.casefold() for c in e.committee})  # one person listed twice is one member
        if people < need:
            yield at(cluster, ("exams", i, "committee"), "exam-committee", clause, severity="warning",
                     id=e.id, count=people, need=need)
        chairs = [(k, c) for k, c in enumerate(e.committee) if c.role == "chair"]
        if len(chairs) != 1:
            yield at(cluster, ("exams", i, "committee"), "exam-committee", clause, severity="warning",
                     key="exam-committee.chair", id=e.id, count=len(chairs))
        for k, chair in chairs[:1]:
            where = ("exams", i, "committee", k)
            if e.kind == "final":
                member = ds.members.get(chair.member) if chair.member else None
                if chair.member and not ds.is_known("members", chair.member):
                    yield at(cluster, where + ("member",), "exam-committee", clause,
                             key="exam-committee.unknown-member", id=e.id, member=chair.member)
                elif member is None and chair.member:
                    pass  # a member whose record is broken: its own file reports it
                elif member is None or member.kind not in WORLD_OF_WORK:
                    yield at(cluster, where, "exam-committee", clause, severity="warning",
                             key="exam-committee.world-of-work", id=e.id, name=chair.name,
                             member=chair.member or "—")
            elif chair.position not in ("leading_teacher", "management"):
                yield at(cluster, where, "exam-committee", clause, severity="warning",
                         key="exam-committee.leading-teacher", id=e.id, name=chair.name)
            elif chair.position == "leading_teacher" and (examiner := _examining_lead(e, chair)) is not None:
                yield at(cluster, where, "exam-committee", clause, severity="warning",
                         key="exam-committee.examining-lead", id=e.id, name=chair.name, examiner=examiner)
        present = e.protocol.present if e.protocol else []
        if e.kind == "final" and present:
            yield from _quorum(cluster, i, e, present, ctx)


def _examining_lead(e: Exam, chair) -> str | None:
    """Lisa 3 III.2.3: the leading teacher who examines cannot chair — the name of an examiner who
    is the chair or a leading teacher, else None."""
    return next((c.name for c in e.committee if c.role == "examiner"
                 and (c.name.casefold() == chair.name.casefold() or c.position == "leading_teacher")), None)


def _quorum(cluster, i: int, e: Exam, present: list[str], ctx: Context) -> Iterator[Finding]:
    names = {c.name for c in e.committee}
    where = ("exams", i, "protocol", "present")
    strangers = [n for n in present if n not in names]
    if strangers:
        yield at(cluster, where, "exam-committee", "Lisa 4 3.7", severity="warning",
                 key="exam-committee.stranger", id=e.id, names=strangers)
    here = set(present) & names
    share = ctx.p("final_exam_quorum_share", e.date)
    leads = any(c.name in here for c in e.committee if c.role in ("chair", "deputy"))
    if Fraction(len(here), len(names)) <= share or not leads:
        yield at(cluster, where, "exam-committee", ctx.clause("final_exam_quorum_share"), severity="warning",
                 key="exam-committee.quorum", id=e.id, present=len(here), count=len(names))


def exam_schedule(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 4 3.1, 4.13.6: the final exams' schedule is made a month before the exams and
    confirmed by the director's directive; the exams end at least two study days before the
    graduation ceremony. Lisa 3 III.2.1–2.2: a transition exam's schedule is announced and its
    committee formed two weeks before (a re-exam is agreed with the study director instead, III.4.2).
    Lisa 4 3.2.1: a final exam before the curriculum's end
    (before the group's last practice) needs the study director's decision. 4.13.13: a final
    exam's re-sit is held in the same study year, by the director's directive."""
    cluster = ds.cluster
    for i, e in _exams(ds):
        if e.kind == "transition" and e.attempt == "resit":
            continue  # Lisa 3 III.4.2: a re-exam at a time agreed with the study director, no schedule
        due = notice_due(e, ctx)
        if e.scheduled is None:
            if due <= ctx.as_of:
                yield at(cluster, ("exams", i, "date"), "exam-schedule", ctx.clause(_NOTICE[e.kind]),
                         severity="warning", key=_MISSING_KEYS[e.kind], id=e.id, date=e.date, due=due)
        elif e.scheduled > due:
            yield at(cluster, ("exams", i, "scheduled"), "exam-schedule", ctx.clause(_NOTICE[e.kind]),
                     severity="warning", key=_NOTICE_KEYS[e.kind], id=e.id, scheduled=e.scheduled, due=due)
        if e.kind == "transition":
            formed = e.committee_formed
            if (formed is None and due <= ctx.as_of) or (formed is not None and formed > due):
                yield at(cluster, ("exams", i, "committee_formed"), "exam-schedule", "Lisa 3 III.2.2",
                         severity="warning", key="exam-schedule.committee", id=e.id, due=due)
            continue
        if e.ceremony is not None:
            days = ctx.p("final_exam_ceremony_study_days", e.date)
            latest = working_days(e.ceremony).back(e.ceremony, days)
            if e.date > latest:
                yield at(cluster, ("exams", i, "ceremony"), "exam-schedule",
                         ctx.clause("final_exam_ceremony_study_days"), severity="warning",
                         key="exam-schedule.ceremony", id=e.id, date=e.date, ceremony=e.ceremony, days=days)
        group = ds.groups.get(e.group)
        practice_end = max((p.end for p in group.practice_periods), default=None) if group else None
        if e.kind == "final" and practice_end is not None and e.date < practice_end and not e.early_decision:
            yield at(cluster, ("exams", i, "date"), "exam-schedule", "Lisa 4 3.2.1", severity="warning",
                     key="exam-schedule.early", id=e.id, date=e.date, end=practice_end)
        if e.attempt == "resit" and e.kind == "final":
            yield from _resit(ds, i, e, ctx)


def _resit(ds: Dataset, i: int, e: Exam, ctx: Context) -> Iterator[Finding]:
    cluster = ds.cluster
    if not e.directive:
        yield at(cluster, ("exams", i, "attempt"), "exam-schedule", "4.13.13", severity="warning",
                 key="exam-schedule.resit-directive", id=e.id)
    year = study_year_of(ctx, e.date)
    for k, s in enumerate(e.students):
        before = [x.date for x in ds.cluster.exams if x.kind == "final" and x.date < e.date
                  and any(t.student == s.student for t in x.students)]
        if before and study_year_of(ctx, max(before)) != year:
            yield at(cluster, ("exams", i, "students", k, "student"), "exam-schedule", "4.13.13",
                     severity="warning", key="exam-schedule.resit-year", id=e.id, student=s.student,
                     first=max(before))


def exam_protocol(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 4 3.6, 4.6: the examining teacher enters the results in the information system by the
    next (working) day and hands the protocol to the secretary within two working days; 4.6: the
    committee members sign it; 3.5, 4.13.9: the secretary archives it. Judged for final exams that
    have been held."""
    cluster = ds.cluster
    for i, e in _exams(ds):
        if e.kind != "final" or e.date >= ctx.as_of:
            continue
        wd = working_days(e.date)
        p = e.protocol
        where = ("exams", i, "protocol")
        days = ctx.p("final_exam_results_working_days", e.date)
        entered_by = wd.add(e.date, days)
        entered = p.results_entered if p else None
        if (entered is None and entered_by < ctx.as_of) or (entered is not None and entered > entered_by):
            yield at(cluster, where + ("results_entered",), "exam-protocol",
                     ctx.clause("final_exam_results_working_days"), severity="warning",
                     key="exam-protocol.results", id=e.id, date=e.date, due=entered_by)
        days = ctx.p("final_exam_protocol_working_days", e.date)
        received_by = wd.add(e.date, days)
        received = p.received if p else None
        if received is None and received_by < ctx.as_of:
            yield at(cluster, where + ("received",), "exam-protocol", ctx.clause("final_exam_protocol_working_days"),
                     severity="warning", key="exam-protocol.received", id=e.id, date=e.date, due=received_by,
                     days=days)
        elif received is not None and received > received_by:
            yield at(cluster, where + ("received",), "exam-protocol", ctx.clause("final_exam_protocol_working_days"),
                     severity="warning", key="exam-protocol.received-late", id=e.id, date=e.date, due=received_by,
                     days=days, received=received)
        if received is not None and not p.signed:
            yield at(cluster, where + ("signed",), "exam-protocol", "Lisa 4 4.6", severity="warning",
                     key="exam-protocol.signed", id=e.id)
        if received is not None and p.archived is None:
            yield at(cluster, where + ("received",), "exam-protocol", "Lisa 4 3.5, 4.13.9", severity="info",
                     key="exam-protocol.archive", id=e.id, received=received)


def transition_exam(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 3 III.1.3: a transition exam is held every year except the last, in the year's core
    module(s), during its last lessons. An exam recorded in a group's last course or in a module
    that is not core is a warning; from the start of the study year's spring period a group below
    its last course with no transition exam recorded for the year is a warning — judged once the
    cluster keeps its exams (`exams:`), so a folder that does not is not flooded."""
    cluster = ds.cluster
    exams = _exams(ds)
    for i, e in exams:
        if e.kind != "transition":
            continue
        group = ds.groups.get(e.group)
        cur = ds.curricula.get(group.curriculum) if group else None
        if cur is None:
            continue
        module = next((m for m in cur.modules if m.id == e.module), None)
        if module is not None and module.type != "core":
            yield at(cluster, ("exams", i, "module"), "transition-exam", "Lisa 3 III.1.3", severity="warning",
                     key="transition-exam.core", id=e.id, module=e.module)
        course = group_course(ds, e.group, ctx, e.date)
        if course is not None and course >= math.ceil(cur.nominal_years):
            yield at(cluster, ("exams", i, "kind"), "transition-exam", "Lisa 3 III.1.3", severity="warning",
                     key="transition-exam.last", id=e.id, group=e.group, course=course)
    if not exams:
        return
    from cluster_cli.regulation.study_year import study_year

    year = study_year(ctx.profile, study_year_of(ctx, ctx.as_of))
    if ctx.as_of < year.periods[-1].start:
        return
    held = {e.group for _, e in exams if e.kind == "transition" and year.start <= e.date <= year.end}
    for gid, group in sorted(ds.groups.items()):
        course, last = group_course(ds, gid, ctx, ctx.as_of), last_course(ds, gid)
        if course is None or last is None or course >= last or gid in held:
            continue
        yield at(group, ("id",), "transition-exam", "Lisa 3 III.1.3", severity="warning",
                 key="transition-exam.missing", group=gid, course=course, year=year.label)


@summary("students")
def _courses(records: list, ctx: Context, cluster) -> list:
    """A students file's summary: each student's id, group and course."""
    return [[s.id, s.group, s.course] for s in records]


def _group_courses(ds: Dataset, ctx: Context) -> dict[str, list[int]]:
    """Each group's students' courses — the first record of an id, as `ds.students` has them —
    summed per file (`regulation/summaries.py`): no students file is built."""
    def make() -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for _, group, course in first_rows(ds, ctx, "students", _courses):
            found.setdefault(group, []).append(course)
        return found

    return made_once(ds, ("exams.group_courses", ctx.as_of), make)


def group_course(ds: Dataset, group: str, ctx: Context, day: date) -> int | None:
    """The group's course on `day`: its students' most common course now, less the study years
    between `day` and the as-of date."""
    courses = _group_courses(ds, ctx).get(group, [])
    if not courses:
        return None
    now = max(set(courses), key=lambda c: (courses.count(c), c))
    return now - (study_year_of(ctx, ctx.as_of) - study_year_of(ctx, day))
