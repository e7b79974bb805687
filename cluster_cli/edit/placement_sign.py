"""Recording read-back DigiDoc signatures in a placement (`contracts signatures --write`): new
`signatures:` entries and, for a fully signed contract, `status: valid` with its `history:`
entry.

Only the placement's own lines change: the record is found by a ruamel.yaml round-trip load
(from its `- id:` line to the next item; the blank and comment lines before the next item stay
outside it); the new entries are written by ruamel and spliced in — a new key after the record's
last line, new items after the last item of its existing list — and the status word is replaced
where it stands; every other byte of the file stays as it was (a record whose list is in flow
style is dumped again whole). Planned in memory, written through `edit/write.py`'s session
(lock, re-check, atomic).

The smallest writer `contracts signatures` needs until the general in-place update of one
placement (`edit/placement.py`) is there; then this becomes a call of it.
"""

from __future__ import annotations

from pathlib import Path

from cluster_cli.edit.drafts import TargetError, _dump, _to_commented, _yaml


def plan_signatures(places: dict[str, Path], updates: list[dict]) -> dict[Path, str]:
    """{file: new text} for `updates` (`contracts.signing.updates`: placement, signatures,
    status, history); `places` maps a placement id to its file. Nothing is written here."""
    texts: dict[Path, str] = {}
    for update in updates:
        path = places[update["placement"]]
        original = texts.get(path)
        if original is None:
            original = path.read_text(encoding="utf-8")
        texts[path] = _changed(original, path, update)
    return texts


def _changed(text: str, path: Path, update: dict) -> str:
    from ruamel.yaml import YAMLError

    y = _yaml()
    try:
        doc = y.load(text)
    except YAMLError as exc:
        raise TargetError(path.as_posix(), str(exc).splitlines()[0]) from None
    if not isinstance(doc, list):
        raise TargetError(path.as_posix(), "not a YAML list")
    wanted = update["placement"]
    index = next((i for i, item in enumerate(doc) if isinstance(item, dict) and str(item.get("id")) == wanted), None)
    if index is None:
        raise TargetError(path.as_posix(), f"no placement {update['placement']}")
    lines = text.splitlines(True)
    start = doc.lc.item(index)[0]
    end = doc.lc.item(index + 1)[0] if index + 1 < len(doc) else len(lines)
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1  # the blank lines and comments before the next item stay outside the record
    block = "".join(lines[start:end])
    if not block.endswith("\n"):
        block += "\n"
    new_block = _appended(block, update) or _round_trip(block, update)
    out = "".join(lines[:start]) + new_block + "".join(lines[end:])
    check = _yaml().load(out)
    if not isinstance(check, list) or len(check) != len(doc):
        raise TargetError(path.as_posix(), "the signatures could not be added faithfully")
    return out


def _appended(block: str, update: dict) -> str | None:
    """The record with the new entries' lines added — a new key after the record's last line, new
    items after the last item of an existing block list — and its status word replaced in place:
    every other byte kept. None when the record's shape asks for `_round_trip` (a flow list)."""
    y = _yaml()
    record = y.load(block)[0]
    lines = block.splitlines(True)
    if update.get("status"):
        if "status" not in record:
            return None
        line, col = record.lc.value("status")
        old = str(record["status"])
        if lines[line][col:col + len(old)] != old:
            return None
        lines[line] = lines[line][:col] + update["status"] + lines[line][col + len(old):]
    added = {}
    if update["signatures"]:
        added["signatures"] = [{k: v for k, v in s.items() if v is not None} for s in update["signatures"]]
    if update.get("status"):
        added["history"] = [{k: v for k, v in update["history"].items() if v is not None}]
    keys = list(record)
    inserts: list[tuple[int, str]] = []  # (line index, text)
    tail = {}
    for key, items in added.items():
        if key not in record or record[key] is None:
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
        inserts.append((at, _items(y, items, dash)))
    for at, text in sorted(inserts, reverse=True):
        lines[at:at] = [text]
    out = "".join(lines)
    if tail:
        out += _indented(y, _to_commented(tail), "  ")
    check = _yaml().load(out)[0]
    if any(len(check.get(k) or ()) != len(record.get(k) or ()) + len(v) for k, v in added.items()):
        return None  # the list's layout was not the one expected: dump the record again
    return out


def _items(y, items: list, dash: int) -> str:
    """List items with their dash in column `dash`, as the list they join writes them."""
    text = _indented(y, _to_commented({"x": items}), "").split("\n", 1)[1]  # `  - party: …` under `x:`
    return "".join(" " * dash + line[2:] if line.strip() else line for line in text.splitlines(True))


def _indented(y, data, prefix: str) -> str:
    import io

    text = io.StringIO()
    y.dump(data, text)
    return "".join(prefix + line if line.strip() else line for line in text.getvalue().splitlines(True))


def _round_trip(block: str, update: dict) -> str:
    """The record changed by a ruamel round trip (its own lines may be re-indented)."""
    from ruamel.yaml.comments import CommentedSeq

    y = _yaml()
    record = y.load(block)[0]
    _apply(record, update)
    return _dump(y, CommentedSeq([record]))


def _apply(record, update: dict) -> None:
    if update["signatures"]:
        if "signatures" not in record or record["signatures"] is None:
            record["signatures"] = _to_commented([])
        for entry in update["signatures"]:
            record["signatures"].append(_to_commented({k: v for k, v in entry.items() if v is not None}))
    if update.get("status"):
        record["status"] = update["status"]
        if "history" not in record or record["history"] is None:
            record["history"] = _to_commented([])
        record["history"].append(_to_commented({k: v for k, v in update["history"].items() if v is not None}))
