"""A record's lines, found when a finding needs them: records read by the fast parser or from
the cache carry no line numbers (`Origin.line_of` asks `Locator.item`)."""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from pathlib import Path
from typing import Any

from cluster_cli.load.yaml_loader import YList, parse_bytes

LINES_AREA = "lines"


class Locator:
    """Finds a record's lines on demand (records from the fast path or the cache carry none).

    The file is read again and cut at its top-level items (`- ` at the list's own indentation:
    nothing inside a record of a well-formed list starts there), and only the lines of the item
    asked for are read (`yaml_loader.line_tree`: the lines the precise loader gives, without the
    values), shifted to where it stands in the file — a finding in a 10,000-line file costs a
    fraction of one record's parse, not the file's. When the cuts do not give
    exactly `count` items (or `count` is not known), the whole file is parsed as before."""

    def __init__(self, path: Path, count: int | None = None, kept: tuple | None = None):
        self.path = path
        self.count = count
        self._kept = kept  # (cache, the file's key): where the lines found are kept for later runs
        self._known: dict | None = None
        self._learned = False
        self._data: Any = None  # the whole file's parse, when cutting it did not work
        self._length = 0  # of the text cut (read again later, it must be as long)
        self._starts: list[int] | None = None
        self._items: dict[int, Any] = {}

    @property
    def known_lines(self) -> dict | None:
        """Lines found for this file's content in earlier runs ("index:path" → line), read from
        the cache on first use; None without a cache (`Origin.line_of` then finds each line)."""
        if self._kept is None:
            return None
        if self._known is None:
            cache, key = self._kept
            hit = cache.get(LINES_AREA, key)
            try:
                known = json.loads(hit[1]) if hit is not None else {}
            except ValueError:
                known = {}
            self._known = known if isinstance(known, dict) else {}
        return self._known

    def learn(self, key: str, line: int) -> None:
        if line > 0 and self._known is not None:  # 0: the file changed under us; never kept
            self._known[key] = line
            self._learned = True

    def learned(self) -> dict:
        """The lines learned in this run and not kept yet (a helper's answer: `learn_all`)."""
        return dict(self._known) if self._learned and self._known is not None else {}

    def learn_all(self, lines: dict) -> None:
        """Lines another process learned of the same file (`learned`)."""
        if lines and self.known_lines is not None:
            for key, line in lines.items():
                self.learn(key, line)

    def keep_learned(self) -> None:
        """Store the lines found in this run with those known before (one small entry per file)."""
        if self._learned and self._kept is not None:
            cache, key = self._kept
            cache.put(LINES_AREA, key, {}, json.dumps(self._known, separators=(",", ":")).encode())
            self._learned = False

    def item(self, index: int) -> Any:
        if self._data is None and self._starts is None:
            self._cut()
        if self._data is not None:
            if isinstance(self._data, list) and 0 <= index < len(self._data):
                return self._data[index]
            return None
        if not 0 <= index < len(self._starts):
            return None
        if index not in self._items:
            item = self._parse_item(index)
            if item is None:  # the cut piece did not read as one record: the whole file, then
                self._starts = None
                self._whole()
                return self.item(index)
            self._items[index] = item
        return self._items[index]

    def _cut(self) -> None:
        try:
            raw = self.path.read_bytes()
        except OSError:
            self._data = []
            return
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
        starts = item_starts(text, self.count)
        if starts is None:
            self._whole(raw)
            return
        self._length, self._starts = len(text), starts
        _remember(self, text)

    def _read_text(self) -> str | None:
        """The text cut: kept for the few files used last, else read again (None if it changed)."""
        text = _RECENT_TEXTS.get(self)
        if text is not None:
            _RECENT_TEXTS.move_to_end(self)
            return text
        try:
            text = self.path.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return None
        if len(text) != self._length:
            return None
        _remember(self, text)
        return text

    def _parse_item(self, index: int) -> Any:
        from cluster_cli.load.yaml_loader import line_tree, shift_lines

        starts, text = self._starts, self._read_text()
        if text is None:
            return None
        piece, offset = record_piece(text, starts, index)
        data = line_tree(piece)
        if data is None:  # something line_tree leaves to the loader
            data, problems = parse_bytes(piece.encode("utf-8"))
            if problems:
                return None
        if not isinstance(data, YList) or len(data) != 1 or not isinstance(data[0], dict):
            return None
        return shift_lines(data[0], offset)

    def _whole(self, raw: bytes | None = None) -> None:
        try:
            self._data, _ = parse_bytes(raw if raw is not None else self.path.read_bytes())
        except OSError:
            self._data = []
        if self._data is None:
            self._data = []


def item_starts(text: str | None, count: int | None) -> list[int] | None:
    """Where each top-level item of a file's list starts (`- ` at the list's own indentation),
    or None when the cuts do not give exactly `count` items or the file's line breaks are not
    all "\n" / "\r\n" (lines are counted at "\n")."""
    if count is None or text is None or any(c in text for c in "\x85\u2028\u2029") \
            or text.count("\r") != text.count("\r\n"):
        return None
    first = _FIRST_ITEM.search(text)
    starts = [] if first is None else [
        m.start() for m in re.finditer(r"^%s-(?=[ \t\r]|$)" % re.escape(first.group(1)), text, re.M)]
    return starts if len(starts) == count else None


def record_piece(text: str, starts: list[int], index: int) -> tuple[str, int]:
    """The text of item `index` (a one-item list) and the number of lines before it."""
    end = starts[index + 1] if index + 1 < len(starts) else len(text)
    return text[starts[index]:end], text.count("\n", 0, starts[index])


# The texts of the files whose records were asked for last: a file with several findings is read
# once, while the texts of a folder full of findings are not all kept.
_RECENT_TEXTS: "OrderedDict[Locator, str]" = OrderedDict()
_KEEP_TEXTS = 4


def _remember(locator: Locator, text: str) -> None:
    _RECENT_TEXTS[locator] = text
    _RECENT_TEXTS.move_to_end(locator)
    while len(_RECENT_TEXTS) > _KEEP_TEXTS:
        _RECENT_TEXTS.popitem(last=False)


# The first line of a file that is neither blank nor a comment, when it is a list's item.
_FIRST_ITEM = re.compile(r"\A(?:[ \t\r]*(?:#[^\n]*)?\n)*( *)-(?=[ \t\r]|$)", re.M)


def salvaged_ids(raw: bytes, id_field: str) -> list[str]:
    """The ids of the records a file that could not be parsed was meant to hold, read line by line
    (`- id: X` or `  id: X` at a record's own indentation). They count as known, so that a
    single syntax error is not followed by a reference error for every one of its records."""
    pattern = re.compile(r"^(?:-[ \t]+|  )%s[ \t]*:[ \t]*([\"']?)([^\s\"'#][^\"'#]*?)\1[ \t]*(?:#.*)?$"
                         % re.escape(id_field))
    text = raw.decode("utf-8-sig", errors="replace")
    found = []
    for line in text.splitlines():
        m = pattern.match(line)
        if m and m.group(2) not in found:
            found.append(m.group(2))
    return found
