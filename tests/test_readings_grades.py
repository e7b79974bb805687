"""Issue 16, 4.6.4.8 "2 nädala jooksul": an X recorded on day D counts as a 2 from D + 15 — the two
weeks include day D + 14, as 6.2.2's three weeks include D + 21."""

from __future__ import annotations

import json
from datetime import date

from tests.conftest import base_data, write_data

STUDENTS = "students/TA-24.yaml"


def _debt(cli, tmp_path, grades, as_of):
    files = base_data()
    files[STUDENTS][0]["grades"] += grades
    result = cli("debts", "--data", write_data(tmp_path / as_of, files), "--as-of", as_of, "--format", "json")
    assert result.exit_code == 0, result.output
    [d] = next(s for s in json.loads(result.stdout)["students"] if s["student"] == "S1")["debts"]
    return d


X = {"module": "M2", "kind": "assessment", "value": "X", "date": date(2027, 3, 1)}  # D = Monday 1 March


def test_4_6_4_8_x_counts_as_a_2_from_day_d_plus_15(cli, tmp_path):
    d = _debt(cli, tmp_path, [X], "2027-03-15")  # D + 14: still within the two weeks
    assert (d["accounting"], d["counts_as_fail_from"]) == (False, "2027-03-16")
    assert _debt(cli, tmp_path, [X], "2027-03-16")["accounting"] is True  # D + 15
    assert d["clear_by"] == "2027-03-22"  # 6.2.2 counts the same way: D + 21


def test_4_6_4_8_x_done_on_day_d_plus_14_never_counted_as_a_2(cli, tmp_path):
    done = {"module": "M2", "kind": "assessment", "value": 4, "date": date(2027, 3, 15)}
    d = _debt(cli, tmp_path, [X, done], "2027-04-01")
    assert d["state"] == "cleared" and d["accounting"] is False
    late = {**done, "date": date(2027, 3, 16)}
    assert _debt(cli, tmp_path, [X, late], "2027-04-01")["accounting"] is True
