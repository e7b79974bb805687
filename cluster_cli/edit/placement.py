"""Change one placement record in its YAML file, in place: the record is read with ruamel.yaml's
round-trip loader (its comments and key order kept), changed by a callable, dumped with the
settings `edit/drafts.py` uses, and its lines spliced back — every other line of the file stays
byte-identical. The write goes through `edit/write.py`'s session (lock, snapshot, atomic
commit): a file changed since it was read is refused (`DataChanged`).

The one way a command changes a placement (`contracts status --set`, `contracts sign`, and
the amendments and DigiDoc signatures that record into the same record):

    update_placement(data_dir, "VV-2027-02", lambda rec: rec["signatures"].append({...}))

or, when the command reads the data under the lock first (to check what it will write):

    with edit(data_dir) as session:
        loaded = load(data_dir)
        planned = plan_update(data_dir, "VV-2027-02", change)   # nothing written
        session.commit({planned.path: planned.text})
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from cluster_cli.edit.drafts import TargetError, _yaml
from cluster_cli.edit.write import edit
from cluster_cli.load.layout import discover

RECORD_ORDER = (
    "id", "student", "modules", "kind", "mobility_project", "status", "start", "end", "hours", "ekap", "place",
    "address", "country", "hosts", "school_supervisor", "coordinator", "tasks", "plan", "language",
    "guardian_consent", "data_received", "debt_override", "grade", "history", "signatures", "amendments",
)
"""The keys of a placement in the order of the model (`model/placements.py` `Placement`): a key a
change adds goes where this order puts it."""


class PlacementNotFound(Exception):
    """No placement file of the data folder holds a record with this id."""

    def __init__(self, placement_id: str):
        super().__init__(placement_id)
        self.placement_id = placement_id


@dataclass
class PlannedEdit:
    """One placement's changed file, planned in memory: the file, the record's first and last
    line (1-based, inclusive) and its text before and after, and the whole new text."""

    path: Path
    shown: str
    first_line: int
    last_line: int
    before: str
    after: str
    text: str

    @property
    def changed(self) -> bool:
        return self.before != self.after


def placement_files(data_dir: Path) -> list[Path]:
    """The files that hold placements (`placements.yaml` or `placements/*.yaml`), sorted."""
    by_kind, _ = discover(Path(data_dir))
    return list(by_kind.get("placements", []))


def find_placement(data_dir: Path, placement_id: str) -> Path:
    """The file whose list has a record `id: <placement_id>` (a quick text scan first, the
    YAML parse then decides); PlacementNotFound otherwise."""
    pattern = re.compile(r"^-?\s*id:\s*['\"]?" + re.escape(placement_id) + r"['\"]?\s*(#.*)?$", re.M)
    for path in placement_files(data_dir):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if pattern.search(text):
            return path
    raise PlacementNotFound(placement_id)


def ensure_key(record, key: str, default: Any) -> Any:
    """The record's value of `key`; when it has none, `default` is inserted where the model's
    key order puts it (before the first later key the record has) and returned."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if key in record and record[key] is not None:
        return record[key]
    if isinstance(default, list) and not isinstance(default, CommentedSeq):
        default = CommentedSeq(default)
    elif isinstance(default, dict) and not isinstance(default, CommentedMap):
        default = CommentedMap(default)
    if key in record:
        record[key] = default
        return default
    later = RECORD_ORDER[RECORD_ORDER.index(key) + 1:] if key in RECORD_ORDER else ()
    keys = list(record)
    position = next((i for i, k in enumerate(keys) if k in later), len(keys))
    record.insert(position, key, default)
    return default


