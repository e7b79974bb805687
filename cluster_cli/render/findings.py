"""Findings as text (hledger-style, for a person) and as JSON (for a program).

Text: for each file, each finding's first line is ``FILE:LINE: severity rule-id: message
(clause)`` so that editors can jump to it; then the original lines with a gutter and a ``>``
marker; then the fix. A summary table per file closes the report.
"""

from __future__ import annotations

import json
import re
from itertools import groupby
from pathlib import Path
from typing import Any

from cluster_cli.findings import Finding, count, first_causes_first, mask, mask_values
from cluster_cli.i18n import N_, iso_dates, t, tn
from cluster_cli.i18n.words import SEVERITY

# Lines of YAML that hold personal data under its own key: the value is masked in the excerpt
# even when it is not a valid code (a mistyped personal code is still one). Values that are valid
# codes or IBANs are masked under any key as well (`mask_values`).
_PII_LINE = re.compile(r"""^(\s*-?\s*["']?(?:personal_code|iban)["']?\s*:\s*)(["']?)([^"'#\s{\[][^"'#\s]*)(.*)$""",
                       re.IGNORECASE)


@iso_dates()
def findings_json(findings: list[Finding], lang: str, show_pii: bool) -> str:
    counts = count(findings)
    findings = first_causes_first(findings)
    doc: dict[str, Any] = {
        "ok": counts["error"] == 0,
        "counts": counts,
        "findings": [f.localized(lang, show_pii) for f in findings],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n"


def _excerpt(path: str, line: int, cache: dict[str, list[str]], show_pii: bool) -> list[tuple[int, str]]:
    if line <= 0:
        return []
    if path not in cache:
        try:
            cache[path] = Path(path).read_text(encoding="utf-8-sig", errors="replace").splitlines()
        except OSError:
            cache[path] = []
    lines = cache[path]
    shown = []
    for n in range(max(line - 1, 1), min(line, len(lines)) + 1):
        text = lines[n - 1].replace("\t", "→")
        if not show_pii:
            text = mask_values(text)  # first: an IBAN written with spaces is one value
            m = _PII_LINE.match(text)
            if m:
                text = m.group(1) + m.group(2) + mask(m.group(3)) + m.group(4)
        shown.append((n, text))
    return shown


_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


# Continuation lines of a finding's wrapped first line start this far in (a hanging indent).
HANGING_INDENT = 4
_JOINED = "\x1f"  # a space inside a piece that must stay whole (a path with spaces, "Lisa 7 8.2")


def head_lines(pieces: list[tuple[str, str]], width: int | None) -> list[list[tuple[str, str]]]:
    """A finding's first line as (text, style) pieces, wrapped to `width` with a hanging indent —
    or one line when `width` is None (piped output: one line per finding, for grep). Lines break
    only at a space: a file:line, an id, a date or a number (whose groups are joined by no-break
    spaces, render/numbers.py) is never cut; a piece longer than the line overflows whole."""
    words = [(word.replace(_JOINED, " "), style) for text, style in pieces for word in text.split(" ") if word]
    if width is None:
        return [words]
    lines: list[list[tuple[str, str]]] = [[]]
    used = 0
    for word, style in words:
        room = width - (HANGING_INDENT if len(lines) > 1 else 0)
        if lines[-1] and used + 1 + len(word) > room:
            lines.append([])
            used = 0
        used += len(word) + (1 if lines[-1] else 0)
        lines[-1].append((word, style))
    return lines


def hint_lines(text: str, width: int | None, indent: int, first: int | None = None) -> list[str]:
    """A line of a finding's hint ("Parandus: …") wrapped to `width` after its label, each line
    indented `indent` (the label's width: a hanging indent; `first` columns on the first line when
    its label is not as wide) — or as it is when `width` is None (piped output). Lines break only
    at a space, so a file:line, an id, a date or a number is never cut; a word longer than the
    room overflows whole."""
    first = indent if first is None else first
    if width is None or first + len(text) <= width:
        return [text]
    lines = [""]
    for word in (w for w in text.split(" ") if w):
        room = max(width - (first if len(lines) == 1 else indent), 20)
        if lines[-1] and len(lines[-1]) + 1 + len(word) > room:
            lines.append("")
        lines[-1] += (" " if lines[-1] else "") + word
    return lines


# A clause named inside a sentence ("(Lisa 7 4.1)") is one piece, as in a finding's first line.
_CLAUSE = re.compile(r"\bLisa \d+(?: \d+(?:\.\d+)*)?")


def labelled_lines(label: str, text: str, width: int | None, indent: int | None = None,
                   whole: tuple[str, ...] = ()) -> list[str]:
    """A message for stderr — `cluster: …`, `   Parandus: …`, a contract's `hoiatus: …` — as
    lines: at a terminal's `width`, the text after `label` wrapped as a hint is (`hint_lines`),
    continuation lines under the text (or `indent` columns in); with `width` None (piped or
    redirected) one line, as it is. The pieces in `whole` (a path with spaces) and clauses are
    never broken."""
    if width is None:
        return [label + text]
    indent = len(label) if indent is None else indent
    for piece in sorted((p for p in whole if " " in p), key=len, reverse=True):
        text = text.replace(piece, piece.replace(" ", _JOINED))
    text = _CLAUSE.sub(lambda m: m.group(0).replace(" ", _JOINED), text)
    out = []
    for i, line in enumerate(text.splitlines() or [""]):
        head = label if i == 0 else " " * indent
        for k, part in enumerate(hint_lines(line, width, indent, len(head))):
            out.append(((head if k == 0 else " " * indent) + part).replace(_JOINED, " "))
    return out


def _head_pieces(f: Finding, message: str, lang: str) -> list[tuple[str, str]]:
    loc = f"{f.file}:{f.line}:" if f.line else f"{f.file}:"
    pieces = [(loc.replace(" ", _JOINED), ""), (t(SEVERITY[f.severity], lang), _STYLE[f.severity]),
              (f"{f.code}: {message}", "")]
    if f.clause:  # each clause of "(Lisa 7 8.2, 6.2.3)" stays whole
        items = f"({f.clause})".split(", ")
        pieces += [(item.replace(" ", _JOINED) + ("," if i < len(items) - 1 else ""), "dim")
                   for i, item in enumerate(items)]
    return pieces


def print_findings_text(console, findings: list[Finding], lang: str, show_pii: bool, records: int, files: int,
                        width: int | None = None) -> None:
    """Print findings grouped by file, then a summary table and a one-line verdict. With `width`
    (a terminal's), each finding's first line is wrapped to it; without, it stays one line."""
    from rich.table import Table
    from rich.text import Text

    cache: dict[str, list[str]] = {}
    findings = first_causes_first(findings)  # a file that could not be read before its knock-ons
    for file, group in groupby(findings, key=lambda f: f.file):
        items = list(group)
        console.print(Text(f"── {file or '—'}", style="bold"), soft_wrap=True)
        for f in items:
            d = f.localized(lang, show_pii)
            for i, words in enumerate(head_lines(_head_pieces(f, d["message"], lang), width)):
                head = Text(" " * HANGING_INDENT if i else "")
                for j, (word, style) in enumerate(words):
                    head.append((" " if j else "") + word, style=style or None)
                console.print(head, soft_wrap=True)
            for n, text in _excerpt(f.file, f.line, cache, show_pii):
                marker = ">" if n == f.line else " "
                style = "bold" if n == f.line else "dim"
                console.print(Text(f" {marker} {n:>5} │ {text}", style=style), soft_wrap=True)
            if d["hint"]:
                label = t("ui.fix", lang)
                indent = " " * (len(label) + 5)
                for i, hint_line in enumerate(d["hint"].splitlines()):
                    prefix = f"   {label}: " if i == 0 else indent
                    for k, part in enumerate(hint_lines(hint_line, width, len(indent))):
                        console.print(Text((indent if k else prefix) + part, style="green"), soft_wrap=True)
        console.print()
    counts = count(findings)
    if findings:
        table = Table(show_edge=False, box=None, pad_edge=False)
        table.add_column(t("ui.file", lang))
        table.add_column(t("ui.errors", lang), justify="right")
        table.add_column(t("ui.warnings", lang), justify="right")
        rows = [(file, count(list(group))) for file, group in groupby(findings, key=lambda f: f.file)]
        rows.sort(key=lambda row: row[1]["error"] == 0)  # files with errors first, order kept
        for file, c in rows:
            table.add_row(file or "—", str(c["error"]), str(c["warning"]))
        table.add_row(Text(t("ui.total", lang), style="bold"), str(counts["error"]), str(counts["warning"]))
        console.print(table)
    # the verdict, like the findings, at a terminal's width (a word is never cut by the terminal)
    for line in labelled_lines("", summary_text(findings, lang, records, files), width, indent=0):
        console.print(Text(line, style="bold red" if counts["error"] else "bold green"), soft_wrap=True)


def summary_text(findings: list[Finding], lang: str, records: int, files: int) -> str:
    """The one-line verdict of a validation: files, records (those checked), errors and warnings,
    the info lines when there are any — and how many records were left unchecked because their
    shape is broken (`record-unchecked`), so that a record missing from the count is not missed
    silently."""
    counts = count(findings)
    unchecked = sum(1 for f in findings if f.code == "record-unchecked")
    key = N_("ui.summary.bad") if counts["error"] else N_("ui.summary.ok")
    if unchecked and counts["error"]:  # (a broken shape is an error, unless --ignore'd)
        key = N_("ui.summary.bad-unchecked")
    # (a record left unchecked is an info line counted as `unchecked` already)
    infos = sum(1 for f in findings if f.severity == "info" and f.code != "record-unchecked")
    if infos:  # info lines were printed above: the verdict counts them too
        key = {N_("ui.summary.ok"): N_("ui.summary.ok-info"), N_("ui.summary.bad"): N_("ui.summary.bad-info"),
               N_("ui.summary.bad-unchecked"): N_("ui.summary.bad-unchecked-info")}[key]
    parts = {"files": tn("ui.count.files", files, lang), "records": tn("ui.count.records", records, lang),
             "errors": tn("ui.count.errors", counts["error"], lang),
             "warnings": tn("ui.count.warnings", counts["warning"], lang),
             "unchecked": tn("ui.count.unchecked", unchecked, lang),
             "infos": tn("ui.count.infos", infos, lang)}
    return t(key, lang, **parts)
