"""Side effects of a valid contract, as Tahvel applies them (issue 18; 4.11.5: the contract is
concluded before practice starts): the lessons on a placement's days count as practice, not
absence, in the attendance figures — `cluster debts` (6.1.8–6.1.10, 5.3.1.1) and the basic
allowance's attendance criterion (Lisa 11 V.2, III.3) — and no school lunch is counted for its
days (6.12.10; the practice-period support of 6.12.11 instead). While the contract is a draft or
in review, the lessons stay absences and `debts` says why."""

from __future__ import annotations

import json
from datetime import date

from tests.conftest import base_data, write_data

STUDENTS = "students/TA-24.yaml"


def _spring_placement(files, status):
    """S1 on placement P1 in the spring 2027 period: 30 unexcused lessons, 10 of them on its days."""
    p = files["placements.yaml"][0]
    p["status"] = status
    s1 = files[STUDENTS][0]
    s1["attendance"] = [{"period": "2027-spring", "lessons": 100, "unexcused": 30, "excused": 5,
                           "on_placement": 10}]
    return files


def _debts(cli, tmp_path, files, as_of="2027-03-15"):
    root = write_data(tmp_path, files)
    result = cli("debts", "--data", root, "--as-of", as_of, "--student", "S1", "--format", "json")
    assert result.exit_code == 0, result.output
    [s] = json.loads(result.stdout)["students"]
    return s


def test_clause_4_11_5_a_valid_contract_s_placement_lessons_are_practice_not_absence(cli, tmp_path):
    s = _debts(cli, tmp_path, _spring_placement(base_data(), "valid"))
    row = s["attendance"]["2027-spring"]
    assert (row["unexcused"], row["practice"], row["rate"]) == (20, 10, 0.75)
    codes = [a["code"] for a in s["actions"]]
    assert "reprimand" not in codes and "practice-absences" not in codes  # 20, not over 20 (6.1.10.1)
    assert "attendance-duty" in codes  # 75 % < 80 % (5.3.1.1)


def test_clause_4_11_5_a_finished_contract_counts_the_same(cli, tmp_path):
    s = _debts(cli, tmp_path, _spring_placement(base_data(), "finished"), as_of="2027-04-10")
    assert s["attendance"]["2027-spring"]["unexcused"] == 20


def test_clause_4_11_5_without_a_valid_contract_the_lessons_stay_absences(cli, tmp_path):
    s = _debts(cli, tmp_path, _spring_placement(base_data(), "review"))
    row = s["attendance"]["2027-spring"]
    assert (row["unexcused"], row["practice"]) == (30, 0)
    codes = {a["code"]: a for a in s["actions"]}
    assert "reprimand" in codes  # 30 > 20 unexcused lessons (6.1.10.1)
    action = codes["practice-absences"]
    assert action["clause"] == "4.11.5, Lisa 7 1.4" and "P1" in action["message"] and "10" in action["message"]


def test_clause_4_11_5_a_cancelled_placement_is_no_practice(cli, tmp_path):
    s = _debts(cli, tmp_path, _spring_placement(base_data(), "cancelled"))
    assert s["attendance"]["2027-spring"]["unexcused"] == 30


def test_clause_4_7_5_lessons_on_placement_days_are_part_of_the_unexcused_ones(cli, tmp_path):
    files = base_data()
    files[STUDENTS][0]["attendance"] = [{"period": "2026-autumn", "lessons": 300, "unexcused": 2, "on_placement": 5}]
    root = write_data(tmp_path / "a", files)
    result = cli("validate", "--data", root, "--as-of", "2026-11-23", "--select", "attendance-count")
    assert result.exit_code == 1 and "on_placement" in result.output
    files[STUDENTS][0]["attendance"][0]["unexcused"] = 5  # P1 is in spring: no placement in autumn
    root = write_data(tmp_path / "b", files)
    result = cli("validate", "--data", root, "--as-of", "2026-11-23", "--select", "attendance-count")
    assert result.exit_code == 0 and "hoiatus attendance-count" in result.output


def test_clause_lisa_11_v_2_iii_3_the_allowance_s_attendance_counts_practice(cli, tmp_path):
    """The autumn 2027 round reads the spring 2027 attendance: 30 unexcused lessons, 10 of them on
    a placement's days, against a school limit of 20 (Lisa 11 III.3)."""
    def excluded(status, folder):
        files = _spring_placement(base_data(), status)
        s1 = files[STUDENTS][0]
        s1["applications"] = [{"kind": "basic", "round": "2027-autumn", "submitted": date(2027, 9, 8)}]
        s1["grades"] = [{"module": "M1", "kind": "assessment", "value": 4, "date": date(2027, 3, 2)}]
        files[STUDENTS] = [s1]
        files["profile.yaml"] = {"parameters": {"grant_refuse_unexcused_over": {"values": {date(2022, 8, 25): 20}}}}
        root = write_data(tmp_path / folder, files)
        result = cli("grants", "rank", "--round", "2027-autumn", "--data", root, "--format", "json")
        assert result.exit_code == 0, result.output
        doc = json.loads(result.stdout)
        return [r["code"] for e in doc["excluded"] if e["student"] == "S1" for r in e["reasons"]]

    assert "unexcused" not in excluded("finished", "f")
    assert "unexcused" in excluded("review", "r")


def test_clause_6_12_10_no_school_lunch_on_a_valid_placement_s_days(cli, tmp_path):
    """February 2027: P1 (1 Feb – 26 Mar) covers every school day. With a valid contract the
    student is on practice (no lunch at school, the practice support instead); with a contract
    in review the days are school days."""
    def lunch(status, folder):
        files = base_data()
        files["placements.yaml"][0]["status"] = status
        root = write_data(tmp_path / folder, files)
        result = cli("allowances", "lunch", "--month", "2027-02", "--data", root, "--format", "json")
        assert result.exit_code == 0, result.output
        doc = json.loads(result.stdout)
        school = {x["student"]: x for x in doc["school"]}
        practice = {x["student"]: x for x in doc["practice"]}
        return school.get("S1"), practice.get("S1")

    school, practice = lunch("valid", "v")
    assert school["school_days"] == 0 and practice["practice_days"] == 19
    school, practice = lunch("review", "r")
    assert school["school_days"] == 19 and practice is None
