"""Issue 21 F: what the school's bodies decide, kept in cluster.yaml — the council's fee rate
(2.37), guest students (4.12.8–4.12.9), the round table (6.3.5), the student body's council
representative (6.11.3.3), a suspended decision (7.4)."""

from __future__ import annotations

from datetime import date

from tests.conftest import ADULT_CODE, MINOR_CODE, findings_of


def _cluster(key, value):
    def change(files):
        files["cluster.yaml"][key] = value
    return change


def test_clause_2_37_fee_rate_set_four_months_before_the_study_year(validate_changed):
    decision = {"school": "vvttk", "study_year": 2027, "date": date(2027, 4, 30), "rate": 1200}
    # 2027/28 starts Mon 30 Aug 2027 (the Monday nearest to 1 Sep): the rate by 30 Apr.
    code, doc = validate_changed(_cluster("fee_decisions", [decision]))
    assert findings_of(doc, "fee-decision") == []
    code, doc = validate_changed(_cluster("fee_decisions", [dict(decision, date=date(2027, 5, 3))]))
    [f] = findings_of(doc, "fee-decision")
    assert (f["severity"], f["clause"]) == ("warning", "2.37") and "2027-05-03" in f["message"]
    assert f["file"].endswith("cluster.yaml") and f["line"] > 0


def test_clause_4_12_8_guest_student_decision_contract_not_listed_grade_sheet(validate_changed):
    guest = {"name": "Jonas Petraitis", "school": "vvttk", "start": date(2026, 9, 7), "end": date(2026, 12, 18),
             "decision": {"number": "1-5/12", "date": date(2026, 8, 28)},
             "contract": {"number": "KL-3", "date": date(2026, 9, 1)}}
    code, doc = validate_changed(_cluster("guest_students", [guest]))
    assert findings_of(doc, "guest-student") == []
    code, doc = validate_changed(_cluster("guest_students", [{k: v for k, v in guest.items() if k != "contract"}]))
    [f] = findings_of(doc, "guest-student")
    assert f["clause"] == "4.12.8"
    code, doc = validate_changed(_cluster("guest_students", [dict(guest, name="Mart Tamm", personal_code=ADULT_CODE)]))
    [f] = findings_of(doc, "guest-student")
    assert f["clause"] == "4.12.8" and "S1" in f["message"]
    ended = dict(guest, end=date(2026, 10, 30))
    code, doc = validate_changed(_cluster("guest_students", [ended]))
    [f] = findings_of(doc, "guest-student")
    assert f["clause"] == "4.12.9"
    code, doc = validate_changed(_cluster("guest_students", [dict(ended, grade_sheet=date(2026, 11, 2))]))
    assert findings_of(doc, "guest-student") == []


def test_clause_6_3_5_round_table_from_week_3_three_times_a_period(validate_changed):
    def tables(*meetings, period="2026-autumn"):
        return _cluster("round_tables", [{"school": "vvttk", "period": period, "meetings": list(meetings)}])

    # 2026-autumn starts Tue 1 Sep: week 3 begins Mon 14 Sep.
    code, doc = validate_changed(tables(date(2026, 9, 14), date(2026, 10, 19)))  # still under way
    assert findings_of(doc, "round-table") == []
    code, doc = validate_changed(tables(date(2026, 9, 11), date(2026, 10, 19)))
    [f] = findings_of(doc, "round-table")
    assert f["clause"] == "6.3.5" and "2026-09-11" in f["message"] and "2026-09-14" in f["message"]
    code, doc = validate_changed(tables(*(date(2026, m, 16) for m in (9, 10, 11, 12))))
    [f] = findings_of(doc, "round-table")
    assert "4" in f["message"]
    code, doc = validate_changed(tables(date(2026, 3, 2), date(2026, 4, 6), period="2026-spring"))
    [f] = findings_of(doc, "round-table")  # the period ended with two meetings
    assert "2" in f["message"]


def test_clause_6_11_3_3_council_representative_is_of_age(validate_changed):
    rep = {"school": "vvttk", "student": "S1", "since": date(2026, 9, 15)}
    code, doc = validate_changed(_cluster("council_representatives", [rep]))
    assert findings_of(doc, "council-representative") == []
    code, doc = validate_changed(_cluster("council_representatives", [dict(rep, student="S2")]))
    [f] = findings_of(doc, "council-representative")
    assert (code, f["severity"], f["clause"]) == (1, "error", "6.11.3.3") and "16" in f["message"]
    code, doc = validate_changed(_cluster("council_representatives", [
        {"school": "vvttk", "name": "Liis Kuusk", "personal_code": MINOR_CODE, "since": date(2026, 9, 15)}]))
    assert [f["severity"] for f in findings_of(doc, "council-representative")] == ["error"]
    code, doc = validate_changed(_cluster("council_representatives", [
        {"school": "vvttk", "name": "Liis Kuusk", "since": date(2026, 9, 15)}]))
    assert [f["severity"] for f in findings_of(doc, "council-representative")] == ["warning"]


def test_clause_7_4_director_suspends_a_decision_for_up_to_30_days(validate_changed):
    s = {"decision": "Otsus nr 4", "date": date(2026, 10, 20), "until": date(2026, 11, 19), "returned_to": "nõukogu"}
    code, doc = validate_changed(_cluster("suspended_decisions", [s]))
    assert findings_of(doc, "decision-suspension") == []
    code, doc = validate_changed(_cluster("suspended_decisions", [dict(s, until=date(2026, 11, 20))]))
    [f] = findings_of(doc, "decision-suspension")
    assert (code, f["clause"]) == (1, "7.4") and "31" in f["message"]
    code, doc = validate_changed(_cluster("suspended_decisions", [{k: v for k, v in s.items() if k != "returned_to"}]))
    assert [f["severity"] for f in findings_of(doc, "decision-suspension")] == ["warning"]
