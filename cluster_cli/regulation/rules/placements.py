"""Placements (4.11, 4.12, Lisa 7): the contract's mandatory terms, the individual practice
plan, joint placements, placements abroad, host recognition, and the student's study period.

A placement in `draft` may still be incomplete; from `review` on, the contract terms must be
there. Cancelled placements are not checked beyond their shape.

The rules are record rules (issue 20): what a placement says alone is checked in a loop over
the placements; what needs its student, in a loop over the students, each reaching its
placements (`_students_placements`), so that a student's edit re-checks that student only. A
placement whose student is not known gets no finding that needs the student — as before, when
the student was looked up from the placement. With a student id twice, each record judges the
id's placements (`duplicate-id` reports the id).
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Iterator

from cluster_cli.findings import Finding
from cluster_cli.i18n import NP_, N_
from cluster_cli.i18n.words import PARTY_WORD
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.placements import Placement
from cluster_cli.model.records import Student
from cluster_cli.regulation.facts import is_minor, status_on, study_end
from cluster_cli.regulation.parties import missing_signatures, parties_of
from cluster_cli.regulation.rules.base import Context, at, fields

CONTRACT_STATUSES = ("review", "valid", "finished")


def _live(ds: Dataset) -> Iterator[Placement]:
    return (p for p in ds.records.get("placements", []) if p.status != "cancelled")


def _contracted(ds: Dataset) -> Iterator[Placement]:
    return (p for p in ds.records.get("placements", []) if p.status in CONTRACT_STATUSES)


def _students_placements(ds: Dataset, statuses: tuple[str, ...] | None = None) -> Iterator[tuple[Student, Placement]]:
    """Each student record with each of its placements (of `statuses`; default: not cancelled) —
    how a record rule reaches a placement's student (issue 20): it iterates students and looks up
    their placements, so that a student's edit re-checks that student's placements only. A
    placement whose student is not known (or failed its shape check) has none here."""
    for s in ds.records.get("students", []):
        for p in ds.placements_of_record(s):
            if (p.status in statuses) if statuses is not None else (p.status != "cancelled"):
                yield s, p


def address_of(ds: Dataset, p: Placement) -> str | None:
    """The place's address: the placement's own, else the (first) host's registered address."""
    if p.address:
        return p.address
    host = ds.members.get(p.hosts[0].member)
    return host.address if host is not None else None


