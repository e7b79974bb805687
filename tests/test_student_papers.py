"""Issue 21: a student's papers — the accounting debt of a graded assessment (2.1), the HarID
account and e-mail (5.3.1.3), the re-sit agreement sheet (6.2.4) and the academic leave's
application, directive and evidence (6.7.3, 6.7.4). Each test changes the valid sample and runs
the real CLI (`validate`, `debts`) on real files."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import base_data, findings_of, write_data

STUDENTS = "students/TA-24.yaml"


def s1(f):
    return f[STUDENTS][0]


def s2(f):
    return f[STUDENTS][1]


@pytest.fixture
def run(validate_changed):
    return lambda change, rule: validate_changed(change, "--select", rule, "--lang", "en")


# --- 2.1 -------------------------------------------------------------------------------------


def test_clause_2_1_an_ordinary_test_s_negative_result_is_not_an_accounting_debt(cli, tmp_path):
    def debts(graded):
        files = base_data()
        s1(files)["grades"] = [{"module": "M2", "topic": "HTML", "kind": "assessment", "value": "2",
                                "date": date(2026, 11, 2), "graded": graded}]
        root = write_data(tmp_path / f"d{graded}", files)
        result = cli("debts", "--data", root, "--as-of", "2026-11-23", "--format", "json")
        assert result.exit_code == 0, result.output
        [student] = [s for s in json.loads(result.stdout)["students"] if s["student"] == "S1"]
        return student["debts"]

    [d] = debts(True)
    assert d["accounting"] is True
    [d] = debts(False)  # an ordinary test: still a debt to clear, not an accounting one
    assert d["accounting"] is False and d["state"] != "cleared"


# --- 5.3.1.3 ---------------------------------------------------------------------------------


def test_clause_5_3_1_3_a_first_year_has_a_harid_account_and_a_personal_e_mail(run):
    code, doc = run(lambda f: (s2(f).pop("harid"), s2(f).pop("email")), "student-accounts")  # S2 started 1.9.2026
    [v] = findings_of(doc, "student-accounts")
    assert v["clause"] == "5.3.1.3" and v["severity"] == "warning" and "S2" in v["message"]
    assert "harid" in v["message"] and "email" in v["message"]
    code, doc = run(lambda f: None, "student-accounts")  # the base S2 has both
    assert findings_of(doc, "student-accounts") == []
    code, doc = run(lambda f: s2(f).pop("harid"), "student-accounts")
    [v] = findings_of(doc, "student-accounts")
    assert "harid" in v["message"] and "email" not in v["message"]


def test_clause_5_3_1_3_earlier_years_are_not_chased(run):
    code, doc = run(lambda f: s1(f).pop("email"), "student-accounts")  # S1 started in 2024
    assert [v["message"] for v in findings_of(doc, "student-accounts") if "S1" in v["message"]] == []


# --- 6.2.4 -----------------------------------------------------------------------------------


def resit(f, agreed=None, signed=None):
    s1(f)["grades"] = [
        {"module": "M2", "topic": "HTML", "kind": "assessment", "value": "2", "date": date(2026, 10, 1),
         **({"resit_agreed": agreed} if agreed else {})},
        {"module": "M2", "topic": "HTML", "kind": "assessment", "value": "4", "date": date(2026, 10, 15),
         **({"sheet_signed": signed} if signed else {})},
    ]


def test_clause_6_2_4_a_re_sit_s_time_and_result_are_signed_on_the_agreement_sheet(run):
    [v] = findings_of(run(resit, "resit-sheet")[1], "resit-sheet")
    assert v["clause"] == "6.2.4" and "resit_agreed" in v["message"] and "sheet_signed" in v["message"]
    assert v["path"].endswith("grades[1]")
    [v] = findings_of(run(lambda f: resit(f, agreed=date(2026, 10, 5)), "resit-sheet")[1], "resit-sheet")
    assert "resit_agreed" not in v["message"] and "sheet_signed" in v["message"]
    code, doc = run(lambda f: resit(f, date(2026, 10, 5), date(2026, 10, 15)), "resit-sheet")
    assert findings_of(doc, "resit-sheet") == []


# --- 6.7.3, 6.7.4 ----------------------------------------------------------------------------


def leave(f, reason="health", **extra):
    s1(f)["status"] = [{"status": "active", "start": date(2024, 9, 2), "end": date(2026, 10, 4)},
                       {"status": "academic_leave", "start": date(2026, 10, 5), "end": date(2027, 6, 30),
                        "reason": reason, "evidence": "arstitõend", **extra}]


def test_clause_6_7_3_academic_leave_is_agreed_with_the_supervisor_and_granted_by_directive(run):
    found = findings_of(run(leave, "leave-papers")[1], "leave-papers")
    assert sorted(v["clause"] for v in found) == ["6.7.3", "6.7.3"]
    assert any("supervisor" in v["message"] for v in found) and any("directive" in v["message"] for v in found)
    code, doc = run(lambda f: leave(f, supervisor_agreed=date(2026, 10, 1), directive="1-3/142"), "leave-papers")
    assert findings_of(doc, "leave-papers") == []
    # agreed only after the start: still a warning
    code, doc = run(lambda f: leave(f, supervisor_agreed=date(2026, 10, 6), directive="1-3/142"), "leave-papers")
    [v] = findings_of(doc, "leave-papers")
    assert "supervisor" in v["message"]


def test_clause_6_7_4_service_leave_rests_on_the_call_up(run):
    code, doc = run(lambda f: leave(f, "military", supervisor_agreed=date(2026, 10, 1), directive="1-3/142",
                                    evidence=None), "leave-papers")
    [v] = findings_of(doc, "leave-papers")
    assert v["clause"] == "6.7.4" and "call-up" in v["message"]


# --- 5.3.1.1 ---------------------------------------------------------------------------------


def test_clause_5_3_1_1_an_open_debt_is_a_study_task_not_yet_fulfilled(cli, tmp_path):
    files = base_data()
    s1(files)["grades"] = [{"module": "M2", "topic": "HTML", "kind": "assessment", "value": "2",
                            "date": date(2026, 11, 16)}]
    root = write_data(tmp_path / "d", files)
    result = cli("debts", "--data", root, "--as-of", "2026-11-23", "--format", "json")
    [student] = [s for s in json.loads(result.stdout)["students"] if s["student"] == "S1"]
    [action] = [a for a in student["actions"] if a["code"] == "clear-debts"]
    assert "5.3.1.1" in action["clause"] and "6.2.2" in action["clause"]
