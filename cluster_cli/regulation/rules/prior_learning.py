"""Recognition of prior learning and work experience (VÕTA, Lisa 5; main 4.6.4.9–4.6.4.11): rule
`prior-learning` reads each student's `prior_learning:` applications and the school's committee in
cluster.yaml. A finding names its exact clause:

- I.3 — only what was learnt in the last `prior_learning_max_years` years counts;
- II.1 — the application is made within `prior_learning_apply_months` of the study year's start
  (of the student's own start, for one who began later);
- II.2–II.4 — its evidence: a study document for studies; for work experience a description, a
  self-analysis and a copy of the contract or the appointment (or the work book, a reference);
- III.1–III.2 — the school has a VÕTA committee: the study director, a leading teacher and the
  study department's secretary;
- III.6 (4.6.4.10) — studies at the same level and in the same volume: the original grade is
  transferred; III.7 (4.6.4.11) — another level or a smaller volume: a substantive assessment
  whose document goes to the committee; III.9 — directly only on reinstatement to the same
  curriculum after studies interrupted at the school;
- III.8 — a general subject is not transferred when less than `prior_learning_general_min_share`
  of its volume was completed;
- III.11 — work experience credited for a practice module: no placement is needed for it;
- III.14, 4.6.4.9 — work experience, and learning never graded before, are graded A/MA;
- III.15 — decided, as a rule, within `prior_learning_decide_months` of the submission;
- IV.1–IV.2 — the decision states the grade and the volume (the reasons of a refusal), the
  applicant is notified, and the grade is in the journal as a `prior_learning` grade.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Iterator

from cluster_cli.findings import Finding
from cluster_cli.i18n import N_
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.grades import POSITIVE
from cluster_cli.model.prior_learning import PriorLearning
from cluster_cli.model.records import Module, Student
from cluster_cli.regulation.facts import add_months, study_year_start
from cluster_cli.regulation.summaries import per_file, summary
from cluster_cli.regulation.rules.base import Context, at, order

CODE = "prior-learning"
PASS_FAIL = ("A", "MA")
STUDY_DOCUMENTS = ("diploma", "certificate", "transcript", "record_card", "training_certificate",
                   "professional_certificate", "other")
WORK_PROOF = ("employment_contract", "appointment_directive", "employment_record", "reference")
WORK_OWN = ("work_description", "self_analysis")
COMMITTEE_ROLES = ("study_director", "leading_teacher", "secretary")


def _pct(share: Fraction) -> str:
    return f"{float(share) * 100:.0f} %"


def credited(a: PriorLearning) -> bool:
    """The committee decided and credited the learning (a positive result)."""
    return a.decided is not None and a.result in POSITIVE


def wrong_result(a: PriorLearning) -> bool:
    """III.14, 4.6.4.9: a distinguishing grade where only A/MA can be given — the result is a typo
    to correct, and the journal is not compared with it."""
    assessed = any(e.kind == "assessment" for e in a.evidence)
    return (a.result is not None and a.result not in PASS_FAIL
            and (a.kind == "work" or (a.earlier_grade is None and not assessed)))


def _year_start(ds: Dataset, day: date) -> date:
    """The start of the study year `day` is in: cluster.yaml's autumn period first (as every rule
    reads it), else the profile's day."""
    start = study_year_start(ds.cluster, day.year)
    return start if day >= start else study_year_start(ds.cluster, day.year - 1)


def _module(ds: Dataset, s: Student, a: PriorLearning) -> Module | None:
    curriculum = ds.curricula.get(s.curriculum)
    return next((m for m in curriculum.modules if m.id == a.module), None) if curriculum else None


