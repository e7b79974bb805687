"""Issue 16, 6.1.9 and 6.2.1: the study director's notice counts unexcused lessons with no period
window; a period's attendance actions stay visible through the week after it ends."""

from __future__ import annotations

import json

from tests.conftest import base_data, write_data

STUDENTS = "students/TA-24.yaml"


def _debts(cli, tmp_path, name, attendance, as_of, sid_index=0):
    files = base_data()
    files[STUDENTS][sid_index]["attendance"] = attendance
    result = cli("debts", "--data", write_data(tmp_path / name, files), "--as-of", as_of, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _actions(doc, sid):
    return [a for s in doc["students"] if s["student"] == sid for a in s["actions"]]


def test_6_1_9_unexcused_lessons_add_up_across_periods(cli, tmp_path):
    rows = [{"period": "2026-autumn", "lessons": 300, "unexcused": 14},
            {"period": "2027-spring", "lessons": 300, "unexcused": 5}]  # 19 in all
    doc = _debts(cli, tmp_path, "a", rows, "2027-03-01", sid_index=1)  # S2, a minor
    assert "notify-director" not in [a["code"] for a in _actions(doc, "S2")]
    rows[0]["unexcused"], rows[1]["unexcused"] = 15, 10  # 25 in all: neither period alone reaches 20
    doc = _debts(cli, tmp_path, "b", rows, "2027-03-01", sid_index=1)
    [notice] = [a for a in _actions(doc, "S2") if a["code"] == "notify-director"]
    assert notice["clause"] == "6.1.9" and "25" in notice["message"] and "2026-autumn, 2027-spring" in notice["message"]
    assert "reprimand" not in [a["code"] for a in _actions(doc, "S2")]  # 6.1.10.1 keeps its period window


def test_6_2_1_a_periods_attendance_actions_stay_through_the_week_after_it_ends(cli, tmp_path):
    rows = [{"period": "2026-autumn", "lessons": 300, "unexcused": 21}]  # the period ends 31 January
    for as_of, shown in (("2027-01-31", True), ("2027-02-07", True), ("2027-02-08", False)):
        doc = _debts(cli, tmp_path, as_of, rows, as_of)
        reprimands = [a for a in _actions(doc, "S1") if a["code"] == "reprimand"]
        assert bool(reprimands) is shown, as_of
        assert all("2026-autumn" in a["message"] for a in reprimands)
