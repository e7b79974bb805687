"""The month's payments as bank transfers (`cluster payments`): the basic allowance (Lisa 11), the
special allowance (Lisa 12) and travel compensation (Lisa 13, 14) that the month's reports pay,
one transfer per payee and kind, each with its account checked.

Nothing is recomputed here: the amounts and the payment deadlines (each moved back to the last
working day, from the profile's `grant_payment_day`, `special_payment_day`, `travel_payment_day`)
are those of `grants.month_report`, `special_allowance.special_report` and `travel.travel_report`.
The bank file itself is built in `render/sepa.py`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from cluster_cli.model.dataset import Dataset
from cluster_cli.model.cluster import PaymentAccount
from cluster_cli.model.records import Student
from cluster_cli.regulation.money import ZERO
from cluster_cli.regulation.profile import Profile
from cluster_cli.vocabulary import PAYMENT_KINDS

# The clause that sets each kind's payment deadline (what a transfer's remittance text cites).
KIND_CLAUSE = {"grants": "Lisa 11 V.4", "special": "Lisa 12 3.5", "travel": "Lisa 14 3.6"}
CAR_CLAUSE = "Lisa 13 1"  # the car compensation is paid with the special allowance's cycle
# A short code per kind in the end-to-end id (põhitoetus, eritoetus, sõidukulud).
KIND_CODE = {"grants": "PT", "special": "ET", "travel": "SK"}
END_TO_END_MAX = 35  # ISO 20022 Max35Text
_ID_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.-]*$")


@dataclass(frozen=True)
class Transfer:
    """One credit transfer: what the kind's report pays the student for the month, by when."""

    student: Student
    kind: str  # grants | special | travel
    amount: Decimal
    due: date  # the report's payment deadline (a working day)
    execution: date  # the requested execution date: `due`, or the as-of date when that has passed
    clauses: tuple[str, ...]  # the deadline's clause(s): "Lisa 11 V.4"; travel by car "Lisa 13 1"
    months: tuple[str, ...]  # the months paid for (travel: the journeys' months)
    end_to_end_id: str
    payee: str  # the account's owner: `account_owner`, else the student
    iban: str  # compact (no spaces)


@dataclass(frozen=True)
class AccountProblem:
    """A payee whose account cannot be paid to: no IBAN, or not a valid one."""

    student: Student
    kinds: tuple[str, ...]
    problem: str  # missing | checksum | length | component | format (`IBAN_KEYS`)
    iban: str | None


@dataclass(frozen=True)
class KindTotal:
    kind: str
    count: int
    total: Decimal
    dates: tuple[date, ...]


@dataclass
class PaymentRun:
    month: str
    kinds: tuple[str, ...]
    account: PaymentAccount | None  # the payer's account (`payer_account`); None when there is none
    account_problem: str | None  # why the payer's IBAN is invalid, or None
    school: str | None = None  # whose students the file pays; None: every student of the cluster
    transfers: list[Transfer] = field(default_factory=list)
    problems: list[AccountProblem] = field(default_factory=list)
    others: dict[str, int] = field(default_factory=dict)
    """Transfers left out because another school pays them: {school: count}."""

    @property
    def total(self) -> Decimal:
        return sum((t.amount for t in self.transfers), ZERO)

    @property
    def refused(self) -> bool:
        return self.account is None or self.account_problem is not None or bool(self.problems)

    def by_kind(self) -> list[KindTotal]:
        out = []
        for kind in self.kinds:
            mine = [t for t in self.transfers if t.kind == kind]
            out.append(KindTotal(kind, len(mine), sum((t.amount for t in mine), ZERO),
                                 tuple(sorted({t.execution for t in mine}))))
        return out


def end_to_end_id(student_id: str, kind: str, month: str) -> str:
    """Stable for (student, kind, month): `TA-24-01-PT-202611`; an id too long for the field or
    with characters a bank may refuse is replaced by a hash of it (still stable)."""
    tail = f"-{KIND_CODE[kind]}-{month.replace('-', '')}"
    if _ID_SAFE.match(student_id) and len(student_id) + len(tail) <= END_TO_END_MAX:
        return student_id + tail
    return hashlib.sha256(student_id.encode("utf-8")).hexdigest()[:16].upper() + tail


