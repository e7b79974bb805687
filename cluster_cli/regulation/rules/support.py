"""A student's support (issue 21): educational support measures (6.4.7–6.4.8), the individual
curriculum — IÕK (6.5, Lisa 10), the individual study schedule — IÕG (6.6) and the development
talks (Lisa 9). Each is a list on the student (`model/support.py`); a finding names the clause.

- `support-measure` — 6.4.7.5: a pedagogical intervention is moderate at 1–3 extra hours a week,
  thorough at 4 or more; 6.4.8: a measure is agreed with the student and/or the legal
  representative and approved by the director's directive (by its start).
- `individual-curriculum` — 6.5.1, Lisa 10 3–5: applied for with reasons by the student (a minor's
  legal representative) or started by the school, on one of the grounds health, giftedness,
  learning difficulties; Lisa 10 6: the support group decides within `iok_decision_days`;
  6.5.3, Lisa 10 1.3: approved by the director, for `individual_plan_study_years` study year;
  Lisa 10 7: it fixes the duration, the modules and their volume, the choices and the completion
  requirements; 6.5.2, Lisa 10 1.2: its outcomes are the school curriculum's — its modules are
  modules of the student's curriculum (an error).
- `individual-schedule` — 6.6.1–6.6.5: applied for with a schedule agreed with the teachers,
  approved by directive (by its start) for one study year; 6.6.6: entered in the journal by the
  secretary; 6.6.8: ended early only on the group supervisor's proposal; one running while the
  student has expired debts may be ended (an info line for the leading teacher).
- `development-talk` — Lisa 9 3.1: prepared over two weeks; 5.1: the student and the group
  supervisor take part; 2, 8.1: a memo with the goals in both words and the year's agreement;
  7.1.3: a special-needs student's talk gives the transition plan for next year; 9.1: the memo is
  kept in the student's group folder. Which talks are due (4.1) is in `cluster calendar`.

Old data may still say `individual_curriculum: true` / `individual_schedule: true`: no record,
nothing to judge.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Iterator

from cluster_cli.findings import Finding
from cluster_cli.i18n import NP_, N_
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.records import Student
from cluster_cli.model.support import IndividualCurriculum, IndividualSchedule
from cluster_cli.regulation.debts import EXPIRED, DebtRules, calendar_for, student_debts
from cluster_cli.regulation.facts import is_minor
from cluster_cli.regulation.rules.base import Context, at, fields, order
from cluster_cli.regulation.study_year import current_first_year

# 6.4.7.5: the message when the recorded intensity does not match the hours
INTENSITY_KEY = {"moderate": N_("support-measure.moderate"), "thorough": N_("support-measure.thorough")}


def curricula(s: Student) -> list[IndividualCurriculum]:
    """The student's individual curricula (none when only the old flag is set)."""
    return s.individual_curriculum if isinstance(s.individual_curriculum, list) else []


def schedules(s: Student) -> list[IndividualSchedule]:
    """The student's individual study schedules (none when only the old flag is set)."""
    return s.individual_schedule if isinstance(s.individual_schedule, list) else []


def schedule_on(s: Student, day) -> bool:
    """Whether an individual study schedule is in force on `day` (old data's `true`: always)."""
    if s.individual_schedule is True:
        return True
    return any(g.start <= day <= g.end and (g.ended is None or g.ended.date > day) for g in schedules(s))


def has_special_needs(ds: Dataset, s: Student) -> bool:
    """A special-needs student (HEV): the student's `special_needs` or a special-needs group."""
    group = ds.groups.get(s.group)
    return bool(s.special_needs) or bool(group and group.special_needs)


def _years(ctx: Context, start, end) -> int:
    """How many study years the stretch start–end touches."""
    return current_first_year(ctx.profile, end) - current_first_year(ctx.profile, start) + 1


