"""Planning an import: the data folder's YAML files that the sheet's rows change, each with its
new text — in memory, nothing written here (`edit.write` writes them).

Files are read with ruamel.yaml's round-trip loader and dumped with the settings `match --write`
uses (`edit.drafts`), so comments and key order stay. A record is changed only in the fields the
sheet gives, and only where the value differs; nothing the sheet does not mention is removed; a
file whose records all stay as they are is not rewritten at all — importing the same sheet
twice changes nothing."""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from cluster_cli.edit.drafts import TargetError, _dump, _yaml
from cluster_cli.edit.intake.mapping import Row, RowError

VERDICTS = ("new", "changed", "unchanged")


@dataclass
class FilePlan:
    path: Path
    shown: str
    existed: bool
    original: str
    text: str

    def diff(self) -> list[str]:
        return list(difflib.unified_diff(self.original.splitlines(True), self.text.splitlines(True),
                                         "a/" + self.shown, "b/" + self.shown))


@dataclass
class ImportPlan:
    kind: str
    files: list[FilePlan] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    bad: list[RowError] = field(default_factory=list)
    good_rows: int = 0


class Documents:
    """The data files opened for the import, as round-trip documents; which of them changed."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self.docs: dict[Path, tuple[str, list]] = {}
        self.dirty: set[Path] = set()
        self.before: dict[Path, str] = {}
        self.flat: dict[Path, bool] = {}
        self.index: dict[tuple[Path, str], dict] = {}
        self.y = _yaml()
        self.y_flat = _flat_yaml()

    def shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.data_dir).as_posix()
        except ValueError:
            return path.as_posix()

    def open(self, path: Path) -> list:
        path = Path(path)
        if path not in self.docs:
            from ruamel.yaml import YAMLError
            from ruamel.yaml.comments import CommentedSeq

            original = path.read_text(encoding="utf-8") if path.is_file() else ""
            try:
                doc = self.y.load(original) if original.strip() else None
            except YAMLError as exc:
                raise TargetError(self.shown(path), str(exc).splitlines()[0]) from None
            if doc is None:
                doc = CommentedSeq()
            if not isinstance(doc, list):
                raise TargetError(self.shown(path), "not a YAML list")
            self.docs[path] = (original, doc)
            self.flat[path] = is_flat(original)
            self.before[path] = self.dump(path, doc) if len(doc) else original
        return self.docs[path][1]

    def dump(self, path: Path, doc) -> str:
        if self.flat.get(path):
            import io

            out = io.StringIO()
            self.y_flat.dump(doc, out)
            return out.getvalue()
        return _dump(self.y, doc)

    def find(self, path: Path, key: str, value: str):
        index = self.index.get((Path(path), key))
        if index is None:
            index = {}
            for item in self.open(path):
                if isinstance(item, dict):
                    index.setdefault(str(item.get(key)), item)
            self.index[(Path(path), key)] = index
        return index.get(value)

    def append(self, path: Path, record: dict):
        doc = self.open(path)
        item = to_yaml(record)
        doc.append(item)
        if len(doc) > 1:
            doc.yaml_set_comment_before_after_key(len(doc) - 1, before="\n", indent=0)
        self.dirty.add(Path(path))
        if isinstance(item, dict):
            for (where, key), index in self.index.items():
                if where == Path(path):
                    index.setdefault(str(item.get(key)), item)
        return item

    def plans(self) -> list[FilePlan]:
        out = []
        for path in sorted(self.dirty):
            original, doc = self.docs[path]
            after = self.dump(path, doc)
            text = spliced(original, self.before[path], after)
            if text != after and not _same_data(text, after):
                text = after
            if text != original:
                out.append(FilePlan(path, self.shown(path), path.is_file(), original, text))
        return out


def is_flat(text: str) -> bool:
    """Whether the file writes a nested list at its key's indent (`grades:` then `- module:` below
    it, PyYAML's way) rather than two further in (the sample data's way)."""
    lines = text.splitlines()
    for line, following in zip(lines, lines[1:]):
        stripped = line.rstrip()
        if stripped.endswith(":") and not stripped.lstrip().startswith(("#", "-")):
            indent = len(line) - len(line.lstrip())
            return following[:indent + 2] == " " * indent + "- "
    return False


def _flat_yaml():
    y = _yaml()
    y.indent(mapping=2, sequence=2, offset=0)
    return y


def _same_data(a: str, b: str) -> bool:
    """Whether two YAML texts hold the same data (a splice is used only when it does)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(a, Loader=loader) == yaml.load(b, Loader=loader)
    except yaml.YAMLError:
        return False


def spliced(original: str, before: str, after: str) -> str:
    """`after` with every line it shares with `before` (ruamel's dump of the file as read) taken
    from `original`: ruamel normalises some spacing (before a trailing comment, a comment's
    indent), and a line the import does not change must keep its exact bytes. Needs the dump
    to keep the file's lines one for one; otherwise ruamel's whole text is used."""
    old, base, new = original.splitlines(True), before.splitlines(True), after.splitlines(True)
    if len(old) != len(base):
        return after
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, base, new, autojunk=False).get_opcodes():
        out.extend(old[i1:i2] if op == "equal" else new[j1:j2])
    text = "".join(out)
    if text and not text.endswith("\n"):
        text += "\n"
    return text


