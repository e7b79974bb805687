"""Numbers inside sentences (messages, reasons, titles) as the user's language writes them, with
Babel: Estonian `79,5 %`, `2,62`, `1 380,50` (decimal comma, grouped thousands); English keeps
the forms its messages always had (`79.5 %`, `2.62`, `1380.50`). A table cell is formatted by
`render.table.format_value`; these are for numbers a sentence carries."""

from __future__ import annotations

import decimal
from decimal import Decimal
from fractions import Fraction
from typing import Any


def _exact(value: Any) -> Decimal:
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(str(value))


def number_text(value: Any, lang: str, places: int = 2) -> str:
    """`value` to `places` decimal places, half up ("—" when missing)."""
    if value is None:
        return "—"
    rounded = _exact(value).quantize(Decimal(1).scaleb(-places), decimal.ROUND_HALF_UP)
    if lang != "et":
        return f"{rounded:f}"
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * places if places else "")
    with decimal.localcontext(rounding=decimal.ROUND_HALF_UP):
        return format_decimal(rounded, pattern, locale="et")


def share_text(share: Any, lang: str) -> str:
    """A share of 1 in per cent to one place, half up: `79,5 %` / `79.5 %` ("—" when missing)."""
    if share is None:
        return "—"
    return number_text(_exact(share) * 100, lang, 1) + ("\u00a0%" if lang == "et" else " %")


def quantity_text(value: Any, lang: str, places: int = 2) -> str:
    """A quantity such as EKAP in a sentence: to `places` places at most, trailing zeros left out
    (Estonian `43`, `60,7`; English `43`, `60.7`; "—" when missing)."""
    if value is None:
        return "—"
    exact = _exact(value).quantize(Decimal(1).scaleb(-places), decimal.ROUND_HALF_UP)
    shown = exact.normalize() if exact != exact.to_integral_value() else exact.to_integral_value()
    return number_text(shown, lang, max(0, -shown.as_tuple().exponent))
