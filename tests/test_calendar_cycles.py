"""`cluster calendar`, issue 21 item 3: the special allowance's and bus travel's monthly cycles
(Lisa 12 3.4–3.7, Lisa 14 3.3–3.6), every appeal window (Lisa 11 VII.3, 4.13.15, 7.3) and the
period's debt summary (6.2.1) — each number from the profile."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import base_data

STUDENTS = "students/TA-24.yaml"


@pytest.fixture
def calendar(calendar_of):
    return calendar_of


def of_kind(doc, kind):
    return [(e["date"], e["subject"]) for e in doc["events"] if e["kind"] == kind]


def one(doc, kind, subject):
    [e] = [e for e in doc["events"] if e["kind"] == kind and e["subject"] == subject]
    return e


def test_clause_lisa_12_3_4_3_5_3_7_special_allowance_cycle(calendar):
    doc = calendar(base_data(), "2027-01-20", "--days", "50")
    assert ("2027-02-10", "2027-02") in of_kind(doc, "special-apply")  # by the 10th (3.4)
    assert ("2027-02-15", "2027-02") in of_kind(doc, "special-decide")  # by the 15th (3.5)
    assert ("2027-02-26", "2027-02") in of_kind(doc, "special-pay")  # by the 26th (3.5)
    # 3.7: ten working days from the decision (24 February is a holiday), reviewed in ten more
    appeal = one(doc, "special-appeal", "2027-02")
    assert (appeal["date"], appeal["clause"]) == ("2027-03-02", "Lisa 12 3.7")
    assert "2027-02-15" in appeal["message"] and "2027-03-16" in appeal["message"]


def test_clause_lisa_12_3_4_no_special_allowance_cycle_in_summer(calendar):
    doc = calendar(base_data(), "2027-07-01", "--days", "60")
    assert of_kind(doc, "special-apply") == [] and of_kind(doc, "special-pay") == []


def test_clause_lisa_14_3_4_3_6_bus_report_check_and_payment(calendar):
    doc = calendar(base_data(), "2027-01-20", "--days", "40")
    assert ("2027-02-05", "2027-01") in of_kind(doc, "bus-report")  # the 5th of the next month (3.4)
    # 3.3, 3.5: the supervisor forwards by the 7th — Sunday 7 February 2027 → Friday the 5th
    check = one(doc, "bus-check", "2027-01")
    assert (check["date"], check["clause"]) == ("2027-02-05", "Lisa 14 3.3, 3.5")
    assert ("2027-02-25", "2027-01") in of_kind(doc, "bus-pay")  # by the 25th (3.6)
    # August's journeys are none: no September report
    summer = calendar(base_data(), "2027-08-20", "--days", "20")
    assert of_kind(summer, "bus-report") == []


def test_clause_lisa_11_vii_3_basic_allowance_appeal_window(calendar):
    doc = calendar(base_data(), "2027-03-01", "--days", "30")
    e = one(doc, "grant-appeal", "2027-spring")
    # a week after the decision of 10 March; reviewed in ten working days (Good Friday 26 March)
    assert (e["date"], e["clause"]) == ("2027-03-17", "Lisa 11 VII.3")
    assert "2027-03-10" in e["message"] and "2027-04-01" in e["message"]


def test_clause_4_13_15_final_exam_appeal_window(calendar):
    files = base_data()
    files[STUDENTS][0]["grades"].append({"module": "M2", "kind": "final", "value": 4, "date": date(2027, 1, 22)})
    doc = calendar(files, "2027-01-20", "--days", "30")
    e = one(doc, "exam-appeal", "S1")
    # three working days from Friday 22 January; the decision within ten days of that
    assert (e["date"], e["clause"]) == ("2027-01-27", "4.13.15")
    assert "M2" in e["message"] and "2027-02-06" in e["message"]
    files[STUDENTS][0]["grades"][-1]["kind"] = "module"
    assert of_kind(calendar(files, "2027-01-20", "--days", "30"), "exam-appeal") == []


def test_clause_7_3_removal_may_be_challenged_within_30_days(calendar):
    files = base_data()
    files[STUDENTS][0]["status"][-1]["end"] = date(2027, 1, 14)
    files[STUDENTS][0]["status"].append({"status": "expelled", "start": date(2027, 1, 15)})
    e = one(calendar(files, "2027-01-20", "--days", "30"), "decision-challenge", "S1")
    # thirty days from 15 January is Sunday 14 February → Monday
    assert (e["date"], e["clause"]) == ("2027-02-15", "7.3")
    assert "2027-01-15" in e["message"]


def test_clause_6_2_1_period_debt_summary_within_a_week(calendar):
    doc = calendar(base_data(), "2027-01-20", "--days", "30")
    e = one(doc, "period-summary", "2026-autumn")
    assert e["clause"] == "6.2.1" and "2026-autumn" in e["message"]
    assert e["date"] == "2027-02-08"  # a week after 31 January is Sunday 7 February → Monday


def test_the_cycles_numbers_come_from_the_profile(calendar):
    files = base_data()
    files["profile.yaml"] = {"parameters": {
        "travel_check_day": {"values": {date(2022, 8, 25): 9}},
        "grant_appeal_days": {"values": {date(2022, 8, 25): 14}},
    }}
    doc = calendar(files, "2027-01-20", "--days", "70")
    assert ("2027-02-09", "2027-01") in of_kind(doc, "bus-check")
    assert ("2027-03-24", "2027-spring") in of_kind(doc, "grant-appeal")


def test_clause_7_7_the_decision_on_a_challenge_may_be_appealed_within_30_days(calendar):
    files = base_data()
    files[STUDENTS][0]["status"][-1]["end"] = date(2027, 1, 14)
    files[STUDENTS][0]["status"].append({"status": "expelled", "start": date(2027, 1, 15),
                                         "challenge_decided": date(2027, 1, 29)})
    doc = calendar(files, "2027-01-20", "--days", "60")
    e = one(doc, "challenge-appeal", "S1")
    # thirty days from Friday 29 January is Sunday 28 February → Monday 1 March
    assert (e["date"], e["clause"]) == ("2027-03-01", "7.7") and "2027-01-29" in e["message"]
    assert of_kind(doc, "decision-challenge") == []  # the challenge is made and decided
