"""`cluster export`: the folder's records as a sheet in the columns of the cluster's own mapping
(`cluster_cli/mappings/cluster-<kind>.yaml`), the columns `cluster import` reads back — so that
export → edit in Excel → import changes exactly what was edited.

A mapping names, for each header of the sheet, the field of the data it holds (dotted for a
nested field: `guardian.name`; a number for an item of a list: `hosts.0.member`), and `values`
translates a field's values between the sheet and the data (`jah` ↔ true). Export writes the
headers in the mapping's order and each value as the sheet shows it: `values` read backwards,
a list of ids joined with ", ", dates as dates, numbers as numbers, ids and codes as text.
The mappings are read by the import's loader (`load/mappings.py`): one format, one reader.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from cluster_cli.findings import Pii, mask
from cluster_cli.load.mappings import IMPORT_KINDS, Mapping, builtin_mapping
from cluster_cli.render.files import csv_cell, csv_table

EXPORT_KINDS = IMPORT_KINDS
"""What `cluster export` writes, each in the columns of `cluster-<kind>.yaml`."""
FILTERED_KINDS = frozenset({"students", "grades", "attendance", "placements"})
"""The kinds whose records belong to a student, so that `--group` and `--school` choose them."""
PII_FIELDS = frozenset({"personal_code", "iban", "guardian.personal_code"})
"""Fields that are personal data (isikukood, bank account): written only with `--show-pii`."""
LIST_SEPARATOR = ", "
DATE_FORMAT = "dd.mm.yyyy"
TEXT_FORMAT = "@"
NUMBER_FORMAT = "0"
EXPORT_MOMENT = datetime(2000, 1, 1)
"""The document date of every exported workbook: an export is the data, not the day it was made,
so the same folder gives the same bytes on any day."""
MIN_WIDTH, MAX_WIDTH = 8, 50


@dataclass
class ExportTable:
    """The records of one kind as the sheet's rows: `headers` and `fields` in the mapping's
    order, `rows` of typed cells (text, `date`, numbers, `Pii`). `pii_records` counts the
    records with personal data in them; `hosts_left_out` names the placements whose hosts did
    not all fit the sheet's host columns."""

    kind: str
    name: str
    headers: list[str]
    fields: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    pii_records: int = 0
    hosts_left_out: list[str] = field(default_factory=list)


def export_table(dataset, kind: str, group: str | None = None, school: str | None = None) -> ExportTable:
    """The folder's records of `kind` in the cluster mapping's columns, in the folder's order;
    students (and what belongs to them) of `group` and/or `school` only, when given."""
    mapping = builtin_mapping(f"cluster-{kind}")
    headers = list(mapping.columns)
    fields = [mapping.columns[h] for h in headers]
    table = ExportTable(kind, mapping.name, headers, fields)
    host_columns = {int(f.split(".")[1]) for f in fields if f.startswith("hosts.")}
    for record in _records(dataset, kind, group, school):
        row = [_cell(_value(record, f), f, mapping) for f in fields]
        if any(isinstance(c, Pii) for c in row):
            table.pii_records += 1
        table.rows.append(row)
        if kind == "placements" and len(record.hosts) > len(host_columns):
            table.hosts_left_out.append(record.id)
    return table


@dataclass(frozen=True)
class _GradeRow:
    """A grade (or an attendance entry) with the id of its student, as the sheet has it."""

    student: str
    item: Any

    def __getattr__(self, name: str) -> Any:
        return getattr(self.item, name)


def _records(dataset, kind: str, group: str | None, school: str | None):
    def chosen(student) -> bool:
        return (group is None or student.group == group) and (school is None or student.school == school)

    students = [s for s in dataset.records.get("students", []) if chosen(s)]
    if kind == "students":
        return students
    if kind == "grades":
        return [_GradeRow(s.id, g) for s in students for g in s.grades]
    if kind == "attendance":
        return [_GradeRow(s.id, a) for s in students for a in s.attendance]
    if kind == "placements":
        known = {s.id for s in students}
        everyone = group is None and school is None
        return [p for p in dataset.records.get("placements", []) if everyone or p.student in known]
    return list(dataset.records.get(kind, []))


