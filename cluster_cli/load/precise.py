"""The precise path of loading: PyYAML with lines, every problem a finding at its line, record
by record (`load_precise`) — or, for a fast-parsed file whose shape check failed in a few
records, those records only (`load_failing_records`). `load/folder.py` chooses the path."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import ValidationError

from cluster_cli.findings import Finding, make
from cluster_cli.i18n import NP_
from cluster_cli.load.lines import salvaged_ids
from cluster_cli.load.yaml_loader import YList, parse_bytes
from cluster_cli.model.common import Origin
from cluster_cli.model.kinds import ID_FIELD, RECORD_KINDS


@dataclass
class FileResult:
    """One list file, loaded: its valid records (with their index in the file), the findings
    of loading it, and the ids of records that failed their shape check."""

    models: list | None  # None: served by the cache, built by `load` when first needed
    indices: list[int]
    findings: list[Finding]
    broken: list[str]
    precise: Any = None  # the precise parse, when it was made
    served_by: str = "precise"  # which path read the file: "cache", "fast" or "precise"
    items: int | None = None  # how many items the file's list has, when known
    key: str | None = None  # the file's key in the cache, when the cache is on
    ids: list | None = None  # the records' ids (served by the cache)
    columns: dict | None = None  # and their `COLUMNS` (served by the cache)
    load: Any = None  # () -> the models (served by the cache)


@lru_cache(maxsize=None)
def adapter(kind: str):
    from pydantic import TypeAdapter

    return TypeAdapter(list[RECORD_KINDS[kind]])


def parse_precise(raw: bytes, name: str, findings: list[Finding]):
    data, problems = parse_bytes(raw)
    for p in problems:
        args = {"detail": p.detail}
        message_key = None
        if p.key == "yaml-duplicate-key":
            key, first = p.detail.rsplit("|", 1)
            args = {"field": key, "first": first}
        elif p.key == "yaml-syntax":
            message_key = p.message or None
            args.update(p.args, column=p.column)
        findings.append(make("error", p.key, "", name, p.line, "", message_key, **args))
    return data


def rejoined(model, item, exc: ValidationError):
    """A record that failed its shape check, with the numbers a decimal comma split in a `{…}`
    entry joined back, and its errors then (the field says what the comma did); as it was when
    nothing was split."""
    from cluster_cli.load.yaml_loader import rejoin_split_deep

    joined = rejoin_split_deep(item)
    if joined is item:
        return item, exc
    try:
        model.model_validate(joined)
    except ValidationError as again:
        return joined, again
    return item, exc  # read whole once joined: the split is still a mistake, said as it was


def load_precise(kind: str, raw: bytes, name: str) -> FileResult:
    """The precise path: PyYAML with lines; every problem a finding at its line."""
    findings: list[Finding] = []
    data = parse_precise(raw, name, findings)
    result = FileResult([], [], findings, [], precise=data, items=len(data) if isinstance(data, YList) else None)
    if data is None and [f.code for f in findings] == ["file-empty"]:
        # An empty (or comments-only) list file is where recording starts: an empty list.
        findings[:] = [make("info", "file-no-records", "", name, 0, "", kind=kind)]
        result.precise, result.items = YList(), 0
        return result
    if data is None:
        result.broken = salvaged_ids(raw, ID_FIELD.get(kind, "id"))
        if result.broken:
            shown = ", ".join(result.broken[:5]) + (" …" if len(result.broken) > 5 else "")
            findings.append(make("info", "file-unread-records", "", name, 0, "", key=NP_("file-unread-records"),
                                 count=len(result.broken), ids=shown))
        return result
    if not isinstance(data, YList):
        findings.append(make("error", "file-not-list", "", name, getattr(data, "line", 1), "", kind=kind))
        result.precise = None
        return result
    from cluster_cli.load import limits

    controls = limits.may_hold_controls(raw)
    for index, item in enumerate(data):
        _check_record(kind, name, index, item, data.item_lines[index], controls, result)
    return result


def _check_record(kind: str, name: str, index: int, item, line: int, controls: bool, result: FileResult) -> None:
    """One record of the precise path (`item` with its lines): its findings, and its model or
    its id among the broken ones."""
    from cluster_cli.load import limits

    findings, model = result.findings, RECORD_KINDS[kind]
    origin = Origin(name, f"{kind}[{index}]", item)
    if not isinstance(item, dict):
        findings.append(make("error", "record-not-mapping", "", name, line, origin.prefix))
        return
    beyond = list(limits.findings(item, origin, controls))
    findings.extend(beyond)
    shape: list[Finding] = []
    try:
        record = model.model_validate(item)
    except ValidationError as exc:
        from cluster_cli.load.shape import shape_findings

        item, exc = rejoined(model, item, exc)
        origin = Origin(name, f"{kind}[{index}]", item)
        shape = shape_findings(exc, model, origin)
        findings.extend(shape)
        record = None
    if record is None or any(f.code == "invalid-value" for f in beyond):
        # A shape error, or a date no calendar reaches: the record is unusable.
        ident = item.get(ID_FIELD.get(kind, "id"))
        if isinstance(ident, (str, int)):
            result.broken.append(str(ident))
        findings.append(_unchecked(origin, line, ident, shape + beyond))
        return
    result.models.append(record)
    result.indices.append(index)


def load_failing_records(kind: str, raw: bytes, name: str, data: list, exc: ValidationError) -> FileResult | None:
    """A fast-parsed file whose shape check failed in some records: those records alone are read
    again with their lines (the file cut at its top-level items, `load/lines.py`) and checked as
    the precise path checks them; the others keep their fast models. The findings are the
    precise path's, at a fraction of its time and memory on a big file (issue 20). None when
    the file does not cut into exactly its records or a piece reads differently alone: the
    whole file goes the precise way then."""
    from cluster_cli.load.lines import item_starts, record_piece
    from cluster_cli.load.yaml_loader import shift_lines

    failing = sorted({e["loc"][0] for e in exc.errors() if e["loc"] and isinstance(e["loc"][0], int)})
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    starts = item_starts(text, len(data))
    if not failing or starts is None:
        return None
    pieces = {}
    for index in failing:
        piece, offset = record_piece(text, starts, index)
        parsed, problems = parse_bytes(piece.encode("utf-8"))
        if problems or not isinstance(parsed, YList) or len(parsed) != 1:
            return None
        pieces[index] = (shift_lines(parsed[0], offset), parsed.item_lines[0] + offset)
    good = [index for index in range(len(data)) if index not in pieces]
    try:
        models = adapter(kind).validate_python([data[index] for index in good])
    except ValidationError:
        return None
    result = FileResult([], [], [], [], served_by="fast", items=len(data))
    from cluster_cli.load import limits

    controls = limits.may_hold_controls(raw)
    fast = dict(zip(good, models))
    for index in range(len(data)):  # in the file's order, as the precise path gives them
        if index in pieces:
            _check_record(kind, name, index, *pieces[index], controls, result)
        else:
            result.models.append(fast[index])
            result.indices.append(index)
    return result


def _unchecked(origin: Origin, line: int, ident, errors: list[Finding]) -> Finding:
    """The note at a record that failed its shape check: the rules (a personal code's check
    digit, references, the regulation's clauses) never saw it, so its other mistakes are not
    reported yet — say so, and where its shape errors are, instead of counting it silently out."""
    lines = sorted({f.line for f in errors if f.severity == "error" and f.line})
    shown = str(ident) if isinstance(ident, (str, int)) and str(ident).strip() else origin.prefix
    return make("info", "record-unchecked", "", origin.file, line, origin.prefix, key=NP_("record-unchecked"),
                count=len(lines), id=shown, lines=tuple(lines))
