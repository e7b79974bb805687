"""Every parameter `cluster profile` shows is read by some code (issue 16; STYLE.md 16: no
parameter that no code reads), so the profile never claims a check that does not exist."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from tests.conftest import base_data, write_data

PACKAGE = Path(__file__).resolve().parents[1] / "cluster_cli"

PENDING: dict[str, str] = {}  # name → clause, for a parameter whose reader is being written


def _string_constants() -> set[str]:
    """Every string literal of the package's code (a parameter is read by its literal name)."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def _profile_parameters(cli, tmp_path) -> list[dict]:
    root = write_data(tmp_path / "data", base_data())
    result = cli("profile", "--data", root, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_every_profile_parameter_is_read_by_some_code(cli, tmp_path):
    names = [row["parameter"] for row in _profile_parameters(cli, tmp_path)]
    assert len(names) > 50
    literals = _string_constants()
    unread = sorted(n for n in names if n not in literals and n not in PENDING)
    assert unread == [], f"profile parameters no code reads (implement the check or remove them): {unread}"
    stale = sorted(n for n in PENDING if n in literals or n not in names)
    assert stale == [], f"read (or gone) now: remove from PENDING: {stale}"


def test_issue16_removed_parameters_are_not_shown(cli, tmp_path):
    """4.8.7, 6.1.6: the tool has no data these numbers could be checked against; `cluster
    profile` does not list them. (The appeal terms of 4.13.15 and Lisa 11 VII.3 came back with the
    calendar's appeal windows, issue 21: tests/test_calendar_cycles.py; the VÕTA limits of Lisa 5
    I.3 / III.8 with the students' `prior_learning:` applications: tests/test_prior_learning.py;
    2.10's independent_work_min_share with modules' independent_work_ekap:
    tests/test_rules_study_volume.py.)"""
    names = {row["parameter"] for row in _profile_parameters(cli, tmp_path)}
    removed = {"lesson_minutes", "late_minutes", "absent_minutes"}
    assert names & removed == set()


def test_profile_table_writes_values_as_the_language_does(cli, tmp_path):
    """Issue 15: `cluster profile` shows jah/ei, 0,7 and 60,00 — not JSON's false, 0.7 and "60.00"."""
    root = write_data(tmp_path / "data", base_data())
    et = cli("profile", "--data", root, "--wide", "--lang", "et").stdout
    line = next(x for x in et.splitlines() if x.startswith("allowances_exclude_vocational_choice"))
    import re

    assert " ei " in line and not re.search(r"^\S+ +(false|true|null) ", et, re.MULTILINE)
    assert "60,00" in next(x for x in et.splitlines() if x.startswith("grant_amount"))
    assert '{"' not in et and "0,7" in et
    en = cli("profile", "--data", root, "--wide", "--lang", "en").stdout
    assert " no " in next(x for x in en.splitlines() if x.startswith("allowances_exclude_vocational_choice"))