def _due_amounts(ds: Dataset, profile: Profile, month: str, kinds: tuple[str, ...]):
    """(student, kind, amount, due, clause, month paid for) of every payment the reports make."""
    if "grants" in kinds:
        from cluster_cli.reports.grants import month_report

        for p in month_report(ds, profile, month).payments:
            if p.amount > 0:
                yield p.student, "grants", p.amount, p.pay_by, KIND_CLAUSE["grants"], month
    if "special" in kinds:
        from cluster_cli.reports.special_allowance import special_report

        report = special_report(ds, profile, month)
        for c in report.ranked:
            if c.awarded and c.amount > 0:
                yield c.student, "special", c.amount, report.cycle.pay_by, KIND_CLAUSE["special"], month
    if "travel" in kinds:
        from cluster_cli.reports.travel import travel_report

        for c in travel_report(ds, profile, month).claims:
            if c.payable:
                clause = KIND_CLAUSE["travel"] if c.mode == "bus" else CAR_CLAUSE
                yield c.student, "travel", c.amount, c.pay_by, clause, c.for_month


def school_accounts(ds: Dataset) -> dict[str, PaymentAccount]:
    """The schools that keep their own allowance account (`payments:` on the member)."""
    return {m.id: m.payments for m in ds.members.values() if m.payments is not None}


def payer_account(ds: Dataset, school: str | None) -> tuple[PaymentAccount | None, str | None, Any]:
    """(the account, the school whose students it pays — None for all —, the record that holds
    it) for `school`, or for the one account the data has: the school's own account, else
    cluster.yaml's `payments:` when it is that school's or the whole cluster's. Several schools'
    accounts and no `school` give (None, None, None): the caller asks which."""
    own = school_accounts(ds)
    default = ds.cluster.payments if ds.cluster else None
    if school is not None:
        if school in own:
            return own[school], school, ds.members[school]
        if default is not None and default.school in (None, school):
            return default, school, ds.cluster
        return None, school, None
    if default is not None:
        return default, default.school, ds.cluster
    if len(own) == 1:
        [(only, account)] = own.items()
        return account, only, ds.members[only]
    return None, None, None


def payment_run(ds: Dataset, profile: Profile, month: str, kinds: tuple[str, ...] = PAYMENT_KINDS,
                as_of: date | None = None, school: str | None = None) -> PaymentRun:
    """The transfers of `month` for `kinds`: one per student and kind (a student's bus and car
    claims are one travel transfer, executed by the earlier deadline — paying early is allowed),
    each requested for its deadline, or for the first working day from `as_of` when the deadline
    has passed. Every payee without a valid IBAN is a problem; the run is refused when any is."""
    from stdnum import iban as iban_mod

    from cluster_cli.regulation.calendar import working_days
    from cluster_cli.regulation.rules.codes import iban_problem

    kinds = tuple(k for k in PAYMENT_KINDS if k in kinds)
    account, school, _ = payer_account(ds, school)
    account_problem = iban_problem(account.iban) if account is not None else None
    run = PaymentRun(month, kinds, account, account_problem, school)
    grouped: dict[tuple[str, str], list] = {}
    students: dict[str, Student] = {}
    for student, kind, amount, due, clause, paid_for in _due_amounts(ds, profile, month, kinds):
        if school is not None and student.school != school:
            run.others[student.school] = run.others.get(student.school, 0) + 1  # its school pays it
            continue
        grouped.setdefault((student.id, kind), []).append((amount, due, clause, paid_for))
        students[student.id] = student
    bad: dict[str, list[str]] = {}
    for (sid, kind), items in sorted(grouped.items(), key=lambda kv: (kinds.index(kv[0][1]), kv[0][0])):
        s = students[sid]
        problem = "missing" if not s.iban else iban_problem(s.iban)
        if problem is not None:
            bad.setdefault(sid, []).append(kind)
            continue
        due = min(d for _, d, _, _ in items)
        execution = due
        if as_of is not None and due < as_of:
            execution = working_days(as_of).on_or_after(as_of)
        run.transfers.append(Transfer(
            student=s, kind=kind, amount=sum((a for a, _, _, _ in items), ZERO), due=due, execution=execution,
            clauses=tuple(dict.fromkeys(c for _, _, c, _ in items)),
            months=tuple(sorted({m for _, _, _, m in items})),
            end_to_end_id=end_to_end_id(sid, kind, month),
            payee=s.account_owner or s.full_name, iban=iban_mod.compact(s.iban)))
    for sid in sorted(bad):
        s = students[sid]
        run.problems.append(AccountProblem(s, tuple(bad[sid]), "missing" if not s.iban else iban_problem(s.iban),
                                           s.iban or None))
    return run
