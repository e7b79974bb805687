"""A sheet's rows turned into fields by a mapping: each cell through the mapping's value table,
then read as its field's type (dates `23.11.2026`, ISO or Excel serials; decimal comma; personal
codes checked with python-stdnum). A cell that cannot be read is a `RowError` with the sheet's
row number and column header; the row is then bad as a whole."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from cluster_cli.edit.intake.fields import fields as fields_of
from cluster_cli.edit.intake.fields import order, reader, template
from cluster_cli.findings import Pii
from cluster_cli.i18n import N_
from cluster_cli.load.mappings import Mapping, header_key

GRADE_SCALE = ("5", "4", "3", "2", "A", "MA", "X")

_TRUE = {"jah", "yes", "true", "1", "x", "+", "j", "y", "tõene"}
_FALSE = {"ei", "no", "false", "0", "-", "e", "n", "väär"}
_DOTTED = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00)?)?\s*$")
_EXCEL_EPOCH = date(1899, 12, 30)


@dataclass(frozen=True)
class RowError:
    """A bad row: the sheet's row number, the column header (or the field a constant sets), a
    catalogue key and its arguments."""

    row: int
    column: str
    key: str
    args: tuple = ()


@dataclass
class Row:
    number: int
    fields: dict = field(default_factory=dict)
    columns: dict = field(default_factory=dict)
    """field → the header it came from (for messages)."""


class _Bad(Exception):
    def __init__(self, key: str, **args):
        super().__init__(key)
        self.key = key
        self.args_ = args


def unknown_fields(mapping: Mapping) -> list[str]:
    return sorted({f for f in (*mapping.columns.values(), *mapping.constants, *mapping.values)
                   if reader(mapping.kind, f) is None})


def known_fields(kind: str) -> list[str]:
    """The fields a mapping of `kind` may name (for the message about one it may not)."""
    return list(fields_of(kind))


def unmapped(mapping: Mapping, headers: list[str]) -> list[str]:
    """The sheet's columns the mapping does not name: listed, never guessed."""
    return [h for h in headers if h and mapping.field_of(h) is None]


def apply(mapping: Mapping, headers: list[str], rows: list[tuple[int, list]]) -> tuple[list[Row], list[RowError]]:
    """Every row as typed fields; the rows with a cell that cannot be read are left out and
    reported, one RowError per bad cell."""
    where = [(i, h, mapping.field_of(h)) for i, h in enumerate(headers) if h]
    good, bad = [], []
    for number, cells in rows:
        row = Row(number)
        errors = []
        for name, value in mapping.constants.items():
            row.fields[name] = value
            row.columns[name] = name
        for i, header, name in where:
            if name is None:
                continue
            raw = cells[i] if i < len(cells) else None
            raw = _translated(mapping, name, raw)
            row.columns.setdefault(name, header)  # an empty cell is still named by its column
            if raw is None:
                continue
            how = reader(mapping.kind, name)
            try:
                value = read_value(how, raw)
            except _Bad as exc:
                errors.append(RowError(number, header, exc.key, tuple(exc.args_.items())))
                continue
            if how != "info":
                row.fields[name] = value
            row.columns[name] = header
        if errors:
            bad.extend(errors)
        else:  # in the model's order: a new record reads like the others
            rank = order(mapping.kind)
            row.fields = dict(sorted(row.fields.items(), key=lambda kv: rank.get(template(kv[0]), len(rank))))
            good.append(row)
    return good, bad


def _translated(mapping: Mapping, name: str, raw):
    return mapping.value_of(name, raw)


def read_value(kind: str, raw):
    if kind in ("text", "info"):
        return _text(raw)
    if kind == "code":
        return _personal_code(raw)
    if kind == "date":
        return read_date(raw)
    if kind == "int":
        number = _decimal(raw)
        if number != number.to_integral_value():
            raise _Bad(N_("import.bad.whole-number"), value=_text(raw))
        return int(number)
    if kind == "decimal":
        return _decimal(raw)
    if kind == "bool":
        if isinstance(raw, bool):
            return raw
        word = header_key(raw)
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        raise _Bad(N_("import.bad.yes-no"), value=_text(raw))
    if kind == "grade":
        value = _text(raw).upper()
        if value not in GRADE_SCALE:
            raise _Bad(N_("import.bad.grade"), value=_text(raw), scale=", ".join(GRADE_SCALE))
        return value
    if kind == "list":
        return [part.strip() for part in re.split(r"[,;]", _text(raw)) if part.strip()]
    raise ValueError(kind)


def _text(raw) -> str:
    if isinstance(raw, float):
        return format(Decimal(repr(raw)), "f")
    if isinstance(raw, (date, datetime)):
        return raw.isoformat()
    return str(raw).strip()


def _decimal(raw) -> Decimal:
    if isinstance(raw, bool):
        raise _Bad(N_("import.bad.number"), value=str(raw))
    if isinstance(raw, (int, float)):
        return Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "")
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise _Bad(N_("import.bad.number"), value=str(raw)) from None
    if not number.is_finite():
        raise _Bad(N_("import.bad.number"), value=str(raw))
    return number


def _personal_code(raw) -> Pii:
    """A personal code as text: a number cell keeps every digit (no `.0`, no exponent)."""
    from stdnum.ee import ik
    from stdnum.exceptions import ValidationError

    text = _text(raw).replace(" ", "")
    try:
        ik.validate(text)
    except ValidationError:
        raise _Bad(N_("import.bad.personal-code"), value=Pii(text)) from None
    return Pii(text)


def read_date(raw) -> date:
    """`23.11.2026`, `2026-11-23` or an Excel serial day number; a date that cannot exist
    (`31.02.2026`) says so."""
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) or (isinstance(raw, str) and raw.isdigit()):
        serial = int(float(raw))
        if 1 <= serial <= 2958465:
            return _EXCEL_EPOCH + timedelta(days=serial)
        raise _Bad(N_("import.bad.date-form"), value=_text(raw))
    text = str(raw)
    m = _DOTTED.match(text)
    if m:
        day, month, year = (int(g) for g in m.groups())
    else:
        m = _ISO.match(text)
        if not m:
            raise _Bad(N_("import.bad.date-form"), value=text.strip())
        year, month, day = (int(g) for g in m.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise _Bad(N_("import.bad.date-impossible"), value=text.strip()) from None
