"""Shared pieces of the data model: the base class, people, and where a record came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, PrivateAttr, StringConstraints


class Model(BaseModel):
    """Every record: unknown fields are errors (a typo must not silently drop data), and YAML
    numbers are accepted where text is expected (registry codes, phone numbers)."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, validate_default=False)


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a top-level record was read: the file as shown to the user, the record's path
    prefix in that file (``students[3]``) and its raw YAML with key and item lines — or, for a
    record that came without lines (fast parser, cache), a `source` that finds them on demand
    (``source.item(index)``)."""

    file: str
    prefix: str
    raw: Any
    source: Any = None
    index: int = -1

    def lined(self) -> Any:
        if self.raw is None and self.source is not None:
            return self.source.item(self.index)
        return self.raw

    def line_of(self, path: tuple = ()) -> int:
        """The line of the deepest part of `path` that exists in the raw data. A `source` may
        know it from an earlier run (`known_lines`, kept per file content: `load/lines.py`)."""
        known = getattr(self.source, "known_lines", None) if self.raw is None else None
        if known is None:
            return self._line_in(path)
        key = f"{self.index}:{path!r}"
        line = known.get(key)
        if line is None:
            line = self._line_in(path)
            self.source.learn(key, line)
        return line

    def _line_in(self, path: tuple) -> int:
        node = self.lined()
        line = getattr(node, "line", 0)
        for step in path:
            if isinstance(node, dict) and not isinstance(step, (list, dict)) and step in node:
                # a key of any type: `1: x` is reported at its own line
                line = getattr(node, "key_lines", {}).get(step, line)
                node = node[step]
            elif isinstance(step, int) and isinstance(node, list) and 0 <= step < len(node):
                line = node.item_lines[step]
                node = node[step]
            else:
                break
        return line

    def path_text(self, path: tuple = ()) -> str:
        text = self.prefix
        for step in path:
            text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
        return text


class Record(Model):
    """A top-level record that remembers its origin (set by the loader)."""

    _origin: Origin | None = PrivateAttr(default=None)

    # The private dict is used directly: pydantic's `__getattr__`/`__setattr__` for a private
    # attribute cost more than the rules' whole look at a record (issue 20's profile).
    @property
    def origin(self) -> Origin:
        origin = self.__pydantic_private__.get("_origin")
        if origin is None:  # built in code, not read from a file
            return Origin("", "", None)
        return origin

    def read_from(self, origin: Origin) -> None:
        """Remember where the record was read (the loader calls this)."""
        self.__pydantic_private__["_origin"] = origin


Id = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
PeriodId = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-(autumn|spring)$")]
MonthId = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")]


class Person(Model):
    """A named person with optional contact data (supervisors, coordinators, contacts)."""

    name: Text
    role: str | None = None
    role_en: str | None = None
    """The role in English, for an English contract (placements abroad)."""
    email: str | None = None
    phone: str | None = None
    personal_code: str | None = None
    """Only where the person signs (a host's representative): matches a DigiDoc signer."""

