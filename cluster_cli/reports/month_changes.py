"""What changed since last month in the monthly payment lists: who starts, who stops and why
(with the clause), who moved up in the ranking (Lisa 11 VII.2), whose amount changed — per kind
of payment (basic allowance, special allowance, travel compensation), with totals per kind, per
curriculum and in all.

A pure function of (dataset, profile, month): both months are computed from the data as it is
now, nothing is kept between runs, so the comparison of a month is the same whenever it is made.
A reason the payment reports already give (a stop, an exclusion, a refused claim) is passed on as
it is, with that report's clause; the reasons this module adds have codes starting `change-`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from cluster_cli.i18n import Month
from cluster_cli.model.dataset import Dataset
from cluster_cli.model.records import Student
from cluster_cli.regulation.money import ZERO
from cluster_cli.regulation.months import shift_month
from cluster_cli.regulation.profile import Profile
from cluster_cli.regulation.reasons import Reason

KINDS = ("basic", "special", "travel")
CHANGES = ("start", "moved_up", "amount", "stop")  # the order a student's rows are listed in


@dataclass
class Payee:
    """One student paid in a month for one kind: the amount and why they are paid."""

    student: Student
    amount: Decimal
    moved_up_from: str | None = None  # basic: the student whose place they took (VII.2)
    clause: str = ""


@dataclass
class KindMonth:
    """One kind's payments of one month, and why the students not paid are not paid."""

    kind: str
    month: str
    payees: dict[str, Payee]
    why_not: dict[str, Reason] = field(default_factory=dict)  # student id -> the reason given
    round: Any = None  # basic: the round paying the month (None: no round pays it)


@dataclass
class Change:
    kind: str  # basic | special | travel
    change: str  # start | moved_up | amount | stop
    student: Student
    curriculum: str
    before: Decimal
    after: Decimal
    reason: Reason

    @property
    def difference(self) -> Decimal:
        return self.after - self.before


@dataclass
class ChangeTotal:
    """Totals of a kind and curriculum; `curriculum` None: the kind in all; `kind` None: in all."""

    kind: str | None
    curriculum: str | None
    before: Decimal = ZERO
    after: Decimal = ZERO
    paid_before: int = 0
    paid_now: int = 0
    starts: int = 0
    moved_up: int = 0
    stops: int = 0
    amounts: int = 0

    @property
    def difference(self) -> Decimal:
        return self.after - self.before


@dataclass
class MonthChanges:
    month: str
    previous: str
    kinds: tuple[str, ...]
    changes: list[Change]
    totals: list[ChangeTotal]  # per kind and curriculum, then per kind, then in all


# --- one kind's month ----------------------------------------------------------------------


def basic_month(ds: Dataset, profile: Profile, month: str, report=None) -> KindMonth:
    """The basic allowance (Lisa 11): the month's payment list and the stops it explains; a
    student of the previous round who is not in this round's list is explained from this round's
    ranking (not applied, excluded with its reason, or not awarded)."""
    from cluster_cli.reports.grants import month_report

    report = report if report is not None else month_report(ds, profile, month)
    payees = {p.student.id: Payee(p.student, p.amount, p.replaces if p.change == "moved_up" else None,
                                  "Lisa 11 VII.2" if p.change == "moved_up" else "Lisa 11 V.2")
              for p in report.payments}
    why = {s.student.id: s.reason for s in report.stops}
    return KindMonth("basic", month, payees, why, report.round)


def _basic_absent(ds: Dataset, profile: Profile, now: KindMonth, sid: str, ranking) -> Reason:
    if sid in now.why_not:
        return now.why_not[sid]
    if now.round is None:
        return Reason("change-no-round", "Lisa 11 V.1", (("month", Month(now.month)),))
    if ranking is not None:
        excluded = next((c for c in ranking.excluded if c.student.id == sid), None)
        if excluded is not None:
            return excluded.reasons[0]
        if any(c.student.id == sid for cands in ranking.by_curriculum.values() for c in cands):
            return Reason("change-not-awarded", "Lisa 11 V.2", (("round", now.round.id),))
    return Reason("no-application", "Lisa 11 IV.4", (("round", now.round.id),))


def special_month(ds: Dataset, profile: Profile, month: str, report=None) -> KindMonth:
    """The special allowance (Lisa 12): the awarded of the month; an applicant not awarded has
    the exclusion's reason or the note that the fund did not cover the amount."""
    from cluster_cli.reports.special_allowance import AMOUNT_CLAUSE, special_report

    report = report if report is not None else special_report(ds, profile, month)
    payees = {c.student.id: Payee(c.student, c.amount, clause=AMOUNT_CLAUSE[c.kind])
              for c in report.ranked if c.awarded}
    why: dict[str, Reason] = {}
    for c in report.excluded:
        why[c.student.id] = c.reasons[0]
    for c in report.ranked:
        if not c.awarded:
            why[c.student.id] = next((n for n in c.notes if n.code == "fund-exhausted"),
                                     Reason("fund-exhausted", "Lisa 12 1.4, 3.2.1"))
    return KindMonth("special", month, payees, why)


def travel_month(ds: Dataset, profile: Profile, month: str, report=None) -> KindMonth:
    """Travel compensation (Lisa 13, 14): the payable claims of the payment run, summed per
    student; a student whose claims are all refused has the first refusal's reason."""
    from cluster_cli.reports.travel import travel_report

    report = report if report is not None else travel_report(ds, profile, month)
    payees: dict[str, Payee] = {}
    why: dict[str, Reason] = {}
    for c in report.claims:
        sid = c.student.id
        if c.payable:
            payee = payees.setdefault(sid, Payee(c.student, ZERO, clause=c.clause))
            payee.amount += c.amount
        elif c.reasons:
            why.setdefault(sid, c.reasons[0])
    return KindMonth("travel", month, payees, {k: v for k, v in why.items() if k not in payees})


