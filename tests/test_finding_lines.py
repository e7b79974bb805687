"""Issue 20: a finding on a record read without lines (the fast parser, the cache) has its line
found by parsing that record alone, cut out of its file — not the whole file again. The report
is byte for byte the one the precise loader gives, on a synthetic cluster with findings in the
first, a middle and the last record of files, in a CRLF file, after leading comments; where the
cut cannot be trusted the whole file is parsed, as before."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cluster_cli.edit.synthetic import synthetic_files
from tests.conftest import AS_OF



def _unknown_module(text: str, which: int) -> str:
    """`text` with the first grade of its record number `which` (-1: the last) naming a module
    no curriculum has — a rule's finding, not a shape error: the file stays on the fast path."""
    starts = [m.start() for m in re.finditer(r"^- id:", text, re.M)]
    at = text.index("    - module: ", starts[which])
    return text[:at] + "    - module: Z99" + text[text.index("\n", at):]


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("findings")
    files, _ = synthetic_files(250, 2)
    students = sorted(name for name in files if name.startswith("students/"))
    assert len(students) >= 8
    for i, name in enumerate(students):
        text = files[name]
        count = text.count("\n- id:") + 1
        files[name] = _unknown_module(text, (0, count // 2, -1)[i % 3])
    files[students[0]] = "# a comment before the first record\n\n" + files[students[0]]
    files[students[1]] = files[students[1]].replace("\n", "\r\n")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(text.encode("utf-8"))
    return root


def _validate(cli, root, monkeypatch, loader: str) -> str:
    monkeypatch.setenv("CLUSTER_LOADER", loader)
    result = cli("validate", "--data", root, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 1, result.stdout
    return result.stdout


def test_findings_and_lines_are_the_precise_loaders_fast_and_from_the_cache(cli, root, monkeypatch):
    precise = _validate(cli, root, monkeypatch, "precise")
    monkeypatch.setenv("CLUSTER_NO_CACHE", "1")
    fast = _validate(cli, root, monkeypatch, "fast")
    monkeypatch.delenv("CLUSTER_NO_CACHE")
    _validate(cli, root, monkeypatch, "fast")  # fills the cache
    cached = _validate(cli, root, monkeypatch, "fast")
    assert fast == precise
    assert cached == precise
    unknown = [f for f in json.loads(precise)["findings"] if "Z99" in json.dumps(f, ensure_ascii=False)]
    assert len(unknown) >= 8 and all(f["line"] > 1 for f in unknown)


def _counting_whole(monkeypatch) -> list[str]:
    from cluster_cli.load import lines

    whole: list[str] = []
    original = lines.Locator._whole

    def counting(self, raw=None):
        whole.append(self.path.name)
        return original(self, raw)

    monkeypatch.setattr(lines.Locator, "_whole", counting)
    return whole


def test_a_finding_parses_its_record_only(root, monkeypatch):
    from datetime import date

    from cluster_cli.pipeline import check, load

    whole = _counting_whole(monkeypatch)
    loaded = load(root)
    findings = check(loaded, date.fromisoformat(AS_OF))
    assert len([f for f in findings if f.line > 1 and "Z99" in repr(f)]) >= 8
    assert whole == []


@pytest.mark.parametrize("text, count, cut", [
    # "- " at the list's indentation inside a quoted text (PyYAML reads it; a cut there would
    # find one item too many): the whole file is parsed
    ('- id: a\n  x: 1\n- id: b\n  note: "first line\n- second line"\n  y: 2\n', 2, False),
    ("# lead\n\n- id: a\n  x: 1\n- id: b\n  note: text\n  y: 2\n", 2, True),
    ("- id: a\r\n  x: 1\r\n- id: b\r\n  note: text\r\n  y: 2\r\n", 2, True),
    ("  - id: a\n    x: 1\n  - id: b\n    note: text\n    y: 2\n", 2, True),  # an indented list
    ("- id: a\r  x: 1\r- id: b\r  note: text\r  y: 2\r", 2, False),  # old Mac line breaks
    ("- id: a\n  x: 1\n- id: b\n  note: text\n  y: 2\n", None, False),  # the count not known
])
def test_the_cut_or_the_whole_file_gives_the_precise_lines(tmp_path, monkeypatch, text, count, cut):
    from cluster_cli.load.lines import Locator
    from cluster_cli.load.yaml_loader import parse_bytes

    path = tmp_path / "students.yaml"
    path.write_bytes(text.encode("utf-8"))
    whole = _counting_whole(monkeypatch)
    item = Locator(path, count).item(1)
    assert _lines(item) == _lines(parse_bytes(text.encode("utf-8"))[0][1])
    assert whole == ([] if cut else ["students.yaml"])


def _lines(node):
    """What `Origin.line_of` reads of a parsed record: its structure and lines, no values."""
    if isinstance(node, dict):
        return ("map", node.line, dict(node.key_lines), {k: _lines(v) for k, v in node.items()})
    if isinstance(node, list):
        return ("seq", node.line, list(node.item_lines), [_lines(v) for v in node])
    return None


@pytest.mark.parametrize("text", [
    "- id: a\n  grades:\n    - module: M1\n      value: '3'\n    - module: M2\n  status:\n  - status: active\n",
    "- id: a\n  note: |\n    two\n    - lines\n  after: 1\n",  # a block scalar
    "- id: a\n  note: >-\n    folded\n\n    text\n  after: x\n",
    '- id: a\n  note: "a quoted\n    text"\n  after: x\n',  # a quoted text over lines
    "- id: a\n  list: [1, 2, {b: 3}]\n  map: {c: [4]}\n  after: x\n",  # flow collections
    "- id: a\n  'quoted key': 1\n  \"other\": 2\n  empty:\n  # a comment\n  last: ~\n",
    "- id: a\n  nested:\n  - - x\n    - y\n  - []\n  - {}\n",
    "-\n  id: a\n  x: 1\n",
])
def test_line_tree_gives_the_precise_loaders_lines(text):
    from cluster_cli.load.yaml_loader import line_tree, parse_bytes

    data, problems = parse_bytes(text.encode("utf-8"))
    assert problems == []
    assert _lines(line_tree(text)) == _lines(data)


@pytest.mark.parametrize("text", [
    "- id: a\n  1: x\n",  # a number as a key
    "- id: a\n  true: x\n",
    "- id: a\n  2026-01-01: x\n",
    "- id: a\n  x: 1\n  x: 2\n",  # a duplicate key
    "- id: a\n  x: &anchor 1\n  y: *anchor\n",
    "- id: a\n  x: !!str 1\n",
    "- id: a\n  <<: {b: 1}\n",
    "- id: a\n  x: [1\n",  # a syntax error
    "- id: a\n---\n- id: b\n",  # two documents
])
def test_line_tree_leaves_the_unusual_to_the_loader(text):
    from cluster_cli.load.yaml_loader import line_tree

    assert line_tree(text) is None


def _bad_course(text: str, which: int, value: str) -> str:
    """`text` with the `course:` of its record number `which` (-1: the last) set to `value` — a
    shape error: the record cannot become a model."""
    starts = [m.start() for m in re.finditer(r"^- id:", text, re.M)]
    at = text.index("  course: ", starts[which])
    return text[:at] + f"  course: {value}" + text[text.index("\n", at):]


@pytest.fixture(scope="module")
def shape_root(tmp_path_factory) -> Path:
    """One big students file (every group's records in one list) with shape errors in its first, a
    middle and its last record, a CRLF file with one, and a file whose lines break the cut."""
    root = tmp_path_factory.mktemp("shape")
    files, _ = synthetic_files(250, 2)
    students = sorted(name for name in files if name.startswith("students/"))
    big = "".join(files.pop(name) for name in students[:-2])
    count = big.count("\n- id:") + 1
    for which, value in ((0, "yks"), (count // 2, "'65,00'"), (-1, "[1]")):
        big = _bad_course(big, which, value)
    files["students/all.yaml"] = "# all groups\n" + big
    files[students[-2]] = _bad_course(files[students[-2]], 1, "x").replace("\n", "\r\n")
    files[students[-1]] = _bad_course(files[students[-1]], 0, "0").replace("\n", "\r")  # old Mac: whole file
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(text.encode("utf-8"))
    return root, students[-2], students[-1]


def test_shape_errors_read_their_records_alone_with_the_precise_loaders_findings(cli, shape_root, monkeypatch):
    """Issue 20: one typo in a big file costs the records that have it, not the whole file."""
    from cluster_cli.load.folder import recording_paths

    root, crlf, old_mac = shape_root
    precise = _validate(cli, root, monkeypatch, "precise")
    monkeypatch.setenv("CLUSTER_NO_CACHE", "1")
    with recording_paths() as served:
        fast = _validate(cli, root, monkeypatch, "fast")
    assert fast == precise
    shape = [f for f in json.loads(precise)["findings"] if f["path"].endswith(".course")]
    assert len(shape) == 5 and all(f["line"] > 1 for f in shape)
    assert served["students/all.yaml"] == "fast"  # not the precise loader for the whole file
    assert served[crlf] == "fast"
    assert served[old_mac] == "precise"  # the cut cannot be trusted: the whole file, as before