def commented(value):
    """Plain data (dicts, lists) as ruamel's commented containers, keys in their given order."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        return CommentedMap((k, commented(v)) for k, v in value.items() if v is not None)
    if isinstance(value, list):
        return CommentedSeq(commented(v) for v in value)
    return value


def _dedent(text: str) -> str:
    """As `edit/drafts.py` takes back the level ruamel adds — but a comment line stays where it
    was: ruamel writes comments back at their own column."""
    return "".join(line[2:] if line.startswith("  ") and not line.lstrip().startswith("#") else line
                   for line in text.splitlines(True))


def _item_starts(lines: list[str]) -> list[int]:
    """0-based indexes of the lines that start a top-level list item (`- …` at column 0)."""
    return [i for i, line in enumerate(lines) if line.startswith("- ") or line.rstrip("\r\n") == "-"]


def _span(lines: list[str], starts: list[int], placement_id: str, shown: str) -> tuple[int, int]:
    """The record's lines [first, end): from its `- ` line to the next item, without the blank
    and comment lines at its end (they belong to the gap before the next item)."""
    from ruamel.yaml import YAMLError

    y = _yaml()
    for n, first in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        while end > first + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
            end -= 1
        head = "".join(lines[first:end])
        if placement_id not in head:
            continue
        try:
            doc = y.load(head)
        except YAMLError as exc:
            raise TargetError(shown, str(exc).splitlines()[0]) from None
        if isinstance(doc, list) and len(doc) == 1 and isinstance(doc[0], dict) \
                and str(doc[0].get("id")) == placement_id:
            return first, end
    raise PlacementNotFound(placement_id)


def plan_update(data_dir: Path, placement_id: str, change: Callable[[Any], None],
                path: Path | None = None, text: str | None = None) -> PlannedEdit:
    """The file of `placement_id` with `change(record)` applied to the record (a ruamel
    `CommentedMap`; `ensure_key` adds a key in the model's order) — planned, not written.
    `text` is the file's text when an earlier change of the same run planned it already.
    PlacementNotFound when no file holds it; TargetError when its file or record cannot be
    read or the change cannot be written back faithfully."""
    from ruamel.yaml import YAMLError

    path = path or find_placement(data_dir, placement_id)
    shown = path.as_posix()
    try:
        original = text if text is not None else path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TargetError(shown, str(exc)) from None
    lines = original.splitlines(True)
    first, end = _span(lines, _item_starts(lines), placement_id, shown)
    before = "".join(lines[first:end])
    after = _appended(before, change) if isinstance(change, Append) else None
    if after is None:
        y = _yaml()
        doc = y.load(before)
        change(doc[0])
        out = io.StringIO()
        y.dump(doc, out, transform=_dedent)
        after = out.getvalue()
        if not before.endswith("\n"):
            after = after.rstrip("\n")
    text = "".join(lines[:first]) + after + "".join(lines[end:])
    try:
        check = _yaml().load(text)
    except YAMLError as exc:
        raise TargetError(shown, str(exc).splitlines()[0]) from None
    if not isinstance(check, list) or sum(1 for x in check if isinstance(x, dict)
                                          and str(x.get("id")) == placement_id) != 1:
        raise TargetError(shown, "the record could not be written back faithfully")
    return PlannedEdit(path, shown, first + 1, first + after.count("\n") + (0 if after.endswith("\n") else 1),
                       before, after, text)


def plan_updates(data_dir: Path, changes: list[tuple[str, Callable[[Any], None]]]) -> dict[Path, str]:
    """Several placements' changes planned together (two may share a file): {file: new text}."""
    texts: dict[Path, str] = {}
    for placement_id, change in changes:
        path = find_placement(data_dir, placement_id)
        texts[path] = plan_update(data_dir, placement_id, change, path, texts.get(path)).text
    return texts


@dataclass(frozen=True)
class Append:
    """A change that only appends entries to the record's lists (`signatures`, `history`,
    `amendments`) and may set its status. It is written by adding lines — every byte of the
    record kept, whatever its indentation — where the record's layout allows; else by the round
    trip (`__call__`). Two add up: `appending("signatures", …) + appending("history", …)`."""

    lists: tuple[tuple[str, tuple[dict, ...]], ...]
    status: str | None = None

    def __add__(self, other: "Append") -> "Append":
        return Append(self.lists + other.lists, other.status or self.status)

    def __call__(self, record) -> None:
        if self.status is not None:
            ensure_key(record, "status", self.status)
            record["status"] = self.status
        for key, entries in self.lists:
            items = ensure_key(record, key, [])
            for entry in entries:
                items.append(commented(entry))


def appending(key: str, *entries: dict, status: str | None = None) -> Append:
    """The change that appends `entries` to the record's list `key` and, given a `status`, sets it."""
    return Append(((key, tuple(entries)),), status)


def _appended(block: str, change: Append) -> str | None:
    """The record `block` with `change` written as added lines — new items after the last item of
    an existing block list, a new key after the record's last line — and its status word
    replaced where it stands. None when the record's layout asks for the round trip (a list in
    flow style, a status the text does not show as it is)."""
    y = _yaml()
    record = y.load(block)[0]
    lines = block.splitlines(True)
    if change.status is not None:
        if "status" not in record:
            return None
        line, col = record.lc.value("status")
        old = str(record["status"])
        if lines[line][col:col + len(old)] != old:
            return None
        lines[line] = lines[line][:col] + change.status + lines[line][col + len(old):]
    added: dict[str, list] = {}
    for key, entries in change.lists:
        added.setdefault(key, []).extend(commented(e) for e in entries)
    keys = list(record)
    inserts: list[tuple[int, str]] = []
    tail = {}
    for key, items in added.items():
        if record.get(key) is None:
            tail[key] = items
            continue
        if not isinstance(record[key], list) or not record[key] or record[key].fa.flow_style():
            return None
        after = keys.index(key) + 1
        at = record.lc.key(keys[after])[0] if after < len(keys) else len(lines)
        while at > 0 and (not lines[at - 1].strip() or lines[at - 1].lstrip().startswith("#")):
            at -= 1
        line, col = record[key].lc.item(0)
        dash = lines[line].rfind("-", 0, col)
        if dash < 0 or lines[line][:dash].strip():
            return None
        text = _indented(y, commented({"x": items}), "").split("\n", 1)[1]  # `  - …` under `x:`
        inserts.append((at, "".join(" " * dash + ln[2:] if ln.strip() else ln for ln in text.splitlines(True))))
    for at, text in sorted(inserts, reverse=True):
        lines[at:at] = [text]
    out = "".join(lines)
    if not out.endswith("\n"):
        out += "\n"
    if tail:
        out += _indented(y, commented(tail), "  ")
    check = _yaml().load(out)[0]
    if any(len(check.get(k) or ()) != len(record.get(k) or ()) + len(v) for k, v in added.items()):
        return None  # the list's layout was not the one expected: the round trip writes it
    return out if block.endswith("\n") else out.rstrip("\n")


def signing_amendment(number: int, day) -> Callable[[Any], None]:
    """The change that records amendment `number` as signed on `day` (its entry's `signed:`,
    written by the round trip)."""

    def change(record) -> None:
        for entry in record.get("amendments") or ():
            if isinstance(entry, dict) and entry.get("number") == number:
                entry["signed"] = day
    return change


def _indented(y, data, prefix: str) -> str:
    out = io.StringIO()
    y.dump(data, out)
    return "".join(prefix + line if line.strip() else line for line in out.getvalue().splitlines(True))


def update_placement(data_dir: Path, placement_id: str, change: Callable[[Any], None],
                     dry_run: bool = False) -> PlannedEdit:
    """Lock the data folder, apply `change` to the record of `placement_id` and write its file
    atomically (unless `dry_run`). Raises DataFolderBusy, DataChanged (nothing written),
    PlacementNotFound, TargetError or WriteError."""
    with edit(Path(data_dir)) as session:
        planned = plan_update(data_dir, placement_id, change)
        if not dry_run and planned.changed:
            session.commit({planned.path: planned.text})
        return planned
