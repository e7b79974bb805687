"""The dates and characters the tool can work with — checked where input enters (the CLI's
options, the loader's records), so that nothing below meets a value it cannot compute with.

Years 1900–2199: every deadline adds working days and a year of margin to a date
(`regulation.calendar`), a study year runs into the next calendar year, and Python's `date`
stops at 9999 — a date far outside the years a cluster keeps records for would overflow there.
The range is wide enough for any birth date or contract term, and the `holidays` package
computes Estonian public holidays for all of it.

Control characters cannot go into a document (a DOCX is XML, which forbids most of them) and
rewrite a terminal's screen; tab and newline are text.
"""

from __future__ import annotations

import re
from datetime import date

FIRST_YEAR = 1900
LAST_YEAR = 2199
FIRST_DATE = date(FIRST_YEAR, 1, 1)
LAST_DATE = date(LAST_YEAR, 12, 31)

# C0 controls except tab and newline, DEL, C1 controls, surrogates (from \ud800 escapes) and the
# noncharacters U+FDD0–U+FDEF, U+FFFE and U+FFFF.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def year_in_range(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def first_control(text: str) -> str | None:
    """The first control character in `text`, shown as U+XXXX; None when there is none.
    (`str.isprintable` is the fast test: almost every value is printable.)"""
    if text.isprintable():
        return None
    found = CONTROL.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def range_args() -> dict:
    """The range as message arguments (every `usage.*-range` message takes these)."""
    return {"first": FIRST_DATE, "last": LAST_DATE, "first_year": FIRST_YEAR,
            "second_year": FIRST_YEAR + 1, "before_last_year": LAST_YEAR - 1, "last_year": LAST_YEAR}
