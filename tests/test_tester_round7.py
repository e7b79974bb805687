"""The tester's round-7 findings on reports, the calendar, help and the sample (after issue 21),
each through the real CLI on a copy of the sample data."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "data"
AS_OF = "2026-11-23"


@pytest.fixture
def sample(tmp_path) -> Path:
    return Path(shutil.copytree(SAMPLE, tmp_path / "data"))


def _last(result) -> str:
    return result.stdout.strip().splitlines()[-1]


def test_validate_summary_counts_the_info_lines(cli, sample):
    """`--select cum-laude` prints info lines: the verdict says how many (tester's 24)."""
    et = cli("validate", "--data", sample, "--as-of", AS_OF, "--select", "cum-laude")
    assert et.exit_code == 0, et.output
    shown = sum(1 for line in et.stdout.splitlines() if " teave cum-laude:" in line)
    assert shown == 2
    assert re.fullmatch(r"Andmed on korras: \d+ faili, \d+ kirjet, 0 hoiatust, 2 teadet\.", _last(et)), _last(et)
    en = cli("validate", "--data", sample, "--as-of", AS_OF, "--select", "cum-laude", "--lang", "en")
    assert re.fullmatch(r"The data is valid: \d+ files, \d+ records, 0 warnings, 2 notes\.", _last(en)), _last(en)
    none = cli("validate", "--data", sample, "--as-of", AS_OF, "--select", "course-safety")
    assert " teave " not in none.stdout and "teade" not in _last(none), _last(none)


@pytest.mark.parametrize("lang, word", [("et", "REEGEL,…"), ("en", "RULE,…")])
def test_validate_help_names_the_rule_lists_in_words(cli, lang, word):
    """`--select`/`--ignore` show a placeholder in the user's language, never a Python type (tester's 16)."""
    result = cli("validate", "--help", "--lang", lang)
    assert result.exit_code == 0, result.output
    assert "list[" not in result.stdout and "<str>" not in result.stdout
    assert f"--select {word}" in result.stdout and f"--ignore {word}" in result.stdout
