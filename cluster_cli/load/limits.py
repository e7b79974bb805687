"""Values the loader refuses although they have the right type: dates outside the years the tool
computes with, and control characters (see `cluster_cli.limits`).

Both are found by walking a record's parsed YAML, so that a finding's path is the YAML path and
its line comes from the precise parse. The fast path and the cache see the same findings: a
file whose fast parse shows any of them is read again precisely (load.folder)."""

from __future__ import annotations

from datetime import date
from typing import Any, Iterator

from cluster_cli.findings import Finding, make
from cluster_cli.i18n import N_, Phrase
from cluster_cli.limits import CONTROL, FIRST_YEAR, LAST_YEAR, first_control, range_args
from cluster_cli.model.common import Origin

_REASON = Phrase("reason.date-range", (("first", range_args()["first"]), ("last", range_args()["last"])))


def may_hold_controls(raw: bytes) -> bool:
    """Whether a file's values can hold a control character at all. Raw ones make the file
    unreadable (PyYAML refuses them, and the fast path hands such files to it), so a value can
    only get one from an escape in a double-quoted scalar — a backslash — or from a C1 or
    noncharacter's UTF-8 bytes (\\xc2\\x80–\\x9f, \\xef\\xb7/\\xbf…). A byte test saves walking
    every string of the ordinary file."""
    return b"\\" in raw or b"\xc2" in raw or b"\xef" in raw


def clean(node: Any, controls: bool) -> bool:
    """True when nothing in `node` is beyond the limits — the quick test every record takes
    (no paths built; `problems` then says where)."""
    stack = [node]
    pop, extend = stack.pop, stack.extend
    while stack:
        n = pop()
        if isinstance(n, str):
            if controls and not n.isprintable() and CONTROL.search(n):
                return False
        elif isinstance(n, dict):
            extend(n.values())
            if controls:
                extend(n.keys())
        elif isinstance(n, list):
            extend(n)
        elif isinstance(n, date) and not FIRST_YEAR <= n.year <= LAST_YEAR:
            return False
    return True


def problems(item: Any, controls: bool) -> list[tuple[tuple, str, Any]]:
    """(path, kind, detail) of each date out of range ("date") and, with `controls`, each
    string holding a control character ("control", the character as U+XXXX), in `item`."""
    found = []
    stack: list[tuple[tuple, Any]] = [((), item)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if controls and isinstance(key, str) and first_control(key):
                    found.append(((*path, key), "control", first_control(key)))
                stack.append(((*path, key), value))
        elif isinstance(node, list):
            stack.extend(((*path, i), value) for i, value in enumerate(node))
        elif isinstance(node, date):  # datetimes too
            if not FIRST_YEAR <= node.year <= LAST_YEAR:
                found.append((path, "date", node))
        elif controls and isinstance(node, str):
            char = first_control(node)
            if char:
                found.append((path, "control", char))
    found.sort(key=lambda p: [str(s) for s in p[0]])
    return found


def findings(item: Any, origin: Origin, controls: bool) -> Iterator[Finding]:
    """The findings for `item` (a record's precise parse, with lines)."""
    if clean(item, controls):
        return
    for path, kind, detail in problems(item, controls):
        field = next((str(s) for s in reversed(path) if isinstance(s, str)), "")
        line, where = origin.line_of(path), origin.path_text(path)
        if kind == "date":
            yield make("error", "invalid-value", "", origin.file, line, where, field=field,
                       value=detail.isoformat(), reason=_REASON, advice=Phrase(N_("advice.value")))
        else:
            yield make("error", "control-character", "", origin.file, line, where, field=field, char=detail)
