"""Issue 16, Lisa 7 8.2 "praktika alguseks": a debt open today blocks a placement that starts later
only as a warning until the start date; from the start date on it is an error."""

from __future__ import annotations

from datetime import date

from tests.conftest import base_data, findings_of, write_data

STUDENTS = "students/TA-24.yaml"


def _with_debt(tmp_path):
    files = base_data()  # P1 (S1, valid) starts 2027-02-01
    files[STUDENTS][0]["grades"].append({"module": "M2", "kind": "module", "value": 2, "date": date(2026, 11, 2)})
    return write_data(tmp_path / "d", files)


def test_lisa7_8_2_debt_open_today_is_a_warning_until_the_start(cli, tmp_path):
    root = _with_debt(tmp_path)
    for as_of in ("2026-11-23", "2027-01-31"):
        code, doc = cli.validate_json(root, "--as-of", as_of)
        [f] = findings_of(doc, "open-debts")
        assert (f["severity"], f["clause"]) == ("warning", "Lisa 7 8.2, 6.2.3"), as_of
        assert "2027-02-01" in f["message"] and "M2" in f["message"]
    out = tmp_path / "out"
    result = cli("contracts", "render", "P1", "--data", root, "--as-of", "2026-11-23", "--out", out)
    assert result.exit_code == 0, result.output


def test_lisa7_8_2_debt_open_on_the_start_date_is_an_error(cli, tmp_path):
    code, doc = cli.validate_json(_with_debt(tmp_path), "--as-of", "2027-02-01")
    [f] = findings_of(doc, "open-debts")
    assert code == 1 and (f["severity"], f["clause"]) == ("error", "6.2.3, Lisa 7 8.2")
