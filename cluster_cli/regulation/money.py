"""Money in computations: `Decimal` euros with cents, and each rounding with the clause that
decides its direction.

- A share of a fund is rounded **down** to the cent, so that no more is ever promised than the
  fund holds; every cent not paid stays in the fund as leftover (Lisa 11 II.1, VI.1; Lisa 12
  1.4).
- A product of a rate and a quantity (0.06 €/km × km, Lisa 13 3.1; 50 % of an allowance,
  Lisa 12 5.2) is rounded **half up** to the cent.
- An amount as written in a data file or the profile is taken to the cent as it stands.

Formatting money for people belongs to `render`, not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Rounding:
    """A rounding rule: the `decimal` rounding mode, the step (a cent unless told), and the
    clause that says so."""

    mode: str
    clause: str
    step: Decimal = CENT


FUND_SHARE = Rounding(ROUND_DOWN, "Lisa 11 II.1, VI.1; Lisa 12 1.4")
"""A share of a fund, down to the cent: no more is promised than the fund holds."""

RATE_TIMES_QUANTITY = Rounding(ROUND_HALF_UP, "Lisa 13 3.1; Lisa 12 5.2")
"""A rate times a quantity (€/km × km, a share of an allowance), half up to the cent."""

AS_WRITTEN = Rounding(ROUND_HALF_EVEN, "")
"""An amount written in a data file, to the cent as `Decimal.quantize` takes it."""

WHOLE_DOWN = Rounding(ROUND_DOWN, "Lisa 7 1.4.3", Decimal(1))
"""Hours of a joint placement shared between hosts: whole hours, rounded down (the remainder
goes to the last host so that they add up)."""

EKAP_TENTH = Rounding(ROUND_HALF_EVEN, "6.3.1", Decimal("0.1"))
"""A year's part of a module that runs through the whole curriculum, to a tenth of an EKAP."""

COURSE_FEE = Rounding(ROUND_HALF_UP, "Lisa 15 5.5, 5.9")
"""An adult course's fee less a discount or times a share, half up to the cent."""


def round_to(value: Decimal | Fraction | int, rule: Rounding) -> Decimal:
    """`value` rounded to the rule's step in the rule's direction; a `Fraction` is divided out
    as a `Decimal` first."""
    if not isinstance(value, Decimal):
        value = Fraction(value)
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return value.quantize(rule.step, rounding=rule.mode)


def round_cents(value: Decimal | Fraction | int, rule: Rounding) -> Decimal:
    """`value` in euros rounded to the cent by `rule` (one of the cent rules above)."""
    return round_to(value, rule)


def money(value: Any) -> Decimal:
    """An amount as written (a number, `Decimal` or text of one) to the cent."""
    return round_to(Decimal(str(value)), AS_WRITTEN)


def with_cents(amount: Decimal) -> Decimal:
    """`amount` written with at least two decimals (65 → 65.00); never rounds (0.125 stays)."""
    return amount.quantize(CENT) if amount.as_tuple().exponent > -2 else amount