def support_measures(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """6.4.7.5: a pedagogical intervention has its extra hours a week — moderate 1–3, thorough 4 or
    more; 6.4.8: every measure is agreed with the student and/or the legal representative and
    approved by the director's directive by the time it starts."""
    for s in ds.records.get("students", []):
        for i, m in enumerate(s.support_measures):
            if m.kind == "intervention":
                yield from _intervention(s, i, m, ctx)
            if not m.agreed_with or m.agreed is None:
                yield at(s, ("support_measures", i, "agreed_with" if m.agreed_with else "kind"), "support-measure",
                         "6.4.8", severity="warning", key="support-measure.agreed", student=s.id, start=m.start)
            if m.start <= ctx.as_of and (m.directive is None or m.directive.date > m.start):
                yield at(s, ("support_measures", i, "directive"), "support-measure", "6.4.8", severity="warning",
                         key="support-measure.directive", student=s.id, start=m.start)


def _intervention(s: Student, i: int, m, ctx: Context) -> Iterator[Finding]:
    low, high = ctx.p("intervention_moderate_hours_min", m.start), ctx.p("intervention_thorough_hours_min", m.start)
    clause = ctx.clause("intervention_thorough_hours_min")
    if m.hours_per_week is None:
        yield at(s, ("support_measures", i, "kind"), "support-measure", clause, severity="warning",
                 key="support-measure.hours", student=s.id, start=m.start)
    elif m.hours_per_week < low:
        yield at(s, ("support_measures", i, "hours_per_week"), "support-measure", clause, severity="warning",
                 key="support-measure.too-few", student=s.id, hours=_whole(m.hours_per_week), low=low)
    else:
        intensity = "thorough" if m.hours_per_week >= high else "moderate"
        if m.intensity is not None and m.intensity != intensity:
            yield at(s, ("support_measures", i, "intensity"), "support-measure", clause, severity="warning",
                     key=INTENSITY_KEY[m.intensity], student=s.id, hours=_whole(m.hours_per_week), low=low,
                     high=high)


def _whole(value):
    """Whole hours as an int (the message writes `2`, not `2.0`); other values as they are."""
    return int(value) if value == int(value) else value


def individual_curricula(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """6.5.1–6.5.3 and Lisa 10 1.2–7: an individual curriculum's application, grounds, the support
    group's decision in time, the director's approval, one study year, what it fixes, and modules
    of the student's own curriculum."""
    for s in ds.records.get("students", []):
        for i, c in enumerate(curricula(s)):
            yield from _curriculum(ds, s, i, c, ctx)


def _curriculum(ds: Dataset, s: Student, i: int, c: IndividualCurriculum, ctx: Context) -> Iterator[Finding]:
    path = ("individual_curriculum", i)
    code = "individual-curriculum"
    if not c.grounds:
        yield at(s, (*path, "initiative"), code, "Lisa 10 3", severity="warning", key="individual-curriculum.grounds",
                 student=s.id, application=c.application)
    minor = is_minor(s, c.application, ctx.p("adult_age", c.application))
    if c.initiative == "student" and minor:
        yield at(s, (*path, "initiative"), code, "6.5.1, Lisa 10 4", severity="warning",
                 key="individual-curriculum.minor", student=s.id, application=c.application)
    if c.initiative != "school" and not c.reasons:
        yield at(s, (*path, "initiative"), code, "Lisa 10 4", severity="warning", key="individual-curriculum.reasons",
                 student=s.id, application=c.application)
    days = ctx.p("iok_decision_days", c.application)
    due = c.application + timedelta(days=days)
    if (c.support_group_decision is None and due < ctx.as_of) or (c.support_group_decision or due) > due:
        yield at(s, (*path, "support_group_decision"), code, ctx.clause("iok_decision_days"), severity="warning",
                 key="individual-curriculum.decision", student=s.id, application=c.application, days=days,
                 due=due)
    if c.start is not None and c.start <= ctx.as_of and c.approved is None:
        yield at(s, (*path, "start"), code, "6.5.3, Lisa 10 1.3", severity="warning",
                 key="individual-curriculum.approved", student=s.id, start=c.start)
    wrong = [f for f in (order(s, (*path, "end"), code, "6.5.3", ("end", N_("date-order.end"), c.end),
                               ("start", N_("date-order.start"), c.start)),
                         order(s, (*path, "approved"), code, "Lisa 10 6, 1.3",
                               ("approved", N_("date-order.approval"), c.approved and c.approved.date),
                               ("support_group_decision", N_("date-order.support-group"),
                                c.support_group_decision))) if f is not None]
    yield from wrong
    if c.start is not None and c.end is not None and c.start <= c.end:
        years = ctx.p("individual_plan_study_years", c.start)
        if _years(ctx, c.start, c.end) > years:
            yield at(s, (*path, "end"), code, "6.5.3", severity="warning", key="individual-curriculum.year",
                     student=s.id, start=c.start, end=c.end, years=years)
    if c.approved is not None:
        missing = [name for name, value in (("start", c.start), ("end", c.end), ("modules", c.modules),
                                            ("choices", c.choices), ("completion", c.completion)) if not value]
        if missing:
            yield at(s, (*path, "approved"), code, "Lisa 10 7", severity="warning",
                     key="individual-curriculum.contents", student=s.id, missing=missing)
    curriculum = ds.curricula.get(s.curriculum)
    if curriculum is not None:
        known = {m.id for m in curriculum.modules}
        for j, m in enumerate(c.modules):
            if m.module not in known:
                yield at(s, (*path, "modules", j, "module"), code, "6.5.2, Lisa 10 1.2",
                         key="individual-curriculum.module", student=s.id, module=m.module,
                         curriculum=curriculum.code)


def individual_schedules(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """6.6.1–6.6.6 and 6.6.8: an individual study schedule's agreed timetable, the directive by
    its start, one study year, the journal entry, and its early end on the supervisor's proposal;
    one running while the student has expired debts may be ended (info)."""
    rules = DebtRules.from_profile(ctx.profile, ctx.as_of)
    for s in ds.records.get("students", []):
        for i, g in enumerate(schedules(s)):
            path = ("individual_schedule", i)
            code = "individual-schedule"
            if not g.agreed_with:
                yield at(s, (*path, "application"), code, "6.6.4", severity="warning",
                         key="individual-schedule.agreed", student=s.id, application=g.application)
            if g.start <= ctx.as_of and (g.directive is None or g.directive.date > g.start):
                yield at(s, (*path, "directive"), code, "6.6.2, 6.6.4", severity="warning",
                         key="individual-schedule.directive", student=s.id, start=g.start)
            years = ctx.p("individual_plan_study_years", g.start)
            if _years(ctx, g.start, g.end) > years:
                yield at(s, (*path, "end"), code, ctx.clause("individual_plan_study_years"), severity="warning",
                         key="individual-schedule.year", student=s.id, start=g.start, end=g.end, years=years)
            if g.directive is not None and g.start <= ctx.as_of and g.journal is None:
                yield at(s, (*path, "directive"), code, "6.6.6", severity="warning",
                         key="individual-schedule.journal", student=s.id, start=g.start)
            if g.ended is not None and g.ended.proposal is None:
                yield at(s, (*path, "ended"), code, "6.6.8", severity="warning",
                         key="individual-schedule.proposal", student=s.id, date=g.ended.date)
            running = g.start <= ctx.as_of <= g.end and (g.ended is None or g.ended.date > ctx.as_of)
            if running:
                expired = [d for d in student_debts(s, ctx.as_of, rules, calendar_for([s], ctx.as_of))
                           if d.state == EXPIRED and d.arose >= g.start]
                if expired:
                    yield at(s, (*path, "start"), code, "6.6.8", severity="info", key="individual-schedule.debts",
                             student=s.id, modules=sorted({d.module for d in expired}))


def development_talks(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 9 3.1, 5.1, 2 and 8.1, 7.1.3, 9.1: a held development talk was prepared over two
    weeks, had the student and the group supervisor, is documented in a memo with the goals and
    the year's agreement (a special-needs student's with the transition plan), kept in the
    student's group folder."""
    for s in ds.records.get("students", []):
        group = ds.groups.get(s.group)
        special = has_special_needs(ds, s)
        for i, talk in enumerate(s.development_talks):
            if talk.date > ctx.as_of:
                continue
            path = ("development_talks", i)
            code = "development-talk"
            days = ctx.p("talk_preparation_days", talk.date)
            wrong = [f for f in (order(s, (*path, "date"), code, "Lisa 9 3.1",
                                       ("date", N_("date-order.talk"), talk.date),
                                       ("announced", N_("date-order.announcement"), talk.announced)),
                                 order(s, (*path, "memo", "date"), code, "Lisa 9 8.1",
                                       ("memo", N_("date-order.memo"), talk.memo and talk.memo.date),
                                       ("date", N_("date-order.talk-par"), talk.date))) if f is not None]
            yield from wrong
            if talk.announced is not None and talk.announced <= talk.date and (talk.date - talk.announced).days < days:
                yield at(s, (*path, "announced"), code, ctx.clause("talk_preparation_days"), severity="warning",
                         key="development-talk.preparation", student=s.id, date=talk.date,
                         announced=talk.announced, days=days)
            names = {p.casefold() for p in talk.participants}
            absent = [n for n in (s.full_name, group.supervisor.name if group else None)
                      if n and n.casefold() not in names]
            if absent:
                yield at(s, (*path, "participants"), code, "Lisa 9 5.1", severity="warning",
                         key="development-talk.participants", student=s.id, date=talk.date, absent=absent)
            if talk.memo is None:
                yield at(s, (*path, "date"), code, "Lisa 9 8.1", severity="warning", key="development-talk.memo",
                         student=s.id, date=talk.date)
            elif talk.memo.folder != s.group:
                yield at(s, (*path, "memo", "folder"), code, "Lisa 9 9.1", severity="warning",
                         key="development-talk.folder", student=s.id, date=talk.date, folder=talk.memo.folder,
                         group=s.group)
            missing = [name for name, value in (("goal_student", talk.goal_student),
                                                ("goal_supervisor", talk.goal_supervisor),
                                                ("agreement", talk.agreement)) if not value]
            if missing and talk.memo is not None:
                yield at(s, (*path, "date"), code, "Lisa 9 2, 8.1", severity="warning",
                         key=NP_("development-talk.contents"), student=s.id, date=talk.date,
                         missing=fields(missing), count=len(missing))
            if special and not talk.transition_plan:
                yield at(s, (*path, "date"), code, "Lisa 9 7.1.3", severity="warning",
                         key="development-talk.transition", student=s.id, date=talk.date)
