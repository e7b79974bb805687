"""The deadline calendar (`cluster calendar`): what falls due from the as-of date on.

Every number comes from the regulation profile:
- placements (Lisa 7): contract data to the secretary `contract_data_days_before` the start
  (4.1) unless recorded as received; the student contacts the host `host_contact_days_before`
  the start (8.3); documents collected within `documents_days_after` the end (4.6); the defense
  within `defense_days_after` the end (5.9) unless its date is recorded. A contract not yet
  valid (draft, review) is chased `signatures_working_days_before` working days before the start,
  naming the parties who have not signed (4.11.5, Lisa 7 1.4: concluded before practice starts;
  `regulation.parties`); once that day has passed it stays on the as-of date until the start. A placement deadline
  that falls on a rest day is shown on the working day before it — keeping it then never trips
  `cluster validate`'s timing checks, which count calendar days.
- the basic allowance (Lisa 11): applications by the 10th of September / February (IV.4),
  results fixed before the school holiday (6.12.4), decisions by the 10th of October / March
  (V.1), and each month's payment date (V.4–V.5) — the dates of `reports.grant_eligibility` and
  `reports.grants`.
- study debts (6.2.2), from the debt engine: the re-sit agreed by `agree_by` (while none is
  recorded) and the debt cleared by `clear_by`, for students studying on the as-of date and
  those whose leave ended with no return recorded (6.7.10, 6.8.2.5).
- returns from academic leave: back within `leave_return_days` of the leave's end (6.7.10); the
  source's 6.8.2.5 says two weeks (`leave_return_days_expulsion`) — both dates are shown, each
  moved to the next working day when it falls on a rest day.
- VÕTA (Lisa 5 III.15): an application without a decision is decided, as a rule, within
  `prior_learning_decide_months` of its submission; one past that day stays on the as-of date.
- the monthly cycles of the special allowance (Lisa 12 3.4–3.7) and bus travel (Lisa 14
  3.4–3.6), the appeal windows (Lisa 11 VII.3, 4.13.15, 7.3) and the period's debt summary
  (6.2.1): reports/calendar_cycles.py.
- the development talks due (Lisa 9 4.1), one event per study group: reports/calendar_talks.py.
- contacting a course's learners (Lisa 15 3.8), the exam schedules (Lisa 4 3.1, Lisa 3 III.2.1),
  the student cards' extension (Lisa 1 I.16) and the VÕTA application month (Lisa 5 II.1):
  reports/calendar_deadlines.py.

Events are sorted by date, then kind (in the order above), then subject: the same data give the
same calendar, byte for byte.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

from cluster_cli.i18n import N_, Month, Period, Phrase
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.placements import Placement
from cluster_cli.regulation.profile import Profile
from cluster_cli.reports.calendar_cycles import KINDS as CYCLE_KINDS
from cluster_cli.reports.calendar_deadlines import KINDS as DEADLINE_KINDS
from cluster_cli.reports.calendar_talks import KINDS as TALK_KINDS

KINDS = ("contract-data", "signatures", "host-contact", "documents", "defense", "grant-apply", "grant-fixed",
         "grant-decide", "grant-pay", "debt-agree", "debt-clear", "leave-return", "prior-decide") + CYCLE_KINDS \
    + TALK_KINDS + DEADLINE_KINDS
PENDING = ("draft", "review", "valid")

# A party that has not signed a contract: with its signer's name, or by its role only (the ICS file).
PARTY_NAMED = {"school": N_("calendar.party.named.school"), "student": N_("calendar.party.named.student"),
               "guardian": N_("calendar.party.named.guardian"), "host": N_("calendar.party.named.host")}
PARTY_ROLE = {"school": N_("calendar.party.role.school"), "student": N_("calendar.party.role.student"),
              "guardian": N_("calendar.party.role.guardian"), "host": N_("calendar.party.role.host")}
STUDYING = ("active", "academic_leave", "abroad")


@dataclass(frozen=True)
class Event:
    """One deadline. `key` names the thing it is about without its date (a placement, a round, a
    month, a student's debt or leave), so that its UID stays the same when the date moves."""

    day: date
    kind: str
    clause: str
    key: str
    subject: str
    student: str | None = None
    group: str | None = None
    args: tuple[tuple[str, object], ...] = ()

    def uid(self, cluster: str) -> str:
        digest = hashlib.sha256(f"{cluster}|{self.kind}|{self.key}".encode("utf-8")).hexdigest()[:24]
        return f"{self.kind}-{digest}@cluster-cli"


@dataclass
class CalendarReport:
    as_of: date
    until: date
    cluster: str
    events: list[Event]


def calendar_report(ds: Dataset, profile: Profile, as_of: date, days: int) -> CalendarReport:
    from cluster_cli.regulation.calendar import working_days
    from cluster_cli.reports.calendar_cycles import cycle_events
    from cluster_cli.reports.calendar_deadlines import deadline_events
    from cluster_cli.reports.calendar_talks import talk_events

    until = as_of + timedelta(days=days)
    calendar = working_days(as_of, until)
    events: list[Event] = []
    events += _placement_events(ds, profile, calendar)
    events += _signature_events(ds, profile, as_of, calendar)
    events += _grant_events(ds, profile, as_of, until)
    events += _debt_events(ds, profile, as_of)
    events += _leave_events(ds, profile)
    events += _prior_learning_events(ds, profile, as_of)
    events += cycle_events(ds, profile, as_of, until, Event)
    events += talk_events(ds, profile, as_of, until, Event)
    events += deadline_events(ds, profile, as_of, until, Event)
    chosen = [e for e in events if as_of <= e.day <= until]
    chosen.sort(key=lambda e: (e.day, KINDS.index(e.kind), e.subject, e.key))
    return CalendarReport(as_of, until, ds.cluster.name if ds.cluster else "", chosen)


def _placement_events(ds: Dataset, profile: Profile, calendar) -> list[Event]:
    out = []
    for p in ds.records.get("placements", []):
        if p.status not in PENDING:
            continue
        s = ds.students.get(p.student)
        group = s.group if s else None
        base = (("placement", p.id), ("student", p.student), ("hosts", _hosts(ds, p)),
                ("start", p.start), ("end", p.end))

        def add(kind: str, param: str, day: date) -> None:
            out.append(Event(calendar.on_or_before(day), kind, profile.clause(param), f"{p.id}",
                             p.id, p.student, group, base))

        if p.data_received is None:
            add("contract-data", "contract_data_days_before",
                p.start - timedelta(days=profile.value("contract_data_days_before", p.start)))
        add("host-contact", "host_contact_days_before",
            p.start - timedelta(days=profile.value("host_contact_days_before", p.start)))
        if p.documents is None or p.documents.returned is None:
            add("documents", "documents_days_after",
                p.end + timedelta(days=profile.value("documents_days_after", p.end)))
        if p.grade is None or p.grade.defense_date is None:
            add("defense", "defense_days_after", p.end + timedelta(days=profile.value("defense_days_after", p.end)))
    return out


def _signature_events(ds: Dataset, profile: Profile, as_of: date, calendar) -> list[Event]:
    """4.11.5, Lisa 7 1.4: the contract is signed by every party before the placement starts.
    A placement still `draft` or `review` that has not started: who has not signed, by the N-th
    working day before the start (on the as-of date when that day has passed)."""
    from cluster_cli.regulation.parties import missing_signatures, signing_parties

    out = []
    for p in ds.records.get("placements", []):
        if p.status not in ("draft", "review") or p.start <= as_of or not calendar.covers(p.start):
            continue
        n = profile.value("signatures_working_days_before", p.start)
        missing = missing_signatures(p, signing_parties(p, ds, profile.value("adult_age", p.start)))
        if not missing:
            continue
        s = ds.students.get(p.student)
        day = max(calendar.back(p.start, n), as_of)
        roles = [Phrase(PARTY_ROLE[m.party], (("member", _member(ds, m.member)),)) for m in missing]
        names = [Phrase(PARTY_NAMED[m.party], (("name", m.name), ("member", _member(ds, m.member)))) if m.name
                 else role for m, role in zip(missing, roles)]
        out.append(Event(day, "signatures", profile.clause("signatures_working_days_before"), p.id, p.id,
                         p.student, s.group if s else None,
                         (("placement", p.id), ("student", p.student), ("start", p.start),
                          ("missing", names), ("parties", roles))))
    return out


def _member(ds: Dataset, member: str | None) -> str:
    return ds.members[member].name if member in ds.members else (member or "—")


def _hosts(ds: Dataset, p: Placement) -> str:
    return ", ".join(ds.members[h.member].name if h.member in ds.members else h.member for h in p.hosts)


def _grant_events(ds: Dataset, profile: Profile, as_of: date, until: date) -> list[Event]:
    from cluster_cli.regulation.calendar import working_days
    from cluster_cli.regulation.months import month_id
    from cluster_cli.reports.grant_eligibility import grant_round, round_of_month
    from cluster_cli.reports.grants import pay_by

    out = []
    for year in range(as_of.year - 1, until.year + 1):
        for half in ("spring", "autumn"):
            rid = Period(f"{year}-{half}")
            rnd = grant_round(ds, profile, rid)
            args = (("round", rid),)
            out.append(Event(rnd.apply_by, "grant-apply", "Lisa 11 IV.4", rid, rid, args=args))
            out.append(Event(rnd.results_fixed, "grant-fixed", "6.12.4", rid, rid, args=args))
            out.append(Event(rnd.decide_by, "grant-decide", "Lisa 11 V.1", rid, rid, args=args))
    month = date(as_of.year, as_of.month, 1) - timedelta(days=62)
    last = until + timedelta(days=62)
    while month <= last:
        mid = month_id(month)
        if round_of_month(mid) is not None:
            day = pay_by(mid, profile, working_days(month))
            out.append(Event(day, "grant-pay", "Lisa 11 V.4, V.5", mid, Month(mid),
                             args=(("month", Month(mid)), ("round", Period(round_of_month(mid))))))
        month = (month + timedelta(days=32)).replace(day=1)
    return out


def _debt_events(ds: Dataset, profile: Profile, as_of: date) -> list[Event]:
    from cluster_cli.regulation.debts import AGREEMENT_OVERDUE, OPEN, DebtRules, calendar_for, student_debts
    from cluster_cli.regulation.facts import status_on, unreturned_leave

    # A student whose leave ended with no return recorded keeps their debts (6.7.10, 6.8.2.5).
    studying = [s for s in ds.students.values()
                if ((st := status_on(s, as_of)) is not None and st.status in STUDYING)
                or unreturned_leave(s, as_of) is not None]
    if not studying:
        return []
    rules = DebtRules.from_profile(profile, as_of)
    calendar = calendar_for(studying, as_of)
    out = []
    for s in sorted(studying, key=lambda s: s.id):
        for d in student_debts(s, as_of, rules, calendar):
            if d.state not in (OPEN, AGREEMENT_OVERDUE):
                continue
            key = f"{s.id}|{d.module}|{d.topic or ''}|{d.arose.isoformat()}"
            args = (("student", s.id), ("name", s.full_name), ("module", d.module),
                    ("topic", f" ({d.topic})" if d.topic else ""), ("arose", d.arose))
            if d.resit_agreed is None:
                out.append(Event(d.agree_by, "debt-agree", "6.2.2", key, s.id, s.id, s.group, args))
            out.append(Event(d.clear_by, "debt-clear", "6.2.2", key, s.id, s.id, s.group, args))
    return out


def _leave_events(ds: Dataset, profile: Profile) -> list[Event]:
    from cluster_cli.regulation.calendar import working_days

    out = []
    for s in sorted(ds.students.values(), key=lambda s: s.id):
        for entry in s.status:
            if entry.status != "academic_leave" or entry.end is None:
                continue
            # Terms of calendar days: one ending on a rest day moves to the next working day.
            calendar = working_days(entry.end)
            back = calendar.deadline(entry.end, profile.value("leave_return_days", entry.end))
            latest = calendar.deadline(entry.end, profile.value("leave_return_days_expulsion", entry.end))
            out.append(Event(back, "leave-return", f"{profile.clause('leave_return_days')}, "
                             f"{profile.clause('leave_return_days_expulsion')}",
                             f"{s.id}|{entry.start.isoformat()}", s.id, s.id, s.group,
                             (("student", s.id), ("name", s.full_name), ("end", entry.end),
                              ("latest", latest))))
    return out


def _prior_learning_events(ds: Dataset, profile: Profile, as_of: date) -> list[Event]:
    from cluster_cli.regulation.facts import add_months

    out = []
    for s in sorted(ds.students.values(), key=lambda s: s.id):
        for a in s.prior_learning:
            if a.decided is not None:
                continue
            due = add_months(a.submitted, profile.value("prior_learning_decide_months", a.submitted))
            out.append(Event(max(due, as_of), "prior-decide", profile.clause("prior_learning_decide_months"),
                             f"{s.id}|{a.module}|{a.submitted.isoformat()}", s.id, s.id, s.group,
                             (("student", s.id), ("name", s.full_name), ("module", a.module),
                              ("submitted", a.submitted), ("due", due))))
    return out