def contract_terms(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 7 1.4.2–1.4.9: the contract's terms that come from data — start and end (1.4.2),
    duration (1.4.3), place and address (1.4.4), the task list (1.4.5), data of the host, its
    supervisor and the school-side supervisor (1.4.9). Terms 1.4.6–1.4.8, 1.4.10 and 1.4.11
    are the template's text (`cluster contracts check-template`). 4.11.5: a student who is a
    minor when the placement starts signs through the legal representative, who must be known
    (an error for a contract still to be signed, a warning for a finished placement)."""
    adult = ctx.p("adult_age")
    for p in _live(ds):
        if p.end < p.start:
            yield at(p, ("end",), "contract-terms", "Lisa 7 1.4.2", key="contract-terms.dates",
                     start=p.start, end=p.end)
        if p.status not in CONTRACT_STATUSES:
            continue
        if p.hours is None:
            yield at(p, (), "contract-terms", "Lisa 7 1.4.3", key="contract-terms.hours", id=p.id)
        if not address_of(ds, p):
            yield at(p, (), "contract-terms", "Lisa 7 1.4.4", key="contract-terms.address", id=p.id)
        if not p.tasks and not any(h.tasks for h in p.hosts):
            yield at(p, (), "contract-terms", "Lisa 7 1.4.5", key="contract-terms.tasks", id=p.id)
        for i, h in enumerate(p.hosts):
            if h.supervisor is None:
                yield at(p, ("hosts", i), "contract-terms", "Lisa 7 1.4.9", key="contract-terms.host-supervisor",
                         member=h.member)
        if p.school_supervisor is None:
            yield at(p, (), "contract-terms", "Lisa 7 1.4.9, 2.2", key="contract-terms.school-supervisor", id=p.id)
    for student, p in _students_placements(ds, CONTRACT_STATUSES):
        if student.guardian is None and is_minor(student, p.start, adult):
            yield at(p, ("student",), "contract-terms", "4.11.5, Lisa 7 1.4",
                     severity="warning" if p.status == "finished" else "error", key="contract-terms.guardian",
                     student=student.id, start=p.start)


def signed_contract(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """4.11.5 ("enne praktika algust sõlmitava lepinguga"), Lisa 7 1.4, 2.10: the tripartite
    contract is concluded before the placement starts. A placement whose start is on or before
    the as-of date while it is still `draft` or `review` — no valid (signed) contract — is an
    error; `valid` and `finished` stand for a signed contract — and a `valid` or `finished` one
    with a party's signature not recorded (`signatures:`; the parties of `regulation/parties.py`)
    is a warning: the record does not show the contract was concluded."""
    from cluster_cli.i18n import Phrase

    unsigned = {"draft": Phrase("placement.status.draft"), "review": Phrase("placement.status.review")}
    for p in ds.records.get("placements", []):
        if p.status in unsigned and p.start <= ctx.as_of:
            yield at(p, ("status",), "signed-contract", "4.11.5, Lisa 7 1.4", id=p.id, start=p.start,
                     status=unsigned[p.status])
    for student, p in _students_placements(ds, tuple(SIGNED_WORD)):
        yield from _unsigned(ds, ctx, p, student)


def signed_without_student(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """`signed-contract` for a placement whose student no students file has (or whose record
    failed its shape check): judged without the student, across the students files' ids."""
    for (student, placement), (status, _) in zip(ds.column("placements", "student"),
                                                 ds.column("placements", "status")):
        if status in SIGNED_WORD and student not in ds.students:
            yield from _unsigned(ds, ctx, placement(), None)


def _unsigned(ds: Dataset, ctx: Context, p: Placement, student: Student | None) -> Iterator[Finding]:
    """A `valid` or `finished` placement with a signing party's signature not recorded; `student`
    is the placement's student (None: not known, or its record failed its shape check)."""
    from cluster_cli.i18n import Phrase

    missing = missing_signatures(p, parties_of(p, student, ds, ctx.p("adult_age", p.start)))
    if missing:
        yield at(p, ("status",), "signed-contract", "4.11.5, Lisa 7 1.4", severity="warning",
                 key="signed-contract.signatures", id=p.id, status=Phrase(SIGNED_WORD[p.status]),
                 parties=tuple(x.member if x.party in ("school", "host") and x.member else
                               Phrase(PARTY_WORD[x.party]) for x in missing))


SIGNED_WORD = {"valid": N_("placement.status.valid"), "finished": N_("placement.status.finished")}


def practice_plan(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 7 5.7, 2.6: the individual practice plan — goal, tasks, studies completed and
    expected learning outcomes — is a mandatory part of the contract. Lisa 7 10.1: for a
    student with special educational needs it also describes abilities and recommendations."""
    for p in _contracted(ds):
        plan = p.plan
        if plan is None:
            yield at(p, (), "practice-plan", "Lisa 7 5.7", id=p.id)
            continue
        missing = [name for name in ("goal", "tasks", "studies_completed", "expected_outcomes")
                   if not getattr(plan, name)]
        if missing:
            yield at(p, ("plan",), "practice-plan", "Lisa 7 5.7, 2.6", key="practice-plan.parts", missing=missing)
    for student, p in _students_placements(ds, CONTRACT_STATUSES):
        if p.plan is not None and student.special_needs and not p.plan.special_needs_notes:
            yield at(p, ("plan",), "practice-plan", "Lisa 7 10.1", key="practice-plan.special-needs")


def joint_placement(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Seed 000 activity 7, Lisa 7 1.4.2–1.4.3: each host's period lies inside the placement,
    periods do not overlap, and with several hosts their hours add up to the placement's hours."""
    tolerance = ctx.p("joint_placement_hours_tolerance")
    for p in _live(ds):
        for i, h in enumerate(p.hosts):
            if h.end < h.start:
                yield at(p, ("hosts", i, "end"), "joint-placement", "Lisa 7 1.4.2", key="joint-placement.dates")
            elif h.start < p.start or h.end > p.end:
                yield at(p, ("hosts", i, "start"), "joint-placement", "Lisa 7 1.4.2", key="joint-placement.outside",
                         member=h.member, host_start=h.start, host_end=h.end,
                         start=p.start, end=p.end)
        ordered = sorted(range(len(p.hosts)), key=lambda i: (p.hosts[i].start, i))
        for a, b in zip(ordered, ordered[1:]):
            if p.hosts[b].start <= p.hosts[a].end:
                yield at(p, ("hosts", b, "start"), "joint-placement", "Lisa 7 1.4.2", key="joint-placement.overlap",
                         member=p.hosts[b].member, other=p.hosts[a].member)
        if len(p.hosts) < 2:
            continue
        if any(h.hours is None for h in p.hosts):
            yield at(p, ("hosts",), "joint-placement", "Lisa 7 1.4.3", key="joint-placement.host-hours")
        elif p.hours is not None and abs(sum(h.hours for h in p.hosts) - p.hours) > tolerance:
            yield at(p, ("hours",), "joint-placement", "Lisa 7 1.4.3", key="joint-placement.hours",
                     total=sum(h.hours for h in p.hosts), hours=p.hours)
        for i, h in enumerate(p.hosts):
            member = ds.members.get(h.member)
            if member is not None and member.kind == "company" and not member.offers.joint_placements:
                yield at(p, ("hosts", i, "member"), "joint-placement", "", severity="warning",
                         key="joint-placement.not-offered", member=h.member)


def abroad(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """12.7.1–12.7.2: a placement abroad has a tripartite contract in English; 4.12.5: a minor
    going abroad (incl. for a placement) needs the legal representative's written consent."""
    adult = ctx.p("adult_age")
    for p in _live(ds):
        if p.kind != "abroad":
            if p.country != "EE":
                yield at(p, ("kind",), "abroad", "Lisa 7 2.1.1", severity="warning", key="abroad.kind",
                         country=p.country)
            continue
        if p.language != "en":  # 12.7.1 a self-found host, 12.7.2 a mobility project's agreement
            yield at(p, ("language",), "abroad", "Lisa 7 12.7.2" if p.mobility_project else "Lisa 7 12.7.1",
                     key="abroad.language")
        if p.country == "EE":
            yield at(p, ("country",), "abroad", "Lisa 7 2.1.1", severity="warning", key="abroad.country")
    for student, p in _students_placements(ds):
        if p.kind == "abroad" and is_minor(student, p.start, adult) and p.guardian_consent is None:
            yield at(p, (), "abroad", "4.12.5", key="abroad.consent", student=student.id)


def host_recognition(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """2.27: hosts are recognised by the school–company committee; Lisa 7 1.3.1: otherwise the
    school confirms the place's suitability. A warning, not an error: the committee may still
    meet before the placement starts."""
    for p in _contracted(ds):
        for i, h in enumerate(p.hosts):
            member = ds.members.get(h.member)
            if member is None or member.kind == "vocational_school":
                continue
            rec = member.recognition
            if rec is None or rec.date > h.start:
                yield at(p, ("hosts", i, "member"), "host-recognition", "2.27, Lisa 7 1.3.1", severity="warning",
                         member=member.id, name=member.name)


def study_period(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """A placement lies inside the student's studies (start to nominal end, extended by academic
    leave, 6.7.6) and the student is studying when it starts — on academic leave is allowed
    (6.7.5), expelled or graduated is not."""
    for s, p in _students_placements(ds):
        end = study_end(s)
        if p.start < s.start or p.end > end:
            yield at(p, ("start",), "study-period", "6.7.6", key="study-period.outside",
                     start=s.start, end=end)
        status = status_on(s, p.start)
        if status is not None and status.status in ("expelled", "graduated"):
            yield at(p, ("start",), "study-period", "6.7.5", key="study-period.status", status=status.status,
                     since=status.start)


def placement_volume(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """2.3: one EKAP is 26 hours of work, so hours and EKAP agree; and a placement's modules
    are modules with practice in the curriculum."""
    for p in _live(ds):
        if p.hours is not None and p.ekap is not None:
            hours_per = ctx.p("ekap_hours", p.start)
            expected = p.ekap * hours_per
            if Decimal(p.hours) != expected:
                yield at(p, ("hours",), "placement-volume", ctx.clause("ekap_hours"), severity="warning",
                         hours=p.hours, ekap=p.ekap, expected=expected, per=hours_per)
    for s, p in _students_placements(ds):
        cur = ds.curricula.get(s.curriculum)
        if cur is None:
            continue
        modules = {m.id: m for m in cur.modules}
        for i, mid in enumerate(p.modules):
            m = modules.get(mid)
            if m is not None and m.practice_ekap == 0:
                yield at(p, ("modules", i), "placement-volume", "2.3", severity="warning",
                         key="placement-volume.module", module=mid)


def contract_data_timing(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 7 4.1: the coordinator hands the contract data to the secretary at least a week
    before the placement starts."""
    for p in ds.records.get("placements", []):
        if p.status not in ("review", "valid") or p.data_received is None:
            continue
        days = ctx.p("contract_data_days_before", p.start)
        if p.data_received > p.start - timedelta(days=days):
            yield at(p, ("data_received",), "contract-data-timing", ctx.clause("contract_data_days_before"),
                     severity="warning", received=p.data_received, start=p.start, days=days)


def defense(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 7 9.3.4: a finished placement is graded from the diary, the host supervisor's
    grade, the report and the defense; 5.9, 9.3.2: the defense is held within two weeks of the
    end by a committee of at least two."""
    for p in ds.records.get("placements", []):
        if p.status != "finished" or p.end > ctx.as_of:
            continue
        g = p.grade
        if g is None:
            yield at(p, ("status",), "defense", "Lisa 7 9.3.4", severity="warning", key="defense.grade")
            continue
        missing = [n for n in ("diary", "host_grade", "report", "defense_date") if getattr(g, n) in (None, False)]
        if missing:
            yield at(p, ("grade",), "defense", "Lisa 7 9.3.4", severity="warning", key=NP_("defense.parts"),
                     missing=fields(missing), count=len(missing))
        if g.defense_date is not None:
            days = ctx.p("defense_days_after", p.end)
            if g.defense_date > p.end + timedelta(days=days):
                yield at(p, ("grade", "defense_date"), "defense", ctx.clause("defense_days_after"), severity="warning",
                         key="defense.late", date=g.defense_date, days=days)
        need = ctx.p("defense_committee_min", p.end)
        if g.defense_date is not None and len(g.committee) < need:
            yield at(p, ("grade", "committee"), "defense", ctx.clause("defense_committee_min"),
                     key=NP_("defense.committee"), count=len(g.committee), need=need)


def open_debts(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """6.2.3, Lisa 7 8.2: no placement while the student has study debts — the student "on
    praktika alguseks likvideerinud kõik õppevõlad": cleared by the start. A placement whose start
    is after the as-of date is judged by the debts open now, but only as a warning (there is
    time to clear them); from the start date on it is an error. A recorded `debt_override` (who
    and why) turns the error into a warning."""
    from cluster_cli.regulation.debts import DebtRules, calendar_for, student_debts

    rules = None
    for s in ds.records.get("students", []):
        pending = [p for p in ds.placements_of_record(s) if p.status in ("draft", "review", "valid")]
        if not pending:
            continue
        rules = rules or DebtRules.from_profile(ctx.profile, ctx.as_of)
        # The student's own calendar: working days are the same in any calendar covering the dates.
        debts = student_debts(s, ctx.as_of, rules, calendar_for([s], ctx.as_of))
        yield from _blocked(ctx, pending, debts)


def _blocked(ctx: Context, pending: list[Placement], debts: list) -> Iterator[Finding]:
    """open-debts on one student's pending placements, given the student's debts."""
    for p in pending:
        day = min(p.start, ctx.as_of)
        blocking = [d for d in debts if d.open_on(day)]
        if not blocking:
            continue
        modules = sorted({d.module for d in blocking})
        if p.debt_override is not None:
            o = p.debt_override
            yield at(p, ("debt_override",), "open-debts", "6.2.3", severity="warning", key=NP_("open-debts.override"),
                     count=len(blocking), modules=modules, by=o.by, reason=o.reason)
        elif ctx.as_of < p.start:
            yield at(p, ("start",), "open-debts", "Lisa 7 8.2, 6.2.3", severity="warning",
                     key=NP_("open-debts.before-start"), student=p.student, count=len(blocking), modules=modules,
                     start=p.start, as_of=ctx.as_of)
        else:
            yield at(p, ("start",), "open-debts", "6.2.3, Lisa 7 8.2",
                     severity="warning" if p.status == "draft" else "error", key=NP_("open-debts"),
                     student=p.student, count=len(blocking), modules=modules, start=p.start)


def catalogue_tasks(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Seed 000 activity 9 and Lisa 7 1.4.5: the contract lists practice tasks from the student's
    curriculum, and the cluster's catalogue of practical tasks (praktiliste ülesannete loetelu)
    frames them by module — so a referenced catalogue task belongs to the student's curriculum
    and serves at least one of the placement's modules. Unknown ids are `unknown-reference`'s;
    a draft may still be sorted out (a warning)."""
    for student, p in _students_placements(ds):
        severity = "warning" if p.status == "draft" else "error"
        refs = [(("tasks", j, "catalogue"), t.catalogue) for j, t in enumerate(p.tasks) if t.catalogue]
        refs += [(("hosts", i, "tasks", j, "catalogue"), t.catalogue)
                 for i, h in enumerate(p.hosts) for j, t in enumerate(h.tasks) if t.catalogue]
        for path, task_id in refs:
            task = ds.tasks.get(task_id)
            if task is None:
                continue
            if task.curriculum != student.curriculum:
                yield at(p, path, "catalogue-task", "Lisa 7 1.4.5", severity=severity, key="catalogue-task.curriculum",
                         task=task_id, task_curriculum=task.curriculum, student=student.id,
                         curriculum=student.curriculum)
            elif not set(task.modules) & set(p.modules):
                yield at(p, path, "catalogue-task", "Lisa 7 1.4.5", severity=severity, key="catalogue-task.modules",
                         task=task_id, task_modules=task.modules, modules=p.modules)
