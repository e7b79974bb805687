"""Number agreement (issue 15): a count in a sentence takes the right form in both languages —
"1 hoiatus" / "7 hoiatust", "1 warning" / "7 warnings" — through gettext plurals (`tn`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import AS_OF, base_data, write_data

STUDENTS = "students/TA-24.yaml"
SAMPLE = Path(__file__).resolve().parents[1] / "data"


def _one_error_one_warning(tmp_path: Path) -> Path:
    files = base_data()
    files["members.yaml"][1].pop("recognition")  # unrecognised host: a warning
    files[STUDENTS][0]["personal_code"] = "50801012232"  # bad checksum: an error
    return write_data(tmp_path / "data", files)


@pytest.mark.parametrize("lang, text", [
    ("et", "Andmetes on 1 viga ja 1 hoiatus ("),
    ("en", "The data has 1 error and 1 warning ("),
])
def test_validate_summary_with_one_of_each(cli, tmp_path, lang, text):
    result = cli("validate", "--data", _one_error_one_warning(tmp_path), "--as-of", AS_OF, "--lang", lang)
    assert result.exit_code == 1
    assert text in result.stdout


@pytest.mark.parametrize("lang, text", [
    ("et", "Andmed on korras: 16 faili, 176 kirjet, 83 hoiatust, 5 teadet."),
    ("en", "The data is valid: 16 files, 176 records, 83 warnings, 5 notes."),
])
def test_validate_summary_with_several(cli, lang, text):
    result = cli("validate", "--data", SAMPLE, "--as-of", AS_OF, "--lang", lang)
    assert result.exit_code == 0
    assert text in result.stdout


@pytest.mark.parametrize("lang, one, several", [
    ("et", "1 lahtine võlgnevus (ITN-M08/Paroolipoliitika)", "2 aegunud võlgnevust (ITN-M04, ITN-M07"),
    ("en", "1 open debt (ITN-M08/Paroolipoliitika)", "2 expired debts (ITN-M04, ITN-M07"),
])
def test_debt_actions_agree_with_their_count(cli, lang, one, several):
    result = cli("debts", "--data", SAMPLE, "--as-of", AS_OF, "--lang", lang, "--format", "json")
    assert result.exit_code == 0
    assert one in result.stdout and several in result.stdout
    assert "võlgnevus(t)" not in result.stdout and "debt(s)" not in result.stdout
