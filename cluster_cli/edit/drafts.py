"""Draft placements from `cluster match` proposals, added to the data folder's placement files
without losing their comments or order.

The file is read with ruamel.yaml's round-trip loader, the drafts are appended to its list and
the whole is dumped back; when a dump of the unchanged file would not give back its exact bytes
(ruamel normalises some spacing, e.g. before a trailing comment), the original text is kept as
it is and only the new items, dumped by the same ruamel settings, are appended after it. Either
way the file is replaced atomically, under the data folder's lock and only when no data file
changed since it was read (`edit.write`): never a half-written file, never a lost edit.

Decided here (copier's way): everything is planned in memory first — target files, ids, the
YAML text — and written only when every file could be planned; a file that is not a YAML list
refuses the whole write.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from cluster_cli.model.dataset import Dataset
from cluster_cli.reports.matching import JOINT, PROPOSED, MatchReport, Need

ID_RE = re.compile(r"^(?P<prefix>.+)-(?P<year>[0-9]{4})-(?P<n>[0-9]+)$")


class TargetError(Exception):
    """A data file an edit cannot change (broken YAML, not a list): `match --write`'s placement
    file, or a file `cluster import` writes into."""

    def __init__(self, file: str, reason: str):
        super().__init__(f"{file}: {reason}")
        self.file = file
        self.reason = reason


@dataclass
class DraftFile:
    path: Path
    shown: str
    existed: bool
    ids: list[str] = field(default_factory=list)
    text: str = ""


def _yaml():
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap a long line
    # The data files indent nested lists under their key by two (`  modules:\n    - X`) while the
    # top-level list starts at column 0: ruamel writes everything one level deeper, `_dedent`
    # takes that level back off.
    y.indent(mapping=2, sequence=4, offset=2)
    # Drafts share date objects; anchors and aliases are refused by the loader, so never write them.
    y.representer.ignore_aliases = lambda *args: True
    return y


def _dedent(text: str) -> str:
    return "".join(line[2:] if line.startswith("  ") else line for line in text.splitlines(True))


def _dump(y, data) -> str:
    out = io.StringIO()
    y.dump(data, out, transform=_dedent)
    return out.getvalue()


def target_for(data_dir: Path, school: str) -> Path:
    """`placements/<school>.yaml` — or the single `placements.yaml` when the folder keeps its
    placements in one file and has no `placements/` folder."""
    single = data_dir / "placements.yaml"
    if single.is_file() and not (data_dir / "placements").is_dir():
        return single
    return data_dir / "placements" / f"{school}.yaml"


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def draft_record(ds: Dataset, need: Need, ident: str) -> dict:
    """The draft as plain data, keys in the order the sample data uses."""
    first = need.proposals[0]
    members = [ds.members[x.member] for x in first.slots]
    school = ds.members.get(need.student.school)
    home = school.country if school is not None else "EE"
    abroad = members[0].country != home
    record: dict = {"id": ident, "student": need.student.id, "modules": [need.module],
                    "kind": "abroad" if abroad else "workplace_based", "status": "draft",
                    "start": need.start, "end": need.end}
    if need.hours is not None:
        record["hours"] = need.hours
    if need.ekap is not None:
        record["ekap"] = _number(need.ekap)
    record["place"] = ", ".join(m.name for m in members)
    if members[0].address:
        record["address"] = members[0].address
    if abroad:
        record["country"] = members[0].country
        record["language"] = "en"  # Lisa 7 12.7.1
    hosts = []
    for slot in first.slots:
        host: dict = {"member": slot.member, "start": slot.start, "end": slot.end}
        if first.joint and slot.hours is not None:
            host["hours"] = slot.hours
        if slot.tasks:
            host["tasks"] = [{"catalogue": t} for t in slot.tasks]
        hosts.append(host)
    record["hosts"] = hosts
    record["coordinator"] = need.group.supervisor.model_dump(exclude_none=True)
    return record


def _to_commented(value):
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, dict):
        return CommentedMap((k, _to_commented(v)) for k, v in value.items())
    if isinstance(value, list):
        return CommentedSeq(_to_commented(v) for v in value)
    return value


def plan_drafts(ds: Dataset, data_dir: Path, report: MatchReport, comment: str) -> list[DraftFile]:
    """Every file the drafts go to, with its new text — nothing is written here. Only students
    with a proposal (single or joint) get a draft; blocked students never do (6.2.3)."""
    from ruamel.yaml import YAMLError

    taken = set(ds.placements) | set(ds.broken.get("placements", ()))
    by_file: dict[Path, list[Need]] = {}
    for need in report.needs:
        if need.outcome not in (PROPOSED, JOINT) or not need.proposals:
            continue
        by_file.setdefault(target_for(data_dir, need.student.school), []).append(need)
    plans = []
    for path in sorted(by_file):
        shown = path.as_posix()
        y = _yaml()
        existed = path.is_file()
        original = path.read_text(encoding="utf-8") if existed else ""
        try:
            doc = y.load(original) if original.strip() else None
        except YAMLError as exc:
            raise TargetError(shown, str(exc).splitlines()[0]) from None
        if doc is None:
            from ruamel.yaml.comments import CommentedSeq

            doc = CommentedSeq()
        if not isinstance(doc, list):
            raise TargetError(shown, "not a YAML list")
        prefix = _prefix(ds, doc, by_file[path][0].student.school)
        plan = DraftFile(path, shown, existed)
        new = []
        for need in by_file[path]:
            ident = _next_id(prefix, need.start.year, taken)
            taken.add(ident)
            plan.ids.append(ident)
            new.append(_to_commented(draft_record(ds, need, ident)))
        try:
            plan.text = _appended(y, doc, original, new, comment)
        except ValueError as exc:
            raise TargetError(shown, str(exc)) from None
        plans.append(plan)
    return plans


def _prefix(ds: Dataset, doc: list, school: str) -> str:
    """The id prefix the file already uses (`VV` in `VV-2027-05`), else the one used for the
    school's students elsewhere, else the school's id in capitals."""
    found = Counter(m.group("prefix") for item in doc if isinstance(item, dict)
                    for m in [ID_RE.match(str(item.get("id", "")))] if m)
    if not found:
        found = Counter(m.group("prefix") for p in ds.placements.values()
                        if p.student in ds.students and ds.students[p.student].school == school
                        for m in [ID_RE.match(p.id)] if m)
    if not found:
        return school.upper()
    return sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def _next_id(prefix: str, year: int, taken: set[str]) -> str:
    numbers = [int(m.group("n")) for t in taken for m in [ID_RE.match(t)]
               if m and m.group("prefix") == prefix and int(m.group("year")) == year]
    n = max(numbers, default=0) + 1
    while f"{prefix}-{year}-{n:02d}" in taken:
        n += 1
    return f"{prefix}-{year}-{n:02d}"


def _appended(y, doc, original: str, new: list, comment: str) -> str:
    from ruamel.yaml.comments import CommentedSeq

    before = len(doc)
    if before and _dump(y, doc) == original:
        doc.extend(new)
        _separate(doc, before, "\n" + comment)
        text = _dump(y, doc)
    else:
        tail = CommentedSeq(new)
        _separate(tail, 0, comment)
        text = _dump(y, tail)
        if before:  # keep the original bytes exactly; the new items follow them
            text = original.rstrip("\n") + "\n\n" + text
        else:  # an empty list (or none): keep the file's leading comments
            header = [line for line in original.splitlines(True) if not line.strip() or line.lstrip().startswith("#")]
            text = "".join(header).rstrip("\n") + ("\n\n" if header else "") + text if "".join(header).strip() else text
    check = _yaml().load(text)
    if not isinstance(check, list) or len(check) != before + len(new):
        raise ValueError("the drafts could not be added faithfully")
    return text


def _separate(seq, first: int, comment: str) -> None:
    """The comment above the first new item, a blank line above each later one (as in the data)."""
    seq.yaml_set_comment_before_after_key(first, before=comment, indent=0)
    for i in range(first + 1, len(seq)):
        seq.yaml_set_comment_before_after_key(i, before="\n", indent=0)


def write_drafts(plans: list[DraftFile], session) -> None:
    """Every planned file, through the data folder's edit session (`edit.write.edit`): written only
    when no data file changed since the data was read, each atomically, keeping its mode and
    its symlink. Raises `DataChanged` (nothing written) or OSError."""
    session.commit({plan.path: plan.text for plan in plans})
