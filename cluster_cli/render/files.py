"""Views as files: what every file writer shares (a column's kind, a value as plain text, formula
neutralising) and the CSV writer in its two dialects. XLSX is in `render/xlsx.py`.

Files are for programs and for spreadsheets, so their cells do not follow the terminal's
formatting (`views.cell`): CSV for programs (`rfc4180`) keeps ISO dates and exact decimals with a
point; CSV for Estonian Excel (`excel`) has `;` between cells, UTF-8 with a BOM and a decimal
comma, so that a double-click opens it in columns with numbers that are numbers.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Iterable

from cluster_cli.findings import Pii, mask
from cluster_cli.render.views import View, kind_of

NUMERIC_KINDS = frozenset({"money", "number", "share", "count"})
# A spreadsheet reads a cell that starts with one of these as a formula (or, after a tab or a
# carriage return, may): "=HYPERLINK(...)" in a student's name must stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def locale_of(lang: str) -> str:
    """Babel's locale for a catalogue language (British English: day before month, as in Estonia)."""
    return "en_GB" if lang == "en" else "et"


def is_number(value: Any) -> bool:
    return isinstance(value, (Decimal, int, float)) and not isinstance(value, bool)


def plain(value: Any, show_pii: bool) -> str:
    """A value as text for programs: personal data masked, dates ISO, decimals exact with a point
    (money with two places), lists comma-separated, flags "jah" or empty."""
    if isinstance(value, Pii):
        return str(value) if show_pii else mask(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}" if value.as_tuple().exponent >= -2 else str(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(plain(v, show_pii) for v in value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "jah" if value else ""
    return str(value)


def for_people(value: Any, lang: str) -> Any:
    """A period id (`Period`) or a month (`Month`) as the language writes it (`2026-sügis`,
    `11.2026`), in a list too; any other value as it is — for the cells of CSV and XLSX, which
    show them as the tables do."""
    from cluster_cli.i18n import Month, Period, month_text, period_text

    if isinstance(value, Period):
        return period_text(value, lang)
    if isinstance(value, Month):
        return month_text(value, lang)
    if isinstance(value, (list, tuple)):
        return [for_people(v, lang) for v in value]
    return value


def neutralised(text: str) -> str:
    """Text that no spreadsheet runs as a formula: a leading apostrophe before = + - @ (tab, CR)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_cell(value: Any, kind: str, show_pii: bool, dialect: str, lang: str) -> str:
    """One CSV cell. Numbers stay numbers (a negative amount is not a formula); text is
    neutralised. In the `excel` dialect numbers get a decimal comma and shares a percent sign,
    through Babel with the Estonian locale (what Estonian Excel reads as a number), no grouping."""
    if is_number(value):
        if dialect != "excel" or isinstance(value, int):
            return plain(value, show_pii)
        from babel.numbers import format_decimal, format_percent

        exact = Decimal(str(value))
        if kind == "share":
            text = format_percent(exact, format="0.##########%", locale="et")
        else:
            places = max(2 if kind == "money" else 0, -exact.as_tuple().exponent)
            text = format_decimal(exact, format="0." + "0" * places if places else "0", locale="et")
        return text.replace("\u2212", "-")  # Excel reads the ASCII minus only
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return neutralised(plain(for_people(value, lang), show_pii))


def csv_bytes(view: View, lang: str, show_pii: bool, dialect: str = "rfc4180") -> bytes:
    """One view as CSV: `rfc4180` (comma, UTF-8, for programs) or `excel` (semicolon, UTF-8 with
    BOM, CRLF, decimal comma — Estonian Excel opens it directly)."""
    from cluster_cli.i18n import t

    kinds = {k: kind_of(view, k) for k, _ in view.columns}
    return csv_table([t(h, lang) for _, h in view.columns],
                     ([csv_cell(row.get(k), kinds[k], show_pii, dialect, lang) for k, _ in view.columns]
                      for row in view.rows), dialect)


def csv_table(headers: list[str], rows: Iterable[list[str]], dialect: str = "rfc4180") -> bytes:
    """A header and rows of cells already made (`csv_cell`) as CSV bytes in `dialect`: the one
    place that knows a dialect's separator, line ends and encoding (reports, `cluster export`)."""
    buffer = io.StringIO()
    if dialect == "excel":
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    else:
        writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([neutralised(h) for h in headers])
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig" if dialect == "excel" else "utf-8")
