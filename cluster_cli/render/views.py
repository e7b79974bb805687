"""Reports are rows; formats are serialisers. A `View` is one table of a report (one CSV file,
one XLSX sheet, one table on the terminal). JSON is the report's own nested document.

Every writer is deterministic: the same rows give the same bytes (XLSX included — its zip
timestamps and document dates are pinned).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from cluster_cli.files import write_atomic  # noqa: F401 - re-exported for the report writers
from cluster_cli.findings import Pii
from cluster_cli.i18n import N_


KINDS = ("id", "code", "date", "money", "number", "share", "count", "email", "phone", "flag", "text")
"""What a column holds, which decides how it is shown: every kind but `text` identifies or counts
and is never cut in a table (text wraps at word boundaries); `money`, `share` and `number` are
formatted for the user's language in tables and typed in XLSX."""


@dataclass
class View:
    """A named table. `columns` are (field, header catalogue key) — the full set, for `--wide`,
    CSV and XLSX; `rows` are dicts of typed values (dates, `Decimal`, shares as fractions of 1).

    `kinds` names a column's kind (see `KINDS`) where the values' types do not say it (money is a
    `Decimal` like any number); `compact` is the default column set on a terminal (who, the key
    figures, what decided it — fits 80 columns; empty: all); `totals` are the fields summed in a
    totals row; `subtotals` a field whose values each get a totals row of their own in XLSX (the
    payment list per curriculum); `split` are fields of `totals` whose values carry a sign (owed > 0,
    given back < 0): they are never summed into one figure but shown as two totals rows, what is
    still to collect and what is to refund, each a positive amount."""

    name: str
    title_key: str
    columns: list[tuple[str, str]]
    rows: list[dict[str, Any]] = field(default_factory=list)
    styles: dict[str, str] = field(default_factory=dict)  # field -> rich style for the terminal
    kinds: dict[str, str] = field(default_factory=dict)
    compact: tuple[str, ...] = ()
    totals: tuple[str, ...] = ()
    subtotals: str = ""
    split: tuple[str, ...] = ()


def split_sums(view: View, rows: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """For `view.split`: the ("to collect", {field: sum of positives}) and ("to refund", {field: sum
    of the negatives, as a positive amount}) rows, labels as catalogue keys."""
    if not view.split:
        return []
    collect: dict[str, Any] = {}
    refund: dict[str, Any] = {}
    for key in view.split:
        values = [r.get(key) for r in rows if isinstance(r.get(key), (int, Decimal))]
        collect[key] = sum((v for v in values if v > 0), Decimal(0))
        refund[key] = -sum((v for v in values if v < 0), Decimal(0))
    return [(N_("ui.total.collect"), collect), (N_("ui.total.refund"), refund)]


PROSE_COLUMNS = frozenset({"message", "reason", "note", "description", "name", "expected_results", "title"})


def kind_of(view: View, key: str) -> str:
    """A column's kind (see `KINDS`): as the view names it, else inferred from its first value —
    the one inference the tables, CSV and XLSX share."""
    from fractions import Fraction

    if key in view.kinds:
        return view.kinds[key]
    for row in view.rows:
        value = row.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, (list, tuple)):
            value = next((v for v in value if v is not None), "")
        if isinstance(value, bool):
            return "flag"
        if isinstance(value, (date, datetime)):
            return "date"
        if isinstance(value, Pii):
            return "code"
        if isinstance(value, int):
            return "count"
        if isinstance(value, (Decimal, float, Fraction)):
            return "number"
        return "text" if key in PROSE_COLUMNS or _prose(view, key) else "id"
    return "text" if key in PROSE_COLUMNS else "id"


def _prose(view: View, key: str) -> bool:
    """An undeclared column of words, not of ids: some value has more than three words and is
    longer than an id would be (a phone number or a decision number stays whole)."""
    return any(isinstance(r.get(key), str) and len(r[key]) > 24 and len(r[key].split()) > 3 for r in view.rows)


def to_json(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, default=_json_default) + "\n"


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(type(value).__name__)


def print_views(console, views: list[View], lang: str, show_pii: bool, title: str = "", wide: bool = False,
                columns: list[str] | None = None) -> None:
    """The views as tables on a rich console, laid out for its width by `render.table` (nothing
    cut; records as blocks when a table cannot fit)."""
    from rich.text import Text

    from cluster_cli.render.table import report_lines

    styles = {"title": "bold", "header": "bold", "dim": "dim"}
    for line in report_lines(views, lang, show_pii, console.width, wide, columns, title):
        console.print(Text(line.text.rstrip(), style=styles.get(line.style, "")), soft_wrap=True)