def prior_learning(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 5 I.3, II.1–II.4, III.6–III.9, III.11, III.14, III.15, IV.1–IV.2; 4.6.4.9: each VÕTA
    application of a student and its decision; III.1–III.2: the school's committee."""
    for s in ds.records.get("students", []):
        for j, a in enumerate(s.prior_learning):
            yield from _application(ds, ctx, s, j, a)
        yield from _journal(s)
    yield from _committee_roles(ds)


@summary("students")
def _deciding(records: list[Student], ctx: Context, cluster) -> dict:
    """A students file's summary: each school's first student (position) with a decided
    application, and that application's index."""
    first: dict[str, list[int]] = {}
    for position, s in enumerate(records):
        j = next((j for j, a in enumerate(s.prior_learning) if a.decided is not None), None)
        if j is not None and s.school not in first:
            first[s.school] = [position, j]
    return first


def deciding_schools(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 5 III.1: a school deciding VÕTA applications has a committee — said at its first
    student with a decided application (looks across the students, summed per file)."""
    schools: dict[str, tuple[Student, int]] = {}
    for records, first in per_file(ds, ctx, "students", _deciding):
        for school, (position, j) in first.items():
            if school not in schools:
                schools[school] = (records()[position], j)
    yield from _committees(ds, schools)


def _application(ds: Dataset, ctx: Context, s: Student, j: int, a: PriorLearning) -> Iterator[Finding]:
    here = ("prior_learning", j)
    module = _module(ds, s, a)
    volume = a.ekap if a.ekap is not None else (module.ekap if module else None)
    hard = "error" if credited(a) else "warning"
    # I.3: the last ten years
    years = ctx.p("prior_learning_max_years", a.submitted)
    limit = add_months(a.submitted, -12 * years)
    if a.acquired_to is not None and a.acquired_to < limit:
        yield at(s, (*here, "acquired_to"), CODE, ctx.clause("prior_learning_max_years"), severity=hard,
                 key=N_("prior-learning.old"), student=s.id, module=a.module, to=a.acquired_to, years=years,
                 limit=limit)
    # II.1: within a month of the study year's start (this study year's applications: earlier
    # years' are closed)
    this_year = _year_start(ds, ctx.as_of)
    start = max(_year_start(ds, a.submitted), s.start)
    due = add_months(start, ctx.p("prior_learning_apply_months", a.submitted))
    if a.submitted > due and a.submitted >= this_year:
        yield at(s, (*here, "submitted"), CODE, ctx.clause("prior_learning_apply_months"), severity="warning",
                 key=N_("prior-learning.late"), student=s.id, module=a.module, submitted=a.submitted,
                 start=start, due=due)
    # II.2–II.4: the evidence
    kinds = {e.kind for e in a.evidence}
    if a.kind == "work":
        missing = [k for k in WORK_OWN if k not in kinds]
        if not kinds & set(WORK_PROOF):
            missing.append(" | ".join(WORK_PROOF))
        clause = "Lisa 5 II.2, II.4"
    else:
        missing = [] if kinds & set(STUDY_DOCUMENTS) else [" | ".join(STUDY_DOCUMENTS)]
        clause = "Lisa 5 II.2, II.3"
    if missing:
        yield at(s, (*here, "evidence"), CODE, clause, severity="warning", key=N_("prior-learning.evidence"),
                 student=s.id, module=a.module, missing=", ".join(missing))
    # III.15: decided within a month
    decide_by = add_months(a.submitted, ctx.p("prior_learning_decide_months", a.submitted))
    if a.decided is None:
        if decide_by < ctx.as_of:
            yield at(s, (*here, "submitted"), CODE, ctx.clause("prior_learning_decide_months"), severity="warning",
                     key=N_("prior-learning.pending"), student=s.id, module=a.module, submitted=a.submitted,
                     due=decide_by)
    elif (wrong := order(s, (*here, "decided"), CODE, "Lisa 5 II.1, III.15",
                         ("decided", N_("date-order.decision"), a.decided),
                         ("submitted", N_("date-order.application"), a.submitted))) is not None:
        yield wrong
    else:
        if a.decided > decide_by and a.submitted >= this_year:
            yield at(s, (*here, "decided"), CODE, ctx.clause("prior_learning_decide_months"), severity="info",
                     key=N_("prior-learning.slow"), student=s.id, module=a.module, submitted=a.submitted,
                     decided=a.decided, due=decide_by)
        yield from _decision(ds, s, j, a)
    yield from _grading(ctx, s, j, a, module, volume, hard)


def _grading(ctx: Context, s: Student, j: int, a: PriorLearning, module: Module | None, volume,
             hard: str) -> Iterator[Finding]:
    """III.6–III.9, III.14, 4.6.4.9–4.6.4.11: how the learning is graded and transferred."""
    here = ("prior_learning", j)
    assessed = any(e.kind == "assessment" for e in a.evidence)
    if a.result is not None and a.result not in PASS_FAIL:
        if a.kind == "work":
            yield at(s, (*here, "result"), CODE, "Lisa 5 III.14", key=N_("prior-learning.work-grade"),
                     student=s.id, module=a.module, result=a.result)
        elif a.earlier_grade is None and not assessed:
            yield at(s, (*here, "result"), CODE, "4.6.4.9", key=N_("prior-learning.ungraded"),
                     student=s.id, module=a.module, result=a.result)
    if a.kind != "study":
        return
    smaller = a.ekap_completed is not None and volume is not None and a.ekap_completed < volume
    if a.reinstated:
        if not any(x.status == "expelled" for x in s.status):
            yield at(s, (*here, "reinstated"), CODE, "Lisa 5 III.9", severity="warning",
                     key=N_("prior-learning.reinstated"), student=s.id, module=a.module)
    elif (a.same_level is False or smaller) and credited(a) and not assessed:
        yield at(s, (*here, "evidence"), CODE, "Lisa 5 III.7, 4.6.4.11", severity="warning",
                 key=N_("prior-learning.assessment"), student=s.id, module=a.module)
    elif (a.same_level and not smaller and a.ekap_completed is not None and a.earlier_grade in POSITIVE
          and a.result is not None and a.result != a.earlier_grade):
        yield at(s, (*here, "result"), CODE, "Lisa 5 III.6, 4.6.4.10", severity="warning",
                 key=N_("prior-learning.transfer"), student=s.id, module=a.module, result=a.result,
                 grade=a.earlier_grade)
    if module is not None and module.type == "general" and a.ekap_completed is not None and volume:
        least = ctx.p("prior_learning_general_min_share", a.submitted)
        share = Fraction(a.ekap_completed) / Fraction(volume)
        if share < least and (a.decided is None or credited(a)):
            yield at(s, (*here, "ekap_completed"), CODE, ctx.clause("prior_learning_general_min_share"),
                     severity=hard, key=N_("prior-learning.general-share"), student=s.id, module=a.module,
                     done=a.ekap_completed, volume=volume, share=_pct(share), least=_pct(least))


def _decision(ds: Dataset, s: Student, j: int, a: PriorLearning) -> Iterator[Finding]:
    """IV.1: the decision states the grade and the volume, the reasons of a refusal; IV.2: the
    applicant is notified; the credited grade is in the journal; III.11: a practice module
    credited needs no placement."""
    here = ("prior_learning", j)
    if a.result is None:
        yield at(s, (*here, "decided"), CODE, "Lisa 5 IV.1", severity="warning", key=N_("prior-learning.result"),
                 student=s.id, module=a.module, decided=a.decided)
        return
    if a.result in POSITIVE and a.ekap is None:
        yield at(s, (*here, "result"), CODE, "Lisa 5 IV.1", severity="warning", key=N_("prior-learning.volume"),
                 student=s.id, module=a.module)
    module = _module(ds, s, a)
    if a.result in POSITIVE and a.ekap is not None and module is not None and a.ekap > module.ekap:
        yield at(s, (*here, "ekap"), CODE, "Lisa 5 IV.1", severity="warning", key=N_("prior-learning.too-much"),
                 student=s.id, module=a.module, ekap=a.ekap, volume=module.ekap)
    if a.result not in POSITIVE and not a.reasons:
        yield at(s, (*here, "result"), CODE, "Lisa 5 IV.1", severity="warning", key=N_("prior-learning.reasons"),
                 student=s.id, module=a.module, result=a.result)
    if a.notified is None or a.notified < a.decided:
        yield at(s, (*here, "notified"), CODE, "Lisa 5 IV.2", severity="warning", key=N_("prior-learning.notified"),
                 student=s.id, module=a.module, decided=a.decided)
    if a.result in POSITIVE:
        journal = any(g.kind == "prior_learning" and g.module == a.module and g.value == a.result for g in s.grades)
        if not journal and not wrong_result(a):
            yield at(s, (*here, "result"), CODE, "Lisa 5 IV.1", severity="warning", key=N_("prior-learning.grade"),
                     student=s.id, module=a.module, result=a.result, decided=a.decided)
        for p in ds.placements_of(s.id):
            if p.status != "cancelled" and a.module in p.modules and p.end >= a.decided:
                yield at(s, (*here, "module"), CODE, "Lisa 5 III.11", severity="warning",
                         key=N_("prior-learning.placement"), student=s.id, module=a.module, placement=p.id,
                         decided=a.decided)


def _journal(s: Student) -> Iterator[Finding]:
    """IV.1, 4.6.4.9: a `prior_learning` grade in the journal comes from a decision of the committee."""
    decided = {(a.module, a.result) for a in s.prior_learning if a.decided is not None}
    mistyped = {a.module for a in s.prior_learning if a.decided is not None and wrong_result(a)}
    for i, g in enumerate(s.grades):
        if g.kind == "prior_learning" and (g.module, g.value) not in decided and g.module not in mistyped:
            yield at(s, ("grades", i, "kind"), CODE, "Lisa 5 IV.1", severity="warning",
                     key=N_("prior-learning.no-application"), student=s.id, module=g.module, value=g.value,
                     date=g.date)


def _committee_roles(ds: Dataset) -> Iterator[Finding]:
    """III.2: the study director, the leading teachers and the study department's secretary sit
    on a school's VÕTA committee."""
    cluster = ds.cluster
    committees = cluster.prior_learning_committees if cluster is not None else []
    for i, c in enumerate(committees):
        roles = {m.role for m in c.members}
        missing = [r for r in COMMITTEE_ROLES if r not in roles]
        if missing:
            yield at(cluster, ("prior_learning_committees", i, "members"), CODE, "Lisa 5 III.2",
                     severity="warning", key=N_("prior-learning.committee"), school=c.school,
                     missing=", ".join(missing))


def _committees(ds: Dataset, schools: dict[str, tuple[Student, int]]) -> Iterator[Finding]:
    """III.1: a school deciding VÕTA applications has a committee appointed by directive."""
    cluster = ds.cluster
    committees = cluster.prior_learning_committees if cluster is not None else []
    known = {c.school for c in committees}
    for school, (s, j) in sorted(schools.items()):
        # not when the committees were not all read (cluster.yaml or its section had errors)
        if school not in known and ds.cluster_complete("prior_learning_committees"):
            yield at(s, ("prior_learning", j, "decided"), CODE, "Lisa 5 III.1", severity="warning",
                     key=N_("prior-learning.no-committee"), school=school, student=s.id)
