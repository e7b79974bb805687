"""The run's manifest (manifest.json, manifest.csv): one row per placement, keeping the rows of
placements a run on a subset did not touch.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from cluster_cli import __version__

if TYPE_CHECKING:
    from cluster_cli.contracts.plan import Job

MANIFEST_FIELDS = ("placement", "file", "template", "inputs_hash", "status", "reasons", "override", "changes")
"""`changes`: a signed contract's changed terms (verdict `changed`), each {term, old, new}; in the
CSV ``term: old → new`` joined by `` | ``."""


def previous_rows(root: Path, jobs: list[Job]) -> list[dict]:
    """The rows of the existing manifest (manifest.json, else manifest.csv) for placements this
    run does not touch — a run on a subset keeps the others — unless their file is gone."""
    mine = {j.placement for j in jobs}
    rows = _read_manifest_json(root / "manifest.json")
    if rows is None:
        rows = _read_manifest_csv(root / "manifest.csv") or []
    base = root.resolve()
    kept = []
    for r in rows:
        if not isinstance(r, dict) or not isinstance(r.get("placement"), str) or r["placement"] in mine:
            continue
        row = {k: r.get(k) if isinstance(r.get(k), str) else "" for k in MANIFEST_FIELDS}
        o = r.get("override")
        row["override"] = o if isinstance(o, dict) and {"by", "reason", "date"} <= o.keys() else None
        row["reasons"] = r.get("reasons")
        row["reasons"] = [str(x) for x in row["reasons"]] if isinstance(row["reasons"], list) else []
        changes = r.get("changes")
        row["changes"] = [c for c in changes if isinstance(c, dict) and {"term", "old", "new"} <= c.keys()] \
            if isinstance(changes, list) else []
        if row["file"] and not (base / row["file"]).is_file():
            continue  # the contract was removed since: its row would not match the folder
        kept.append(row)
    return kept


def _read_manifest_json(path: Path) -> list | None:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    rows = doc.get("contracts") if isinstance(doc, dict) else None
    return rows if isinstance(rows, list) else None


def _read_manifest_csv(path: Path) -> list | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, ValueError):
        return None
    rows = []
    for r in csv.DictReader(io.StringIO(text)):
        parts = (r.get("override") or "").split("; ")
        rows.append({**r, "reasons": [x for x in (r.get("reasons") or "").split(" | ") if x],
                     "changes": [_change_from_csv(x) for x in (r.get("changes") or "").split(" | ") if x],
                     "override": {"by": parts[0], "reason": parts[1], "date": parts[2]} if len(parts) == 3 else None})
    return rows


def _change_from_csv(text: str) -> dict:
    term, _, rest = text.partition(": ")
    old, _, new = rest.partition(" → ")
    return {"term": term, "old": old or None, "new": new or None}


def _change_csv(c: dict) -> str:
    return f"{c['term']}: {c['old'] or ''} → {c['new'] or ''}"


def _rows(jobs: list[Job], keep: Iterable[dict]) -> list[dict]:
    return sorted([*(j.row() for j in jobs), *keep], key=lambda r: (r["placement"], r["file"]))


def manifest_json(jobs: list[Job], as_of: date, keep: Iterable[dict] = ()) -> str:
    doc = {"tool": "cluster-cli", "version": __version__, "as_of": as_of.isoformat(), "contracts": _rows(jobs, keep)}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def manifest_csv(jobs: list[Job], keep: Iterable[dict] = ()) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(MANIFEST_FIELDS)
    for r in _rows(jobs, keep):
        o = r["override"]
        writer.writerow([r["placement"], r["file"], r["template"], r["inputs_hash"], r["status"],
                         " | ".join(r["reasons"]), "" if o is None else f"{o['by']}; {o['reason']}; {o['date']}",
                         " | ".join(_change_csv(c) for c in r.get("changes") or [])])
    return buffer.getvalue()


def write_manifest(root: Path, jobs: list[Job], as_of: date, tx) -> None:
    """manifest.json and manifest.csv in `root`, through the run's transaction, with the rows of
    the existing manifest this run does not touch."""
    keep = previous_rows(root, jobs)
    for name, text in (("manifest.json", manifest_json(jobs, as_of, keep)), ("manifest.csv", manifest_csv(jobs, keep))):
        tx.write(root / name, text, new=not (root / name).exists())
