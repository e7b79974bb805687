"""The terminal table engine: a report's views as lines of text that never cut a value.

A value that identifies or counts (every kind in `views.KINDS` but `text`) is never cut: its
column is at least as wide as its longest value. Text wraps at word boundaries (a list wraps
between its items). Columns are laid out for the given width; when even their narrowest layout
does not fit, each record is printed as a block of `header: value` lines (like `psql \\x`).

Cells are formatted for people with Babel in the UI language:

| kind            | et             | en            |
|-----------------|----------------|---------------|
| money           | `1 380,50 €`   | `€1,380.50`   |
| share           | `79,5 %`       | `79.5%`       |
| number          | `4,75`         | `4.75`        |
| count           | `12`, `10 200` | `12`, `10,200`|
| date            | `04.12.2026`   | `2026-12-04`  |
| period (`Period`) | `2026-sügis` | `2026-autumn` |

Money is Babel's currency format (exact: no cents are rounded away); shares Babel's percent
with one decimal place at most (Estonian puts a no-break space before `%`); dates Babel's
short pattern with the year in full (`dd.MM.y`) in Estonian — fixed width, so dates line up —
and ISO 8601 in English (unambiguous for readers of either convention);
a number keeps the decimal places it has (`4464.00` → `4464,00`); counts and numbers group
thousands from five digits on, so a year or a four-digit count stays
`2026`. Personal data stays masked unless asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any, Optional

from cluster_cli.findings import Pii, mask
from cluster_cli.i18n import Month, Period, month_text, period_text, t
from cluster_cli.render.views import KINDS, View, kind_of, split_sums  # noqa: F401 - kind_of: the tables' kinds

NEVER_CUT = frozenset(KINDS) - {"text"}
RIGHT = frozenset({"money", "number", "share", "count"})  # aligned on the right, as figures are
GAP = 2  # spaces between columns
LONG_WORD = 30  # a text word longer than this may be broken (a URL); shorter words never are


@dataclass(frozen=True)
class Line:
    """One line of output; `style` is "title", "header", "dim" or "" (plain)."""

    text: str
    style: str = ""


class UnknownColumns(ValueError):
    """`--columns` named a column no shown view has; `known` lists the names that would do."""

    def __init__(self, names: list[str], known: list[str]):
        super().__init__(", ".join(names))
        self.names = names
        self.known = known


# --- cells -----------------------------------------------------------------------------------


def format_value(value: Any, kind: str, lang: str, show_pii: bool = False) -> str:
    """A value as a table shows it to people (see the module's table of formats)."""
    from babel.dates import format_date, format_datetime
    from babel.numbers import format_currency, format_decimal, format_percent

    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(format_value(v, kind, lang, show_pii) for v in value)
    if isinstance(value, Pii):
        return str(value) if show_pii else mask(value)
    if isinstance(value, Period):
        return period_text(value, lang)
    if isinstance(value, Month):
        return month_text(value, lang)
    if isinstance(value, bool):
        return t("table.yes", lang) if value else ""
    if isinstance(value, datetime):
        return format_datetime(value, _date_pattern(lang) + " HH:mm", locale=lang) if lang == "et" \
            else value.isoformat(" ", "minutes")
    if isinstance(value, date):
        return format_date(value, _date_pattern(lang), locale=lang) if lang == "et" else value.isoformat()
    if not isinstance(value, (int, Decimal, float, Fraction)):
        return str(value)
    if kind == "money":
        return format_currency(Decimal(str(value)) if isinstance(value, float) else _decimal(value), "EUR",
                               locale=lang, decimal_quantization=False)
    if kind == "share":
        import decimal

        pattern = "#,##0.#\u00a0%" if lang == "et" else "#,##0.#%"
        with decimal.localcontext(rounding=decimal.ROUND_HALF_UP):  # as the messages round (98.05 → 98.1 %)
            return format_percent(_decimal(value), pattern, locale=lang)
    grouped = abs(value) >= 10000
    if isinstance(value, int):
        return format_decimal(value, "#,##0" if grouped else "0", locale=lang)
    number = _decimal(value)
    places = max(-number.as_tuple().exponent, 0) if isinstance(value, Decimal) else 0
    pattern = ("#,##0" if grouped else "0") + ("." + "0" * places if places else ".###")
    return format_decimal(number, pattern, locale=lang, decimal_quantization=False)  # as many places as it has


def _date_pattern(lang: str) -> str:
    """Babel's short date pattern with the year in full: `dd.MM.yy` → `dd.MM.y` (23.11.2026)."""
    from babel.dates import get_date_format

    return re.sub(r"y+", "y", get_date_format("short", locale=lang).pattern)


def _decimal(value) -> Decimal:
    if isinstance(value, Fraction):
        return Decimal(value.numerator) / Decimal(value.denominator)
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _words(text: str) -> list[str]:
    """Words split at ordinary spaces only: the no-break spaces inside `1 380,50 €`, `79,5 %` or a
    date keep a number, amount or date in one piece (`str.split()` would split at them, too)."""
    return [word for word in re.split(r"[ \t\r\n]+", text) if word]


def _tokens(text: str, kind: str, is_list: bool) -> list[str]:
    """The unbreakable pieces of a cell: words of text, else the items of a list ("6.2.3, Lisa 7
    8.2" is two clauses; no value of a never-cut kind has ", " inside it), else the whole value."""
    if not text:
        return []
    if kind == "text":
        return _words(text)
    if is_list or ", " in text:
        items = text.split(", ")
        return [item + "," for item in items[:-1]] + items[-1:]
    return [text]


def _wrap(tokens: list[str], width: int, breakable: bool) -> list[str]:
    """Greedy wrap of tokens joined by spaces; a token longer than the width is broken only when
    `breakable` (a long word of text), else it stays whole and overflows."""
    lines: list[str] = []
    current = ""
    for token in tokens:
        while breakable and len(token) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(token[:width])
            token = token[width:]
        if not current:
            current = token
        elif len(current) + 1 + len(token) <= width:
            current += " " + token
        else:
            lines.append(current)
            current = token
    if current or not lines:
        lines.append(current)
    return lines


# --- choosing columns ------------------------------------------------------------------------


def chosen_columns(view: View, lang: str, wide: bool = False, names: Optional[list[str]] = None) -> list:
    """The (field, header key) pairs shown: `names` (fields or header words, in their order; a view
    with none of them keeps its default set), else all with `wide`, else the compact set."""
    if names:
        picked = []
        for name in names:
            match = _match(view, name, lang)
            if match is not None and match not in picked:
                picked.append(match)
        if picked:
            return picked
    if wide or not view.compact:
        return list(view.columns)
    return [c for c in view.columns if c[0] in view.compact] or list(view.columns)


def _match(view: View, name: str, lang: str):
    wanted = name.strip().casefold()
    for key, header in view.columns:
        if wanted in (key.casefold(), t(header, lang).casefold()):
            return key, header
    return None


def check_columns(views: list[View], lang: str, names: list[str]) -> None:
    """Raise `UnknownColumns` for a name that no view has (as a field or a header)."""
    unknown = [n for n in names if all(_match(v, n, lang) is None for v in views)]
    if unknown:
        known = list(dict.fromkeys(key for v in views for key, _ in v.columns))
        raise UnknownColumns(unknown, known)


# --- layout ----------------------------------------------------------------------------------


@dataclass
class _Column:
    key: str
    header: str
    kind: str
    cells: list[tuple[str, bool]]  # (text, is a list)

    def header_tokens(self) -> list[str]:
        return _words(self.header)

    def tokens(self, i: int) -> list[str]:
        text, is_list = self.cells[i]
        return _tokens(text, self.kind, is_list)

    def wraps(self) -> bool:
        """Some cell spans more than one token (a list of clauses): it may wrap between them."""
        return any(len(self.tokens(i)) > 1 for i in range(len(self.cells)))

    def natural(self) -> int:
        return max([len(self.header)] + [len(text) for text, _ in self.cells])

    def minimum(self) -> int:
        words = [len(w) for w in self.header_tokens()]
        for i in range(len(self.cells)):
            lengths = [len(tok) for tok in self.tokens(i)]
            if self.kind == "text":
                lengths = [min(n, LONG_WORD) for n in lengths]
            words.extend(lengths)
        return max(words + [1])


def _fit(columns: list[_Column], width: int) -> Optional[list[int]]:
    """Widths within `width`, or None when the minimums alone do not fit. Values that identify or
    count keep their natural width when the columns that wrap (text, lists) can still have their
    minimum; those share the rest (water-filling between each column's minimum and natural width)."""
    available = width - GAP * (len(columns) - 1)
    lows = [c.minimum() for c in columns]
    highs = [max(c.natural(), low) for c, low in zip(columns, lows)]
    if sum(lows) > available:
        return None
    if sum(highs) <= available:
        return highs
    text = [i for i, c in enumerate(columns) if c.kind == "text" or c.wraps()]
    fixed = [i for i in range(len(columns)) if i not in text]
    if text and sum(highs[i] for i in fixed) + sum(lows[i] for i in text) <= available:
        widths = list(highs)
        shared = _share([lows[i] for i in text], [highs[i] for i in text],
                        available - sum(highs[i] for i in fixed))
        for i, w in zip(text, shared):
            widths[i] = w
        return widths
    return _share(lows, highs, available)


def _share(lows: list[int], highs: list[int], available: int) -> list[int]:
    """Water-filling: the highest level L with sum(clamp(L, low, high)) within `available`, the
    spare columns given one by one."""
    level = 0
    while sum(min(max(level + 1, lo), hi) for lo, hi in zip(lows, highs)) <= available and level < max(highs):
        level += 1
    widths = [min(max(level, lo), hi) for lo, hi in zip(lows, highs)]
    spare = available - sum(widths)
    for i, (w, hi) in enumerate(zip(widths, highs)):
        if spare and w < hi:
            widths[i] += 1
            spare -= 1
    return widths


def _pad(text: str, width: int, kind: str) -> str:
    return text.rjust(width) if kind in RIGHT else text.ljust(width)


def _table_lines(columns: list[_Column], widths: list[int], totals: Optional[list[list[str]]]) -> list[Line]:
    out: list[Line] = []

    def emit(cells: list[list[str]], style: str) -> None:
        height = max(len(c) for c in cells)
        for j in range(height):
            parts = [_pad(c[j] if j < len(c) else "", w, col.kind) for c, w, col in zip(cells, widths, columns)]
            out.append(Line((" " * GAP).join(parts).rstrip(), style))

    emit([_wrap(c.header_tokens(), w, True) for c, w in zip(columns, widths)], "header")
    for i in range(len(columns[0].cells)):
        emit([_wrap(c.tokens(i), w, c.kind == "text") for c, w in zip(columns, widths)], "")
    for row in totals or []:
        emit([[text] for text in row], "header")
    return out


def _block_lines(columns: list[_Column], width: int, totals: Optional[list[list[str]]]) -> list[Line]:
    """One record per block: `header: value` lines, a blank line between records."""
    label = max(len(c.header) for c in columns) + 1
    room = max(width - label - 1, 10)
    out: list[Line] = []
    records = [[(c, c.tokens(i)) for c in columns] for i in range(len(columns[0].cells))]
    for row in totals or []:
        records.append([(c, [text] if text else []) for c, text in zip(columns, row)])
    for n, record in enumerate(records):
        if n:
            out.append(Line(""))
        for column, tokens in record:
            lines = _wrap(tokens, room, column.kind == "text")
            out.append(Line(f"{column.header + ':':<{label}} {lines[0]}".rstrip()))
            out.extend(Line(" " * (label + 1) + more) for more in lines[1:])
    return out


def _totals(view: View, chosen: list, kinds: dict[str, str], lang: str) -> Optional[list[list[str]]]:
    """The totals rows' cells: the sums of `view.totals` shown, "Total" in the first other column;
    a `view.split` field has no sum there but a row of its own for what to collect and to refund."""
    keys = [key for key, _ in chosen]
    if not any(key in view.totals for key in keys) or not view.rows:
        return None
    label_at = next((i for i, key in enumerate(keys) if key not in view.totals), 0)
    summed = [key for key in keys if key in view.totals and key not in view.split]
    rows: list[tuple[str, dict[str, Any]]] = []
    if summed:
        sums = {}
        for key in summed:
            values = [r.get(key) for r in view.rows if isinstance(r.get(key), (int, Decimal, Fraction, float))]
            sums[key] = sum(values, Decimal(0) if any(isinstance(v, Decimal) for v in values) else 0)
        rows.append(("ui.total", sums))
    rows += [(label, {k: v for k, v in sums.items() if k in keys}) for label, sums in split_sums(view, view.rows)]
    rows = [(label, sums) for label, sums in rows if sums]
    return [[format_value(sums[key], kinds[key], lang) if key in sums else (t(label, lang) if i == label_at else "")
             for i, key in enumerate(keys)] for label, sums in rows] or None


def _header(text: str, kind: str) -> str:
    """A money column's cells carry the euro sign in a table, so its header need not ("Summa €"
    stays whole in CSV and XLSX, where the cells are plain numbers)."""
    return text.removesuffix(" €") if kind == "money" else text


def view_lines(view: View, lang: str, show_pii: bool, width: int, wide: bool = False,
               names: Optional[list[str]] = None) -> list[Line]:
    """One view: its title, then its table — or its records as blocks when the table cannot fit."""
    out = _title(t(view.title_key, lang), width)
    if not view.rows:
        return out + [Line("  " + t("ui.none", lang), "dim")]
    chosen = chosen_columns(view, lang, wide, names)
    kinds = {key: kind_of(view, key) for key, _ in chosen}
    columns = [
        _Column(key, _header(t(header, lang), kinds[key]), kinds[key],
                [(format_value(row.get(key), kinds[key], lang, show_pii), isinstance(row.get(key), (list, tuple)))
                 for row in view.rows])
        for key, header in chosen
    ]
    totals = _totals(view, chosen, kinds, lang)
    for row in totals or []:  # the totals rows take part in the widths, as a record would
        for column, text in zip(columns, row):
            column.cells.append((text, False))
    widths = _fit(columns, width)
    for _ in totals or []:
        for column in columns:
            column.cells.pop()
    lines = _block_lines(columns, width, totals) if widths is None else _table_lines(columns, widths, totals)
    return out + lines + _hidden_lines(view, chosen, lang, width)


# The columns that say why (a note, a reason): where a compact table leaves them out, it says so.
WHY_COLUMNS = ("note", "notes", "reason", "reasons")


def _hidden_lines(view: View, chosen: list, lang: str, width: int) -> list[Line]:
    """Under a compact table that leaves out a column saying why (`WHY_COLUMNS`) with something
    in it: where to see it, so that "ei hüvitata" or "kohta pole" does not read as all there is."""
    shown = {key for key, _ in chosen}
    hidden = [t(header, lang) for key, header in view.columns if key in WHY_COLUMNS and key not in shown
              and any(row.get(key) not in (None, "", [], ()) for row in view.rows)]
    if not hidden:
        return []
    text = t("ui.more-columns", lang, columns=", ".join(hidden))
    return [Line(line, "dim") for line in _wrap(_words(text), width, True)]


def report_lines(views: list[View], lang: str, show_pii: bool, width: int, wide: bool = False,
                 names: Optional[list[str]] = None, title: str = "") -> list[Line]:
    """Every view of a report, each followed by a blank line, under the report's title."""
    if names:
        check_columns(views, lang, names)
    out = _title(title, width) if title else []
    for view in views:
        out += view_lines(view, lang, show_pii, width, wide, names)
        out.append(Line(""))
    return out


def _title(text: str, width: int) -> list[Line]:
    return [Line(line, "title") for line in _wrap(_words(text), width, True)]


def plain_text(lines: list[Line]) -> str:
    """The lines as plain text (for a pipe or a file): no styles, no trailing spaces."""
    return "".join(line.text.rstrip() + "\n" for line in lines)


_ANSI = {"title": "\x1b[1m", "header": "\x1b[1m", "dim": "\x1b[2m"}


def styled_text(lines: list[Line]) -> str:
    """The lines for a terminal: titles and headers bold (ANSI; `less -R` keeps them)."""
    return "".join(_ANSI[line.style] + line.text + "\x1b[0m\n" if line.style and line.text
                   else line.text.rstrip() + "\n" for line in lines)


def columns_option(value: Optional[str]) -> Optional[list[str]]:
    """`--columns a,b,c` as a list of names (None when not given or empty)."""
    if not value:
        return None
    names = [n.strip() for n in re.split(r",", value) if n.strip()]
    return names or None
