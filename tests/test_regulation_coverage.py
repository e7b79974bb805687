"""docs/regulation-coverage.md, the living copy of the regulation inventory (issue 21): every rule
id of `cluster rules` appears in it, every test it names exists, and the coverage figure it claims
(implemented + half of partial, of the counted rules) is not more than its rows give."""

from __future__ import annotations

import ast
import json
import re
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).parent.parent
COVERAGE = ROOT / "docs" / "regulation-coverage.md"
ROW = re.compile(r"^\| (\d+) \| (.*?) \| (.*?) \| (.*?) \| (.*?) \| (.*) \| (.*) \|$")
STATUSES = ("implemented", "partial", "not", "needs data")


def _rows() -> list[tuple[int, str, str]]:
    """(row number, status, test cell) of every row of the inventory's tables."""
    return [(int(m.group(1)), m.group(5), m.group(7))
            for m in map(ROW.match, COVERAGE.read_text(encoding="utf-8").splitlines()) if m]


def _tests() -> set[str]:
    found = set()
    for f in (ROOT / "tests").glob("test_*.py"):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                found.add(f"{f.name}::{node.name}")
    return found


def test_every_rule_id_of_cluster_rules_is_in_the_coverage_file(cli):
    result = cli("rules", "--format", "json")
    assert result.exit_code == 0, result.output
    text = COVERAGE.read_text(encoding="utf-8")
    missing = [r["rule"] for r in json.loads(result.stdout) if f"`{r['rule']}`" not in text]
    assert missing == []


def test_every_test_named_in_the_coverage_file_exists():
    named = set(re.findall(r"`(test_[a-z0-9_]+\.py::test_[A-Za-z0-9_]+)`", COVERAGE.read_text(encoding="utf-8")))
    assert len(named) > 100
    assert sorted(named - _tests()) == []


def test_rows_are_numbered_once_and_each_has_a_status():
    rows = _rows()
    numbers = [n for n, _, _ in rows]
    assert len(numbers) == len(set(numbers)) == 320
    assert {status for _, status, _ in rows} <= set(STATUSES) | {"⇄ counted in the annex"}


def test_the_coverage_figure_stays_at_least_what_the_file_claims():
    counted = [status for _, status, _ in _rows() if status in STATUSES]
    assert len(counted) == 306  # the inventory's checkable rules, cross-listed rows aside
    score = counted.count("implemented") + Fraction(counted.count("partial"), 2)
    share = score / len(counted) * 100
    claimed = re.search(r"Coverage: \*\*(\d+(?:\.\d)?) %\*\*", COVERAGE.read_text(encoding="utf-8"))
    assert claimed, "the file states its coverage as `Coverage: **NN.N %**`"
    print(f"regulation coverage: {float(share):.1f} % ({float(score):g} of {len(counted)}),",
          f"claimed {claimed.group(1)} %")
    assert share >= Fraction(claimed.group(1))
    implemented_without_test = [n for n, status, test in _rows() if status == "implemented" and test == "—"]
    assert len(implemented_without_test) <= 52  # rows whose test is not yet named here: only fewer
