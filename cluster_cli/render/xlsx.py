"""Views as an XLSX workbook for people: one sheet per view and a sheet with the run's parameters.

Each view's sheet has a title row (the report, its date, the data folder), a bold header that
stays in view (frozen) and carries an autofilter, columns as wide as their contents, typed cells
(dates as dates, money as numbers in a `€` format, shares as percentages, text as text that is
never a formula), totals rows below the data for the fields the view sums, and a print setup
(landscape, one page wide, the header repeated on every page).

The same views give the same bytes: no clock is read, document dates are the report's date and
the zip's member times are pinned.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from cluster_cli.i18n import date_text, t
from cluster_cli.i18n.words import SHEET
from cluster_cli.render.files import for_people, is_number, locale_of, plain
from cluster_cli.render.views import View, kind_of, split_sums

MONEY_FORMAT = '#,##0.00 "€"'
SHARE_FORMAT = "0.0%"
COUNT_FORMAT = "0"
TEXT_FORMAT = "@"
DATE_FORMATS = {"et": "dd.mm.yyyy", "en": "dd/mm/yyyy"}
PARAMETERS_SHEET = "parameters"
MIN_WIDTH, MAX_WIDTH = 8, 60


@dataclass
class Run:
    """What the parameters sheet tells about the run that made the file (no clock time: the same
    run gives the same bytes): the command, its options as given or defaulted (output paths left
    out), the data folder, the report's date and the tool's version."""

    command: str
    options: list[tuple[str, Any]] = field(default_factory=list)
    data: str = ""
    as_of: date | None = None
    version: str = ""

# The stamp of a report that holds on no date (the task catalogue): its sheets name no "as of"
# date, and the workbook's fixed creation moment keeps the file byte-identical run to run.
UNDATED = date(2000, 1, 1)


def sheet_name(view: str, lang: str) -> str:
    """A view's sheet as the user reads it ("võlgnevused"); a view without a word keeps its code.
    Excel allows 31 characters and none of []:*?/\\ in a sheet's name."""
    name = t(SHEET[view], lang) if view in SHEET else view
    return "".join(c for c in name if c not in "[]:*?/\\")[:31]


