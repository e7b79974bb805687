"""Dates as the user types them, on the command line or in a data file: `23.11.2026` (d.m.yyyy, as Estonians write
them, with or without leading zeros) or ISO `2026-11-23`.

Parsing is strict — a regular expression for each of the two forms and `date()` — because
Babel's `parse_date` is lenient: it takes `23.11.2026x`, `23/11/2026` and two-digit years. A
date that has the right form but does not exist (`31.11.2026`, `2026-02-30`) is told apart from
one that is malformed, so that the message can name the nearest date that exists.

Only the standard library at module level (the CLI starts fast); Babel formats the suggestion.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

ESTONIAN = re.compile(r"(?P<day>[0-9]{1,2})\.(?P<month>[0-9]{1,2})\.(?P<year>[0-9]{4})")
ISO = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})")
ESTONIAN_MONTH = re.compile(r"(?P<month>[0-9]{1,2})\.(?P<year>[0-9]{4})")
ISO_MONTH = re.compile(r"(?P<year>[0-9]{4})-(?P<month>[0-9]{2})")

# The pattern (Babel/CLDR syntax) a suggestion is written in when the user wrote d.m.yyyy.
ESTONIAN_PATTERN = "dd.MM.yyyy"


class DateFormError(ValueError):
    """The text has neither accepted form."""


@dataclass
class NoSuchDate(ValueError):
    """The text has an accepted form, but the calendar has no such day (or month).

    `nearest` is the closest date that exists: the month brought into 1–12, the day into the
    month's days (`31.11.2026` → 30.11.2026); `estonian` says which form the user wrote."""

    year: int
    month: int
    day: int
    nearest: date
    estonian: bool

    @property
    def days(self) -> int:
        """How many days the nearest month has."""
        return calendar.monthrange(self.nearest.year, self.nearest.month)[1]


def read_date(text: str) -> date:
    """The date `text` names, in either form; raises `DateFormError` or `NoSuchDate`."""
    value = text.strip()
    found = ESTONIAN.fullmatch(value)
    estonian = found is not None
    found = found or ISO.fullmatch(value)
    if found is None:
        raise DateFormError(text)
    year, month, day = (int(found.group(n)) for n in ("year", "month", "day"))
    try:
        return date(year, month, day)
    except ValueError:
        pass
    if year < 1:  # year 0000: nothing near it exists either
        raise DateFormError(text)
    near_month = min(max(month, 1), 12)
    near_day = min(max(day, 1), calendar.monthrange(year, near_month)[1])
    raise NoSuchDate(year, month, day, date(year, near_month, near_day), estonian)


def read_month(text: str) -> str:
    """The month id `YYYY-MM` that `text` names: `11.2026` (or `1.2027`) or `2026-11`;
    raises `DateFormError` when it has neither form or no month 1–12."""
    value = text.strip()
    found = ESTONIAN_MONTH.fullmatch(value) or ISO_MONTH.fullmatch(value)
    if found is None or not 1 <= int(found.group("month")) <= 12:
        raise DateFormError(text)
    return f"{found.group('year')}-{int(found.group('month')):02d}"


def written_as_user(day: date, estonian: bool, lang: str) -> str:
    """`day` in the form the user wrote: dd.MM.yyyy through Babel, else ISO."""
    if not estonian:
        return day.isoformat()
    from babel.dates import format_date

    return format_date(day, ESTONIAN_PATTERN, locale="et" if lang == "et" else "en")


def month_written_as_user(day: date, estonian: bool, lang: str) -> str:
    """The month of `day` in the form the user wrote (MM.yyyy or yyyy-MM), through Babel."""
    from babel.dates import format_date

    return format_date(day, "MM.yyyy" if estonian else "yyyy-MM", locale="et" if lang == "et" else "en")
