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
from cluster_cli.findings import Pii, mask


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
    payment list per curriculum)."""

    name: str
    title_key: str
    columns: list[tuple[str, str]]
    rows: list[dict[str, Any]] = field(default_factory=list)
    styles: dict[str, str] = field(default_factory=dict)  # field -> rich style for the terminal
    kinds: dict[str, str] = field(default_factory=dict)
    compact: tuple[str, ...] = ()
    totals: tuple[str, ...] = ()
    subtotals: str = ""


PROSE_COLUMNS = frozenset({"message", "reason", "note", "description", "name", "expected_results", "title"})


def cell(value: Any, show_pii: bool) -> Any:
    """A value as it goes into any table: personal data masked, dates ISO, money exact."""
    if isinstance(value, Pii):
        return str(value) if show_pii else mask(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}" if value.as_tuple().exponent >= -2 else str(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(cell(v, show_pii)) for v in value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "jah" if value else ""
    return value


def to_json(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, default=_json_default) + "\n"


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(type(value).__name__)


def print_views(console, views: list[View], lang: str, show_pii: bool, title: str = "") -> None:
    from rich.table import Table
    from rich.text import Text

    from cluster_cli.i18n import t

    if title:
        console.print(Text(title, style="bold"))
    for view in views:
        table = Table(title=t(view.title_key, lang), title_justify="left", title_style="bold", box=None,
                      header_style="bold", pad_edge=False)
        for key, header in view.columns:
            # Only prose wraps; codes, dates and numbers stay on one line.
            prose = key in PROSE_COLUMNS
            table.add_column(t(header, lang), overflow="fold", no_wrap=not prose, style=view.styles.get(key),
                             ratio=1 if prose else None)
        if not view.rows:
            console.print(Text(t(view.title_key, lang), style="bold"))
            console.print(Text("  " + t("ui.none", lang), style="dim"))
            console.print()
            continue
        for row in view.rows:
            table.add_row(*[str(cell(row.get(k), show_pii)) for k, _ in view.columns])
        console.print(table)
        console.print()
