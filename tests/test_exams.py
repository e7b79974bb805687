"""Issue 21, final and transition exams and cum laude (Lisa 3 III, Lisa 4, 4.13, 6.10.4): each
test records an exam in `cluster.yaml`'s `exams:` of the valid sample, runs `cluster validate
--format json` on real files and reads the findings back. The base student S1 is in course 3 of
3 of a KKH curriculum (M1, M2 core, M3 practice, G1 general)."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from tests.conftest import findings_of

RULES = "exam-committee,exam-schedule,exam-protocol,transition-exam,exam-results,exam-path,cum-laude"


@pytest.fixture
def run(validate_changed):
    return lambda change, *extra: validate_changed(change, "--select", RULES, *extra)


COMMITTEE = [
    {"name": "Tiit Tarkvara", "role": "chair", "member": "koodikoda"},
    {"name": "Kati Kask", "role": "examiner", "member": "vvttk", "position": "teacher"},
    {"name": "Juhan Juhataja", "role": "member", "member": "vvttk", "position": "management"},
]


def final_exam(**over) -> dict:
    """A final exam held on 2026-11-02, its paperwork complete: the passing case tests break."""
    exam = {"id": "LE-1", "kind": "final", "group": "TA-24", "module": "M2", "date": date(2026, 11, 2),
            "scheduled": date(2026, 9, 25), "directive": "1-2/10", "ceremony": date(2026, 11, 13),
            "committee": copy.deepcopy(COMMITTEE),
            "protocol": {"number": "LE-1", "present": ["Tiit Tarkvara", "Kati Kask"],
                         "results_entered": date(2026, 11, 3), "signed": True, "received": date(2026, 11, 4),
                         "archived": date(2026, 11, 10)},
            "students": [{"student": "S1", "grade": 4}]}
    exam.update(over)
    return exam


def transition_exam(**over) -> dict:
    exam = {"id": "UE-1", "kind": "transition", "group": "TA-24", "module": "M1", "date": date(2026, 6, 12),
            "scheduled": date(2026, 5, 25), "committee_formed": date(2026, 5, 25),
            "committee": [{"name": "Kati Kask", "role": "chair", "position": "leading_teacher"},
                          {"name": "Juhan Juhataja", "role": "member", "position": "management"},
                          {"name": "Mari Maasikas", "role": "examiner", "position": "teacher"}],
            "students": []}
    exam.update(over)
    return exam


def with_exams(*exams):
    def change(f):
        f["cluster.yaml"]["exams"] = [copy.deepcopy(e) for e in exams]
    return change


def test_a_complete_final_exam_has_no_findings(run):
    code, doc = run(with_exams(final_exam()))
    assert code == 0 and doc["findings"] == []


# --- Lisa 4 3.3, 3.7: the committee -------------------------------------------------------------


def test_clause_lisa_4_3_3_final_exam_committee_of_three_chaired_by_the_world_of_work(run):
    teacher_chair = [{**COMMITTEE[1], "role": "chair"}, {**COMMITTEE[0], "role": "member"}]
    code, doc = run(with_exams(final_exam(committee=teacher_chair, protocol=None)))
    found = findings_of(doc, "exam-committee")
    assert {f["clause"] for f in found} == {"Lisa 4 3.3"} and len(found) == 2
    assert any("2" in f["message"] and "3" in f["message"] for f in found)  # 2 members, 3 needed
    assert any("Kati Kask" in f["message"] and "töömaailma" in f["message"] for f in found)


def test_clause_lisa_4_3_3_the_chair_s_member_must_exist(run):
    unknown = copy.deepcopy(COMMITTEE)
    unknown[0]["member"] = "olematu"
    code, doc = run(with_exams(final_exam(committee=unknown)))
    [f] = findings_of(doc, "exam-committee")
    assert f["severity"] == "error" and "olematu" in f["message"] and code == 1


def test_clause_lisa_4_3_7_quorum_over_half_with_the_chair_or_deputy(run):
    protocol = final_exam()["protocol"] | {"present": ["Kati Kask"]}
    code, doc = run(with_exams(final_exam(protocol=protocol)))
    [f] = findings_of(doc, "exam-committee")
    assert f["clause"] == "Lisa 4 3.7" and "1" in f["message"] and "3" in f["message"]
    deputy = copy.deepcopy(COMMITTEE) + [{"name": "Peeter Paju", "role": "deputy", "member": "andmesild"}]
    protocol = final_exam()["protocol"] | {"present": ["Kati Kask", "Juhan Juhataja", "Peeter Paju"]}
    code, doc = run(with_exams(final_exam(committee=deputy, protocol=protocol)))
    assert findings_of(doc, "exam-committee") == []


def test_clause_lisa_3_iii_2_3_transition_committee_chaired_by_the_leading_teacher(run):
    committee = transition_exam()["committee"]
    committee[0]["position"] = "teacher"
    code, doc = run(with_exams(transition_exam(committee=committee[:2])))
    found = findings_of(doc, "exam-committee")
    assert {f["clause"] for f in found} == {"Lisa 3 III.2.3"} and len(found) == 2


# --- Lisa 4 3.1, 3.2.1, 4.13.13; Lisa 3 III.2.1-2.2: the schedule --------------------------------


def test_clause_lisa_4_3_1_schedule_a_month_before_and_exams_two_study_days_before_the_ceremony(run):
    code, doc = run(with_exams(final_exam(scheduled=date(2026, 10, 15), ceremony=date(2026, 11, 3))))
    found = findings_of(doc, "exam-schedule")
    keys = sorted(f["message"] for f in found)
    assert len(found) == 2 and all("Lisa 4 3.1" in f["clause"] for f in found)
    assert any("2026-10-02" in m for m in keys), keys  # a month before 2.11
    assert any("2026-11-03" in m for m in keys)  # the ceremony


def test_clause_lisa_4_3_1_a_missing_schedule_is_chased_once_due(run):
    code, doc = run(with_exams(final_exam(scheduled=None, date=date(2026, 12, 15), ceremony=None, protocol=None,
                                          students=[])))
    [f] = findings_of(doc, "exam-schedule")
    assert "2026-11-15" in f["message"]
    code, doc = run(with_exams(final_exam(scheduled=None, date=date(2027, 6, 15), ceremony=None,
                                          protocol=None, students=[])))
    assert findings_of(doc, "exam-schedule") == []


def test_clause_lisa_4_3_2_1_an_exam_before_the_practice_needs_the_study_director_s_decision(run):
    def change(f):
        with_exams(final_exam())(f)
        f["groups.yaml"][0]["practice_periods"] = [
            {"module": "M3", "start": date(2026, 10, 5), "end": date(2026, 12, 18)}]

    code, doc = run(change)
    [f] = findings_of(doc, "exam-schedule")
    assert f["clause"] == "Lisa 4 3.2.1"

    def decided(f):
        change(f)
        f["cluster.yaml"]["exams"][0]["early_decision"] = "õppedirektori otsus 2026/3"

    code, doc = run(decided)
    assert findings_of(doc, "exam-schedule") == []


def test_clause_4_13_13_re_sit_by_directive_in_the_same_study_year(run):
    first = final_exam(date=date(2026, 6, 1), scheduled=date(2026, 4, 20), ceremony=None,
                       students=[{"student": "S1", "grade": 2}])
    resit = final_exam(id="LE-2", attempt="resit", directive=None)
    code, doc = run(with_exams(first, resit))
    found = findings_of(doc, "exam-schedule")
    assert {f["clause"] for f in found} == {"4.13.13"} and len(found) == 2
    code, doc = run(with_exams({**first, "date": date(2026, 9, 20), "scheduled": date(2026, 8, 10)},
                               final_exam(id="LE-2", attempt="resit")))
    assert findings_of(doc, "exam-schedule") == []


def test_clause_lisa_3_iii_2_1_transition_schedule_and_committee_two_weeks_before(run):
    code, doc = run(with_exams(transition_exam(scheduled=date(2026, 6, 5), committee_formed=None)))
    found = findings_of(doc, "exam-schedule")
    assert sorted(f["clause"] for f in found) == ["Lisa 3 III.2.1-2.2", "Lisa 3 III.2.2"]


# --- Lisa 4 3.5-3.6, 4.6, 4.13.9: the protocol -----------------------------------------------------


def test_clause_lisa_4_3_6_protocol_within_two_working_days_results_next_day(run):
    protocol = {"results_entered": date(2026, 11, 5), "received": date(2026, 11, 6), "signed": False}
    code, doc = run(with_exams(final_exam(protocol=protocol)))
    found = {f["key"] if "key" in f else f["message"]: f for f in findings_of(doc, "exam-protocol")}
    clauses = sorted(f["clause"] for f in findings_of(doc, "exam-protocol"))
    assert clauses == ["Lisa 4 3.5, 4.13.9", "Lisa 4 3.6", "Lisa 4 3.6, 4.6", "Lisa 4 4.6"], found
    assert any("2026-11-04" in f["message"] for f in findings_of(doc, "exam-protocol"))  # 2 working days


def test_clause_lisa_4_4_6_a_missing_protocol_is_chased_after_the_deadline(run):
    code, doc = run(with_exams(final_exam(protocol=None)))
    assert len(findings_of(doc, "exam-protocol")) == 2


# --- Lisa 3 III.1.3, III.1.5, III.4.1: transition exams -----------------------------------------


def test_clause_lisa_3_iii_1_3_transition_exam_not_in_the_last_course_and_in_a_core_module(run):
    code, doc = run(with_exams(transition_exam(date=date(2026, 11, 2), scheduled=date(2026, 10, 1),
                                               committee_formed=date(2026, 10, 1), module="G1")))
    found = findings_of(doc, "transition-exam")
    assert len(found) == 2 and all(f["clause"] == "Lisa 3 III.1.3" for f in found)


def test_clause_lisa_3_iii_1_3_a_group_below_its_last_course_needs_a_transition_exam_in_spring(cli, tmp_path):
    from tests.conftest import base_data, write_data

    files = base_data()
    files["cluster.yaml"]["exams"] = [final_exam()]
    files["students/TA-24.yaml"][0]["course"] = 2
    root = write_data(tmp_path / "d", files)
    result = cli("validate", "--data", root, "--as-of", "2027-03-01", "--format", "json", "--select", "transition-exam")
    import json

    [f] = findings_of(json.loads(result.stdout), "transition-exam")
    assert "TA-24" in f["message"] and "2026/2027" in f["message"]
    result = cli("validate", "--data", root, "--as-of", "2026-11-23", "--format", "json", "--select", "transition-exam")
    assert findings_of(json.loads(result.stdout), "transition-exam") == []


def test_clause_lisa_3_iii_1_5_admitted_when_the_year_s_modules_are_passed(run):
    def change(f):
        with_exams(transition_exam(students=[{"student": "S1", "grade": 4}]))(f)
        for m in f["curricula.yaml"][0]["modules"]:
            m["year"] = 2 if m["id"] in ("M1", "M2") else None
        f["curricula.yaml"][0]["modules"] = [{k: v for k, v in m.items() if v is not None}
                                             for m in f["curricula.yaml"][0]["modules"]]

    code, doc = run(change)
    [f] = findings_of(doc, "exam-results")
    assert f["clause"] == "Lisa 3 III.1.5" and "M2" in f["message"] and "M1" not in f["message"]


def test_clause_lisa_3_iii_4_1_re_exam_only_after_a_valid_reason_or_removal(run):
    first = transition_exam(students=[{"student": "S1", "no_show": True}])
    again = transition_exam(id="UE-2", attempt="resit", date=date(2026, 6, 17), scheduled=None,
                            committee_formed=None, students=[{"student": "S1", "grade": 3}])
    code, doc = run(with_exams(first, again))
    [f] = findings_of(doc, "exam-results")
    assert f["clause"] == "Lisa 3 III.4.1"
    first["students"][0].update(valid_reason="haigus", notified=date(2026, 6, 12), evidence="arstitõend")
    code, doc = run(with_exams(first, again))
    assert findings_of(doc, "exam-results") == []
    assert findings_of(doc, "exam-schedule") == []  # III.4.2: the re-exam's time is agreed, not scheduled


# --- Lisa 4 4.2, 4.3, 4.5, 4.10: results ----------------------------------------------------------


def test_clause_lisa_4_4_2_kkh_final_exam_is_graded_distinctively(run):
    def change(f):
        with_exams(final_exam(students=[{"student": "S1", "grade": "A"}]))(f)
        f["curricula.yaml"][0]["modules"][1].update(final_exam=True, distinctive=False)

    code, doc = run(change)
    found = findings_of(doc, "exam-results")
    assert len(found) == 2 and {f["clause"] for f in found} == {"Lisa 4 4.2"} and code == 1


def test_clause_lisa_4_4_3_passed_only_when_every_part_is_passed(run):
    parts = [{"name": "praktiline töö", "grade": 4}, {"name": "teooria", "grade": 2}]
    code, doc = run(with_exams(final_exam(students=[{"student": "S1", "grade": 4, "parts": parts}])))
    [f] = findings_of(doc, "exam-results")
    assert f["clause"] == "Lisa 4 4.3" and "teooria" in f["message"]


def test_clause_lisa_4_4_10_valid_no_show_notified_with_evidence_and_studies_extended(run):
    sitting = {"student": "S1", "no_show": True, "valid_reason": "haigus", "notified": date(2026, 11, 9)}
    code, doc = run(with_exams(final_exam(students=[sitting])))
    [f] = findings_of(doc, "exam-results")
    assert f["clause"] == "Lisa 4 4.10" and "notified" in f["message"] and "evidence" in f["message"]
    sitting.update(notified=date(2026, 11, 2), evidence="arstitõend", extended_to=date(2027, 1, 31))
    code, doc = run(with_exams(final_exam(students=[sitting])))
    assert findings_of(doc, "exam-results") == []


# --- Lisa 4 2.1-2.2, 4.13.2-4.13.4: how studies end ----------------------------------------------


def test_clause_lisa_4_2_1_a_failed_professional_exam_leads_to_the_final_exam(run):
    professional = {"id": "KE-1", "kind": "professional", "group": "TA-24", "module": "M2",
                    "date": date(2026, 10, 5), "scheduled": date(2026, 9, 1),
                    "students": [{"student": "S1", "grade": "MA"}]}
    code, doc = run(with_exams(professional))
    [f] = findings_of(doc, "exam-path")
    assert "S1" in f["message"] and "Lisa 4 2.1" in f["clause"]
    code, doc = run(with_exams(professional, final_exam()))
    assert findings_of(doc, "exam-path") == []


def test_clause_4_13_2_a_graduate_without_a_passed_exam(run):
    def change(f):
        with_exams(final_exam(students=[{"student": "S1", "grade": 2}]))(f)
        f["students/TA-24.yaml"][0]["status"].append({"status": "graduated", "start": date(2026, 11, 13)})
        f["students/TA-24.yaml"][0]["status"][0]["end"] = date(2026, 11, 12)

    code, doc = run(change)
    [f] = findings_of(doc, "exam-path")
    assert "S1" in f["message"]


# --- 6.10.4: cum laude --------------------------------------------------------------------------


def test_clause_6_10_4_kkh_cum_laude_candidates(run):
    def change(f, final=5, m2=5):
        f["curricula.yaml"][0]["modules"][1]["final_exam"] = True
        f["students/TA-24.yaml"][0]["grades"] = [
            {"module": "M1", "kind": "module", "value": 5, "date": date(2026, 6, 5)},
            {"module": "M3", "kind": "practice", "value": 4, "date": date(2026, 6, 5)},
            {"module": "G1", "kind": "module", "value": 5, "date": date(2026, 6, 5)},
            {"module": "M2", "kind": "final", "value": m2, "date": date(2026, 11, 2)}]
        with_exams(final_exam(students=[{"student": "S1", "grade": final}]))(f)

    code, doc = run(change)
    [f] = findings_of(doc, "cum-laude")
    assert f["severity"] == "info" and f["clause"] == "6.10.4" and "4,77" in f["message"] and code == 0
    code, doc = run(lambda f: change(f, final=4, m2=4))  # 6.10.4.3: the final exam at 5
    assert findings_of(doc, "cum-laude") == []

    def a_three(f):
        change(f)
        f["students/TA-24.yaml"][0]["grades"][1]["value"] = 3  # 6.10.4.2: 'good' or 'very good'

    code, doc = run(a_three)
    assert findings_of(doc, "cum-laude") == []


def test_clause_6_10_4_1_the_average_is_a_profile_parameter(cli, tmp_path):
    import json

    from tests.conftest import base_data, write_data

    files = base_data()
    files["students/TA-24.yaml"][0]["grades"] = [
        {"module": "M1", "kind": "module", "value": 5, "date": date(2026, 6, 5)},
        {"module": "G1", "kind": "module", "value": 4, "date": date(2026, 6, 5)}]
    root = write_data(tmp_path / "d", files)
    result = cli("validate", "--data", root, "--as-of", "2026-11-23", "--format", "json", "--select", "cum-laude")
    assert findings_of(json.loads(result.stdout), "cum-laude") == []  # (40·5 + 60·4) / 100 = 4,4
    files["profile.yaml"] = {"parameters": {"cum_laude_average": {"values": {date(2022, 8, 25): "4,4"}}}}
    root = write_data(tmp_path / "e", files)
    result = cli("validate", "--data", root, "--as-of", "2026-11-23", "--format", "json", "--select", "cum-laude")
    [f] = findings_of(json.loads(result.stdout), "cum-laude")
    assert "4,40" in f["message"]


def test_clause_lisa_4_4_6_the_protocol_names_known_students_a_known_group_and_module(run):
    code, doc = run(with_exams(final_exam(students=[{"student": "S9", "grade": 4}]),
                               final_exam(id="LE-2", group="XX-99"), final_exam(id="LE-3", module="M9")))
    found = findings_of(doc, "exam-results")
    assert code == 1 and len(found) == 3 and all(f["severity"] == "error" for f in found)
    assert {w for f in found for w in ("S9", "XX-99", "M9") if w in f["message"]} == {"S9", "XX-99", "M9"}
