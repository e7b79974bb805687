"""The calendar's monthly cycles and appeal windows (issue 21, item 3), beside reports/calendar.py.

Every number comes from the regulation profile:
- the special allowance (Lisa 12): each month of a basic-allowance round, applications by the 10th
  (3.4), decisions by the 15th and payment by the 26th (3.5), appeals within 10 working days of
  the decision, reviewed within 10 working days (3.7) — `reports.special_allowance.special_cycle`.
- bus travel (Lisa 14): for each study month's journeys, the report with the tickets by the 5th of
  the next month (3.4), the supervisor's check forwarded by the 7th (3.3, 3.5), payment by the 25th
  (3.6); the check's and the payment's date on a rest day moves back to the working day before
  (the students' report keeps its day, as rule `late-report` of `cluster allowances` reads it).
- the basic allowance's appeal (Lisa 11 VII.3): within `grant_appeal_days` of the decision's
  publication (taken as the decision day), reviewed within `grant_appeal_review_working_days`.
- the period's debt summary (6.2.1): within `debts_summary_days` of each study period's end.
- a final exam's appeal (4.13.15): within `exam_appeal_working_days` of the result (the grade's
  date taken as the day it was made known), the decision within `exam_appeal_decision_days`.
- a study decision's challenge (7.3): a removal from the student list (status `expelled`) may be
  challenged within `decision_challenge_days` of the directive (its date taken as the day the
  student learnt of it). Other study decisions are not in the data (docs/regulation-coverage.md).
  7.7: once the school has decided the challenge (`challenge_decided` on the removal), that decision
  may be appealed to the owner or the administrative court within `decision_appeal_days`.

A term of calendar days that ends on a rest day moves to the next working day.
"""

from __future__ import annotations

from datetime import date, timedelta

from cluster_cli.i18n import Month, Period
from cluster_cli.model.dataset import Dataset
from cluster_cli.regulation.profile import Profile

KINDS = ("grant-appeal", "special-apply", "special-decide", "special-appeal", "special-pay",
         "bus-report", "bus-check", "bus-pay", "period-summary", "exam-appeal", "decision-challenge",
         "challenge-appeal")


def cycle_events(ds: Dataset, profile: Profile, as_of: date, until: date, event) -> list:
    """The events of this module between as_of and until (give or take a month; the caller
    filters). `event` is reports.calendar.Event (passed in: that module imports this one)."""
    out = []
    out += _grant_appeals(ds, profile, as_of, until, event)
    out += _monthly(profile, as_of, until, event)
    out += _summaries(ds, profile, as_of, until, event)
    out += _exam_appeals(ds, profile, as_of, until, event)
    out += _challenges(ds, profile, as_of, until, event)
    return out


def _grant_appeals(ds, profile, as_of, until, event) -> list:
    from cluster_cli.regulation.calendar import working_days
    from cluster_cli.reports.grant_eligibility import grant_round

    out = []
    for year in range(as_of.year - 1, until.year + 1):
        for half in ("spring", "autumn"):
            rid = Period(f"{year}-{half}")
            rnd = grant_round(ds, profile, rid)
            calendar = working_days(rnd.decide_by)
            appeal_by = calendar.deadline(rnd.decide_by, profile.value("grant_appeal_days", rnd.decide_by))
            review_by = calendar.add(appeal_by, profile.value("grant_appeal_review_working_days", rnd.decide_by))
            out.append(event(appeal_by, "grant-appeal", profile.clause("grant_appeal_days"), rid, rid,
                             args=(("round", rid), ("decided", rnd.decide_by), ("review", review_by))))
    return out


def _months(as_of: date, until: date):
    from cluster_cli.regulation.months import month_id

    month = date(as_of.year, as_of.month, 1) - timedelta(days=62)
    while month <= until + timedelta(days=31):
        yield month_id(month)
        month = (month + timedelta(days=32)).replace(day=1)


