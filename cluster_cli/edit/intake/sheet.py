"""Reading a sheet as offices produce it: CSV (UTF-8 with or without BOM, else Windows-1257 or
-1252; `;`, `,` or tab, sniffed) or XLSX (the first sheet, or one named); the header row anywhere
in the first ten rows. Cells keep their type where the file has one (XLSX numbers and dates);
a whole-number float becomes an int, so that a personal code stored as a number keeps its digits."""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from cluster_cli.i18n import N_

HEADER_WITHIN = 10
ENCODINGS = ("utf-8-sig", "cp1257", "cp1252")
DELIMITERS = (";", ",", "\t")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a CSV writer neutralises with a leading apostrophe (render/files.py writes the same)."""


class SheetError(Exception):
    """A sheet that cannot be read: `key` is a catalogue key, `args` its arguments."""

    def __init__(self, key: str, **args):
        super().__init__(key)
        self.key = key
        self.args_ = args


@dataclass
class RawSheet:
    """Every non-empty row of the sheet with its number as the office sees it (1 = the first)."""

    name: str
    rows: list[tuple[int, list]] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None


@dataclass
class Sheet:
    name: str
    header_row: int
    headers: list[str]
    rows: list[tuple[int, list]]


def read_raw(path: Path, sheet: str | None = None) -> RawSheet:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SheetError(N_("import.sheet.missing"), file=str(path), folder=str(Path.cwd())) from None
    except IsADirectoryError:
        raise SheetError(N_("import.sheet.folder"), file=str(path)) from None
    except PermissionError:
        raise SheetError(N_("import.sheet.denied"), file=str(path)) from None
    except OSError as exc:
        raise SheetError(N_("import.sheet.unreadable"), file=str(path), reason=exc.strerror or str(exc)) from None
    if data[:4] == b"PK\x03\x04":
        return _xlsx(path, data, sheet)
    if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        raise SheetError(N_("import.sheet.not-xlsx"), file=str(path))
    return _csv(path, data)


def _cell(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return int(value)
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _xlsx(path: Path, data: bytes, sheet: str | None) -> RawSheet:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise SheetError(N_("import.sheet.unreadable"), file=str(path), reason=str(exc) or type(exc).__name__) from None
    try:
        if sheet is None:
            ws = book.worksheets[0]
        elif sheet in book.sheetnames:
            ws = book[sheet]
        else:
            raise SheetError(N_("import.sheet.no-sheet"), file=str(path), sheet=sheet,
                             sheets=", ".join(book.sheetnames))
        raw = RawSheet(ws.title)
        for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = [_cell(v) for v in row]
            while cells and cells[-1] is None:
                cells.pop()
            if cells:
                raw.rows.append((number, cells))
        return raw
    finally:
        book.close()


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding it was read in: UTF-8 (a BOM dropped), else the Baltic then the
    Western Windows code page."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def sniff(text: str) -> str:
    """The delimiter that splits the first rows most consistently into more than one field."""
    sample = text.splitlines()[:HEADER_WITHIN + 10]
    best, best_score = DELIMITERS[0], (-1, -1)
    for delimiter in DELIMITERS:
        widths = Counter(len(r) for r in csv.reader(sample, delimiter=delimiter) if any(c.strip() for c in r))
        wide = [(n, w) for w, n in widths.items() if w > 1]
        score = max(wide) if wide else (0, 0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv(path: Path, data: bytes) -> RawSheet:
    text, encoding = decode(data)
    delimiter = sniff(text)
    raw = RawSheet(path.name, encoding=encoding, delimiter=delimiter)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, row in enumerate(reader, start=1):
            cells = [_cell(_unneutralised(c)) for c in row]
            while cells and cells[-1] is None:
                cells.pop()
            if cells:
                raw.rows.append((number, cells))
    except csv.Error as exc:
        raise SheetError(N_("import.sheet.unreadable"), file=str(path), reason=str(exc)) from None
    return raw


def _unneutralised(text: str) -> str:
    """A CSV cell without the apostrophe a writer puts before text a spreadsheet would run as a
    formula (`'+372 5555 5555`, `'=…`; the project's own CSV writer does): the text as it was."""
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_STARTS:
        return text[1:]
    return text


def with_header(raw: RawSheet, header_row: int) -> Sheet:
    """The sheet cut at its header row: headers as text, the data rows after it."""
    for i, (number, cells) in enumerate(raw.rows):
        if number == header_row:
            headers = [_header_text(c) for c in cells]
            return Sheet(raw.name, number, headers, raw.rows[i + 1:])
    raise ValueError(header_row)


def _header_text(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, (date, datetime)):
        return cell.isoformat()
    return " ".join(str(cell).split())


def candidate_rows(raw: RawSheet) -> list[tuple[int, list[str]]]:
    """The rows that may hold the headers: the first ten of the sheet."""
    return [(number, [_header_text(c) for c in cells]) for number, cells in raw.rows if number <= HEADER_WITHIN]