def to_yaml(value):
    """Plain data as ruamel nodes: a string that would read back as another type is quoted (a
    personal code, a curriculum code, a grade "4"); a Decimal is a number."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(value, dict):
        return CommentedMap((k, to_yaml(v)) for k, v in value.items())
    if isinstance(value, list):
        return CommentedSeq(to_yaml(v) for v in value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, str):
        text = str(value)
        return DoubleQuotedScalarString(text) if _needs_quotes(text) else text
    return value


def _needs_quotes(text: str) -> bool:
    import yaml

    if text == "" or text != text.strip():
        return True
    try:
        return not isinstance(yaml.safe_load(text), str)
    except yaml.YAMLError:
        return True


def same(old, new) -> bool:
    if isinstance(new, bool) and isinstance(old, list):
        # a flag's column over records (`individual_curriculum: [{…}]`): "jah" while there are any
        return new == bool(old)
    if isinstance(new, (date, bool)) or isinstance(old, (date, bool)):
        return type(old) is type(new) and old == new
    if isinstance(new, Decimal) or isinstance(old, float):
        try:
            return Decimal(str(old)) == Decimal(str(new))
        except Exception:
            return False
    return str(old) == str(new) if old is not None else False


def set_fields(item, fields: dict, kind: str | None = None, under: str = "") -> bool:
    """Set each field (dotted: into a nested mapping; a number: into a list's item) where it
    differs; True when anything did. A field the file leaves out stays out when the sheet gives
    the data model's default for it (`ei`, `EE`, `draft`): what export wrote, import reads back
    without a change. `under` is the path of `item` in its record (`hosts.0.` for a host)."""
    from cluster_cli.edit.intake.fields import default

    changed = False
    for name, value in fields.items():
        steps = name.split(".")
        current = _at(item, steps)
        if current is _MISSING:
            if kind is not None and value is not None and same(default(kind, under + name), value):
                continue
            current = None
        if same(current, value):
            continue
        target = item
        for part, following in zip(steps, steps[1:]):
            target = _step_into(target, part, following)
        _put(target, steps[-1], to_yaml(value))
        changed = True
    return changed


_MISSING = object()


def model_same(record, fields: dict) -> bool:
    """Whether every field already has the row's value in the record as loaded (pydantic, with
    the model's defaults where the file leaves a field out): then the file need not be opened."""
    for name, value in fields.items():
        node = record
        for part in name.split("."):
            if node is None:
                break
            if part.isdigit():
                node = node[int(part)] if isinstance(node, list) and int(part) < len(node) else None
            else:
                node = getattr(node, part, None)
        if not same(node, value):
            return False
    return True


def _at(node, steps: list[str]):
    for part in steps:
        if isinstance(node, list) and part.isdigit():
            node = node[int(part)] if int(part) < len(node) else _MISSING
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return _MISSING
        if node is None:
            return _MISSING
    return node


def _step_into(target, part: str, following: str):
    """The child `part` of `target`, made (a mapping, or a list when the next step is a number)
    when missing; a list grows by one mapping to reach the next index."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(target, list):
        index = int(part)
        while len(target) <= index:
            target.append(CommentedMap())
        return target[index]
    child = target.get(part)
    if not isinstance(child, (dict, list)):
        child = target[part] = CommentedSeq() if following.isdigit() else CommentedMap()
    return child


def _put(target, part: str, value) -> None:
    if isinstance(target, list):
        index = int(part)
        while len(target) <= index:
            target.append(None)
        target[index] = value
    else:
        target[part] = value


def nest(fields: dict) -> dict:
    """Dotted fields (`guardian.name`, `hosts.0.member`) as nested mappings and lists, for a new
    record."""
    out: dict = {}
    for name, value in fields.items():
        steps = name.split(".")
        target: dict | list = out
        for part, following in zip(steps, steps[1:]):
            key = int(part) if isinstance(target, list) else part
            if isinstance(target, list):
                while len(target) <= key:
                    target.append({})
                target = target[key]
            else:
                target = target.setdefault(key, [] if following.isdigit() else {})
        if isinstance(target, list):
            while len(target) <= int(steps[-1]):
                target.append({})
            target[int(steps[-1])] = value
        else:
            target[steps[-1]] = value
    return out


def plan_import(loaded, data_dir: Path, kind: str, rows: list[Row]) -> ImportPlan:
    """The plan for `rows` of `kind`: every file that changes with its new text, the counts of
    new / changed / unchanged records, and the rows that cannot be imported."""
    from cluster_cli.edit.intake import hosts, kinds

    mergers = {"students": kinds.StudentMerge, "grades": kinds.GradeMerge, "attendance": kinds.AttendanceMerge,
               "members": hosts.MemberMerge, "placements": hosts.PlacementMerge}
    docs = Documents(data_dir)
    plan = ImportPlan(kind)
    merge = mergers[kind](loaded.dataset, docs)
    for row in rows:
        try:
            verdict = merge.row(row)
        except kinds.BadRow as exc:
            plan.bad.extend(exc.errors)
            continue
        plan.good_rows += 1
        plan.counts[verdict] += 1
    plan.files = docs.plans()
    return plan
