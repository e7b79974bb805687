"""What the school's bodies decide, as cluster.yaml keeps it: the council's fee rate (2.37),
guest students (4.12.8–4.12.9), the learning-support round table (6.3.5), the student body's
council representative (6.11.3.3), a suspended decision (7.4)."""

from __future__ import annotations

from datetime import timedelta
from typing import Iterator

from cluster_cli.findings import Finding
from cluster_cli.model.dataset import Dataset
from cluster_cli.regulation.facts import add_months, age_on, birth_date, period_dates, study_year_start
from cluster_cli.regulation.summaries import per_file, summary
from cluster_cli.regulation.rules.base import Context, at


def fee_decisions(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """2.37: the school council sets the rate of study-cost compensation (places outside state
    funding) at least four months before the study year starts."""
    cluster = ds.cluster
    if cluster is None:
        return
    for i, d in enumerate(cluster.fee_decisions):
        starts = study_year_start(cluster, d.study_year)
        months = ctx.p("fee_decision_months_before", starts)
        latest = add_months(starts, -months)
        if d.date > latest:
            yield at(cluster, ("fee_decisions", i, "date"), "fee-decision", ctx.clause("fee_decision_months_before"),
                     severity="warning", school=d.school, year=f"{d.study_year}/{d.study_year + 1}", date=d.date,
                     latest=latest, months=months)


def guest_students(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """4.12.8: a guest student studies by the director's decision and a contract and is not put
    on the student list; 4.12.9: at the end of the guest period a grade sheet approved by the
    director is issued."""
    cluster = ds.cluster
    if cluster is None:
        return
    listed = _listed(ds, ctx) if cluster.guest_students else {}
    for i, g in enumerate(cluster.guest_students):
        where = ("guest_students", i)
        if g.decision is None or g.decision.date > g.start:
            yield at(cluster, (*where, "decision"), "guest-student", "4.12.8", severity="warning",
                     key="guest-student.decision", name=g.name, start=g.start)
        if g.contract is None or g.contract.date > g.start:
            yield at(cluster, (*where, "contract"), "guest-student", "4.12.8", severity="warning",
                     key="guest-student.contract", name=g.name, start=g.start)
        if str(i) in listed:
            yield at(cluster, (*where, "name"), "guest-student", "4.12.8", severity="warning",
                     key="guest-student.listed", name=g.name, student=listed[str(i)])
        if g.end < ctx.as_of and g.grade_sheet is None:
            yield at(cluster, (*where, "end"), "guest-student", "4.12.9", severity="warning",
                     key="guest-student.grade-sheet", name=g.name, end=g.end)


@summary("students")
def _guests_listed(records: list, ctx: Context, cluster) -> dict:
    """A students file's summary: for each guest of the cluster (by its index) the first student
    of the file who is that guest — by personal code, or by name and school (no code is kept)."""
    found: dict[str, str] = {}
    for i, g in enumerate(cluster.guest_students if cluster is not None else []):
        for s in records:
            if (g.personal_code and s.personal_code == g.personal_code) or (s.full_name == g.name
                                                                             and s.school == g.school):
                found[str(i)] = s.id
                break
    return found


def _listed(ds: Dataset, ctx: Context) -> dict[str, str]:
    """Each guest's first listed student in load order (summed per file)."""
    listed: dict[str, str] = {}
    for _, found in per_file(ds, ctx, "students", _guests_listed):
        for guest, ident in found.items():
            listed.setdefault(guest, ident)
    return listed


def round_tables(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """6.3.5: the learning-support round table handles the students with study debts from the
    third week of the study period and meets three times a period; after that the support group
    takes the cases."""
    cluster = ds.cluster
    if cluster is None:
        return
    week = ctx.p("round_table_from_week")
    times = ctx.p("round_table_meetings")
    clause = ctx.clause("round_table_meetings")
    for i, rt in enumerate(cluster.round_tables):
        start, end = period_dates(cluster, rt.period)
        first = start - timedelta(days=start.weekday()) + timedelta(weeks=week - 1)
        for j, day in enumerate(rt.meetings):
            if not first <= day <= end:
                yield at(cluster, ("round_tables", i, "meetings", j), "round-table", clause, severity="warning",
                         key="round-table.date", school=rt.school, period=rt.period, date=day, first=first, end=end)
        held = len(rt.meetings)
        if held > times or (end < ctx.as_of and held < times):
            yield at(cluster, ("round_tables", i, "meetings"), "round-table", clause, severity="warning",
                     school=rt.school, period=rt.period, held=held, times=times)


def council_representatives(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """6.11.3.3: the student body appoints its representative of age (täisealine) to the school
    council."""
    cluster = ds.cluster
    if cluster is None:
        return
    adult_age = ctx.p("adult_age")
    for i, r in enumerate(cluster.council_representatives):
        where = ("council_representatives", i)
        student = ds.students.get(r.student) if r.student else None
        if r.student and not ds.is_known("students", r.student):
            yield at(cluster, (*where, "student"), "council-representative", "6.11.3.3",
                     key="council-representative.unknown", student=r.student)
            continue
        if r.student and student is None:
            continue  # its file or record could not be read: that finding comes first
        born = birth_date(student) if student else birth_date(r.personal_code) if r.personal_code else None
        name = student.full_name if student else (r.name or "—")
        if born is None:
            yield at(cluster, where, "council-representative", "6.11.3.3", severity="warning",
                     key="council-representative.age-unknown", name=name)
        elif age_on(born, r.since) < adult_age:
            yield at(cluster, (*where, "since"), "council-representative", "6.11.3.3",
                     name=name, since=r.since, age=age_on(born, r.since), adult=adult_age)


def suspended_decisions(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """7.4: the director may suspend the execution of a decision for up to 30 days and send the
    question back to the unit that made it for a new review."""
    cluster = ds.cluster
    if cluster is None:
        return
    for i, d in enumerate(cluster.suspended_decisions):
        most = ctx.p("decision_suspension_max_days", d.date)
        days = (d.until - d.date).days
        if days > most or days < 0:
            yield at(cluster, ("suspended_decisions", i, "until"), "decision-suspension",
                     ctx.clause("decision_suspension_max_days"), decision=d.decision, date=d.date,
                     until=d.until, days=days, most=most)
        if d.returned_to is None:
            yield at(cluster, ("suspended_decisions", i), "decision-suspension", "7.4", severity="warning",
                     key="decision-suspension.returned", decision=d.decision)
