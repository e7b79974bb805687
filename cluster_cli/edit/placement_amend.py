"""Recording an amendment (`cluster contracts amend`) in its placement's YAML record: an
`amendments:` entry (number, date, terms, file) appended to the one record, the rest of the file
kept byte for byte.

The smallest comment-preserving update of one placement: the record's lines are cut out of the
file, read with ruamel.yaml's round-trip loader, changed, dumped with the settings of
`edit/drafts.py`, and spliced back; the file is written through `edit/write.py`'s session.
(A general in-place update of a placement, `edit/placement.py`, is being built for `contracts
status`; this one is to be folded into it.)
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from cluster_cli.i18n import N_
from cluster_cli.load.layout import discover


class PlacementNotFound(Exception):
    """The placement's record was not found in any placements file (it moved since it was read)."""

    def __init__(self, placement: str):
        super().__init__(placement)
        self.key = N_("files.placement-not-found")
        self.args_ = {"placement": placement}


def _yaml():
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap a long line
    y.indent(mapping=2, sequence=4, offset=2)
    y.representer.ignore_aliases = lambda *args: True
    return y


def _dedent(text: str) -> str:
    return "".join(line[2:] if line.startswith("  ") else line for line in text.splitlines(True))


def _record_lines(text: str, placement: str) -> tuple[int, int] | None:
    """The first and one-past-last line of the placement's list item in a placements file
    (trailing blank and comment lines left outside), or None."""
    from ruamel.yaml import YAMLError

    try:
        doc = _yaml().load(text)
    except YAMLError:
        return None
    if not isinstance(doc, list):
        return None
    lines = text.splitlines(True)
    for i, item in enumerate(doc):
        if isinstance(item, dict) and str(item.get("id")) == placement:
            start = doc.lc.item(i)[0]
            end = doc.lc.item(i + 1)[0] if i + 1 < len(doc) else len(lines)
            while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
                end -= 1
            return start, end
    return None


def amendment_entry(number: int, day: date, terms: list[str], file: str) -> dict:
    return {"number": number, "date": day, "terms": list(terms), "file": file}


def plan_amendment_record(data_dir: Path, placement: str, entry: dict) -> tuple[Path, str]:
    """The placements file holding `placement` and its new text, with `entry` appended to the
    record's `amendments:` list (created when missing). Raises PlacementNotFound."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    by_kind, _ = discover(data_dir)
    for path in by_kind.get("placements", []):
        text = path.read_text(encoding="utf-8")
        found = _record_lines(text, placement)
        if found is None:
            continue
        start, end = found
        lines = text.splitlines(True)
        chunk = "".join(lines[start:end])
        if not chunk.endswith("\n"):
            chunk += "\n"
        y = _yaml()
        record = y.load(chunk)
        item = record[0]
        amendments = item.get("amendments")
        if not isinstance(amendments, list):
            amendments = CommentedSeq()
            item["amendments"] = amendments
        terms = CommentedSeq(entry["terms"])
        terms.fa.set_flow_style()
        amendments.append(CommentedMap([("number", entry["number"]), ("date", entry["date"]),
                                        ("terms", terms), ("file", entry["file"])]))
        out = io.StringIO()
        y.dump(record, out, transform=_dedent)
        new = "".join(lines[:start]) + out.getvalue() + "".join(lines[end:])
        return path, new
    raise PlacementNotFound(placement)
