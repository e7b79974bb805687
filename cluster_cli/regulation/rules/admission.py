"""Admission (vastuvõtt, 4.1, Lisa 1): entry requirements, the documents handed in, the admission
committee, the opening of a group and a change of curriculum (issue 21, item 11). A student is
judged only where the secretary recorded the entry (`admission:`); a change only where recorded
(`curriculum_changes:`). Each finding names its exact clause.

- `admission-entry` — the education a curriculum asks on entry: level 4 initial basic education
  (4.1.8, 3.4.2, Lisa 1 II.6); vocational secondary (KKH) basic education, or ≥ `kkh_entry_age`
  with equivalent competences assessed by the school (4.1.6, Lisa 1 II.4); level 4 continuing a
  level-3/4 qualification or the competences, and basic education (3.4.3, 4.1.8); level 5
  initial secondary education (4.1.9, 3.5.2, Lisa 1 II.7); level 5 continuing a level-4/5
  qualification or the competences, and secondary education (3.5.2); a graduate of the
  simplified basic-school curriculum after a test (Lisa 1 II.10); only citizens and residence
  permit holders apply (Lisa 1 I.3).
- `admission-documents` — the documents of Lisa 1 III.1.1–1.4 (identity; a foreigner's residence
  permit or right; the application; the certificate for a curriculum with an entry requirement;
  a minor's parent's consent), the transcript of a transfer (IV.2), a mid-year admission's
  proposal and directive (IV.3), the directive (I.7) dated by the start (4.1.12).
- `admission-committee` — ≥ `admission_committee_min` members, a mandate of
  `admission_committee_mandate_months` (Lisa 1 I.4): a committee in cluster.yaml in force on
  each recorded admission.
- `group-opening` — a group with students although its applications were fewer than
  `group_opening_share` of the planned places (Lisa 1 II.2).
- `curriculum-change` — from vocational secondary to a basic-education-based curriculum: not
  before the end of the first study year, vocational results positive, by directive (Lisa 1 I.9,
  II.9); any other change of a first-year within `curriculum_change_months` (Lisa 1 I.13.5).
"""

from __future__ import annotations

from datetime import date
from typing import Iterator

from cluster_cli.findings import Finding
from cluster_cli.i18n import N_
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.records import Curriculum, Student
from cluster_cli.regulation.facts import add_months, admitted_mid_year, age_on, birth_date, is_minor, study_year_start
from cluster_cli.regulation.summaries import counting, tally
from cluster_cli.regulation.rules.base import Context, at


def entry_curriculum(ds: Dataset, s: Student) -> Curriculum | None:
    """The curriculum the student was admitted to: the first one left, else the present one."""
    changes = sorted(s.curriculum_changes, key=lambda c: c.date)
    return ds.curricula.get(changes[0].from_curriculum if changes else s.curriculum)


def first_study_year(s: Student) -> int:
    return s.start.year if s.start.month >= 9 else s.start.year - 1


def _has_basic(a) -> bool:
    return a.education in ("basic", "secondary") or (a.education == "basic_simplified" and a.test_passed is not None)


