"""A student's support (issue 21): support measures (6.4.7.5, 6.4.8), the individual curriculum
(6.5, Lisa 10), the individual study schedule (6.6) and development talks (Lisa 9), through
`cluster validate` on the base data. Mart (S1) is an adult, Liis (S2) a minor; Kati Kask
supervises TA-24."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import base_data, findings_of, write_data

STUDENTS = "students/TA-24.yaml"


@pytest.fixture
def run(cli, tmp_path):
    counter = iter(range(1000))

    def _run(code, student=0, **fields):
        files = base_data()
        files[STUDENTS][student].update(fields)
        root = write_data(tmp_path / f"data{next(counter)}", files)
        status, doc = cli.validate_json(root, "--select", code)
        assert status == 0, doc
        return [(f["clause"], f["path"].rsplit(".", 1)[-1], f["message"]) for f in findings_of(doc, code)]

    return _run


DIRECTIVE = {"number": "1-2/7", "date": date(2026, 9, 4)}
MEASURE = {"kind": "intervention", "start": date(2026, 9, 7), "hours_per_week": 2, "intensity": "moderate",
           "agreed_with": ["student"], "agreed": date(2026, 9, 1), "directive": DIRECTIVE}


def test_clause_6_4_7_5_intervention_hours_match_moderate_or_thorough(run):
    assert run("support-measure", support_measures=[MEASURE]) == []
    [(clause, _, message)] = run("support-measure", support_measures=[{**MEASURE, "hours_per_week": 4}])
    assert clause == "6.4.7.5" and "põhjalik" in message
    [(clause, _, message)] = run("support-measure", support_measures=[{**MEASURE, "hours_per_week": 3,
                                                                      "intensity": "thorough"}])
    assert "mõõdukas" in message
    assert run("support-measure", support_measures=[{**MEASURE, "hours_per_week": 5, "intensity": "thorough"}]) == []
    no_hours = {k: v for k, v in MEASURE.items() if k != "hours_per_week"}
    [(clause, _, _)] = run("support-measure", support_measures=[no_hours])
    assert clause == "6.4.7.5"
    [(clause, path, message)] = run("support-measure", support_measures=[{**MEASURE, "hours_per_week": 0.5}])
    assert path == "hours_per_week"
    assert "0,5" in message and "0.5" not in message  # Estonian writes a decimal comma


def test_clause_6_4_8_support_measure_agreed_and_approved_by_directive(run):
    bare = {"kind": "small_group", "start": date(2026, 9, 7)}
    found = run("support-measure", support_measures=[bare])
    assert [c for c, _, _ in found] == ["6.4.8", "6.4.8"]
    late = {**bare, "agreed_with": ["guardian"], "agreed": date(2026, 9, 1),
            "directive": {"number": "1-2/9", "date": date(2026, 9, 10)}}
    [(_, path, message)] = run("support-measure", support_measures=[late])
    assert path == "directive" and "käskkiri" in message
    future = {**bare, "start": date(2027, 2, 1), "agreed_with": ["student"], "agreed": date(2026, 11, 1)}
    assert run("support-measure", support_measures=[future]) == []


IOK = {"initiative": "student", "application": date(2026, 8, 24), "reasons": "õpiraskused",
       "grounds": ["learning_difficulties"], "support_group_decision": date(2026, 9, 2),
       "approved": DIRECTIVE, "start": date(2026, 9, 7), "end": date(2027, 6, 16),
       "modules": [{"module": "M1", "ekap": 30}], "choices": "suuline vastus", "completion": "õpiväljundid"}


def test_clause_6_5_1_lisa_10_4_individual_curriculum_application_minor_parent_and_reasons(run):
    assert run("individual-curriculum", individual_curriculum=[IOK]) == []
    [(clause, _, message)] = run("individual-curriculum", student=1, individual_curriculum=[IOK])
    assert clause == "6.5.1, Lisa 10 4" and "alaealine" in message
    assert run("individual-curriculum", student=1, individual_curriculum=[{**IOK, "initiative": "guardian"}]) == []
    [(clause, _, _)] = run("individual-curriculum", individual_curriculum=[{**IOK, "reasons": None}])
    assert clause == "Lisa 10 4"
    assert run("individual-curriculum", individual_curriculum=[{**IOK, "initiative": "school", "reasons": None}]) == []


def test_clause_lisa_10_3_individual_curriculum_grounds(run):
    [(clause, _, _)] = run("individual-curriculum", individual_curriculum=[{**IOK, "grounds": []}])
    assert clause == "Lisa 10 3"
    files_ok = run("individual-curriculum", individual_curriculum=[{**IOK, "grounds": ["giftedness", "health"]}])
    assert files_ok == []


def test_clause_lisa_10_6_support_group_decides_within_two_weeks(run):
    pending = {"initiative": "student", "application": date(2026, 11, 2), "reasons": "tervis", "grounds": ["health"]}
    [(clause, path, message)] = run("individual-curriculum", individual_curriculum=[pending])
    assert clause == "Lisa 10 6" and path == "support_group_decision" and "2026-11-16" in message
    assert run("individual-curriculum", individual_curriculum=[{**pending, "application": date(2026, 11, 12)}]) == []
    late = {**IOK, "support_group_decision": date(2026, 9, 10), "approved": {**DIRECTIVE, "date": date(2026, 9, 11)}}
    assert [c for c, _, _ in run("individual-curriculum", individual_curriculum=[late])] == ["Lisa 10 6"]


def test_clause_6_5_3_lisa_10_1_3_individual_curriculum_approved_for_one_study_year(run):
    [(clause, path, _)] = run("individual-curriculum", individual_curriculum=[{**IOK, "approved": None}])
    assert (clause, path) == ("6.5.3, Lisa 10 1.3", "start")
    [(clause, path, _)] = run("individual-curriculum", individual_curriculum=[{**IOK, "end": date(2027, 12, 20)}])
    assert (clause, path) == ("6.5.3", "end")


def test_clause_lisa_10_7_individual_curriculum_fixes_duration_modules_choices_completion(run):
    [(clause, _, message)] = run("individual-curriculum",
                                 individual_curriculum=[{**IOK, "modules": [], "completion": None}])
    assert clause == "Lisa 10 7" and "modules, completion" in message


def test_clause_lisa_10_1_2_individual_curriculum_modules_are_the_curriculums(cli, tmp_path):
    files = base_data()
    files[STUDENTS][0]["individual_curriculum"] = [{**IOK, "modules": [{"module": "X9"}]}]
    code, doc = cli.validate_json(write_data(tmp_path / "d", files), "--select", "individual-curriculum")
    [f] = findings_of(doc, "individual-curriculum")
    assert code == 1 and f["severity"] == "error" and f["clause"] == "6.5.2, Lisa 10 1.2" and "X9" in f["message"]


def test_old_boolean_flags_still_read(run):
    assert run("individual-curriculum", individual_curriculum=True) == []
    assert run("individual-schedule", individual_schedule=True) == []


IOG = {"grounds": "family", "application": date(2026, 9, 8), "agreed_with": ["Tiina Tamm"],
       "directive": {"number": "1-2/118", "date": date(2026, 9, 11)}, "start": date(2026, 9, 14),
       "end": date(2027, 6, 16), "journal": date(2026, 9, 14)}


def test_clause_6_6_1_6_6_5_individual_schedule_agreed_by_directive_for_one_year(run):
    assert run("individual-schedule", individual_schedule=[IOG]) == []
    found = run("individual-schedule", individual_schedule=[{**IOG, "agreed_with": [], "directive": None,
                                                             "journal": None, "end": date(2027, 10, 1)}])
    assert [c for c, _, _ in found] == ["6.6.4", "6.6.2, 6.6.4", "6.5.3, 6.6.5"]


def test_clause_6_6_6_individual_schedule_entered_in_the_journal(run):
    [(clause, _, message)] = run("individual-schedule", individual_schedule=[{**IOG, "journal": None}])
    assert clause == "6.6.6" and "päevikusse" in message


def test_clause_6_6_8_individual_schedule_ended_on_proposal_or_may_end_for_debts(cli, tmp_path):
    files = base_data()
    mart = files[STUDENTS][0]
    mart["individual_schedule"] = [{**IOG, "ended": {"date": date(2026, 11, 2), "reason": "debts"}}]
    doc = cli.validate_json(write_data(tmp_path / "a", files), "--select", "individual-schedule")[1]
    assert [f["clause"] for f in findings_of(doc, "individual-schedule")] == ["6.6.8"]
    mart["individual_schedule"] = [IOG]
    mart["grades"].append({"module": "M2", "kind": "assessment", "value": 2, "date": date(2026, 10, 1)})
    doc = cli.validate_json(write_data(tmp_path / "b", files), "--select", "individual-schedule")[1]
    [f] = findings_of(doc, "individual-schedule")
    assert (f["severity"], f["clause"]) == ("info", "6.6.8") and "M2" in f["message"]


TALK = {"date": date(2026, 10, 5), "announced": date(2026, 9, 18), "participants": ["Mart Tamm", "Kati Kask"],
        "goal_student": "õppida", "goal_supervisor": "tähtajad", "agreement": "iga kuu kohtumine",
        "memo": {"date": date(2026, 10, 5), "folder": "TA-24"}}


def test_clause_lisa_9_3_1_talk_prepared_over_two_weeks(run):
    assert run("development-talk", development_talks=[TALK]) == []
    [(clause, path, _)] = run("development-talk", development_talks=[{**TALK, "announced": date(2026, 9, 28)}])
    assert (clause, path) == ("Lisa 9 3.1", "announced")


def test_clause_lisa_9_5_1_student_and_supervisor_take_part(run):
    [(clause, _, message)] = run("development-talk", development_talks=[{**TALK, "participants": ["Mart Tamm"]}])
    assert clause == "Lisa 9 5.1" and "Kati Kask" in message


def test_clause_lisa_9_8_1_talk_documented_in_a_memo_with_goals_and_agreement(run):
    [(clause, _, _)] = run("development-talk", development_talks=[{**TALK, "memo": None}])
    assert clause == "Lisa 9 8.1"
    [(clause, _, message)] = run("development-talk", development_talks=[{**TALK, "agreement": None}])
    assert clause == "Lisa 9 2, 8.1" and "agreement" in message
    assert run("development-talk", development_talks=[{**TALK, "date": date(2026, 12, 1), "memo": None}]) == []


def test_clause_lisa_9_7_1_3_special_needs_talk_has_a_transition_plan(run):
    [(clause, _, _)] = run("development-talk", special_needs="düsleksia", development_talks=[TALK])
    assert clause == "Lisa 9 7.1.3"
    assert run("development-talk", special_needs="düsleksia",
               development_talks=[{**TALK, "transition_plan": "2. kursusel IÕK"}]) == []


def test_clause_lisa_9_9_1_memo_kept_in_the_group_folder(run):
    [(clause, path, _)] = run("development-talk", development_talks=[{**TALK, "memo": {"date": date(2026, 10, 5),
                                                                                        "folder": "TA-99"}}])
    assert (clause, path) == ("Lisa 9 9.1", "folder")


def _talks(calendar_of, files, as_of="2026-11-23"):
    doc = calendar_of(files, as_of, "--days", "400")
    return [(e["date"], e["subject"], e["message"]) for e in doc["events"] if e["kind"] == "development-talk"]


def test_clause_lisa_9_4_1_talks_due_first_year_graduation_special_needs(calendar_of):
    files = base_data()
    found = _talks(calendar_of, files)
    # Mart graduates on 30.06.2027, Liis is in her first year (due by the study year's end): one row
    # per study group, day and reason, naming the students by id
    assert found == [("2027-06-30", "TA-24", "Rühm TA-24: arenguvestlus õppeaastal 2026/2027 pidamata — "
                      "enne kooli lõpetamist; õpilasi 1: S1."),
                     ("2027-08-31", "TA-24", "Rühm TA-24: arenguvestlus õppeaastal 2026/2027 pidamata — "
                      "esimesel kursusel, kooli tulles; õpilasi 1: S2.")]
    files[STUDENTS][1]["development_talks"] = [{"date": date(2026, 10, 1)}]
    files[STUDENTS][0]["nominal_end"] = date(2029, 6, 30)
    assert _talks(calendar_of, files) == []
    files[STUDENTS][0]["special_needs"] = "düsleksia"
    [(day, group, message)] = _talks(calendar_of, files)
    assert (day, group) == ("2027-08-31", "TA-24") and "erivajadusega" in message and message.endswith(": S1.")
    files[STUDENTS][0]["development_talks"] = [{"date": date(2027, 6, 1)}]
    assert _talks(calendar_of, files) == []


def test_clause_lisa_7_12_5_the_individual_schedule_must_be_in_force_at_the_placement(validate_changed):
    from tests.test_placement_paperwork import abroad

    this_year = {**IOG, "start": date(2026, 9, 14), "end": date(2027, 6, 16)}
    last_year = {**IOG, "application": date(2025, 9, 8), "directive": {"number": "1-2/1", "date": date(2025, 9, 10)},
                 "start": date(2025, 9, 14), "end": date(2026, 6, 16)}
    code, doc = validate_changed(lambda f: abroad(f, [this_year]), "--select", "practice-period")
    assert (code, findings_of(doc, "practice-period")) == (0, [])
    code, doc = validate_changed(lambda f: abroad(f, [last_year]), "--select", "practice-period")
    [v] = findings_of(doc, "practice-period")
    assert code == 1 and v["clause"] == "Lisa 7 12.4, 12.5"
