"""The fields a sheet can fill, for each kind of record, and how a cell of each is read — taken
from the data model (`model/records.py`), so that every field the built-in mappings name (the ones
`cluster export` writes) is one `cluster import` reads back.

A field is a dotted path into the record (`guardian.name`); a number steps into a list
(`hosts.0.member`, `hosts.1.start`). Lists of records (a student's grades, a member's contacts)
are sheets of their own or a field of their own (`contact.name`), never a column. A row that
belongs to a student names them by `student` (the id), `personal_code` or `student_name` (the
full name, within `group` when the row gives one); `first_name`, `last_name` and `name` beside
them are read and left out (`info`)."""

from __future__ import annotations

import re
import types
import typing
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

_INDEX = re.compile(r"\.(\d+)(?=\.|$)")
_CODES = frozenset({"personal_code", "guardian.personal_code"})
_WHO = {"student": "text", "student_name": "text", "group": "text", "personal_code": "code",
        "first_name": "info", "last_name": "info", "name": "info"}
_PERSON = ("name", "role", "email", "phone")


def _model(kind: str):
    from cluster_cli.model.records import Attendance, Grade, Member, Student
    from cluster_cli.model.placements import Placement

    return {"students": Student, "grades": Grade, "attendance": Attendance, "members": Member,
            "placements": Placement}[kind]


def _unwrapped(annotation: Any) -> tuple[Any, bool]:
    """`X | None`, `Annotated[X, …]` → X; and whether it was a list (`list[X]` → X, True)."""
    is_list = False
    while True:
        origin = typing.get_origin(annotation)
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if origin in (typing.Union, types.UnionType, typing.Annotated) and args:
            annotation = args[0]
        elif origin is list and args:
            annotation, is_list = args[0], True
        else:
            return annotation, is_list


def _reader(annotation: Any, path: str) -> str:
    if path in _CODES:
        return "code"
    if typing.get_origin(annotation) is typing.Literal and "MA" in typing.get_args(annotation):
        return "grade"
    return {date: "date", int: "int", Decimal: "decimal", bool: "bool"}.get(annotation, "text")


def _walk(model, prefix: str, out: dict[str, str], defaults: dict[str, Any]) -> None:
    for name, info in model.model_fields.items():
        path = prefix + name
        inner, is_list = _unwrapped(info.annotation)
        nested = hasattr(inner, "model_fields")
        if is_list and not nested:
            out[path] = "list"  # ids in one cell (placement modules)
        elif is_list and path == "hosts":
            _walk(inner, "hosts.N.", out, defaults)
        elif nested and not is_list:
            _walk(inner, path + ".", out, defaults)
        elif not is_list:
            out[path] = _reader(inner, path)
            if not info.is_required():
                default = info.get_default(call_default_factory=True)
                if default is not None:
                    defaults[path] = default


@lru_cache(maxsize=None)
def _tables(kind: str) -> tuple[dict[str, str], dict[str, Any]]:
    out: dict[str, str] = {}
    defaults: dict[str, Any] = {}
    if kind in ("grades", "attendance", "placements"):
        out.update(_WHO)
    _walk(_model(kind), "", out, defaults)
    if kind == "members":
        out.update({f"contact.{p}": "text" for p in _PERSON})
    if kind == "placements":
        out["host"] = "text"  # a host's member id: its slot found (or added) by member
        out.update({f"host.supervisor.{p}": "text" for p in _PERSON})
    return out, defaults


def fields(kind: str) -> dict[str, str]:
    """Every field of `kind` a column can fill → how its cell is read, in the model's order
    (`hosts.N.…` stands for any host's number)."""
    return _tables(kind)[0]


def template(path: str) -> str:
    """A field with its list numbers as `N`: `hosts.1.start` → `hosts.N.start`."""
    return _INDEX.sub(".N", path)


def reader(kind: str, path: str) -> str | None:
    """How a cell of the field is read (`text`, `code`, `date`, `int`, `decimal`, `bool`,
    `grade`, `list`, `info`), or None when `kind` has no such field."""
    return fields(kind).get(template(path))


def default(kind: str, path: str) -> Any:
    """The value the data model gives the field when a file leaves it out (None: no default) —
    a sheet that shows it (`ei`, `EE`) changes nothing in a file without it."""
    return _tables(kind)[1].get(template(path))


def order(kind: str) -> dict[str, int]:
    return {name: i for i, name in enumerate(fields(kind))}