def admission_entry(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """4.1.6–4.1.9, 3.4.2, 3.4.3, 3.5.2, Lisa 1 I.3, II.4, II.6–II.7, II.10: the entry requirement
    of the curriculum the student was admitted to."""
    for s in ds.records.get("students", []):
        a, c = s.admission, entry_curriculum(ds, s)
        if a is None:
            continue
        here = ("admission", "education")
        if s.residence == "none":
            yield at(s, ("residence",), "admission-entry", "Lisa 1 I.3", severity="warning",
                     key="admission-entry.residence", student=s.id)
        if a.education == "basic_simplified" and a.test_passed is None:
            yield at(s, here, "admission-entry", "Lisa 1 II.10", severity="warning", key="admission-entry.test",
                     student=s.id)
            continue
        if c is None:
            continue
        basic, secondary = _has_basic(a), s.has_secondary_education
        qualified = a.competences_assessed is not None
        if c.level == 4 and c.kind == "vocational_secondary" and not basic:
            born = birth_date(s)
            age = ctx.p("kkh_entry_age")
            if born is None or age_on(born, a.date) < age or a.competences_assessed is None:
                yield at(s, here, "admission-entry", "4.1.6, Lisa 1 II.4", severity="warning",
                         key="admission-entry.kkh", student=s.id, curriculum=c.code, age=age)
        elif c.level == 4 and c.kind == "initial" and not basic:
            yield at(s, here, "admission-entry", "4.1.8, Lisa 1 II.6", severity="warning",
                     key="admission-entry.basic", student=s.id, curriculum=c.code)
        elif c.level == 4 and c.kind == "continuing" and (
                not basic or not (qualified or (a.qualification_level or 0) >= 3)):
            yield at(s, here, "admission-entry", "3.4.3, 4.1.8", severity="warning",
                     key="admission-entry.continuing4", student=s.id, curriculum=c.code)
        elif c.level == 5 and c.kind == "initial" and not secondary:
            yield at(s, here, "admission-entry", "4.1.9, 3.5.2, Lisa 1 II.7", severity="warning",
                     key="admission-entry.secondary", student=s.id, curriculum=c.code)
        elif c.level == 5 and c.kind == "continuing" and (
                not secondary or not (qualified or (a.qualification_level or 0) >= 4)):
            yield at(s, here, "admission-entry", "3.5.2", severity="warning",
                     key="admission-entry.continuing5", student=s.id, curriculum=c.code)


def admission_documents(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 1 III.1.1–1.4, IV.2–IV.3, I.7, 4.1.12: the documents and decisions of the entry."""
    for s in ds.records.get("students", []):
        a = s.admission
        if a is None:
            continue
        docs, c = set(a.documents), entry_curriculum(ds, s)
        where = ("admission", "documents") if a.documents else ("admission", "date")
        missing = []
        if "id_document" not in docs:
            missing.append(("Lisa 1 III.1.1", N_("admission-documents.id")))
        if s.residence != "citizen" and "residence_permit" not in docs:
            missing.append(("Lisa 1 III.1.1", N_("admission-documents.residence")))
        if "application" not in docs:
            missing.append(("Lisa 1 III.1.2", N_("admission-documents.application")))
        if c is not None and c.level >= 4 and "certificate" not in docs:
            missing.append(("Lisa 1 III.1.3", N_("admission-documents.certificate")))
        if is_minor(s, a.date, ctx.p("adult_age", a.date)) and "guardian_consent" not in docs:
            missing.append(("Lisa 1 III.1.4", N_("admission-documents.consent")))
        if a.previous_school is not None and "transcript" not in docs:
            missing.append(("Lisa 1 IV.2", N_("admission-documents.transcript")))
        for clause, key in missing:
            yield at(s, where, "admission-documents", clause, severity="warning", key=key, student=s.id, date=a.date)
        if admitted_mid_year(ds.cluster, s.start, ctx.p("mid_year_admission_from", s.start)) and (
                a.proposal is None or a.directive is None):
            yield at(s, ("admission", "date"), "admission-documents", "Lisa 1 IV.3", severity="warning",
                     key="admission-documents.mid-year", student=s.id, start=s.start)
        elif a.directive is None:
            yield at(s, ("admission", "date"), "admission-documents", "Lisa 1 I.7, 4.1.12", severity="warning",
                     key="admission-documents.directive", student=s.id, date=a.date)
        if a.date > s.start:
            yield at(s, ("admission", "date"), "admission-documents", "4.1.12", severity="warning",
                     key="admission-documents.late", student=s.id, date=a.date, start=s.start)


def admission_committee(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 1 I.4: each school's admission committee has ≥ 4 members and a mandate of one year;
    every recorded admission falls within a mandate (one student at a time; a school with none:
    `admitting_schools`)."""
    cluster = ds.cluster
    committees = cluster.admission_committees if cluster is not None else []
    least, months = ctx.p("admission_committee_min"), ctx.p("admission_committee_mandate_months")
    for i, k in enumerate(committees):
        if len(k.members) < least:
            yield at(cluster, ("admission_committees", i, "members"), "admission-committee", "Lisa 1 I.4",
                     severity="warning", key="admission-committee.size", school=k.school, appointed=k.appointed,
                     count=len(k.members), least=least)
    mandates: dict[str, list[tuple[date, date]]] = {}
    for k in committees:
        mandates.setdefault(k.school, []).append((k.appointed, add_months(k.appointed, months)))
    for s in ds.records.get("students", []):
        if s.admission is None or not ds.cluster_complete("admission_committees"):
            continue
        spans = mandates.get(s.school)
        if spans is not None and not any(start <= s.admission.date < end for start, end in spans):
            yield at(s, ("admission", "date"), "admission-committee", "Lisa 1 I.4", severity="warning",
                     key="admission-committee.mandate", student=s.id, date=s.admission.date, months=months)


@counting("students")
def _admitting(s, ctx: Context) -> str | None:
    return s.school if s.admission is not None else None


def admitting_schools(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 1 I.4: a school that admitted students has an admission committee (looks across the
    students, summed per file)."""
    cluster = ds.cluster
    if cluster is None or not ds.cluster_complete("admission_committees"):
        return
    named = {k.school for k in cluster.admission_committees}
    for school in sorted(set(tally(ds, ctx, "students", _admitting)) - named):
        yield at(cluster, ("admission_committees",), "admission-committee", "Lisa 1 I.4", severity="warning",
                 key="admission-committee.none", school=school)


@counting("students")
def _group_of(s, ctx: Context) -> str:
    return s.group


def group_opening(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 1 II.2: a group is not opened when its applications are fewer than half of the places
    planned for it."""
    share = ctx.p("group_opening_share")
    taught = tally(ds, ctx, "students", _group_of)
    for g in ds.records.get("groups", []):
        if g.planned_places is None or g.applications is None or g.id not in taught:
            continue
        if g.applications < share * g.planned_places:
            yield at(g, ("applications",), "group-opening", "Lisa 1 II.2", severity="warning",
                     key="group-opening", group=g.id, applications=g.applications, places=g.planned_places,
                     share=share)


def curriculum_change(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 1 I.9, II.9: from vocational secondary (KKH) to a basic-education-based curriculum not
    before the end of the first study year, the vocational results positive, by directive;
    Lisa 1 I.13.5: another first-year change within the first two months."""
    from cluster_cli.regulation.debts import DebtRules, calendar_for, student_debts

    months = ctx.p("curriculum_change_months")
    for s in ds.records.get("students", []):
        if not s.curriculum_changes:
            continue
        order = sorted(range(len(s.curriculum_changes)), key=lambda i: s.curriculum_changes[i].date)
        second_year = study_year_start(ds.cluster, first_study_year(s) + 1)
        for n, i in enumerate(order):
            ch = s.curriculum_changes[i]
            after = s.curriculum_changes[order[n + 1]].from_curriculum if n + 1 < len(order) else s.curriculum
            old, new = ds.curricula.get(ch.from_curriculum), ds.curricula.get(after)
            if old is None or new is None:
                continue
            if old.kind == "vocational_secondary" and new.kind != "vocational_secondary" and new.level <= 4:
                if ch.date < second_year:
                    yield at(s, ("curriculum_changes", i, "date"), "curriculum-change", "Lisa 1 I.9.1, II.9",
                             severity="warning", key="curriculum-change.too-early", student=s.id, date=ch.date,
                             year_end=second_year)
                core = {m.id for m in old.modules if m.type == "core"}
                rules = DebtRules.from_profile(ctx.profile, ctx.as_of)
                debts = student_debts(s, ctx.as_of, rules, calendar_for([s], ctx.as_of))
                failed = sorted({d.module for d in debts if d.module in core and d.open_on(ch.date)})
                if failed:
                    yield at(s, ("curriculum_changes", i, "from_curriculum"), "curriculum-change", "Lisa 1 I.9.2",
                             severity="warning", key="curriculum-change.results", student=s.id, date=ch.date,
                             modules=failed)
                if ch.directive is None:
                    yield at(s, ("curriculum_changes", i, "date"), "curriculum-change", "Lisa 1 II.9",
                             severity="warning", key="curriculum-change.directive", student=s.id, date=ch.date)
            elif ch.date < second_year and ch.date > add_months(s.start, months):
                yield at(s, ("curriculum_changes", i, "date"), "curriculum-change", "Lisa 1 I.13.5",
                         severity="warning", key="curriculum-change.first-year", student=s.id, date=ch.date,
                         start=s.start, months=months)
