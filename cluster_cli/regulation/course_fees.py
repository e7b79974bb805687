"""What a learner of an adult course owes or gets back (Lisa 15 5.1, 5.5, 5.8, 5.9).

One function, `participant_fee`, used by the `courses` rule and the `cluster courses` report:

- a free or state-commissioned course (1.2.1, 5.2) costs the learner nothing, nor does a
  registration that was never taken into the group (3.5, 4.1);
- a course the organiser cancels refunds `course_cancel_refund_share` (100 %) of what was paid (5.8);
- a withdrawal notified at least `course_withdrawal_free_working_days` (7) working days before the
  start owes nothing (5.8); notified `course_withdrawal_partial_days` (3) or more calendar days
  before owes `course_withdrawal_partial_share` (75 %) (5.9: "3–6 days"); later — less than 48
  hours, the notice's hour is not kept, so the day before the start and two days before count as
  late — owes `course_withdrawal_late_share` (100 %), transferable to a later course (5.9).
  5.8 and 5.9 leave a gap (seven or more calendar days but fewer than seven working days, e.g. over
  a weekend): it is read as 5.9's partial band — 5.8's free band needs the full seven working days;
- an employer's discount (5.5) is taken off the fee before the share.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from cluster_cli.model.courses import Course, CourseParticipant
from cluster_cli.regulation.money import COURSE_FEE, ZERO, round_cents
from cluster_cli.regulation.profile import Profile


@dataclass(frozen=True)
class CourseFee:
    """A learner's fee: the list price, the employer's discount (percent), the share of the
    discounted fee owed, what is due and paid, and the balance (> 0 owes, < 0 gets back). `band`
    names the case: none (free course), not-enrolled, full, cancelled, free-withdrawal, partial,
    late."""

    fee: Decimal
    discount: Decimal
    share: Fraction
    due: Decimal
    paid: Decimal
    balance: Decimal
    band: str
    clause: str
    days_before: int | None = None
    transferable: bool = False


def discount_of(course: Course, p: CourseParticipant) -> Decimal:
    """The employer's discount in percent (5.5), 0 when none was granted."""
    return next((d.percent for d in course.discounts if p.employer and d.employer == p.employer), Decimal(0))


def participant_fee(course: Course, p: CourseParticipant, profile: Profile) -> CourseFee:
    """What `p` owes for `course` or gets back (see the module's docstring for the bands)."""
    paid = p.paid_amount if p.paid_amount is not None else ZERO
    if course.kind != "paid" or not course.fee:
        return CourseFee(ZERO, Decimal(0), Fraction(0), ZERO, paid, -paid, "none", "Lisa 15 5.2")
    start = course.start
    discount = discount_of(course, p)
    days = (start - p.withdrawn).days if p.withdrawn is not None else None
    transferable = False
    if course.cancellation is not None and course.cancellation.kind == "cancelled":
        share, band, clause = 1 - profile.value("course_cancel_refund_share", start), "cancelled", "Lisa 15 5.8"
    elif p.enrolled is None and p.withdrawn is None:
        share, band, clause = Fraction(0), "not-enrolled", "Lisa 15 3.5, 4.1"
    elif p.withdrawn is None or p.withdrawn > start:
        share, band, clause = Fraction(1), "full", "Lisa 15 5.1"
    elif _free_withdrawal(p.withdrawn, start, profile):
        share, band, clause = Fraction(0), "free-withdrawal", "Lisa 15 5.8"
    elif days >= profile.value("course_withdrawal_partial_days", start):
        share, band, clause = profile.value("course_withdrawal_partial_share", start), "partial", "Lisa 15 5.9"
    else:
        share, band, clause = profile.value("course_withdrawal_late_share", start), "late", "Lisa 15 5.9"
        transferable = True
    price = Fraction(course.fee) * (1 - Fraction(discount) / 100)
    due = round_cents(price * Fraction(share), COURSE_FEE)
    return CourseFee(course.fee, discount, Fraction(share), due, paid, due - paid, band, clause, days, transferable)


def _free_withdrawal(notified: date, start: date, profile: Profile) -> bool:
    from cluster_cli.regulation.calendar import working_days

    n = profile.value("course_withdrawal_free_working_days", start)
    return notified <= working_days(notified, start).back(start, n)