def _absent_reason(kind: str, now: KindMonth, ds: Dataset, profile: Profile, sid: str, ranking) -> Reason:
    if kind == "basic":
        return _basic_absent(ds, profile, now, sid, ranking)
    if sid in now.why_not:
        return now.why_not[sid]
    if kind == "special":
        return Reason("change-no-application", "Lisa 12 3.4", (("month", Month(now.month)),))
    return Reason("change-no-claim", "Lisa 14 3.4, Lisa 13 3.3", (("month", Month(now.month)),))


# --- the comparison ------------------------------------------------------------------------


def compare(ds: Dataset, profile: Profile, before: KindMonth, now: KindMonth, ranking=None) -> list[Change]:
    """The changes of one kind from `before` to `now`, each with its reason and clause."""
    kind = now.kind
    out: list[Change] = []
    for sid in sorted(set(before.payees) | set(now.payees)):
        was, is_ = before.payees.get(sid), now.payees.get(sid)
        if was is None and is_ is not None:
            if is_.moved_up_from is not None:
                out.append(Change(kind, "moved_up", is_.student, is_.student.curriculum, ZERO, is_.amount,
                                  Reason("change-moved-up", "Lisa 11 VII.2", (("replaces", is_.moved_up_from),))))
            elif kind == "basic":
                out.append(Change(kind, "start", is_.student, is_.student.curriculum, ZERO, is_.amount,
                                  Reason("change-awarded", "Lisa 11 V.1, V.2", (("round", now.round.id),))))
            else:
                out.append(Change(kind, "start", is_.student, is_.student.curriculum, ZERO, is_.amount,
                                  Reason("change-start", is_.clause)))
        elif was is not None and is_ is None:
            out.append(Change(kind, "stop", was.student, was.student.curriculum, was.amount, ZERO,
                              _absent_reason(kind, now, ds, profile, sid, ranking)))
        elif was is not None and is_ is not None and was.amount != is_.amount:
            clause = "Lisa 11 II.1.1, V.3" if kind == "basic" else is_.clause
            out.append(Change(kind, "amount", is_.student, is_.student.curriculum, was.amount, is_.amount,
                              Reason("change-amount", clause, (("before", was.amount), ("after", is_.amount)))))
    return out


def _totals(kinds: tuple[str, ...], months: dict[str, tuple[KindMonth, KindMonth]],
            changes: list[Change]) -> list[ChangeTotal]:
    """Per kind and curriculum, then per kind, then in all (only when more than one kind)."""
    table: dict[tuple[str | None, str | None], ChangeTotal] = {}

    def each(kind: str, curriculum: str):
        keys = [(kind, curriculum), (kind, None)] + ([(None, None)] if len(kinds) > 1 else [])
        return [table.setdefault(k, ChangeTotal(*k)) for k in keys]

    for kind in kinds:
        before, now = months[kind]
        for p in before.payees.values():
            for total in each(kind, p.student.curriculum):
                total.before += p.amount
                total.paid_before += 1
        for p in now.payees.values():
            for total in each(kind, p.student.curriculum):
                total.after += p.amount
                total.paid_now += 1
    counter = {"start": "starts", "moved_up": "moved_up", "stop": "stops", "amount": "amounts"}
    for c in changes:
        for total in each(c.kind, c.curriculum):
            setattr(total, counter[c.change], getattr(total, counter[c.change]) + 1)

    def order(t: ChangeTotal) -> tuple:
        kind = KINDS.index(t.kind) if t.kind is not None else len(KINDS)
        return (kind, t.curriculum is None, t.curriculum or "")

    return sorted(table.values(), key=order)


MONTH_OF = {"basic": basic_month, "special": special_month, "travel": travel_month}


def month_changes(ds: Dataset, profile: Profile, month: str, kinds: tuple[str, ...] = KINDS,
                  current: dict[str, Any] | None = None) -> MonthChanges:
    """`month` compared with the month before it, for each of `kinds`. `current` may hold the
    month's report already computed for a kind (the payment list the command shows), so it is not
    computed twice; the basic allowance's ranking is shared when both months are of one round."""
    current = current or {}
    previous = shift_month(month, -1)
    months: dict[str, tuple[KindMonth, KindMonth]] = {}
    changes: list[Change] = []
    for kind in kinds:
        ranking = None
        if kind == "basic":
            now = basic_month(ds, profile, month, current.get(kind))
            ranking = getattr(current.get(kind), "ranking", None)
            if ranking is None and now.round is not None:
                from cluster_cli.reports.grants import rank

                ranking = rank(ds, profile, now.round.id)
            before = basic_month(ds, profile, previous, _previous_basic(ds, profile, previous, ranking))
        else:
            now = MONTH_OF[kind](ds, profile, month, current.get(kind))
            before = MONTH_OF[kind](ds, profile, previous)
        months[kind] = (before, now)
        changes += compare(ds, profile, before, now, ranking)
    changes.sort(key=lambda c: (KINDS.index(c.kind), c.curriculum, CHANGES.index(c.change), c.student.id))
    return MonthChanges(month, previous, tuple(kinds), changes, _totals(tuple(kinds), months, changes))


def _previous_basic(ds: Dataset, profile: Profile, previous: str, ranking):
    """The previous month's basic payment list, reusing this month's ranking when one round pays
    both months."""
    from cluster_cli.reports.grant_eligibility import round_of_month
    from cluster_cli.reports.grants import month_report

    same = ranking is not None and round_of_month(previous) == ranking.round.id
    return month_report(ds, profile, previous, ranking if same else None)
