"""Recognition of prior learning and work experience (issue 21 item 10; VÕTA, Lisa 5 and main
4.6.4.9–4.6.4.11): rule `prior-learning` on Mart's (S1, an adult) `prior_learning:` applications
and the school's committee in cluster.yaml. Each test starts from a complete, credited application
that passes, breaks one thing, runs `cluster validate --format json` on real files and reads the
findings back."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import AS_OF, base_data, findings_of, write_data

STUDENTS = "students/TA-24.yaml"
COMMITTEE = {"school": "vvttk", "directive": "1-2/7", "members": [
    {"name": "Õie Õppejuht", "role": "study_director"},
    {"name": "Kati Kask", "role": "leading_teacher"},
    {"name": "Siiri Sekretär", "role": "secretary"},
]}
WORK_EVIDENCE = [
    {"kind": "work_description", "name": "Töökogemuse kirjeldus"},
    {"kind": "self_analysis", "name": "Eneseanalüüs"},
    {"kind": "employment_contract", "name": "Tööleping nr 17/3 (koopia)", "date": date(2019, 5, 2)},
]


def work(**change) -> dict:
    """Work experience credited for M2 this study year: complete and on time."""
    a = {"submitted": date(2026, 9, 14), "kind": "work", "module": "M2", "where": "Koodikoda OÜ",
         "acquired_from": date(2019, 5, 2), "acquired_to": date(2026, 8, 31), "evidence": WORK_EVIDENCE,
         "decided": date(2026, 10, 8), "result": "A", "ekap": 50, "directive": "1-4/12",
         "notified": date(2026, 10, 9)}
    a.update(change)
    return {k: v for k, v in a.items() if v is not None}


def study(**change) -> dict:
    """Earlier studies at the same level and in the same volume: the grade 4 transferred for M1."""
    base = dict(kind="study", module="M1", where="Pärnu Kutsehariduskeskus", acquired_from=None,
                acquired_to=date(2024, 6, 20), same_level=True, ekap_completed=40, earlier_grade="4",
                evidence=[{"kind": "certificate", "name": "Lõputunnistus nr 000123"}], result="4", ekap=40)
    return work(**{**base, **change})


@pytest.fixture
def run(cli, tmp_path):
    counter = iter(range(1000))

    def _run(*applications, grades=None, committee=COMMITTEE, change=None, as_of=AS_OF):
        files = base_data()
        mart = files[STUDENTS][0]
        mart["prior_learning"] = list(applications)
        if grades is None:  # the journal has each credited decision's grade
            grades = [{"module": a["module"], "kind": "prior_learning", "value": a["result"], "date": a["decided"]}
                      for a in applications if a.get("result") in ("5", "4", "3", "A") and a.get("decided")]
        mart["grades"] = grades
        if committee is not None:
            files["cluster.yaml"]["prior_learning_committees"] = [committee]
        if change is not None:
            change(files)
        root = write_data(tmp_path / f"data{next(counter)}", files)
        result = cli("validate", "--data", root, "--as-of", as_of, "--format", "json", "--select", "prior-learning")
        doc = json.loads(result.stdout)
        return result.exit_code, findings_of(doc, "prior-learning")

    return _run


def clauses(found) -> list[tuple[str, str]]:
    return sorted((f["clause"], f["severity"]) for f in found)


def test_clause_lisa_5_a_complete_credited_application_passes(run):
    assert run(work()) == (0, [])
    assert run(study()) == (0, [])


def test_clause_lisa_5_i_3_only_the_last_10_years_count(run):
    code, found = run(work(acquired_from=date(2010, 1, 4), acquired_to=date(2016, 9, 13)))
    [f] = found
    assert code == 1 and (f["clause"], f["severity"]) == ("Lisa 5 I.3", "error")
    assert f["path"].endswith("prior_learning[0].acquired_to") and "2016-09-14" in f["message"]
    assert run(work(acquired_to=date(2016, 9, 14)))[1] == []
    # still undecided: a warning for the committee
    [f] = run(work(acquired_to=date(2015, 1, 1), decided=None, result=None, ekap=None, notified=None,
                   submitted=date(2026, 9, 20)), as_of="2026-10-01")[1]
    assert (f["clause"], f["severity"]) == ("Lisa 5 I.3", "warning")


def test_clause_lisa_5_ii_1_application_within_a_month_of_the_study_year_s_start(run):
    [f] = run(work(submitted=date(2026, 10, 5), decided=date(2026, 10, 20), notified=date(2026, 10, 20)))[1]
    assert (f["clause"], f["severity"]) == ("Lisa 5 II.1", "warning") and "2026-10-01" in f["message"]
    assert run(work(submitted=date(2026, 10, 1)))[1] == []
    # an earlier study year's application is closed: not chased
    assert run(work(submitted=date(2026, 1, 12), decided=date(2026, 2, 5), notified=date(2026, 2, 5)))[1] == []


def test_clause_lisa_5_ii_2_ii_4_the_evidence_of_work_experience_and_of_studies(run):
    [f] = run(work(evidence=WORK_EVIDENCE[:1]))[1]
    assert f["clause"] == "Lisa 5 II.2, II.4" and f["severity"] == "warning"
    assert "self_analysis" in f["message"] and "employment_contract | appointment_directive" in f["message"]
    reference = {"kind": "reference", "name": "Soovituskiri"}
    assert run(work(evidence=[*WORK_EVIDENCE[:2], reference]))[1] == []
    [f] = run(study(evidence=[{"kind": "self_analysis", "name": "Eneseanalüüs"}]))[1]
    assert f["clause"] == "Lisa 5 II.2, II.3" and "diploma" in f["message"]


def test_clause_lisa_5_iii_2_the_committee_of_the_school(run):
    [f] = run(work(), committee=None)[1]
    assert f["clause"] == "Lisa 5 III.1" and "vvttk" in f["message"]
    no_secretary = {**COMMITTEE, "members": COMMITTEE["members"][:2]}
    [f] = run(work(), committee=no_secretary)[1]
    assert f["clause"] == "Lisa 5 III.2" and f["file"].endswith("cluster.yaml") and "secretary" in f["message"]


def test_clause_lisa_5_iii_6_same_level_and_volume_transfers_the_original_grade(run):
    [f] = run(study(result="5"))[1]
    assert (f["clause"], f["severity"]) == ("Lisa 5 III.6, 4.6.4.10", "warning") and "(4)" in f["message"]


def test_clause_lisa_5_iii_7_another_level_or_smaller_volume_needs_a_substantive_assessment(run):
    [f] = run(study(same_level=False))[1]
    assert f["clause"] == "Lisa 5 III.7, 4.6.4.11" and f["path"].endswith("evidence")
    [f] = run(study(ekap_completed=30))[1]
    assert f["clause"] == "Lisa 5 III.7, 4.6.4.11"
    exam = {"kind": "assessment", "name": "Eksami protokoll nr 4", "date": date(2026, 10, 1)}
    assert run(study(same_level=False, evidence=[*study()["evidence"], exam]))[1] == []


def test_clause_lisa_5_iii_8_a_general_subject_under_60_percent_is_not_transferred(run):
    exam = {"kind": "assessment", "name": "Tasemetöö", "date": date(2026, 10, 1)}
    general = dict(module="G1", subject="Matemaatika", ekap=10, evidence=[*study()["evidence"], exam])
    code, found = run(study(ekap_completed=5, **general))
    [f] = found
    assert code == 1 and (f["clause"], f["severity"]) == ("Lisa 5 III.8", "error")
    assert "5 / 10" in f["message"] and "50 %" in f["message"] and "60 %" in f["message"]
    assert run(study(ekap_completed=6, **general))[1] == []
    # refused: nothing to correct
    refused = study(ekap_completed=5, result="MA", reasons="Läbitud alla 60 % mahust", **general)
    assert run(refused)[1] == []


def test_clause_lisa_5_iii_9_direct_transfer_only_on_reinstatement(run):
    reinstated = study(same_level=False, reinstated=True)
    [f] = run(reinstated)[1]
    assert f["clause"] == "Lisa 5 III.9" and f["path"].endswith("reinstated")

    def interrupted(files):
        files[STUDENTS][0]["status"] = [
            {"status": "active", "start": date(2022, 9, 1), "end": date(2023, 3, 31)},
            {"status": "expelled", "start": date(2023, 4, 1), "end": date(2024, 9, 1)},
            {"status": "active", "start": date(2024, 9, 2)},
        ]

    assert run(reinstated, change=interrupted)[1] == []  # no III.7 assessment needed either


def test_clause_lisa_5_iii_11_work_experience_credited_for_practice_needs_no_placement(run, cli, tmp_path):
    [f] = run(work(module="M3", ekap=30))[1]  # P1 is Mart's placement for M3
    assert (f["clause"], f["severity"]) == ("Lisa 5 III.11", "warning") and "P1" in f["message"]

    def matched(credit: bool) -> list[str]:
        files = base_data()
        files["placements.yaml"] = []
        files["groups.yaml"][0]["practice_periods"] = [{"module": "M3", "start": date(2027, 2, 1),
                                                        "end": date(2027, 3, 26)}]
        if credit:
            files[STUDENTS][0]["grades"].append({"module": "M3", "kind": "prior_learning", "value": "A",
                                                 "date": date(2026, 10, 8)})
        root = write_data(tmp_path / f"match{credit}", files)
        result = cli("match", "--data", root, "--as-of", AS_OF, "--format", "json")
        assert result.exit_code == 0, result.output
        return [s["student"] for s in json.loads(result.stdout)["students"]]

    assert "S1" in matched(False) and "S1" not in matched(True)


def test_clause_lisa_5_iii_14_work_experience_is_graded_pass_fail(run):
    code, found = run(work(result="4"))
    [f] = found
    assert code == 1 and (f["clause"], f["severity"]) == ("Lisa 5 III.14", "error") and f["path"].endswith("result")


def test_clause_4_6_4_9_learning_not_graded_before_is_assessed_a_or_ma(run):
    code, found = run(study(earlier_grade=None, same_level=None, ekap_completed=None))
    [f] = found
    assert code == 1 and f["clause"] == "4.6.4.9"
    assert run(study(earlier_grade=None, same_level=None, ekap_completed=None, result="A"))[1] == []
    # a VÕTA grade in the journal with no decision behind it
    grade = {"module": "M1", "kind": "prior_learning", "value": "5", "date": date(2026, 10, 1)}
    [f] = run(grades=[grade])[1]
    assert f["clause"] == "Lisa 5 IV.1" and f["path"].endswith("grades[0].kind")


def test_clause_lisa_5_iii_15_decided_within_a_month(run):
    [f] = run(work(decided=None, result=None, ekap=None, notified=None))[1]
    assert (f["clause"], f["severity"]) == ("Lisa 5 III.15", "warning") and "2026-10-14" in f["message"]
    assert run(work(decided=None, result=None, ekap=None, notified=None, submitted=date(2026, 9, 28)),
               as_of="2026-10-20")[1] == []
    [f] = run(work(decided=date(2026, 11, 2), notified=date(2026, 11, 2)))[1]
    assert (f["clause"], f["severity"]) == ("Lisa 5 III.15", "info")


def test_clause_lisa_5_iv_1_iv_2_the_decision_states_grade_volume_reasons_and_is_notified(run):
    assert clauses(run(work(result=None, ekap=None))[1]) == [("Lisa 5 IV.1", "warning")]
    [f] = run(work(ekap=None))[1]
    assert f["clause"] == "Lisa 5 IV.1" and "maht" in f["message"]
    [f] = run(work(result="MA"))[1]
    assert f["clause"] == "Lisa 5 IV.1" and "põhjendus" in f["message"]
    assert run(work(result="MA", reasons="Töökogemus ei kata mooduli õpiväljundeid"))[1] == []
    [f] = run(work(notified=None))[1]
    assert f["clause"] == "Lisa 5 IV.2"
    [f] = run(work(), grades=[])[1]
    assert f["clause"] == "Lisa 5 IV.1" and "päevikus" in f["message"]


def test_the_sample_shows_prior_learning(cli):
    result = cli("validate", "--data", "data", "--as-of", AS_OF, "--format", "json", "--select", "prior-learning")
    found = findings_of(json.loads(result.stdout), "prior-learning")
    assert result.exit_code == 0 and {f["clause"] for f in found} == {"Lisa 5 II.1", "Lisa 5 III.15"}


def test_clause_lisa_5_iii_15_the_calendar_chases_an_undecided_application(calendar_of):
    files = base_data()
    files[STUDENTS][0]["prior_learning"] = [work(decided=None, result=None, ekap=None, notified=None),
                                            work(module="M3", submitted=date(2026, 9, 28), decided=None,
                                                 result=None, ekap=None, notified=None),
                                            work(module="M1")]  # decided: nothing to chase
    events = [e for e in calendar_of(files, "2026-10-20")["events"] if e["kind"] == "prior-decide"]
    assert [e["date"] for e in events] == ["2026-10-20", "2026-10-28"]
    assert {e["clause"] for e in events} == {"Lisa 5 III.15"}
    assert "2026-10-14" in events[0]["message"] and "M2" in events[0]["message"]  # overdue: on the as-of date
    # …and said to be late: the day it stands on is not its deadline
    assert [e["overdue"] for e in events] == [True, False]
    assert events[0]["message"].startswith("HILINENUD: ") and not events[1]["message"].startswith("HILINENUD")
