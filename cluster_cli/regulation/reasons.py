"""One `Reason`: why a report decided as it did — a catalogue code, the clause of the
regulation that decides it, and the arguments of its message.

Each report keeps its own catalogue prefix: the grant reports read `code` under
`grant.reason.`, the allowances under `allowance.reason.`; the matching report writes the whole
key and marks a reason that counts against a host or flags a student with `good=False`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Reason:
    """A reason or a note: a catalogue code, its clause, its arguments (name, value)."""

    code: str
    clause: str
    args: tuple[tuple[str, Any], ...] = ()
    good: bool = True
