"""Where a report's output goes and what it is: the format a file's suffix asks for, a suffix
that contradicts `--format`, the checks of the output paths, the report's bytes (JSON, CSV, XLSX
with the run's parameters, text), and their delivery — to stdout, or atomically to a file with
the note "wrote FILE (N rows)". Only `typer` (through `cli.common`) and the standard library at
module level, like every module of `cli/`."""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, Optional

from cluster_cli.cli.common import (
    UNKEYED,
    ReportFormat,
    command_params,
    csv_dialect,
    fail,
    note,
    resolve_data_dir,
    running_command,
)

# The format a file's suffix asks for (`--output` without `--format`); `.ics` is `calendar --ics`'s.
SUFFIX_FORMATS = {".xlsx": "xlsx", ".csv": "csv", ".json": "json", ".txt": "table", ".ics": "ics"}
OUTPUT_PARAMS = ("output", "ics")  # left out of the parameters sheet


# What `--output` writes, as the suffixes a message names (`.ics` is `calendar --ics`'s).
TABLE_SUFFIXES = ".txt, .csv, .xlsx, .json"


def suffix_format(path: Any) -> Optional[str]:
    """The format `path`'s suffix names (`SUFFIX_FORMATS`), or None (no suffix, another one, stdout)."""
    if path is None or str(path) in ("", "-"):
        return None
    return SUFFIX_FORMATS.get(Path(str(path)).suffix.lower())


def unknown_suffix(path: Any) -> str:
    """`path`'s suffix when it names no format the tool writes ("" for none, stdout, a known one):
    a file's format matches its name, so `--output volad.pdf` is refused rather than written as
    text."""
    if path is None or str(path) in ("", "-"):
        return ""
    suffix = Path(str(path)).suffix.lower()
    return "" if suffix in SUFFIX_FORMATS else suffix


def suffix_conflict(params: dict) -> Optional[tuple[str, dict]]:
    """A suffix that contradicts `--format` (or `--ics`), as a catalogue key and its arguments:
    `--format csv --output x.xlsx` would write CSV into a file Excel refuses to open; `--output
    x.ics` is for `calendar --ics`; `--output x.pdf` names a format no command writes. No suffix
    (`--output volad`, a pipe, a device) is the chosen format, the tables as text by default."""
    from cluster_cli.i18n import N_

    output, fmt = params.get("output"), params.get("format")
    fmt = fmt.value if isinstance(fmt, Enum) else fmt
    if unknown_suffix(output):
        return N_("output.suffix-unknown"), {"path": str(output), "suffix": unknown_suffix(output),
                                             "suffixes": TABLE_SUFFIXES}
    implied = suffix_format(output)
    if implied == "ics":
        return N_("output.suffix-ics"), {"path": str(output)}
    if implied is not None and fmt is not None and implied != fmt:
        return N_("output.suffix-conflict"), {"path": str(output), "suffix": Path(str(output)).suffix.lower(),
                                          "format": fmt}
    ics = params.get("ics")
    if suffix_format(ics) not in (None, "ics") or unknown_suffix(ics):
        return N_("output.ics-suffix"), {"path": str(ics), "suffix": Path(str(ics)).suffix.lower(),
                                         "fixed": str(Path(str(ics)).with_suffix(".ics"))}
    return None


def check_outputs(params: dict, outputs: list) -> None:
    """Refuse (exit 2) an output path that cannot or must not be written (files.check_output),
    "" and two outputs that would collide, and a suffix that contradicts the format."""
    from cluster_cli.files import OutputPathError, check_output

    lang = params.get("lang") if params.get("lang") in ("et", "en") else "et"
    data_dir = resolve_data_dir(params.get("data"))
    given = [o for o in outputs if o is not None]
    for out in given:
        if out == "":
            fail("files.output-empty", lang)
        if str(out) == "-":
            continue
        try:
            check_output(out, data_dir)
        except OutputPathError as exc:
            fail(exc.key, lang, path=exc.path)
    if len(outputs) == 2:  # calendar: --output and --ics
        first, second = ("-" if o is None else str(o) for o in outputs)
        if second != "None" and outputs[1] is not None and (
                first == second == "-" or ("-" not in (first, second)
                                            and os.path.realpath(first) == os.path.realpath(second))):
            fail("files.output-twice", lang, path=second)
    conflict = suffix_conflict(params)
    if conflict is not None:
        fail(conflict[0], lang, **conflict[1])


def run_info(ctx, stamp: date, data_dir: str, unkeyed=()):
    """What the XLSX parameters sheet says about the run of `ctx`: the command, its options as
    given or defaulted, the data folder, the report's date, the tool's version — no clock time, so
    the same run gives the same bytes. Left out: the output paths and the options that do not
    shape the answer (`unkeyed`: `--quiet`, `--no-cache`, …), which a cached file could not know."""
    from importlib.metadata import PackageNotFoundError, version

    from cluster_cli.render.xlsx import Run

    names, node = [], ctx
    while node is not None and node.parent is not None:  # the root's name is how it was called
        names.append(node.info_name or "")
        node = node.parent
    options = []
    for param in ctx.command.params:
        if param.name in OUTPUT_PARAMS or param.name in unkeyed:
            continue
        label = max((o for o in param.opts if o.startswith("--")), key=len, default=param.name)
        value = ctx.params.get(param.name)
        if isinstance(value, Enum):
            value = value.value
        elif isinstance(value, (list, tuple)):
            value = ", ".join(str(v.value if isinstance(v, Enum) else v) for v in value)
        elif isinstance(value, Path):
            value = str(value)
        options.append((label, value))
    try:
        tool = version("cluster-cli")
    except PackageNotFoundError:
        tool = ""
    return Run(" ".join(["cluster", *reversed(names)]), options, data_dir, stamp, tool)


