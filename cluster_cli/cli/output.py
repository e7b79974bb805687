"""Choosing what a report's file is: the format its suffix asks for, a suffix that contradicts
`--format`, the run's parameters for an XLSX file, and the rows a file holds (for the note
"wrote FILE (N rows)"). Standard library only at module level, like every module of `cli/`."""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any, Optional

# The format a file's suffix asks for (`--output` without `--format`); `.ics` is `calendar --ics`'s.
SUFFIX_FORMATS = {".xlsx": "xlsx", ".csv": "csv", ".json": "json", ".txt": "table", ".ics": "ics"}
OUTPUT_PARAMS = ("output", "ics")  # left out of the parameters sheet


def suffix_format(path: Any) -> Optional[str]:
    """The format `path`'s suffix names (`SUFFIX_FORMATS`), or None (no suffix, another one, stdout)."""
    if path is None or str(path) in ("", "-"):
        return None
    return SUFFIX_FORMATS.get(Path(str(path)).suffix.lower())


def suffix_conflict(params: dict) -> Optional[tuple[str, dict]]:
    """A suffix that contradicts `--format` (or `--ics`), as a catalogue key and its arguments:
    `--format csv --output x.xlsx` would write CSV into a file Excel refuses to open; `--output
    x.ics` is for `calendar --ics`."""
    output, fmt = params.get("output"), params.get("format")
    fmt = fmt.value if isinstance(fmt, Enum) else fmt
    implied = suffix_format(output)
    if implied == "ics":
        return "output.suffix-ics", {"path": str(output)}
    if implied is not None and fmt is not None and implied != fmt:
        return "output.suffix-conflict", {"path": str(output), "suffix": Path(str(output)).suffix.lower(),
                                          "format": fmt}
    ics = params.get("ics")
    if suffix_format(ics) not in (None, "ics"):
        return "output.ics-suffix", {"path": str(ics), "suffix": Path(str(ics)).suffix.lower()}
    return None


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
