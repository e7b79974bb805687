"""Adult continuing-education courses (Lisa 15): the curriculum and the announcement (2.3, 3.2),
registration and the group (3.4–3.10), attendance and removal (3.11.2, 4.1, 4.2), the certificate
(4.4), fees, discounts and refunds (5.5, 5.8, 5.9) and the safety instruction (6.3–6.5).

A learner is identified by their name within a course (the attendance and instruction sheets
are signed by name); across courses (3.7's free courses a year) by name too — a secretary keeps
no personal codes for course learners.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from fractions import Fraction
from typing import Iterator

from cluster_cli.findings import Finding
from cluster_cli.i18n import NP_, N_, Phrase
from cluster_cli.model.courses import Course, CourseParticipant
from cluster_cli.model.dataset import Dataset
from cluster_cli.regulation.rules.base import Context, at, fields


def _courses(ds: Dataset) -> list[Course]:
    return ds.records.get("courses", [])  # type: ignore[return-value]


def _pct(share: Fraction) -> str:
    return f"{float(share) * 100:g} %"


def _active(p: CourseParticipant, day: date) -> bool:
    """Enrolled on `day` and neither withdrawn nor removed before it."""
    if p.enrolled is None or p.enrolled > day:
        return False
    if p.withdrawn is not None and p.withdrawn <= day:
        return False
    return p.removed is None or p.removed.date > day


# Lisa 15 3.10: the message names what was notified
CANCELLATION_KEY = {"cancelled": N_("course-registration.cancellation"),
                    "postponed": N_("course-registration.postponed")}


def _cancelled(c: Course) -> bool:
    return c.cancellation is not None and c.cancellation.kind == "cancelled"


# --- 2.3 the curriculum, 3.2 the announcement ---------------------------------------------------

CURRICULUM_ITEMS = (  # (field, clause); 2.3.4 entry conditions and 2.3.8 materials are "if any"
    ("name", "2.3.1"), ("study_group", "2.3.2"), ("basis", "2.3.2"), ("outcomes", "2.3.3"),
    ("hours", "2.3.5"), ("content", "2.3.6"), ("methods", "2.3.6"), ("environment", "2.3.7"),
    ("assessment", "2.3.9"), ("completion", "2.3.10"), ("trainer_qualification", "2.3.11"),
)
ANNOUNCEMENT_ITEMS = (  # what the announcement states beside the curriculum's items (3.2.4–3.2.9)
    ("quality", "3.2.1"), ("address", "3.2.2"), ("curriculum_url", "3.2.3"), ("target_group", "3.2.6"),
    ("trainers", "3.2.10"), ("payment_method", "3.2.11"), ("payment_deadline", "3.2.11"), ("contact", "3.2.12"),
)


def _item(clause: str, name: str) -> Phrase:
    """A missing item with its clause: "2.3.11 koolitaja kvalifikatsioon (trainer_qualification)"."""
    [field] = fields([name])
    return Phrase(N_("course-curriculum.item"), (("clause", clause), ("field", field)))


def course_curriculum(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 15 2.3: the course curriculum states its name, study group and basis, outcomes,
    volume with its split, content and methods, environment, assessment, completion and its
    documents, and the trainers' qualification (2.3.4 and 2.3.8 only where the course has entry
    conditions or materials). 3.2: the announcement of a course not yet over states, beside the
    curriculum's items, the quality terms, time and address, the curriculum's link, the target
    group, the trainers with their qualification, the fee (a paid course) with its payment method
    and deadline, and a contact. 3.2.10: every trainer named with a qualification."""
    for c in _courses(ds):
        missing = [_item(clause, name) for name, clause in CURRICULUM_ITEMS if not getattr(c.curriculum, name)]
        if missing:
            yield at(c, ("curriculum",), "course-curriculum", "Lisa 15 2.3", severity="warning",
                     key=NP_("course-curriculum"), id=c.id, items=missing, count=len(missing))
        if c.end < ctx.as_of or _cancelled(c):
            continue
        a = c.announcement
        if a is None:
            yield at(c, ("id",), "course-curriculum", "Lisa 15 3.2", severity="warning",
                     key="course-curriculum.no-announcement", id=c.id)
            continue
        items = [(name, clause) for name, clause in ANNOUNCEMENT_ITEMS
                 if c.kind == "paid" or clause != "3.2.11"]
        missing = [_item(clause, name) for name, clause in items if not getattr(a, name)]
        if c.kind == "paid" and c.fee is None:
            missing.append(_item("3.2.11", "fee"))
        missing += [Phrase(N_("course-curriculum.trainer"), (("n", i + 1), ("i", i)))
                    for i, tr in enumerate(a.trainers) if not tr.qualification]
        if missing:
            yield at(c, ("announcement",), "course-curriculum", "Lisa 15 3.2", severity="warning",
                     key=NP_("course-curriculum.announcement"), id=c.id, items=missing, count=len(missing))


