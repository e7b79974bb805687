"""Golden output: the exact text of a few representative findings and report tables, as hledger
tests its output. A change of wording or layout fails here and becomes a reviewed diff of
tests/golden/*.txt.

After a deliberate change, rewrite the files and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q tests/test_golden.py
    git diff tests/golden/
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import AS_OF, base_data, write_data
from tests.test_tables import REPORTS as VIEW_REPORTS, TEXT_COMMANDS

GOLDEN = Path(__file__).parent / "golden"
SAMPLE = Path(__file__).resolve().parents[1] / "data"
WIDTH = "200"  # the terminal's columns: tables are laid out for it

# name → (data folder: "sample" or "errors", the command line, its exit code)
CASES = {
    # findings: the error format (FILE:LINE: severity rule: message (clause)), the lines with a
    # gutter and a marker, the fix; both languages; errors and warnings
    "validate-errors-et": ("errors", ["validate", "--as-of", AS_OF], 1),
    "validate-errors-en": ("errors", ["validate", "--as-of", AS_OF, "--lang", "en"], 1),
    # the secretary's terminal: every line, the verdict too, within 80 columns, no word cut
    "width/validate-errors-et-80": ("errors", ["validate", "--as-of", AS_OF], 1, "80"),
    "validate-sample-et": ("sample", ["validate", "--as-of", AS_OF], 0),
    # report tables: titles, "(none)" views, wrapped cells, masked personal data, amounts
    "debts-student": ("sample", ["debts", "--as-of", AS_OF, "--student", "TA-24-09"], 0),
    "grants-rank-spring": ("sample", ["grants", "rank", "--round", "2027-spring"], 0),
    "grants-explain": ("sample", ["grants", "explain", "TA-25-07", "--round", "2026-autumn"], 0),
    "allowances-special": ("sample", ["allowances", "special", "--month", "2026-11"], 0),
    "members-show": ("sample", ["members", "show", "koodikoda", "--as-of", AS_OF], 0),
}
# every report on data/ as the secretary sees it at 80 and 120 columns, and piped (no $COLUMNS)
# Every report on the sample data: the views of `test_tables` and the commands printing text.
REPORTS = {**VIEW_REPORTS, **TEXT_COMMANDS}
WIDTHS = {"80": "80", "120": "120", "piped": None}
for _report, _args in REPORTS.items():
    for _label, _width in WIDTHS.items():
        CASES[f"width/{_report}-{_label}"] = ("sample", _args, 0, _width)


def _errors_folder(root: Path) -> None:
    """The small cluster of tests/conftest.py with an error of each common sort and a warning."""
    files = base_data()
    students = files["students/TA-24.yaml"]
    students[1].pop("guardian")  # a minor without a guardian: error
    students[0]["personal_code"] = "50801012232"  # a wrong check digit: error
    files["curricula.yaml"][0]["level"] = "neli"  # not a number: a shape error with its line
    files["members.yaml"][1].pop("recognition")  # an unrecognised host: warning
    write_data(root, files)


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_matches_its_golden_file(cli, tmp_path, monkeypatch, name):
    folder, args, exit_code, *width = CASES[name]
    if folder == "sample":
        shutil.copytree(SAMPLE, tmp_path / "data")
    else:
        _errors_folder(tmp_path / "data")
    monkeypatch.chdir(tmp_path)  # paths in findings read data/…, as a user in the folder sees them
    width = width[0] if width else WIDTH
    if width is None:  # piped: no terminal, no $COLUMNS
        monkeypatch.delenv("COLUMNS")
    else:
        monkeypatch.setenv("COLUMNS", width)
    result = cli(*args, *([] if args == ["rules"] else ["--data", "data"]))  # rules read no data
    assert result.exit_code == exit_code, result.output
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(result.stdout, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing: run UPDATE_GOLDEN=1 .venv/bin/python -m pytest -q {__file__}"
    assert result.stdout == golden.read_text(encoding="utf-8"), (
        f"the output of `cluster {' '.join(args)}` differs from {golden.name}; if the change is meant, "
        "rewrite it with UPDATE_GOLDEN=1 and review the diff")


def test_golden_files_are_all_in_use():
    """A golden file no case writes would go stale unnoticed."""
    assert sorted(p.relative_to(GOLDEN).with_suffix("").as_posix() for p in GOLDEN.rglob("*.txt")) == sorted(CASES)
