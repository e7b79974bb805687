"""Issue 21 items 4, 5 and 9: a placement in its group's practice period (4.11.3; Lisa 7 2.5,
12.3–12.5), its paperwork and the host visit (Lisa 7 4.2, 4.6, 7.2, 5.10, 6.1), and the safety
instruction before it starts (Lisa 8). Each test changes the valid sample, runs `cluster validate
--format json` on real files and reads the findings back."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import base_data, findings_of, write_data


@pytest.fixture
def run(validate_changed):
    return validate_changed


def placement(f):
    return f["placements.yaml"][0]


def group(f):
    return f["groups.yaml"][0]


def done(f, **documents):
    """P1 as a placement of this study year that has ended and been defended, its paperwork
    complete, the host visited and the group instructed — the passing case each test breaks."""
    p = placement(f)
    p.update(status="finished", start=date(2026, 9, 7), end=date(2026, 10, 30))
    p["hosts"][0].update(start=date(2026, 9, 7), end=date(2026, 10, 30))
    p["data_received"] = date(2026, 8, 20)
    p["grade"] = {"diary": True, "host_grade": 5, "report": True, "defense_date": date(2026, 11, 6),
                  "committee": ["Kati Kask", "Peeter Paju"], "final": 5}
    p["documents"] = {"given": date(2026, 9, 3), "returned": date(2026, 11, 4), "diary_checked": date(2026, 11, 4),
                      "summary_report": date(2026, 11, 9), **documents}
    p["documents"] = {k: v for k, v in p["documents"].items() if v is not None}
    p["visits"] = [{"date": date(2026, 10, 7), "by": "Kadri Rebane"}]
    group(f)["safety_instructions"] = [{"date": date(2024, 9, 9)}, {"date": date(2026, 9, 1), "module": "M3"}]


RULES = "practice-period,placement-paperwork,host-visit,safety-instruction"


def test_the_complete_placement_has_no_findings(run):
    code, doc = run(done, "--select", RULES)
    assert doc["findings"] == [] and code == 0


# --- 4.11.3, Lisa 7 2.5, 12.3–12.5 -----------------------------------------------------------


def periods(f, start=date(2027, 2, 1), end=date(2027, 4, 30)):
    group(f)["practice_periods"] = [{"module": "M3", "start": start, "end": end}]


def test_clause_4_11_3_a_placement_inside_its_group_s_practice_period_passes(run):
    code, doc = run(periods)
    assert findings_of(doc, "practice-period") == []


def test_clause_4_11_3_a_placement_outside_its_group_s_practice_period_is_a_warning(run):
    code, doc = run(lambda f: periods(f, end=date(2027, 3, 19)))
    [v] = findings_of(doc, "practice-period")
    assert v["severity"] == "warning" and "4.11.3" in v["clause"]
    assert "TA-24" in v["message"] and "2027-03-19" in v["message"]


def abroad(f, schedule):
    periods(f, end=date(2027, 3, 19))
    p = placement(f)
    p.update(kind="abroad", country="FI", language="en")
    f["students/TA-24.yaml"][0]["individual_schedule"] = schedule


def test_clause_lisa_7_12_5_abroad_outside_the_period_needs_an_individual_study_schedule(run):
    code, doc = run(lambda f: abroad(f, False))
    [v] = findings_of(doc, "practice-period")
    assert v["severity"] == "error" and v["clause"] == "Lisa 7 12.4, 12.5" and code == 1
    assert "S1" in v["message"]


def test_clause_lisa_7_12_4_abroad_outside_the_period_with_an_individual_schedule_passes(run):
    code, doc = run(lambda f: abroad(f, True))
    assert findings_of(doc, "practice-period") == []


# --- Lisa 7 4.2, 4.6, 7.2, 5.10 ---------------------------------------------------------------


def paperwork(doc, clause):
    return [v for v in findings_of(doc, "placement-paperwork") if v["clause"] == clause]


def test_clause_lisa_7_4_2_documents_handed_out_before_the_start(run):
    code, doc = run(lambda f: done(f, given=None))
    [v] = paperwork(doc, "Lisa 7 4.2")
    assert v["severity"] == "warning" and "P1" in v["message"] and "2026-09-07" in v["message"]
    code, doc = run(lambda f: done(f, given=date(2026, 9, 8)))  # after the start is too late
    assert len(paperwork(doc, "Lisa 7 4.2")) == 1


def test_clause_lisa_7_4_2_a_placement_not_yet_started_is_not_chased(run):
    code, doc = run(lambda f: None)  # P1 starts 2027-02-01
    assert findings_of(doc, "placement-paperwork") == []


def test_clause_lisa_7_4_6_documents_collected_within_a_week_of_the_end(run):
    code, doc = run(lambda f: done(f, returned=None, diary_checked=None))
    [v] = paperwork(doc, "Lisa 7 4.6")
    assert "2026-10-30" in v["message"] and "7" in v["message"]
    assert paperwork(doc, "Lisa 7 7.2") == []


def test_clause_lisa_7_7_2_the_diary_is_checked_on_return(run):
    code, doc = run(lambda f: done(f, diary_checked=None))
    [v] = paperwork(doc, "Lisa 7 7.2")
    assert "2026-11-04" in v["message"]


def test_clause_lisa_7_5_10_a_summary_report_after_the_defense(run):
    code, doc = run(lambda f: done(f, summary_report=None))
    [v] = paperwork(doc, "Lisa 7 5.10")
    assert "2026-11-06" in v["message"]
    code, doc = run(lambda f: done(f, summary_report=date(2026, 11, 5)))  # before the defense
    assert len(paperwork(doc, "Lisa 7 5.10")) == 1


def test_clause_lisa_7_4_6_last_year_s_placements_are_not_chased(run):
    def last_year(f):
        done(f, given=None, returned=None, diary_checked=None, summary_report=None)
        p = placement(f)
        p.update(start=date(2026, 3, 2), end=date(2026, 5, 29))
        p["hosts"][0].update(start=date(2026, 3, 2), end=date(2026, 5, 29))
        p["grade"]["defense_date"] = date(2026, 6, 5)
        p["visits"] = []

    code, doc = run(last_year, "--select", RULES)
    assert doc["findings"] == []


# --- Lisa 7 6.1 --------------------------------------------------------------------------------


def test_clause_lisa_7_6_1_every_host_is_visited_during_the_placement(run):
    def no_visit(f):
        done(f)
        placement(f)["visits"] = [{"date": date(2026, 11, 2)}]  # after the end: does not count

    code, doc = run(no_visit)
    [v] = findings_of(doc, "host-visit")
    assert v["severity"] == "warning" and v["clause"] == "Lisa 7 6.1" and "koodikoda" in v["message"]


def test_clause_lisa_7_6_1_the_number_of_visits_is_a_profile_parameter(cli, tmp_path):
    files = base_data()
    done(files)
    files["profile.yaml"] = {"parameters": {"host_visits_min": {"values": {date(2022, 8, 25): 2}}}}
    root = write_data(tmp_path / "data", files)
    code, doc = cli.validate_json(root, "--select", "host-visit")
    assert len(findings_of(doc, "host-visit")) == 1


# --- Lisa 8 ------------------------------------------------------------------------------------


def test_clause_lisa_8_2_3_a_placement_started_without_a_safety_instruction(run):
    def general_only(f):
        done(f)
        group(f)["safety_instructions"] = [{"date": date(2024, 9, 9)}, {"date": date(2026, 9, 8), "module": "M3"}]

    code, doc = run(general_only)
    [v] = findings_of(doc, "safety-instruction")
    assert v["severity"] == "warning" and "Lisa 8" in v["clause"] and "TA-24" in v["message"]


def test_clause_lisa_8_3_the_student_s_own_instruction_counts(run):
    def own(f):
        done(f)
        group(f)["safety_instructions"] = []
        f["students/TA-24.yaml"][0]["safety_instructions"] = [{"date": date(2026, 9, 4), "module": "M3"}]

    code, doc = run(own)
    assert findings_of(doc, "safety-instruction") == []


# --- Lisa 7 6.1: the statistics per host (`cluster members show`) -----------------------------


def test_clause_lisa_7_6_1_members_show_counts_the_visits_per_host(cli, tmp_path):
    files = base_data()
    done(files)
    files["placements.yaml"][0]["visits"].append({"date": date(2026, 10, 21), "member": "koodikoda"})
    root = write_data(tmp_path / "data", files)
    result = cli("members", "show", "koodikoda", "--data", root, "--as-of", "2026-11-23", "--format", "json")
    doc = json.loads(result.stdout)
    assert doc["host_visits"] == {"ended": 1, "visited": 1, "visits": 2}
    assert [(p["id"], p["visits"]) for p in doc["placements"]] == [("P1", 2)]
    table = cli("members", "show", "koodikoda", "--data", root, "--as-of", "2026-11-23", "--lang", "en").stdout
    assert "1 of 1 ended placements visited; visits in all: 2" in table


def test_clause_4_11_3_the_student_s_individual_study_schedule_sets_the_time(run):
    def own_schedule(f):
        periods(f, end=date(2027, 3, 19))
        f["students/TA-24.yaml"][0]["individual_schedule"] = True

    code, doc = run(own_schedule)
    assert findings_of(doc, "practice-period") == []


def test_clause_lisa_7_4_6_collected_documents_leave_the_calendar(cli, tmp_path):
    def deadlines(returned):
        files = base_data()
        if returned:
            placement(files)["documents"] = {"given": date(2027, 1, 28), "returned": date(2027, 3, 29)}
        root = write_data(tmp_path / f"data{returned}", files)
        result = cli("calendar", "--data", root, "--as-of", "2027-03-27", "--format", "json")
        return [(e["date"], e["kind"]) for e in json.loads(result.stdout)["events"] if e["subject"] == "P1"]

    assert ("2027-04-02", "documents") in deadlines(False)
    assert ("2027-04-02", "documents") not in deadlines(True)


def test_clause_lisa_7_6_1_a_visit_to_a_member_that_is_not_a_host_is_an_error(run):
    def elsewhere(f):
        done(f)
        placement(f)["visits"] = [{"date": date(2026, 10, 7), "member": "vvttk"}]

    code, doc = run(elsewhere)
    found = findings_of(doc, "host-visit")
    assert {v["severity"] for v in found} == {"error", "warning"} and code == 1
    assert any("vvttk" in v["message"] and "koodikoda" in v["message"] for v in found)


def test_clause_lisa_8_3_a_safety_line_names_a_module_of_the_group_s_curriculum(run):
    def typo(f):
        done(f)
        group(f)["safety_instructions"].append({"date": date(2026, 9, 2), "module": "M33"})

    code, doc = run(typo)
    [v] = findings_of(doc, "unknown-reference")
    assert "M33" in v["message"]