def xlsx_bytes(views: list[View], lang: str, show_pii: bool, stamp: date, title: str = "",
               run: Run | None = None) -> bytes:
    """One sheet per view, then the parameters sheet; reproducible for the same input."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for view in views:
        _sheet(wb.create_sheet(title=sheet_name(view.name, lang)), view, lang, show_pii, stamp, title, run)
    if run is not None:
        _parameters(wb.create_sheet(title=sheet_name(PARAMETERS_SHEET, lang)), run, lang)
    moment = datetime(stamp.year, stamp.month, stamp.day)
    wb.properties.created = moment
    wb.properties.modified = moment
    wb.properties.creator = "cluster_cli"
    if title:
        wb.properties.title = title
    buffer = io.BytesIO()
    wb.save(buffer)
    return pin_zip_times(buffer.getvalue(), moment)


def _sheet(ws, view: View, lang: str, show_pii: bool, stamp: date, title: str, run: Run | None) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter


    heading = " — ".join(x for x in (title, t(view.title_key, lang)) if x)
    data = run.data if run is not None else ""
    if stamp == UNDATED or date_text(stamp, lang) in heading:  # no date to name, or named already
        _text(ws.cell(row=1, column=1), t("output.xlsx.title-dated", lang, title=heading, data=data))
    else:
        _text(ws.cell(row=1, column=1), t("output.xlsx.title", lang, title=heading, date=stamp, data=data))
    ws.cell(row=1, column=1).font = Font(bold=True, size=12)
    widths = [len(t(h, lang)) for _, h in view.columns]
    for col, (_, header) in enumerate(view.columns, start=1):
        c = ws.cell(row=2, column=col)
        _text(c, t(header, lang))
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDDDDD")
    kinds = _column_kinds(view)
    for r, row in enumerate(view.rows, start=3):
        for col, (key, _) in enumerate(view.columns, start=1):
            shown = _put(ws.cell(row=r, column=col), row.get(key), kinds[key], show_pii, lang)
            widths[col - 1] = max(widths[col - 1], shown)
    last_data = 2 + len(view.rows)
    for offset, (label, values) in enumerate(totals_rows(view, lang), start=1):
        for col, (key, _) in enumerate(view.columns, start=1):
            c = ws.cell(row=last_data + offset, column=col)
            value = values.get(key, label if col == _label_column(view) else None)
            shown = _put(c, value, kinds[key] if key in values else "text", show_pii, lang)
            widths[col - 1] = max(widths[col - 1], shown)
            c.font = Font(bold=True)
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
    last_column = get_column_letter(max(len(view.columns), 1))
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:{last_column}{last_data}"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _column_kinds(view: View) -> dict[str, str]:
    return {key: kind_of(view, key) for key, _ in view.columns}


def _label_column(view: View) -> int:
    """Where a totals row says "Total": the first column that is not summed."""
    return next((i for i, (key, _) in enumerate(view.columns, start=1) if key not in view.totals), 1)


def totals_rows(view: View, lang: str) -> list[tuple[str, dict[str, Any]]]:
    """The rows below the data: with `view.subtotals`, one per value of that field (in the order
    first seen: "Total 204365"), then the total of all rows. Each is (label, {field: sum})."""

    if not view.totals:
        return []
    rows = []
    if view.subtotals:
        groups: dict[Any, list[dict]] = {}
        for row in view.rows:
            groups.setdefault(row.get(view.subtotals), []).append(row)
        if len(groups) > 1:
            for value, members in groups.items():
                sums = _sums(view, members)
                sums.pop(view.subtotals, None)
                rows.append((t("output.subtotal", lang, value=plain(value, False)), sums))
    total = _sums(view, view.rows)
    if total:
        rows.append((t("ui.total", lang), total))
    rows += [(t(label, lang), sums) for label, sums in split_sums(view, view.rows)]
    return rows


def _sums(view: View, rows: list[dict]) -> dict[str, Any]:
    sums = {}
    for key in (k for k in view.totals if k not in view.split):
        values = [row.get(key) for row in rows if is_number(row.get(key))]
        sums[key] = sum(values, Decimal(0) if any(isinstance(v, Decimal) for v in values) else 0)
    return sums


def _put(c, value: Any, kind: str, show_pii: bool, lang: str) -> int:
    """Write one typed cell; return how many characters it shows (for the column's width)."""
    from babel.numbers import format_decimal, format_percent

    if value is None:
        return 0
    if isinstance(value, bool):
        c.value = value
        return 6
    if isinstance(value, (date, datetime)):
        c.value = value
        c.number_format = DATE_FORMATS.get(lang, DATE_FORMATS["et"])
        return 10
    if is_number(value):
        c.value = value
        locale = locale_of(lang)
        if kind == "money":
            c.number_format = MONEY_FORMAT
            return len(format_decimal(value, format="#,##0.00", locale=locale)) + 2
        if kind == "share":
            c.number_format = SHARE_FORMAT
            return len(format_percent(value, format="0.0%", locale=locale))
        if kind == "count":
            c.number_format = COUNT_FORMAT
        return len(format_decimal(value, locale=locale))
    text = plain(for_people(value, lang), show_pii)
    _text(c, text)
    return max((len(line) for line in text.splitlines()), default=0)


def _text(c, text: str) -> None:
    """A text cell that is never a formula: openpyxl makes any str that starts with "=" a
    formula, so the type is set back to string (and the cell formatted as text)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    c.value = ILLEGAL_CHARACTERS_RE.sub("", text)
    c.data_type = "s"
    c.number_format = TEXT_FORMAT


def _parameters(ws, run: Run, lang: str) -> None:
    """The run's parameters: the command, each option and its value, the data folder, the date
    and the tool version."""
    from openpyxl.styles import Font


    rows: list[tuple[str, Any]] = [(t("output.param.command", lang), run.command)]
    rows += run.options
    rows += [(t("output.param.data", lang), run.data), (t("output.param.as-of", lang), run.as_of),
             (t("output.param.version", lang), run.version)]
    for col, key in enumerate(("ui.parameter", "ui.value"), start=1):
        _text(ws.cell(row=1, column=col), t(key, lang))
        ws.cell(row=1, column=col).font = Font(bold=True)
    widths = [len(t("ui.parameter", lang)), len(t("ui.value", lang))]
    for r, (name, value) in enumerate(rows, start=2):
        _text(ws.cell(row=r, column=1), name)
        widths[0] = max(widths[0], len(name))
        widths[1] = max(widths[1], _put(ws.cell(row=r, column=2), value, "text", False, lang))
    ws.column_dimensions["A"].width = min(max(widths[0] + 2, MIN_WIDTH), MAX_WIDTH)
    ws.column_dimensions["B"].width = min(max(widths[1] + 2, MIN_WIDTH), MAX_WIDTH)
    ws.freeze_panes = "A2"


def pin_zip_times(data: bytes, moment: datetime) -> bytes:
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
