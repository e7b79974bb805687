"""Students and groups: guardians of minors, the status history, academic leave (6.7.2),
group consistency and school-practice subgroup sizes (Lisa 6 II.2–3), and the status deadlines
that list students for the removal directives (6.7.10, 6.8.2.5; 4.1.13, 6.8.2.4; 6.8.2.3)."""

from __future__ import annotations

from datetime import timedelta
from typing import Iterator

from cluster_cli.findings import Finding
from cluster_cli.i18n import Period
from cluster_cli.model.dataset import Dataset
from cluster_cli.regulation.facts import add_months, add_years, age_on, birth_date, is_minor
from cluster_cli.regulation.summaries import counting, tally
from cluster_cli.regulation.rules.base import Context, at


def minor_guardian(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """6.1.8, 4.11.5: a student who is a minor on the as-of date has a legal representative
    (seaduslik esindaja) with a way to reach them — the school must notify them of absences and
    they sign the placement contract."""
    adult = ctx.p("adult_age")
    for s in ds.records.get("students", []):
        if is_minor(s, ctx.as_of, adult) and _still_studying(s, ctx):
            if s.guardian is None:
                yield at(s, (), "minor-guardian", "6.1.8, 4.11.5", id=s.id, age=age_on(birth_date(s), ctx.as_of))
            elif not (s.guardian.email or s.guardian.phone):
                yield at(s, ("guardian",), "minor-guardian", "6.1.8", severity="warning", key="minor-guardian.contact")


def _still_studying(s, ctx: Context) -> bool:
    last = s.status[-1]
    return not (last.status in ("expelled", "graduated") and last.start <= ctx.as_of)


@counting("students")
def _group_if_studying(s, ctx: Context) -> str | None:
    return s.group if _still_studying(s, ctx) else None


def status_history(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """The status history starts as `active` no earlier than the study start, runs in date order
    without overlaps, and ends of stretches come after their starts."""
    for s in ds.records.get("students", []):
        if s.nominal_end <= s.start:
            yield at(s, ("nominal_end",), "status-history", "", key="status-history.nominal-end",
                     start=s.start, end=s.nominal_end)
        if s.status[0].start < s.start:
            yield at(s, ("status", 0, "start"), "status-history", "", key="status-history.before-start",
                     date=s.status[0].start, start=s.start)
        previous = None
        for i, entry in enumerate(s.status):
            if entry.end is not None and entry.end < entry.start:
                yield at(s, ("status", i, "end"), "status-history", "", key="status-history.end-before-start")
            if previous is not None:
                if entry.start < previous.start:
                    yield at(s, ("status", i, "start"), "status-history", "", key="status-history.order")
                elif previous.end is not None and entry.start <= previous.end:
                    yield at(s, ("status", i, "start"), "status-history", "", key="status-history.overlap",
                             previous=previous.end)
                if previous.status in ("expelled", "graduated") and entry.status != "active":
                    yield at(s, ("status", i, "status"), "status-history", "", key="status-history.after-end",
                             previous=previous.status)
            previous = entry


def academic_leave(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """6.7.2: academic leave has a reason and a length the reason allows — health up to two
    years, military service up to one, child care until the child turns three, other reasons up
    to one year and only for an adult on a curriculum of at least 60 EKAP. 6.7.4: health leave
    needs evidence."""
    clause = "6.7.2"
    for s in ds.records.get("students", []):
        for i, e in enumerate(s.status):
            if e.status != "academic_leave":
                continue
            path = ("status", i)
            if e.reason is None:
                yield at(s, path, "academic-leave", clause, key="academic-leave.reason")
                continue
            if e.end is None:
                yield at(s, path, "academic-leave", clause, key="academic-leave.end")
                continue
            on = e.start
            if e.reason == "child_care":
                if e.child_birth_date is None:
                    yield at(s, path, "academic-leave", "6.7.2.3", key="academic-leave.child")
                else:
                    limit = add_years(e.child_birth_date, ctx.p("leave_child_care_until_age", on))
                    if e.end > limit:
                        yield at(s, (*path, "end"), "academic-leave", "6.7.2.3", key="academic-leave.child-age",
                                 end=e.end, limit=limit)
            else:
                months = ctx.p("leave_max_months", on)[e.reason]
                # `end` is the leave's last day: two years from 1 Feb end on 31 Jan.
                limit = add_months(e.start, months) - timedelta(days=1)
                if e.end > limit:
                    sub = {"health": "6.7.2.1", "military": "6.7.2.2", "other": "6.7.2.4"}[e.reason]
                    yield at(s, (*path, "end"), "academic-leave", sub, key="academic-leave.length",
                             reason=e.reason, months=months, end=e.end, limit=limit)
            if e.reason == "other":
                adult = ctx.p("adult_age", on)
                if is_minor(s, on, adult):
                    yield at(s, (*path, "reason"), "academic-leave", "6.7.2.4", key="academic-leave.other-minor")
                cur = ds.curricula.get(s.curriculum)
                need = ctx.p("leave_other_min_curriculum_ekap", on)
                if cur is not None and cur.ekap < need:
                    yield at(s, (*path, "reason"), "academic-leave", "6.7.2.4", key="academic-leave.other-volume",
                             ekap=cur.ekap, need=need)
            if e.reason == "health" and not e.evidence:
                yield at(s, path, "academic-leave", "6.7.4", severity="warning", key="academic-leave.evidence")


def student_group(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """A student studies on their group's curriculum at their group's school."""
    for s in ds.records.get("students", []):
        g = ds.groups.get(s.group)
        if g is None:
            continue
        if g.curriculum != s.curriculum:
            yield at(s, ("curriculum",), "student-group", "", severity="warning", key="student-group.curriculum",
                     group=g.id, group_curriculum=g.curriculum, curriculum=s.curriculum)
        if g.school != s.school:
            yield at(s, ("school",), "student-group", "", severity="warning", key="student-group.school",
                     group=g.id, group_school=g.school, school=s.school)


def practice_group_size(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 6 II.2–3: for school practice a group is split into subgroups of at most 15
    students, at most 8 in a group with special educational needs. Checked where a group
    records its subgroup size, and against the group's number of students when it does not."""
    sizes = tally(ds, ctx, "students", _group_if_studying)
    for g in ds.records.get("groups", []):
        name = "practice_group_special_needs_max" if g.special_needs else "practice_group_max"
        most = ctx.p(name)
        if g.practice_subgroup_size is not None and g.practice_subgroup_size > most:
            yield at(g, ("practice_subgroup_size",), "practice-group-size", ctx.clause(name),
                     size=g.practice_subgroup_size, most=most)
        elif g.practice_subgroup_size is None and sizes[g.id] > most:
            yield at(g, (), "practice-group-size", ctx.clause(name), severity="warning",
                     key="practice-group-size.split", students=sizes[g.id], most=most)


def leave_return(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """6.7.10, 6.8.2.5: an academic leave that has ended with no return (or removal) recorded
    after it. A student not back within one week of the leave's end is expelled on the group
    supervisor's proposal (6.7.10, "ühe nädala jooksul"); 6.8.2.5 says two weeks — both deadlines
    are named, each moved off a rest day as `cluster debts` and `cluster calendar` move them. A
    warning: the data may only lack the return."""
    from cluster_cli.regulation.calendar import working_days
    from cluster_cli.regulation.facts import unreturned_leave

    clause = f"{ctx.clause('leave_return_days')}, {ctx.clause('leave_return_days_expulsion')}"
    for s in ds.records.get("students", []):
        leave = unreturned_leave(s, ctx.as_of)
        if leave is None:
            continue
        calendar = working_days(leave.end, ctx.as_of)
        back_by = calendar.deadline(leave.end, ctx.p("leave_return_days", leave.end))
        latest = calendar.deadline(leave.end, ctx.p("leave_return_days_expulsion", leave.end))
        index = s.status.index(leave)
        yield at(s, ("status", index, "end"), "leave-return", clause, severity="warning",
                 key="leave-return" if ctx.as_of <= back_by else "leave-return.passed",
                 student=s.id, end=leave.end, back_by=back_by, latest=latest)


def never_started(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """4.1.13, 6.8.2.4, Lisa 1 I.8: a first-year student who has not started studies within two
    weeks of the study start without a valid reason is removed from the list. Witnessed by the
    attendance record of the study's first period: lessons entered, the student absent from every
    one of them, not all excused and no valid reasons notified — once two weeks have passed
    (moved off a rest day) and while the student is still listed as active. A warning: the list
    for the removal directive."""
    from cluster_cli.regulation.calendar import working_days
    from cluster_cli.regulation.facts import period_containing, status_on

    clause = ctx.clause("first_year_start_days")
    for s in ds.records.get("students", []):
        current = status_on(s, ctx.as_of)
        if current is None or current.status != "active":
            continue
        period = period_containing(ds.cluster, s.start)
        record = next((a for a in s.attendance if a.period == period), None)
        if record is None or record.lessons == 0 or record.reasons_notified:
            continue
        if record.unexcused == 0 or record.unexcused + record.excused < record.lessons:
            continue
        by = working_days(s.start, ctx.as_of).deadline(s.start, ctx.p("first_year_start_days", s.start))
        if ctx.as_of <= by:
            continue
        index = s.attendance.index(record)
        yield at(s, ("attendance", index, "unexcused"), "never-started", clause, severity="warning",
                 student=s.id, start=s.start, by=by, lessons=record.lessons, period=Period(period))


def study_end_passed(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """6.8.2.3: a student is removed from the list when the study end date has passed — the
    nominal end moved by the academic leave taken (6.7.6). A student still listed after it, with
    neither the graduation nor a removal recorded, is on the list for the removal directive. A
    warning: the data may only lack the graduation. A leave with no return is `leave-return`'s."""
    from cluster_cli.regulation.facts import study_end, unreturned_leave

    for s in ds.records.get("students", []):
        end = study_end(s)
        if end >= ctx.as_of or unreturned_leave(s, ctx.as_of) is not None:
            continue
        if any(e.status in ("graduated", "expelled") and e.start <= ctx.as_of for e in s.status):
            continue
        if end == s.nominal_end:
            yield at(s, ("nominal_end",), "study-end-passed", "6.8.2.3", severity="warning", student=s.id, end=end)
        else:
            yield at(s, ("nominal_end",), "study-end-passed", "6.8.2.3, 6.7.6", severity="warning",
                     key="study-end-passed.leave", student=s.id, end=end, nominal=s.nominal_end)