def field_type(kind: str, path: str) -> type:
    """The type a field of the data model holds (`date`, `int`, `Decimal`, `bool` or `str`), so
    that a column whose cells are all empty is still formatted for what will be typed in it."""
    import types
    import typing

    from cluster_cli.model.records import Attendance, Grade, Member, Student
    from cluster_cli.model.placements import Placement

    model: Any = {"students": Student, "grades": Grade, "attendance": Attendance, "members": Member,
                  "placements": Placement}[kind]
    annotation: Any = model
    for step in path.split("."):
        if step.isdigit():
            continue
        fields = getattr(annotation, "model_fields", {})
        if step not in fields:
            return str  # the student's id of a grade row
        annotation = fields[step].annotation
        while True:  # Optional[X], list[X], Annotated[X, …] → X
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            origin = typing.get_origin(annotation)
            if origin in (typing.Union, types.UnionType, list, typing.Annotated) and args:
                annotation = args[0]
            else:
                break
    return annotation if annotation in (date, int, Decimal, bool) else str


def _value(record: Any, path: str) -> Any:
    """The value at a dotted path (`guardian.name`, `hosts.0.member`); None where it stops."""
    node = record
    for step in path.split("."):
        if node is None:
            return None
        if step.isdigit():
            node = node[int(step)] if isinstance(node, list) and int(step) < len(node) else None
        else:
            node = getattr(node, step, None)
    return node


def _cell(value: Any, path: str, mapping: Mapping) -> Any:
    if value is None:
        return None
    word = mapping.word_for(path, value)
    if word is not value:
        return str(word)
    if isinstance(value, bool):
        return "jah" if value else "ei"
    if isinstance(value, list) and any(hasattr(type(v), "model_fields") for v in value):
        return "jah"  # records in a flag's column (`individual_curriculum: [{…}]`): the flag is set
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if path in PII_FIELDS:
        return Pii(value)
    if isinstance(value, (date, int, Decimal)):
        return value
    return str(value)


# --- files ------------------------------------------------------------------------------------


def export_csv(table: ExportTable, show_pii: bool, dialect: str = "rfc4180") -> bytes:
    """The table as CSV through the project's CSV writer (`render/files.py`): `rfc4180` for
    programs, `excel` (`;`, UTF-8 with BOM, decimal comma) for Estonian Excel; text that a
    spreadsheet would run as a formula is neutralised, personal data masked unless shown."""
    rows = ([csv_cell(v, "number", show_pii, dialect, "et") for v in row] for row in table.rows)
    return csv_table(table.headers, rows, dialect)


def export_xlsx(table: ExportTable, show_pii: bool) -> bytes:
    """The table as one sheet: the header on row 1 (bold, frozen, with an autofilter), ids and
    codes as text cells (Excel keeps their leading zeros; a new cell typed in the column is text
    too), dates as dates shown dd.mm.yyyy, numbers as numbers. Same table, same bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from cluster_cli.render.xlsx import pin_zip_times

    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_title(table.name or table.kind)
    widths = [len(h) for h in table.headers]
    for col, header in enumerate(table.headers, start=1):
        c = ws.cell(row=1, column=col)
        _text(c, header)
        c.font = Font(bold=True)
    for r, row in enumerate(table.rows, start=2):
        for col, value in enumerate(row, start=1):
            shown = _put(ws.cell(row=r, column=col), value, show_pii)
            widths[col - 1] = max(widths[col - 1], shown)
    for col, (width, path) in enumerate(zip(widths, table.fields), start=1):
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
        typed = field_type(table.kind, path)
        ws.column_dimensions[letter].number_format = (
            DATE_FORMAT if typed is date else TEXT_FORMAT if typed is str else "General")
    ws.freeze_panes = "A2"
    last = get_column_letter(max(len(table.headers), 1))
    ws.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
    wb.properties.created = EXPORT_MOMENT
    wb.properties.modified = EXPORT_MOMENT
    wb.properties.creator = "cluster_cli"
    wb.properties.title = table.name
    buffer = io.BytesIO()
    wb.save(buffer)
    return pin_zip_times(buffer.getvalue(), EXPORT_MOMENT)


def _sheet_title(name: str) -> str:
    """A sheet title Excel accepts: at most 31 characters, none of []:*?/\\."""
    return "".join("-" if ch in "[]:*?/\\" else ch for ch in name)[:31]


def _put(c, value: Any, show_pii: bool) -> int:
    """Write one typed cell; return how many characters it shows."""
    if value is None:
        return 0
    if isinstance(value, (date, datetime)):
        c.value = value
        c.number_format = DATE_FORMAT
        return 10
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        c.value = value
        if isinstance(value, int):
            c.number_format = NUMBER_FORMAT
        return len(str(value))
    text = str(value) if not isinstance(value, Pii) or show_pii else mask(value)
    _text(c, text)
    return len(text)


def _text(c, text: str) -> None:
    """A text cell that is never a formula (openpyxl makes a str starting with "=" one)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    c.value = ILLEGAL_CHARACTERS_RE.sub("", text)
    c.data_type = "s"
    c.number_format = TEXT_FORMAT
