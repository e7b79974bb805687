"""The fast parse: yaml-rs (a Rust YAML 1.2 parser, ~15× faster than PyYAML's C loader here)
for files that are plainly safe; everything else goes the precise PyYAML way.

A file takes the fast path only when it cannot read differently from the precise loader:
bytes that could mean something else under the two loaders' rules — leading-zero, hex, octal or
underscored numbers, bare `.5`/`5.` floats, anchors, aliases, tags, merge keys, several
documents, directives — send the whole file to the precise path, as does any parse error (the
precise path then reports it with its line). Dates and timestamps read alike in both (the tests
compare them), as do yes/no/on/off (text) and true/false. The loader that uses the
result validates every record; if any record fails, the file is re-read precisely as well. So
findings, lines and messages come from one place — the precise path — and are identical.
"""

from __future__ import annotations

import re
from typing import Any

try:  # an optional accelerator: without it every file takes the precise path
    import yaml_rs
except ImportError:  # pragma: no cover - depends on the platform's wheels
    yaml_rs = None

# A plain scalar that is a whole number-like token, right after "key:", "- " or a flow
# delimiter and up to the end of the line, a comment or a flow delimiter.
_SCALAR = rb"(?:^[ \t]*(?:-[ \t]+)?|:[ \t]+|[\[,{][ \t]*)[+-]?(?:%s)(?=[ \t\r]*(?:#.*)?$|[ \t]*[,\]}])"
_NUMBERISH = rb"|".join([
    rb"0[0-9_]+",  # 0012: text to us, 12 to YAML 1.2
    rb"0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+",  # hex, octal, binary
    rb"[0-9][0-9]*_[0-9_]*",  # 1_000
    rb"\.[0-9]+(?:[eE][+-]?[0-9]+)?|[0-9]+\.(?:[eE][+-]?[0-9]+)?",  # .5 and 5.: floats in YAML 1.2 only
])
# The exact test, applied to the few lines that contain a trigger (below).
_RISKY_LINE = re.compile(
    _SCALAR % _NUMBERISH
    + rb"|(?:^|[\s\[,{])[&*!][^\s]"  # anchors, aliases, tags
    + rb"|<<[ \t]*:",  # merge keys
    re.MULTILINE,
)
# Every risky construct contains one of these bytes or byte pairs. Testing for them with `in`
# and `translate` runs at memory speed, where one regular expression over a 50 MB folder would
# cost more than the parse it protects; the exact test then runs on the few candidate lines.
_RARE = b"&*!<%"
_FLOW = b"[{"
# Raw control characters (all C0 but tab, newline and carriage return; DEL): the precise loader
# refuses them with their line, where the fast parser would take them in.
_CONTROLS = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_KEEP = _RARE + _FLOW + b"+" + _CONTROLS
_DROP = bytes(b for b in range(256) if b not in _KEEP)
_PAIRS = (b" 0", b" -0", b" .", b".\n", b". ", b".\r")
_FLOW_PAIRS = (b"[0", b",0", b"{0", b"[-0", b",-0", b"[.", b",.", b".,", b".]", b".}")
_UNDERSCORE_DIGIT = re.compile(rb"_[0-9]")
# C1 controls (NEL is a line break to PyYAML), U+FFFE and U+FFFF in UTF-8: the same as above.
_C1 = re.compile(rb"\xc2[\x80-\x9f]")


def risky(raw: bytes) -> bool:
    """True when the file might read differently under YAML 1.2 (the fast parser) and our
    YAML 1.2-with-care rules (the precise loader) — then it takes the precise path."""
    if raw.startswith((b"---", b"...", b"%")) or b"\n---" in raw or b"\n..." in raw:
        return True
    present = set(raw.translate(None, _DROP))
    if present & set(_CONTROLS) or (b"\xc2" in raw and _C1.search(raw)) or b"\xef\xbf\xbe" in raw \
            or b"\xef\xbf\xbf" in raw:
        return True
    needles = [bytes([c]) for c in _RARE if c in present] + list(_PAIRS)
    if present & set(_FLOW):
        needles += _FLOW_PAIRS
    if ord("+") in present:
        needles.append(b"+0")
    positions = [m.start() for m in _UNDERSCORE_DIGIT.finditer(raw)]
    if raw.rstrip().endswith(b"."):
        positions.append(len(raw.rstrip()) - 1)
    for needle in needles:
        start = raw.find(needle)
        while start != -1:
            positions.append(start)
            start = raw.find(needle, start + 1)
    seen = set()
    for pos in positions:
        line_start = raw.rfind(b"\n", 0, pos) + 1
        if line_start in seen:
            continue
        seen.add(line_start)
        line_end = raw.find(b"\n", pos)
        line = raw[line_start: line_end if line_end != -1 else len(raw)]
        if line.lstrip().startswith(b"#"):
            continue  # whole-line comments cannot change how a file reads
        if _RISKY_LINE.search(line):
            return True
    return False


def fast_parse(raw: bytes) -> Any | None:
    """The file's data, or None when it must take the precise path."""
    if yaml_rs is None or risky(raw):
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    try:
        return yaml_rs.loads(text, parse_datetime=True)
    except Exception:  # noqa: BLE001 - any failure means: ask the precise loader
        return None
