"""Reports are rows; formats are serialisers. A `View` is one table of a report (one CSV file,
one XLSX sheet, one table on the terminal). JSON is the report's own nested document.

Every writer is deterministic: the same rows give the same bytes (XLSX included — its zip
timestamps and document dates are pinned).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
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
    totals row."""

    name: str
    title_key: str
    columns: list[tuple[str, str]]
    rows: list[dict[str, Any]] = field(default_factory=list)
    styles: dict[str, str] = field(default_factory=dict)  # field -> rich style for the terminal
    kinds: dict[str, str] = field(default_factory=dict)
    compact: tuple[str, ...] = ()
    totals: tuple[str, ...] = ()


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


def to_csv(view: View, lang: str, show_pii: bool) -> str:
    from cluster_cli.i18n import t

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([t(h, lang) for _, h in view.columns])
    for row in view.rows:
        writer.writerow([cell(row.get(k), show_pii) for k, _ in view.columns])
    return buffer.getvalue()


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


def write_xlsx(path: Path, views: list[View], lang: str, show_pii: bool, stamp: date) -> None:
    write_atomic(path, xlsx_bytes(views, lang, show_pii, stamp))


def xlsx_bytes(views: list[View], lang: str, show_pii: bool, stamp: date) -> bytes:
    """One sheet per view; document dates set to `stamp` so the file is reproducible."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from cluster_cli.i18n import t

    wb = Workbook()
    wb.remove(wb.active)
    for view in views:
        ws = wb.create_sheet(title=view.name[:31])
        ws.append([t(h, lang) for _, h in view.columns])
        for c in ws[1]:
            c.font = Font(bold=True)
        for row in view.rows:
            ws.append([_xlsx_cell(row.get(k), show_pii) for k, _ in view.columns])
        for i, (key, header) in enumerate(view.columns, start=1):
            width = max([len(t(header, lang))] + [len(str(cell(r.get(key), show_pii))) for r in view.rows[:200]])
            ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(max(width + 2, 8), 60)
        ws.freeze_panes = "A2"
    moment = datetime(stamp.year, stamp.month, stamp.day)
    wb.properties.created = moment
    wb.properties.modified = moment
    wb.properties.creator = "cluster_cli"
    buffer = io.BytesIO()
    wb.save(buffer)
    return _pin_zip_times(buffer.getvalue(), moment)


def _xlsx_cell(value: Any, show_pii: bool) -> Any:
    """Numbers and dates stay typed in the sheet (openpyxl writes Decimal exactly)."""
    if isinstance(value, (Decimal, date, int, float)) and not isinstance(value, bool):
        return value
    return cell(value, show_pii)


def _pin_zip_times(data: bytes, moment: datetime) -> bytes:
    """Rewrite a zip with fixed member timestamps (zip stores the wall clock otherwise), and the
    document's "modified" property, which openpyxl sets to the clock when saving."""
    import re
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            pinned = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            pinned.compress_type = zipfile.ZIP_DEFLATED
            pinned.external_attr = info.external_attr
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 rb"\g<1>" + moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>", content)
            dst.writestr(pinned, content)
    return out.getvalue()
