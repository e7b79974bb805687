"""Admission (4.1, Lisa 1; issue 21, item 11): entry requirements by level and kind, the documents
handed in, the admission committee, the opening of a group and a change of curriculum. Liis (S2)
of the base data is a minor first-year on the vocational secondary (KKH) curriculum 150001; each
test gives her an `admission:` and changes one thing."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from tests.conftest import ADULT2_CODE, base_data, findings_of, write_data

STUDENTS = "students/TA-24.yaml"
GOOD = {"date": date(2026, 8, 20), "directive": "1-3/45", "education": "basic",
        "documents": ["id_document", "application", "certificate", "guardian_consent"]}


def curriculum(files, code, level, kind):
    """A copy of the base curriculum under another code, level and kind."""
    c = copy.deepcopy(files["curricula.yaml"][0])
    c.update(code=code, level=level, kind=kind)
    files["curricula.yaml"].append(c)


@pytest.fixture
def run(cli, tmp_path):
    counter = iter(range(1000))

    def _run(admission=None, change=None, **liis_fields):
        files = base_data()
        for code, level, kind in (("L4", 4, "initial"), ("L4C", 4, "continuing"), ("L5", 5, "initial"),
                                  ("L5C", 5, "continuing"), ("L3", 3, "initial")):
            curriculum(files, code, level, kind)
        liis = files[STUDENTS][1]
        if admission is not None:
            liis["admission"] = admission
        liis.update(liis_fields)
        if change is not None:
            change(files)
        root = write_data(tmp_path / f"data{next(counter)}", files)
        return cli.validate_json(root)

    return _run


def clauses(doc, code):
    return sorted(f["clause"] for f in findings_of(doc, code))


def test_clause_lisa_1_ii_4_4_1_6_kkh_entry_basic_education_or_22_with_competences(run):
    assert findings_of(run(GOOD)[1], "admission-entry") == []
    none = {**GOOD, "education": "none"}
    [v] = findings_of(run(none)[1], "admission-entry")
    assert (v["clause"], v["severity"]) == ("4.1.6, Lisa 1 II.4", "warning") and "22" in v["message"]
    assert v["path"].endswith("admission.education")
    # 22 or older with the competences assessed by the school: allowed
    adult = {**none, "competences_assessed": date(2026, 8, 1)}
    assert findings_of(run(adult, personal_code=ADULT2_CODE)[1], "admission-entry") == []
    # the competences without the age are not enough
    assert clauses(run(adult)[1], "admission-entry") == ["4.1.6, Lisa 1 II.4"]


def test_clause_lisa_1_ii_6_ii_7_level_4_initial_basic_level_5_initial_secondary(run):
    none = {**GOOD, "education": "none"}
    assert clauses(run(none, curriculum="L4")[1], "admission-entry") == ["4.1.8, Lisa 1 II.6"]
    assert findings_of(run(GOOD, curriculum="L4")[1], "admission-entry") == []
    assert clauses(run(GOOD, curriculum="L5")[1], "admission-entry") == ["4.1.9, 3.5.2, Lisa 1 II.7"]
    assert findings_of(run({**GOOD, "education": "secondary"}, curriculum="L5")[1], "admission-entry") == []
    # level 3 asks no basic education (4.1.7)
    assert findings_of(run(none, curriculum="L3")[1], "admission-entry") == []


def test_clause_3_4_3_4_1_8_level_4_continuing_needs_a_qualification_and_basic_education(run):
    [v] = findings_of(run(GOOD, curriculum="L4C")[1], "admission-entry")
    assert v["clause"] == "3.4.3, 4.1.8" and "qualification_level" in v["hint"]
    assert findings_of(run({**GOOD, "qualification_level": 3}, curriculum="L4C")[1], "admission-entry") == []
    assert findings_of(run({**GOOD, "competences_assessed": date(2026, 8, 1)}, curriculum="L4C")[1],
                       "admission-entry") == []
    assert clauses(run({**GOOD, "education": "none", "qualification_level": 4}, curriculum="L4C")[1],
                   "admission-entry") == ["3.4.3, 4.1.8"]


def test_clause_3_5_2_level_5_continuing_needs_a_qualification_and_secondary_education(run):
    secondary = {**GOOD, "education": "secondary"}
    assert clauses(run(secondary, curriculum="L5C")[1], "admission-entry") == ["3.5.2"]
    assert clauses(run({**secondary, "qualification_level": 3}, curriculum="L5C")[1], "admission-entry") == ["3.5.2"]
    assert findings_of(run({**secondary, "qualification_level": 4}, curriculum="L5C")[1], "admission-entry") == []
    assert clauses(run({**GOOD, "qualification_level": 5}, curriculum="L5C")[1], "admission-entry") == ["3.5.2"]


def test_clause_lisa_1_ii_10_simplified_curriculum_graduate_is_admitted_after_a_test(run):
    simplified = {**GOOD, "education": "basic_simplified"}
    [v] = findings_of(run(simplified)[1], "admission-entry")
    assert v["clause"] == "Lisa 1 II.10" and "test_passed" in v["hint"]
    assert findings_of(run({**simplified, "test_passed": date(2026, 6, 18)})[1], "admission-entry") == []


def test_clause_lisa_1_i_3_citizens_and_residence_permit_holders_apply(run):
    [v] = findings_of(run(GOOD, residence="none")[1], "admission-entry")
    assert v["clause"] == "Lisa 1 I.3" and v["path"].endswith("residence")
    assert findings_of(run(None, residence="none")[1], "admission-entry") == []  # no admission recorded


def test_clause_lisa_1_iii_1_1_1_4_the_documents_of_an_entry(run):
    bare = {**GOOD, "documents": []}
    assert clauses(run(bare)[1], "admission-documents") == [
        "Lisa 1 III.1.1", "Lisa 1 III.1.2", "Lisa 1 III.1.3", "Lisa 1 III.1.4"]
    assert findings_of(run(GOOD)[1], "admission-documents") == []
    # a foreigner also hands in the residence permit (or proof of legal stay)
    [v] = findings_of(run(GOOD, residence="temporary")[1], "admission-documents")
    assert v["clause"] == "Lisa 1 III.1.1" and "residence_permit" in v["hint"]
    # an adult needs no parent's consent; level 3 no certificate
    adult = {**GOOD, "documents": ["id_document", "application"]}
    assert findings_of(run(adult, personal_code=ADULT2_CODE, curriculum="L3")[1], "admission-documents") == []


def test_clause_lisa_1_iv_2_iv_3_transfer_transcript_and_mid_year_proposal(run):
    moved = {**GOOD, "previous_school": "Tallinna Polütehnikum"}
    [v] = findings_of(run(moved)[1], "admission-documents")
    assert v["clause"] == "Lisa 1 IV.2" and "transcript" in v["hint"]
    assert findings_of(run({**moved, "documents": [*GOOD["documents"], "transcript"]})[1], "admission-documents") == []
    # admitted from 1 November: the leading teacher's proposal and the directive
    mid = {**GOOD, "date": date(2026, 11, 16)}
    status = [{"status": "active", "start": date(2026, 11, 16)}]
    [v] = findings_of(run(mid, start=date(2026, 11, 16), status=status)[1], "admission-documents")
    assert v["clause"] == "Lisa 1 IV.3" and "admission.proposal" in v["hint"]
    assert findings_of(run({**mid, "proposal": date(2026, 11, 10)}, start=date(2026, 11, 16), status=status)[1],
                       "admission-documents") == []


def test_clause_4_1_12_lisa_1_i_7_entered_by_directive_by_the_start(run):
    [v] = findings_of(run({**GOOD, "directive": None})[1], "admission-documents")
    assert v["clause"] == "Lisa 1 I.7, 4.1.12"
    [v] = findings_of(run({**GOOD, "date": date(2026, 9, 10)})[1], "admission-documents")
    assert v["clause"] == "4.1.12" and "2026-09-10" in v["message"]


def committee(members, appointed=date(2026, 5, 15)):
    def change(files):
        files["cluster.yaml"]["admission_committees"] = [
            {"school": "vvttk", "appointed": appointed, "directive": "1-3/21", "members": members}]
    return change


def test_clause_lisa_1_i_4_admission_committee_of_four_with_a_one_year_mandate(run):
    four = ["A Aas", "B Bass", "C Cerb", "D Dill"]
    assert findings_of(run(GOOD, change=committee(four))[1], "admission-committee") == []
    [v] = findings_of(run(GOOD, change=committee(four[:3]))[1], "admission-committee")
    assert v["clause"] == "Lisa 1 I.4" and v["file"].endswith("cluster.yaml") and "4" in v["message"]
    # the mandate of one year had ended on the admission day
    [v] = findings_of(run(GOOD, change=committee(four, date(2025, 6, 1)))[1], "admission-committee")
    assert v["file"].endswith("TA-24.yaml") and v["path"].endswith("admission.date")
    # admissions but no committee of the school at all
    [v] = findings_of(run(GOOD)[1], "admission-committee")
    assert v["file"].endswith("cluster.yaml") and "vvttk" in v["message"]


def test_clause_lisa_1_ii_2_group_not_opened_under_half_of_the_planned_places(run):
    def places(planned, applications):
        def change(files):
            files["groups.yaml"][0].update(planned_places=planned, applications=applications)
        return change

    [v] = findings_of(run(change=places(24, 11))[1], "group-opening")
    assert (v["clause"], v["path"]) == ("Lisa 1 II.2", "groups[0].applications") and "11" in v["message"]
    assert findings_of(run(change=places(24, 12))[1], "group-opening") == []


def kkh_move(on, directive="1-3/80", grades=None):
    """Liis moved from the KKH curriculum 150001 to the level-4 initial curriculum L4 on `on`."""
    def change(files):
        liis = files[STUDENTS][1]
        liis["curriculum"] = "L4"
        liis["start"] = date(2025, 9, 1)
        liis["status"] = [{"status": "active", "start": date(2025, 9, 1)}]
        liis["curriculum_changes"] = [{"date": on, "from_curriculum": "150001", "directive": directive}]
        liis["grades"] = grades or []
    return change


def test_clause_lisa_1_i_9_ii_9_kkh_to_a_basic_education_curriculum_after_year_one_with_positive_results(run):
    assert findings_of(run(change=kkh_move(date(2026, 9, 1)))[1], "curriculum-change") == []
    [v] = findings_of(run(change=kkh_move(date(2026, 3, 2)))[1], "curriculum-change")
    assert v["clause"] == "Lisa 1 I.9.1, II.9" and v["path"].endswith("curriculum_changes[0].date")
    failed = [{"module": "M1", "kind": "module", "value": 2, "date": date(2026, 6, 10)}]
    [v] = findings_of(run(change=kkh_move(date(2026, 9, 1), grades=failed))[1], "curriculum-change")
    assert v["clause"] == "Lisa 1 I.9.2" and "M1" in v["message"]
    # a debt in a general subject is what the move is for: not held against it
    general = [{"module": "G1", "kind": "module", "value": 2, "date": date(2026, 6, 10)}]
    assert findings_of(run(change=kkh_move(date(2026, 9, 1), grades=general))[1], "curriculum-change") == []
    [v] = findings_of(run(change=kkh_move(date(2026, 9, 1), directive=None))[1], "curriculum-change")
    assert v["clause"] == "Lisa 1 II.9"


def test_clause_lisa_1_i_13_5_a_first_year_changes_curriculum_within_two_months(run):
    def move(on):
        def change(files):
            files[STUDENTS][1]["curriculum_changes"] = [{"date": on, "from_curriculum": "L4"}]
        return change

    assert findings_of(run(change=move(date(2026, 10, 15)))[1], "curriculum-change") == []
    [v] = findings_of(run(change=move(date(2026, 11, 9)))[1], "curriculum-change")
    assert v["clause"] == "Lisa 1 I.13.5" and "2026-09-01" in v["message"]


def test_a_former_curriculum_and_a_committees_school_are_known_references(run):
    def change(files):
        files[STUDENTS][1]["curriculum_changes"] = [{"date": date(2026, 9, 20), "from_curriculum": "999999"}]
        committee(["A Aas", "B Bass", "C Cerb", "D Dill"])(files)
        files["cluster.yaml"]["admission_committees"][0]["school"] = "koodikoda"

    code, doc = run(GOOD, change=change)
    paths = sorted(f["path"] for f in findings_of(doc, "unknown-reference"))
    assert code == 1
    assert paths == ["admission_committees[0].school", "students[1].curriculum_changes[0].from_curriculum"]
