"""The deadlines of issue 21's records in the calendar, beside reports/calendar.py:

- `course-contact` (Lisa 15 3.8): a course's enrolled learners are contacted at least
  `course_contact_days_before` days before it starts — for a course still to start with a
  learner not yet contacted (not withdrawn or removed); once that day has passed, on the as-of date;
- `exam-schedule` (Lisa 4 3.1, 4.13.6): a final or professional exam's schedule is confirmed
  `final_exam_schedule_months` before the exam — for an exam still to come with no `scheduled`;
- `transition-notice` (Lisa 3 III.2.1–2.2): a transition exam's schedule is announced and its
  committee formed `transition_exam_notice_days` before — while either is not recorded (a re-exam
  is agreed with the study director instead, III.4.2);
- `card-extend` (Lisa 1 I.16, Lisa 2 5.1): the continuing groups' student cards are extended in the
  first `card_extension_days` of the study year — once a year, when the cluster keeps its cards;
- `prior-apply` (Lisa 5 II.1): VÕTA applications are made within `prior_learning_apply_months` of
  the study year's start — once a year.

The day a deadline is checked against is the one the rules use (`regulation/rules/exams.py`,
`student_card.py`, `prior_learning.py`), so the calendar and `cluster validate` agree.
"""

from __future__ import annotations

from datetime import date, timedelta

from cluster_cli.model.dataset import Dataset
from cluster_cli.regulation.profile import Profile

KINDS = ("course-contact", "exam-schedule", "transition-notice", "card-extend", "prior-apply")


def deadline_events(ds: Dataset, profile: Profile, as_of: date, until: date, event) -> list:
    """`event` is reports.calendar.Event (passed in: that module imports this one)."""
    return (_course_events(ds, profile, as_of, event) + _exam_events(ds, profile, as_of, event)
            + _year_events(ds, profile, as_of, until, event))


def _course_events(ds: Dataset, profile: Profile, as_of: date, event) -> list:
    out = []
    for c in ds.records.get("courses", []):
        if c.start <= as_of or (c.cancellation is not None and c.cancellation.kind == "cancelled"):
            continue
        waiting = [p for p in c.participants
                   if p.contacted is None and p.withdrawn is None and p.removed is None]
        if not waiting:
            continue
        due = c.start - timedelta(days=profile.value("course_contact_days_before", c.start))
        out.append(event(max(due, as_of), "course-contact", profile.clause("course_contact_days_before"), c.id, c.id,
                         args=(("course", c.id), ("name", c.name), ("start", c.start), ("due", due),
                               ("count", len(waiting)))))
    return out


def _exam_events(ds: Dataset, profile: Profile, as_of: date, event) -> list:
    from cluster_cli.regulation.facts import add_months

    out = []
    for e in ds.cluster.exams if ds.cluster is not None else []:
        if e.date <= as_of:
            continue
        args = (("exam", e.id), ("group", e.group), ("date", e.date))
        if e.kind == "transition":
            if e.attempt == "resit" or (e.scheduled is not None and e.committee_formed is not None):
                continue
            due = e.date - timedelta(days=profile.value("transition_exam_notice_days", e.date))
            out.append(event(max(due, as_of), "transition-notice", "Lisa 3 III.2.1, III.2.2", e.id, e.id,
                             group=e.group, args=args + (("due", due),)))
        elif e.scheduled is None:
            due = add_months(e.date, -profile.value("final_exam_schedule_months", e.date))
            out.append(event(max(due, as_of), "exam-schedule", "Lisa 4 3.1, 4.13.6", e.id, e.id,
                             group=e.group, args=args + (("due", due),)))
    return out


def _year_events(ds: Dataset, profile: Profile, as_of: date, until: date, event) -> list:
    from cluster_cli.regulation.facts import add_months, study_year_start
    from cluster_cli.regulation.study_year import current_first_year, study_year

    students = ds.records.get("students", [])
    if not students:
        return []
    cards = any(s.student_card is not None for s in students)
    out = []
    for first in range(current_first_year(profile, as_of), current_first_year(profile, until) + 1):
        year = study_year(profile, first)
        label = year.label
        if cards:
            start = study_year_start(ds.cluster, first)
            due = start + timedelta(days=profile.value("card_extension_days", start))
            out.append(event(due, "card-extend", "Lisa 1 I.16, Lisa 2 5.1", str(first), label,
                             args=(("year", label), ("start", start), ("due", due))))
        due = add_months(year.start, profile.value("prior_learning_apply_months", year.start))
        out.append(event(due, "prior-apply", profile.clause("prior_learning_apply_months"), str(first), label,
                         args=(("year", label), ("start", year.start), ("due", due))))
    return out
