"""Findings: what a check has to say about the data, as plain values with a source location.

A finding never holds a rendered sentence: it holds a catalogue key and its arguments, so the
same finding prints in Estonian or English (`cluster_cli.i18n`). Values that are personal data
are wrapped in `Pii` so that every renderer can mask them unless the user asks to see them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cluster_cli.i18n import Period, Phrase, hint_for, message_for

SEVERITIES = ("error", "warning", "info")
_SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}


class Pii(str):
    """A string that is personal data (isikukood, bank account): masked in output unless asked."""

    __slots__ = ()


def mask(value: str) -> str:
    """Keep only the last four characters, so that a secretary can still tell records apart."""
    text = str(value)
    keep = 4 if len(text) > 6 else 0
    return "*" * (len(text) - keep) + text[len(text) - keep :]


# Personal data found by its value, wherever it is written (a misspelt key, `IBAN:` in capitals,
# flow style, spaces in an IBAN): candidates by shape here, then python-stdnum decides.
_CODE_SHAPE = re.compile(r"(?<![0-9])[1-6][0-9]{10}(?![0-9])")
_DIGIT = re.compile(r"[0-9]")
_IBAN_SHAPE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{2}(?: ?[A-Za-z0-9]{1,4}){3,8}(?![A-Za-z0-9])")


def mask_values(text: str) -> str:
    """`text` with every personal code (isikukood) and IBAN in it masked, recognised by value
    (python-stdnum's ee.ik and iban) rather than by the key it is written under."""
    if _DIGIT.search(text) is None:  # both shapes need an ASCII digit
        return text
    out = _CODE_SHAPE.sub(lambda m: mask(m.group()) if _is_code(m.group()) else m.group(), text)
    return _IBAN_SHAPE.sub(_masked_iban, out)


def _is_code(value: str) -> bool:
    from stdnum.ee import ik

    return ik.is_valid(value)


def _masked_iban(m: re.Match) -> str:
    from stdnum import iban

    candidate = m.group()
    # The shape may run on into a following word ("EE38 2200 … 5685 ja"): drop trailing groups
    # until the rest is an IBAN, if it ever is.
    while True:
        if iban.is_valid(candidate):
            return mask(candidate) + m.group()[len(candidate):]
        if " " not in candidate:
            return m.group()
        candidate = candidate.rsplit(" ", 1)[0]


# Findings that mean a file gave no data at all: the first cause of whatever follows from the
# missing records, so they are shown (and refused with) before anything else.
UNREADABLE_CODES = frozenset({
    "file-unreadable", "file-too-large", "file-not-utf8", "file-empty", "file-not-list", "file-not-mapping",
    "yaml-syntax", "yaml-too-deep", "file-outside-folder", "file-not-regular", "file-over-limit",
})


def first_causes_first(findings: list["Finding"]) -> list["Finding"]:
    """The same findings, those of files that could not be read first — each such file's own
    error before anything else about it — then the rest in their order. A stable reordering
    that keeps each file's findings together."""
    unreadable = {f.file for f in findings if f.code in UNREADABLE_CODES and f.severity == "error"}
    if not unreadable:
        return list(findings)
    first = sorted((f for f in findings if f.file in unreadable),
                   key=lambda f: (f.file, f.code not in UNREADABLE_CODES))
    return first + [f for f in findings if f.file not in unreadable]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem (or note) about the data.

    `clause` is the regulation's clause ("6.2.3", "Lisa 7 1.4.4") or "" for checks of form
    (syntax, types) that no clause speaks of. `line` is 1-based; 0 when the file itself is meant.
    `path` is where in the file's data the value sits, e.g. ``students[12].grades[3].value``.
    """

    severity: str
    code: str
    clause: str
    file: str
    line: int
    path: str
    key: str
    args: tuple[tuple[str, Any], ...] = field(default=())

    def __post_init__(self) -> None:
        if self.severity not in _SEVERITY_RANK:
            raise ValueError(f"unknown severity {self.severity!r}")

    def sort_key(self) -> tuple:
        return (self.file, self.line, _SEVERITY_RANK[self.severity], self.code, self.path, self.key)

    def localized(self, lang: str, show_pii: bool = False) -> dict[str, Any]:
        """The JSON contract: severity, code, clause, file, line, path, message, hint."""
        args = {k: _shown(v, show_pii) for k, v in self.args}
        message, hint = message_for(self.key, lang, args), hint_for(self.key, lang, args)
        if not show_pii:  # a value quoted in a message may be personal data under any key
            message, hint = mask_values(message), mask_values(hint) if hint else hint
        return {
            "severity": self.severity,
            "code": self.code,
            "clause": self.clause,
            "file": self.file,
            "line": self.line,
            "path": self.path,
            "message": message,
            "hint": hint,
        }


def _shown(value: Any, show_pii: bool) -> Any:
    if isinstance(value, Pii) and not show_pii:
        return mask(value)
    return value


def make(
    severity: str,
    code: str,
    clause: str,
    file: str,
    line: int,
    path: str,
    key: str | None = None,
    **args: Any,
) -> Finding:
    """Build a finding; the catalogue key defaults to the rule code."""
    return Finding(severity, code, clause, file, line, path, key or code, tuple(sorted(args.items())))


def count(findings: list[Finding]) -> dict[str, int]:
    """Findings by severity — every one counted: a program reading the JSON's `counts` gets
    the number of findings it lists."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        if f.severity in counts:
            counts[f.severity] += 1
    return counts


# --- (de)serialising findings for the cache: exact round trip, types of arguments kept ---------


def _encode(value: Any) -> Any:
    if isinstance(value, Pii):
        return {"$pii": str(value)}
    if isinstance(value, Period):  # written as the language writes it (2026-sügis): keep the type
        return {"$period": str(value)}
    if isinstance(value, Phrase):
        return {"$phrase": [value.key, [[k, _encode(v)] for k, v in value.args]]}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if type(value) is date:  # written as the language writes dates when shown: keep the type
        return {"$date": value.isoformat()}
    return {"$str": str(value)}


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "$pii" in value:
            return Pii(value["$pii"])
        if "$period" in value:
            return Period(value["$period"])
        if "$date" in value:
            return date.fromisoformat(value["$date"])
        if "$phrase" in value:
            key, args = value["$phrase"]
            return Phrase(key, tuple((k, _decode(v)) for k, v in args))
        return value["$str"]
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def to_record(f: Finding) -> list:
    return [f.severity, f.code, f.clause, f.file, f.line, f.path, f.key, [[k, _encode(v)] for k, v in f.args]]


def from_record(r: list) -> Finding:
    severity, code, clause, file, line, path, key, args = r
    return Finding(severity, code, clause, file, line, path, key, tuple((k, _decode(v)) for k, v in args))