# --- 3.4–3.10 registration, the group, contact, cancellation ----------------------------------


def course_registration(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 15 3.4: a learner of a state-commissioned (RKT) course applies with a justification.
    3.5: the group is formed in registration order (not RKT) among those meeting the entry
    conditions: an enrolled learner who does not meet them, or one enrolled ahead of an earlier
    registered eligible learner left out of a full group, is a warning. 3.7: the course's own
    limits — learners per employer, free courses per person a year. 3.8: every enrolled learner is
    contacted at least `course_contact_days_before` days before the start. 3.10: a cancellation or
    postponement is notified at least `course_cancel_notice_days` day ahead."""
    contact_days = ctx.p("course_contact_days_before")
    for c in _courses(ds):
        for i, p in enumerate(c.participants):
            if c.kind == "rkt" and (p.application is None or not p.application.justification):
                yield at(c, ("participants", i, "application"), "course-registration", "Lisa 15 3.4",
                         severity="warning", key="course-registration.justification", id=c.id, name=p.name)
            if p.enrolled is not None and p.entry_conditions_met is False:
                yield at(c, ("participants", i, "entry_conditions_met"), "course-registration", "Lisa 15 3.5",
                         severity="warning", key="course-registration.conditions", id=c.id, name=p.name)
        yield from _registration_order(c)
        yield from _employer_limit(c)
        if not _cancelled(c):
            due = c.start - timedelta(days=contact_days)
            for i, p in enumerate(c.participants):
                if p.enrolled is None or (p.withdrawn is not None and p.withdrawn <= due):
                    continue
                if (p.contacted is None and due < ctx.as_of) or (p.contacted is not None and p.contacted > due):
                    yield at(c, ("participants", i, "contacted"), "course-registration", "Lisa 15 3.8",
                             severity="warning", key="course-registration.contact", id=c.id, name=p.name,
                             due=due, days=contact_days, start=c.start)
        x = c.cancellation
        if x is not None:
            days = ctx.p("course_cancel_notice_days", c.start)
            if x.notified > c.start - timedelta(days=days):
                yield at(c, ("cancellation", "notified"), "course-registration", "Lisa 15 3.10", severity="warning",
                         key=CANCELLATION_KEY[x.kind], id=c.id, notified=x.notified, start=c.start, days=days)
    yield from _free_courses_a_year(ds)


def _registration_order(c: Course) -> Iterator[Finding]:
    if c.kind == "rkt" or c.places is None:
        return
    enrolled = [p for p in c.participants if p.enrolled is not None]
    if len(enrolled) < c.places:
        return  # room for everyone: the order did not decide
    for i, p in enumerate(c.participants):
        if p.enrolled is not None or p.entry_conditions_met is False:
            continue
        if p.withdrawn is not None and p.withdrawn <= min(e.enrolled for e in enrolled):
            continue
        later = sorted(e.name for e in enrolled if e.registered > p.registered)
        if later:
            yield at(c, ("participants", i, "registered"), "course-registration", "Lisa 15 3.5", severity="warning",
                     key="course-registration.order", id=c.id, name=p.name, registered=p.registered, later=later)


def _employer_limit(c: Course) -> Iterator[Finding]:
    if c.limit_per_employer is None:
        return
    per = Counter(p.employer for p in c.participants
                  if p.enrolled is not None and p.employer and p.withdrawn is None and p.removed is None)
    for employer, n in sorted(per.items()):
        if n > c.limit_per_employer:
            yield at(c, ("limit_per_employer",), "course-registration", "Lisa 15 3.7", severity="warning",
                     key="course-registration.employer-limit", id=c.id, member=employer, n=n,
                     limit=c.limit_per_employer)


def _free_courses_a_year(ds: Dataset) -> Iterator[Finding]:
    taken: dict[tuple[int, str], list[str]] = {}
    for c in _courses(ds):
        if c.kind == "paid" or _cancelled(c):
            continue
        for p in c.participants:
            if p.enrolled is not None:
                taken.setdefault((c.start.year, p.name.casefold()), []).append(c.id)
    for c in _courses(ds):
        if c.kind == "paid" or c.free_courses_per_year is None:
            continue
        for i, p in enumerate(c.participants):
            ids = taken.get((c.start.year, p.name.casefold()), [])
            if p.enrolled is not None and len(ids) > c.free_courses_per_year:
                yield at(c, ("participants", i, "name"), "course-registration", "Lisa 15 3.7", severity="warning",
                         key="course-registration.free-courses", id=c.id, name=p.name, year=str(c.start.year),
                         courses=ids, limit=c.free_courses_per_year)


# --- 3.11.2, 4.1, 4.2 attendance -----------------------------------------------------------------


def course_attendance(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 15 4.2: attendance is recorded by signature on an attendance sheet — a session held
    without its sheet is a warning, a name on a sheet who is no learner of the course an error.
    4.1: a learner studies only once enrolled and, on a paid course, once the fee is paid — a
    signature before either is a warning. 3.11.2: a learner absent `course_removal_absences` or
    more sessions in a row without notice, still on the course, is listed for the organiser's
    decision; a removal for absences with fewer is a warning."""
    limit = ctx.p("course_removal_absences")
    for c in _courses(ds):
        names = {p.name for p in c.participants}
        held = [(j, s) for j, s in enumerate(c.sessions) if s.date <= ctx.as_of]
        for j, s in held:
            if not s.sheet:
                yield at(c, ("sessions", j, "date"), "course-attendance", "Lisa 15 4.2", severity="warning",
                         key="course-attendance.sheet", id=c.id, date=s.date)
            for k, name in enumerate(s.present):
                if name not in names:
                    yield at(c, ("sessions", j, "present", k), "course-attendance", "Lisa 15 4.2",
                             key="course-attendance.unknown", id=c.id, name=name, names=sorted(names))
        for i, p in enumerate(c.participants):
            signed = [s.date for _, s in held if p.name in s.present]
            if signed:
                first = min(signed)
                if p.enrolled is None or p.enrolled > first:
                    yield at(c, ("participants", i, "enrolled"), "course-attendance", "Lisa 15 4.1", severity="warning",
                             key="course-attendance.not-enrolled", id=c.id, name=p.name, date=first)
                elif c.kind == "paid" and c.fee and (p.paid is None or p.paid > first):
                    yield at(c, ("participants", i, "paid"), "course-attendance", "Lisa 15 4.1", severity="warning",
                             key="course-attendance.not-paid", id=c.id, name=p.name, date=first)
            yield from _absences(c, i, p, [s for _, s in held if s.sheet], limit)


def _absences(c: Course, i: int, p: CourseParticipant, sessions: list, limit: int) -> Iterator[Finding]:
    run: list[date] = []
    longest: list[date] = []
    for s in sorted(sessions, key=lambda s: s.date):
        if not _active(p, s.date):
            continue
        if p.name in s.present or s.date in p.absences_notified:
            run = []
            continue
        run = run + [s.date]
        if len(run) > len(longest):
            longest = run
    still_on = p.removed is None and p.withdrawn is None and p.enrolled is not None
    if len(longest) >= limit and still_on:
        yield at(c, ("participants", i, "name"), "course-attendance", "Lisa 15 3.11.2", severity="warning",
                 key="course-attendance.absences", id=c.id, name=p.name, n=len(longest), dates=longest, limit=limit)
    if p.removed is not None and p.removed.reason == "absences" and len(longest) < limit:
        yield at(c, ("participants", i, "removed"), "course-attendance", "Lisa 15 3.11.2", severity="warning",
                 key="course-attendance.removal", id=c.id, name=p.name, n=len(longest), limit=limit)


# --- 4.4 the certificate ---------------------------------------------------------------------------


def course_completion(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 15 4.4: a certificate (tunnistus) is issued only when the outcomes were assessed and
    the learner achieved them; otherwise a statement (tõend) of the studies (4.5)."""
    for c in _courses(ds):
        for i, p in enumerate(c.participants):
            d = p.document
            if d is not None and d.kind == "certificate" and (p.assessed is None or p.achieved is not True):
                yield at(c, ("participants", i, "document"), "course-completion", "Lisa 15 4.4", severity="warning",
                         id=c.id, name=p.name, number=d.number)


# --- 5.5, 5.8, 5.9 fees ----------------------------------------------------------------------------


WITHDRAWAL_KEYS = {"free-withdrawal": N_("course-fees.withdrawal-free"),
                   "partial": N_("course-fees.withdrawal-partial"), "late": N_("course-fees.withdrawal-late")}


def course_fees(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 15 5.5: an employer's discount is 5–15 % of the total (an error outside) and needs
    more than 3 of its learners on the course (a warning); an employer with more than 3 and no
    discount is told it may have one (info). 5.8, 5.9: for each withdrawal from a paid course and
    each cancelled paid course, the share of the fee due (`regulation/course_fees.py`) — info, the
    amounts are in `cluster courses`."""
    from cluster_cli.regulation.course_fees import participant_fee

    over = ctx.p("course_employer_discount_over")
    bounds = ctx.p("course_employer_discount_share")
    for c in _courses(ds):
        per = Counter(p.employer for p in c.participants
                      if p.employer and p.enrolled is not None and p.withdrawn is None)
        given = {d.employer for d in c.discounts}
        for j, d in enumerate(c.discounts):
            share = Fraction(d.percent) / 100
            if not bounds["min"] <= share <= bounds["max"]:
                yield at(c, ("discounts", j, "percent"), "course-fees", "Lisa 15 5.5",
                         key="course-fees.discount-range", id=c.id, member=d.employer, share=_pct(share),
                         min=_pct(bounds["min"]), max=_pct(bounds["max"]))
            if per[d.employer] <= over:
                yield at(c, ("discounts", j, "employer"), "course-fees", "Lisa 15 5.5", severity="warning",
                         key="course-fees.discount-few", id=c.id, member=d.employer, n=per[d.employer], over=over)
        if c.kind == "paid" and c.fee:
            for member, n in sorted(per.items()):
                if n > over and member not in given:
                    yield at(c, ("participants",), "course-fees", "Lisa 15 5.5", severity="info",
                             key="course-fees.discount-possible", id=c.id, member=member, n=n,
                             min=_pct(bounds["min"]), max=_pct(bounds["max"]))
        if c.kind != "paid" or not c.fee:
            continue
        if _cancelled(c):
            yield at(c, ("cancellation",), "course-fees", "Lisa 15 5.8", severity="info",
                     key="course-fees.cancelled", id=c.id,
                     share=_pct(ctx.p("course_cancel_refund_share", c.start)))
            continue
        for i, p in enumerate(c.participants):
            if p.withdrawn is None or p.withdrawn > c.start:
                continue
            fee = participant_fee(c, p, ctx.profile)
            key = WITHDRAWAL_KEYS[fee.band]
            yield at(c, ("participants", i, "withdrawn"), "course-fees", fee.clause, severity="info", key=key,
                     id=c.id, name=p.name, days=fee.days_before, share=_pct(fee.share),
                     working_days=ctx.p("course_withdrawal_free_working_days", c.start))


# --- 6.3–6.5 safety instruction ------------------------------------------------------------------


def course_safety(ds: Dataset, ctx: Context) -> Iterator[Finding]:
    """Lisa 15 6.3: the trainer instructs the learners in health and safety before practical
    work; 6.4: the registration sheet records the date and duration, the instructor, the
    instructions and acts introduced and the date allowed to work alone; 6.5: the learner signs
    it. A learner who signed a practical session's attendance sheet without having signed an
    instruction on or before that day is a warning, as is a sheet line missing an item of 6.4."""
    for c in _courses(ds):
        for j, x in enumerate(c.safety_instructions):
            missing = [f"{clause} {name}" for name, clause in (
                ("minutes", "6.4.1"), ("instructor", "6.4.2"), ("instructions", "6.4.3"),
                ("independent_from", "6.4.4"), ("signed", "6.5")) if not getattr(x, name)]
            if missing:
                yield at(c, ("safety_instructions", j), "course-safety", "Lisa 15 6.4", severity="warning",
                         key="course-safety.sheet", id=c.id, date=x.date, items=missing)
        warned: set[str] = set()
        for j, s in enumerate(c.sessions):
            if not s.practical or s.date > ctx.as_of:
                continue
            for name in s.present:
                if name in warned:
                    continue
                if not any(x.date <= s.date and name in x.signed for x in c.safety_instructions):
                    warned.add(name)
                    yield at(c, ("sessions", j, "date"), "course-safety", "Lisa 15 6.3, 6.5", severity="warning",
                             id=c.id, name=name, date=s.date)
