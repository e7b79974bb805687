"""The director's directives about a student (käskkirjad, a student's `directives:`): the
admission by directive and in EHIS by the start (4.1.12), a mid-year admission's papers (4.1.15),
study trips (4.4.6), study abroad (4.12.3), transfers (6.3.2, 6.7.6), the removal (6.8.4)."""

from __future__ import annotations

from typing import Iterator

from cluster_cli.findings import Finding
from cluster_cli.i18n import Phrase
from cluster_cli.i18n.words import AGREEING_WORD, MID_YEAR_PAPER_WORD
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.directives import Directive
from cluster_cli.model.records import Student
from cluster_cli.regulation.facts import admitted_mid_year, is_minor, status_on
from cluster_cli.regulation.rules.base import Context, at


def _of(s: Student, *kinds: str) -> list[tuple[int, Directive]]:
    return [(i, d) for i, d in enumerate(s.directives) if d.kind in kinds]


def admission_directive(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """4.1.12: by the start of studies the admitted are entered in the student list by the
    director's directive and registered in EHIS. 4.1.15: a mid-year admission rests on the
    student's application, the compulsory documents, the study director's and the director's
    consent (the directive). Checked for a student whose `directives:` are recorded."""
    for s in ds.records.get("students", []):
        if not s.directives:
            continue
        found = _of(s, "admission")
        if not found:
            yield at(s, ("directives",), "admission-directive", "4.1.12", severity="warning",
                     key="admission-directive.missing", student=s.id, start=s.start)
            continue
        i, d = found[0]
        if d.date > s.start:
            yield at(s, ("directives", i, "date"), "admission-directive", "4.1.12", severity="warning",
                     key="admission-directive.late", student=s.id, number=d.number, date=d.date, start=s.start)
        if d.ehis is None or d.ehis > s.start:
            yield at(s, ("directives", i, "ehis"), "admission-directive", "4.1.12", severity="warning",
                     key="admission-directive.ehis", student=s.id, number=d.number, start=s.start,
                     ehis=d.ehis or "—")
        if admitted_mid_year(ds.cluster, s.start, ctx.p("mid_year_admission_from", s.start)):
            missing = [name for name, value in (("application", d.application), ("documents", d.documents),
                                                ("study_director_consent", d.study_director_consent))
                       if value is None or value > d.date]
            if missing:
                yield at(s, ("directives", i), "admission-directive", ctx.clause("mid_year_admission_from"),
                         severity="warning", key="admission-directive.mid-year", student=s.id,
                         number=d.number, start=s.start, missing=[Phrase(MID_YEAR_PAPER_WORD[m]) for m in missing])


def study_trips(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """4.4.6: a study trip outside the school is agreed with the student and/or the legal
    representative and with the study director, and approved by the director's directive (before
    the trip)."""
    adult_age = ctx.p("adult_age")
    for s in ds.records.get("students", []):
        for i, d in _of(s, "study_trip"):
            agreed = set(d.agreed_with)
            party = "guardian" if is_minor(s, d.start or d.date, adult_age) else "student"
            missing = [who for who, ok in (("study_director", "study_director" in agreed),
                                           (party, bool(agreed & {"student", "guardian"}))) if not ok]
            if missing:
                yield at(s, ("directives", i, "agreed_with"), "study-trip", "4.4.6", severity="warning",
                         key="study-trip.agreed", student=s.id, number=d.number,
                         missing=[Phrase(AGREEING_WORD[who]) for who in missing])
            if d.start is None or d.place is None:
                yield at(s, ("directives", i), "study-trip", "4.4.6", severity="warning",
                         key="study-trip.what", student=s.id, number=d.number)
            elif d.date > d.start:
                yield at(s, ("directives", i, "date"), "study-trip", "4.4.6", severity="warning",
                         key="study-trip.late", student=s.id, number=d.number, date=d.date, start=d.start)


def abroad_directive(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """4.12.3: going abroad to study is formalised by the director's directive naming where the
    student goes (the place) and the period; each `abroad` stretch of the status history has one
    whose period covers it."""
    for s in ds.records.get("students", []):
        directives = _of(s, "abroad")
        for i, d in directives:
            if d.place is None or d.start is None or d.end is None:
                yield at(s, ("directives", i), "abroad-directive", "4.12.3", severity="warning",
                         key="abroad-directive.what", student=s.id, number=d.number)
        for j, entry in enumerate(s.status):
            if entry.status != "abroad":
                continue
            covering = [d for _, d in directives if d.start and d.end and d.start <= entry.start
                        and (entry.end is not None and entry.end <= d.end)]
            if not covering:
                yield at(s, ("status", j, "status"), "abroad-directive", "4.12.3", severity="warning",
                         key="abroad-directive.missing", student=s.id, start=entry.start,
                         end=entry.end or "—")


def transfer_directive(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """6.3.2: a conditional transfer of a student with study debts is formalised by a directive
    on the study director's submission (esildis). 6.7.6: no transfer to the next course during an
    academic leave (unless the curriculum is fulfilled)."""
    for s in ds.records.get("students", []):
        for i, d in _of(s, "conditional_transfer"):
            if d.submission is None or d.submission > d.date:
                yield at(s, ("directives", i), "transfer-directive", "6.3.2", severity="warning",
                         key="transfer-directive.submission", student=s.id, number=d.number)
        for i, d in _of(s, "transfer", "conditional_transfer"):
            entry = status_on(s, d.date)
            if entry is not None and entry.status == "academic_leave":
                yield at(s, ("directives", i, "date"), "transfer-directive", "6.7.6", severity="warning",
                         key="transfer-directive.leave", student=s.id, number=d.number, date=d.date,
                         start=entry.start, end=entry.end or "—")


def removal_directive(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """6.8.4: the study department's secretary formalises the director's directive of every
    removal from the student list and enters the change in EHIS."""
    for s in ds.records.get("students", []):
        removals = _of(s, "removal")
        for j, entry in enumerate(s.status):
            if entry.status != "expelled":
                continue
            if not removals:
                yield at(s, ("status", j, "status"), "removal-directive", "6.8.4", severity="warning",
                         key="removal-directive.missing", student=s.id, start=entry.start)
                continue
            i, d = removals[-1]
            if d.ehis is None:
                yield at(s, ("directives", i), "removal-directive", "6.8.4", severity="warning",
                         key="removal-directive.ehis", student=s.id, number=d.number)
