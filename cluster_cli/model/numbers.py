"""Money and shares as Estonians write them — one parser for the profile and the data files.

Accepted besides YAML's own numbers (``65.00``, ``0.8``): the decimal comma (``65,00``, ``0,8``),
a space or no-break space between thousands (``1 234,56``), a trailing euro sign for money
(``65 €``, ``65,00€``) and a trailing per cent sign for shares (``80 %`` = ``80%`` = 0.80), and a
fraction for shares (``2/3``). Babel's `parse_decimal` with the Estonian locale reads the number
once its form is checked here (Babel alone would also take ``NaN``, ``1_000`` or other scripts'
digits).

A decimal comma inside a YAML flow mapping splits it: ``{cost: 2,60}`` reads as ``cost: 2`` and a
second key ``60`` without a value. `rejoin_split_numbers` puts such a pair back together as a
`SplitNumber`, which every parser here refuses with its own message (quote it or use a dot) —
better than guessing, since ``{cost: 2,60}`` might as well have been a typo for two fields.

Wrong forms raise `NumberError`; the pydantic types (`Money`) turn it into a validation error
whose type the loader's `shape_findings` maps to a catalogue reason.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Any

from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

# Digits with an optional sign, thousands grouped by a space or no-break space, and one decimal
# separator (comma or dot). ASCII digits only.
_NUMBER = re.compile(r"[-+]?(?:[0-9]{1,3}(?:[ \u00a0][0-9]{3})+|[0-9]+)(?:[.,][0-9]+)?", re.ASCII)
_PLAIN = re.compile(r"[-+]?[0-9]+(?:[.,][0-9]+)?", re.ASCII)  # what Decimal reads alike, comma aside
_FRACTION = re.compile(r"[0-9]+ */ *[1-9][0-9]*", re.ASCII)

MONEY = "money"
SHARE = "share"
NUMBER = "number"
SPLIT = "split"
SHARE_RANGE = "share-range"


class NumberError(ValueError):
    """`text` is not a number of the expected `kind` (money, share, number, split, share-range)."""

    def __init__(self, kind: str, text: str):
        super().__init__(f"{kind}: {text}")
        self.kind = kind
        self.text = text


class SplitNumber(str):
    """A number that a decimal comma split across two items of a YAML flow mapping (``2,60``)."""

    __slots__ = ()

    @property
    def dotted(self) -> str:
        return self.replace(",", ".", 1)


def _digit_key(key: Any) -> str | None:
    if isinstance(key, int) and not isinstance(key, bool) and key >= 0:
        return str(key)
    if isinstance(key, str) and key.isascii() and key.isdigit():
        return key  # YAML 1.2 reads "05" or "00" as text
    return None


def rejoin_split_numbers(data: Any) -> Any:
    """`{cost: 2, 60: None}` (from ``{cost: 2,60}``) → `{cost: SplitNumber("2,60")}`; any other
    value is returned as it is (the same object when nothing was split)."""
    if not isinstance(data, dict) or None not in data.values():
        return data
    out: dict = {}
    previous: Any = None
    for key, value in data.items():
        digits = _digit_key(key)
        if (value is None and digits is not None and previous is not None
                and isinstance(out[previous], int) and not isinstance(out[previous], bool)):
            out[previous] = SplitNumber(f"{out[previous]},{digits}")
            continue
        out[key] = value
        previous = key
    return out


def _decimal(text: str, kind: str) -> Decimal:
    from babel.numbers import NumberFormatError, parse_decimal

    if _PLAIN.fullmatch(text):  # the common case (and every amount from the cache): Babel reads it alike
        return Decimal(text.replace(",", ".", 1))
    if not _NUMBER.fullmatch(text):
        raise NumberError(kind, text)
    try:
        return parse_decimal(text, locale="et")
    except NumberFormatError:
        raise NumberError(kind, text) from None


def _plain(value: Any, kind: str) -> Decimal | None:
    """A YAML number as an exact Decimal; None when `value` is text."""
    if isinstance(value, SplitNumber):
        raise NumberError(SPLIT, str(value))
    if isinstance(value, bool) or value is None:
        raise NumberError(kind, str(value))
    if isinstance(value, (int, float, Decimal)):
        amount = Decimal(str(value))
        if not amount.is_finite():
            raise NumberError(kind, str(value))
        return amount
    if isinstance(value, str):
        return None
    raise NumberError(kind, str(value))


def parse_money(value: Any) -> Decimal:
    """An amount in euros: ``65``, ``65.00``, ``65,00``, ``"65 €"``, ``"1 234,50 €"``."""
    amount = _plain(value, MONEY)
    if amount is not None:
        return amount
    text = value.strip()
    if text.endswith("€"):
        text = text[:-1].rstrip()
    return _decimal(text, MONEY)


def parse_number(value: Any) -> Decimal:
    """A plain number (a ratio, a coefficient) with a decimal point or comma: ``0.6``, ``0,6``."""
    amount = _plain(value, NUMBER)
    return amount if amount is not None else _decimal(value.strip(), NUMBER)


def parse_share(value: Any) -> Fraction:
    """A share from 0 to 1: ``0.8``, ``0,8``, ``"80 %"``, ``80%``, ``2/3``."""
    amount = _plain(value, SHARE)
    if amount is not None:
        share = Fraction(amount)
    else:
        text = value.strip()
        if text.endswith("%"):
            share = Fraction(_decimal(text[:-1].rstrip(), SHARE)) / 100
        elif _FRACTION.fullmatch(text):
            share = Fraction(text.replace(" ", ""))
        else:
            share = Fraction(_decimal(text, SHARE))
    if not 0 <= share <= 1:
        raise NumberError(SHARE_RANGE, str(value))
    return share


def _money_field(value: Any) -> Any:
    """Pydantic's side of `parse_money`: YAML numbers go on unchanged (pydantic makes them
    Decimals exactly as before), text is read the Estonian way."""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return value
    if isinstance(value, bool):  # pydantic's lax mode would take `true` as 1
        raise PydanticCustomError("money_parsing", "an amount of money is expected, e.g. 2.60, 2,60 or 2,60 €")
    if not isinstance(value, str):
        return value  # pydantic refuses it with its own reason
    try:
        return parse_money(value)
    except NumberError as error:
        if error.kind == SPLIT:
            raise PydanticCustomError("number_split",
                                      "a decimal comma split a flow mapping: write \"{value}\" or {dotted}",
                                      {"value": str(value), "dotted": SplitNumber(value).dotted}) from None
        raise PydanticCustomError("money_parsing",
                                  "an amount of money is expected, e.g. 2.60, 2,60 or 2,60 €") from None


Money = Annotated[Decimal, BeforeValidator(_money_field)]
"""An amount of money in a data file (Decimal; decimal comma and a trailing € accepted)."""


def _no_bool_int(value: Any) -> Any:
    if isinstance(value, bool):  # `course: true`: pydantic's lax mode would read it as 1
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    if isinstance(value, SplitNumber):
        _number_text(value)  # refused: says the comma split a flow mapping
    return value


def _no_bool_number(value: Any) -> Any:
    """A number as YAML reads it, or as text the Estonian way (`"6,5"`, `6,5` in block style)."""
    if isinstance(value, bool):
        raise PydanticCustomError("decimal_type", "Decimal input should be an integer, float, string or Decimal object")
    if isinstance(value, str):
        return _number_text(value)
    return value


def _number_text(value: str, percent: bool = False) -> Decimal:
    if isinstance(value, SplitNumber):
        raise PydanticCustomError("number_split", "a decimal comma split a flow mapping: write \"{value}\" or {dotted}",
                                  {"value": str(value), "dotted": value.dotted})
    text = value.strip()
    if percent and text.endswith("%"):
        text = text[:-1].rstrip()
    try:
        return parse_number(text)
    except NumberError:
        raise PydanticCustomError("decimal_parsing", "a number is expected, e.g. 1.5 or 1,5") from None


def _percent(value: Any) -> Any:
    if isinstance(value, str):
        return _number_text(value, percent=True)
    return _no_bool_number(value)


Int = Annotated[int, BeforeValidator(_no_bool_int)]
"""A whole number in a data file: as pydantic's `int`, but `true`/`false` are refused (a finding
with file:line), not read as 1 and 0."""

Number = Annotated[Decimal, BeforeValidator(_no_bool_number)]
"""A number (EKAP, years, km) in a data file: as `Decimal`, but `true`/`false` are refused; text
with a decimal comma (`"6,5"`) is read the Estonian way."""

Percent = Annotated[Decimal, BeforeValidator(_percent)]
"""A percentage (0–100) in a data file: a `Number`, and `"10 %"` or `10%` reads as 10."""