def rows_written(views, fmt: str, view: Optional[str], csv_default: str) -> int:
    """The data rows a file of the report holds: CSV one view; text the chosen views; XLSX and
    JSON every view (totals rows not counted)."""
    if fmt == "csv":
        return len(next(v for v in views if v.name == (view or csv_default)).rows)
    return sum(len(v.rows) for v in views if fmt != "table" or view is None or v.name == view)


def chosen_view(view: Optional[str], views, lang: str) -> Optional[str]:
    """`--view` as typed: the view's code (`debts`) or its sheet's word in either language
    (`võlgnevused`), in any case; an unknown one is a usage error naming both forms."""
    if view is None:
        return None
    from cluster_cli.render.xlsx import sheet_name

    for v in views:
        names = (v.name, sheet_name(v.name, "et"), sheet_name(v.name, "en"))
        if view.casefold() in {name.casefold() for name in names}:
            return v.name
    shown = [(sheet_name(v.name, lang), v.name) for v in views]
    fail("usage.view", lang, value=view, known=", ".join(w if w == c else f"{w} ({c})" for w, c in shown))


def report_bytes(views, document, fmt: ReportFormat, view: Optional[str], lang: str, show_pii: bool,
                 stamp: date, csv_default: str, title: str = "") -> bytes:
    """A report serialised for a file or a pipe: JSON document, one view as CSV (in the dialect
    `csv_dialect()` names), every view as XLSX sheets with the run's parameters, or the tables as
    plain text."""
    from cluster_cli.render.views import to_json

    view = chosen_view(view, views, lang)
    if fmt is ReportFormat.xlsx:
        from cluster_cli.render.xlsx import xlsx_bytes

        ctx = running_command()
        run = None if ctx is None else run_info(ctx, stamp, str(resolve_data_dir(ctx.params.get("data"))), UNKEYED)
        return xlsx_bytes(views, lang, show_pii, stamp, title, run)
    if fmt is ReportFormat.json:
        return to_json(document).encode("utf-8")
    if fmt is ReportFormat.csv:
        from cluster_cli.render.files import csv_bytes

        chosen = next(v for v in views if v.name == (view or csv_default))
        return csv_bytes(chosen, lang, show_pii, csv_dialect())
    from cluster_cli.cli.terminal import table_text

    return table_text(views, view, lang, show_pii, title, FILE_WIDTH).encode("utf-8")


FILE_WIDTH = 200  # a table written to a file (--output) is laid out this wide: a file is not a terminal


def deliver(blob: bytes, output: Optional[Path], lang: Optional[str] = None, private: Optional[bool] = None,
            rows: Optional[int] = None, wrote: Optional[str] = None) -> None:
    """Data to stdout (no `--output`, or `-`), or to a file written atomically — checked again
    first (exit 2 with the path and what to do; nothing partial, no temporary file left) — and
    then a note "wrote FILE (N rows)" on stderr (not under `--quiet`); `wrote` is that note's
    plural key when the file holds other things than rows (an `NP_` key: "N events").

    The file is private (0600) when it holds unmasked personal data (`--show-pii`); otherwise a
    new file gets the user's umask and a replaced one keeps its mode."""
    if output is None or str(output) == "-":
        sys.stdout.buffer.write(blob) if hasattr(sys.stdout, "buffer") else sys.stdout.write(blob.decode("utf-8"))
        sys.stdout.flush()
        return
    from cluster_cli.files import OutputPathError, WriteError, write_output

    params = command_params()
    if lang is None:
        lang = params.get("lang") if params.get("lang") in ("et", "en") else "et"
    if private is None:
        private = bool(params.get("show_pii"))
    try:
        write_output(output, blob, private=private, data_dir=resolve_data_dir(params.get("data")))
    except OutputPathError as exc:
        fail(exc.key, lang, path=exc.path)
    except WriteError as exc:
        fail(exc.key, lang, path=exc.path, reason=exc.reason)
    if rows is not None:
        from cluster_cli.i18n import NP_, tn

        key = wrote or NP_("output.wrote")
        note(tn(key, rows, lang, file=str(output), count=rows), whole=(output,))


def emit_report(views, document, fmt: ReportFormat, output: Optional[Path], view: Optional[str], lang: str,
                show_pii: bool, stamp: date, csv_default: str, title: str = "") -> None:
    """Serialise a report's views (table/csv/xlsx) or its document (json) to stdout or a file.

    Data goes to stdout; diagnostics to stderr. Files are written atomically."""
    view = chosen_view(view, views, lang)
    if fmt is ReportFormat.xlsx and output is None:
        fail("usage.xlsx-output", lang)
    if fmt is ReportFormat.table and output is None:
        from cluster_cli.cli import terminal

        terminal.show_report(views, view, lang, show_pii, title, bool(command_params().get("no_pager")))
        return
    blob = report_bytes(views, document, fmt, view, lang, show_pii, stamp, csv_default, title)
    deliver(blob, output, lang, show_pii, rows_written(views, fmt.value, view, csv_default))
