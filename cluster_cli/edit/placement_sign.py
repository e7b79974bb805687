"""Recording read-back DigiDoc signatures in a placement (`contracts signatures --write`): new
`signatures:` entries and, for a fully signed contract, `status: valid` with its `history:`
entry.

Only the placement's own lines change: the record is cut out of its file (from its `- id:` line
to the next item, its trailing blank and comment lines left where they are), changed by a
ruamel.yaml round trip and spliced back; every other byte of the file stays as it was. Planned in
memory, written through `edit/write.py`'s session (lock, re-check, atomic).

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
    """The record with the new keys' lines added after its last line and its status word
    replaced in place — every other byte kept; None when the record already has `signatures:`
    or `history:` (then `_round_trip`)."""
    import io

    y = _yaml()
    record = y.load(block)[0]
    if "signatures" in record or "history" in record:
        return None
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
    text = io.StringIO()
    y.dump(_to_commented(added), text)
    if not added:
        return "".join(lines)
    return "".join(lines) + "".join("  " + line if line.strip() else line for line in text.getvalue().splitlines(True))


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