def _monthly(profile, as_of, until, event) -> list:
    from cluster_cli.regulation.months import month_start, shift_month
    from cluster_cli.reports.allowance_common import calendar_of
    from cluster_cli.reports.grant_eligibility import round_of_month
    from cluster_cli.reports.special_allowance import special_cycle

    out = []
    for mid in _months(as_of, until):
        if round_of_month(mid) is not None:
            c = special_cycle(profile, mid)
            args = (("month", Month(mid)),)
            clause = profile.clause
            shown = Month(mid)  # the event's subject, as a table shows a month (11.2026)
            out.append(event(c.apply_by, "special-apply", clause("special_application_day"), mid, shown, args=args))
            out.append(event(c.decide_by, "special-decide", clause("special_decision_day"), mid, shown, args=args))
            review = calendar_of(mid).add(c.appeal_by, c.review_working_days)
            out.append(event(c.appeal_by, "special-appeal", clause("special_appeal_working_days"), mid, shown,
                             args=args + (("decided", c.decide_by), ("review", review))))
            out.append(event(c.pay_by, "special-pay", clause("special_payment_day"), mid, shown, args=args))
        journeys = shift_month(mid, -1)
        if round_of_month(journeys) is None:
            continue
        first = month_start(mid)
        calendar = calendar_of(mid)
        p = lambda name: profile.value(name, first)  # noqa: E731
        args = (("month", Month(journeys)),)
        out.append(event(first.replace(day=p("travel_report_day")), "bus-report",
                         profile.clause("travel_report_day"), journeys, Month(journeys), args=args))
        out.append(event(calendar.on_or_before(first.replace(day=p("travel_check_day"))), "bus-check",
                         profile.clause("travel_check_day"), journeys, Month(journeys), args=args))
        out.append(event(calendar.on_or_before(first.replace(day=p("travel_payment_day"))), "bus-pay",
                         profile.clause("travel_payment_day"), journeys, Month(journeys), args=args))
    return out


def _summaries(ds, profile, as_of, until, event) -> list:
    from cluster_cli.regulation.calendar import working_days
    from cluster_cli.regulation.facts import period_dates

    out = []
    for year in range(as_of.year - 1, until.year + 1):
        for half in ("spring", "autumn"):
            pid = Period(f"{year}-{half}")
            _, end = period_dates(ds.cluster, pid)
            due = working_days(end).deadline(end, profile.value("debts_summary_days", end))
            out.append(event(due, "period-summary", profile.clause("debts_summary_days"), pid, pid,
                             args=(("period", pid), ("end", end))))
    return out


def _exam_appeals(ds, profile, as_of, until, event) -> list:
    from cluster_cli.regulation.calendar import working_days

    out = []
    for s in sorted(ds.students.values(), key=lambda s: s.id):
        for g in s.grades:
            if g.kind != "final" or not (as_of - timedelta(days=31) <= g.date <= until):
                continue
            calendar = working_days(g.date)
            appeal_by = calendar.add(g.date, profile.value("exam_appeal_working_days", g.date))
            decision_by = appeal_by + timedelta(days=profile.value("exam_appeal_decision_days", g.date))
            out.append(event(appeal_by, "exam-appeal", profile.clause("exam_appeal_working_days"),
                             f"{s.id}|{g.module}|{g.date.isoformat()}", s.id, s.id, s.group,
                             (("student", s.id), ("module", g.module), ("result", g.date),
                              ("decision", decision_by))))
    return out


def _challenges(ds, profile, as_of, until, event) -> list:
    from cluster_cli.regulation.calendar import working_days

    out = []
    for s in sorted(ds.students.values(), key=lambda s: s.id):
        for entry in s.status:
            if entry.status != "expelled":
                continue
            decided = entry.challenge_decided
            if decided is not None and as_of - timedelta(days=62) <= decided <= until:
                # 7.7: the decision on the challenge may be appealed to the owner or the court
                due = working_days(decided).deadline(decided, profile.value("decision_appeal_days", decided))
                out.append(event(due, "challenge-appeal", profile.clause("decision_appeal_days"),
                                 f"{s.id}|{decided.isoformat()}", s.id, s.id, s.group,
                                 (("student", s.id), ("decided", decided))))
            if decided is not None or not (as_of - timedelta(days=62) <= entry.start <= until):
                continue  # a challenge decided: the 7.3 window is closed
            due = working_days(entry.start).deadline(entry.start, profile.value("decision_challenge_days", entry.start))
            out.append(event(due, "decision-challenge", profile.clause("decision_challenge_days"),
                             f"{s.id}|{entry.start.isoformat()}", s.id, s.id, s.group,
                             (("student", s.id), ("directive", entry.start))))
    return out
